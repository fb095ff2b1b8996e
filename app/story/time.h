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

// [start, end): start inclusive, end exclusive. An open end is kNever, an open start -kNever.
struct Interval {
  Days start = -kNever;
  Days end = kNever;
  bool contains(Days t) const { return start <= t && t < end; }
};

}  // namespace chronoatlas::story
