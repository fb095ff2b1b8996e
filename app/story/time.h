#pragma once
// The time model: instants as days since 1970-01-01 00:00 (scenario-local time, no time zones), half-open intervals.
#include <limits>
#include <string>

#include "base/result.h"

namespace chronoatlas::story {

using Days = double;  // days since 1970-01-01 00:00; the fraction is the time of day

constexpr Days kNever = std::numeric_limits<double>::infinity();

// Days from the civil date (proleptic Gregorian). No validation.
Days days_from_civil(int year, int month, int day);
// Accepts YYYY-MM-DD, optionally followed by THH:MM or THH:MM:SS (or a space instead of T). Rejects impossible dates
// (2023-02-30) with a message naming the value.
Result<Days> parse_iso_date(const std::string& text);
// YYYY-MM-DD of the day containing T.
std::string format_date(Days t);
// YYYY-MM-DD HH:MM.
std::string format_date_time(Days t);
// "24 September 2023".
std::string format_date_long(Days t);
// "24 Sep 2023".
std::string format_date_short(Days t);

struct CivilDate {
  int year, month, day;  // month and day from 1
};
// The calendar date of the day containing T.
CivilDate civil_date(Days t);
// "September", or "Sep" when ABBREVIATED; MONTH from 1 to 12.
std::string month_name(int month, bool abbreviated = false);

// The one time rule, for samples, events, features and the UI alike: a date without a time of day means the state
// at the end of that day (23:59 local time); a date with a time means that moment. So a figure reported on a day
// without a time counts from the end of that day, events and feature starts count from the day's first minute, and
// choosing a date shows everything that happened on it.
constexpr Days kEndOfDay = 1 - 1.0 / 1440;
// The end (23:59) of the day containing T.
Days end_of_day(Days t);
// True when T is the end of its day.
bool is_end_of_day(Days t);
// A moment asked for by a user: YYYY-MM-DD is the end of that day; with THH:MM it is that moment.
Result<Days> parse_moment(const std::string& text);
// "as of 30 September 2023" at the end of a day; "30 September 2023, 14:00" within it.
std::string format_moment(Days t);

// [start, end): start inclusive, end exclusive. An open end is kNever, an open start -kNever.
struct Interval {
  Days start = -kNever;
  Days end = kNever;
  bool contains(Days t) const { return start <= t && t < end; }
};

}  // namespace chronoatlas::story
