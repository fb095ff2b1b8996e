#include "story/time.h"

#include <cmath>
#include <cstdio>

namespace chronoatlas::story {
namespace {

struct Civil {
  int year, month, day;
};

// Howard Hinnant's days-from-civil algorithm (public domain), exact for all Gregorian dates.
long long civil_to_days(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

Civil days_to_civil(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int days_in_month(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : len[m - 1];
}

}  // namespace

Days days_from_civil(int year, int month, int day) { return static_cast<Days>(civil_to_days(year, month, day)); }

Result<Days> parse_iso_date(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
  auto bad = [&](const char* why) { return Error{"date '" + text + "': " + why + " (expected YYYY-MM-DD)"}; };
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10) return bad("not a date");
  if (mo < 1 || mo > 12) return bad("month out of range");
  if (d < 1 || d > days_in_month(y, mo)) return bad("day out of range");
  if (text.size() > 10) {
    int used_time = 0;
    const char* rest = text.c_str() + 10;
    if ((*rest != 'T' && *rest != ' ') ||
        (std::sscanf(rest + 1, "%2d:%2d%n:%2d%n", &h, &mi, &used_time, &s, &used_time) < 2) ||
        10 + 1 + static_cast<size_t>(used_time) != text.size())
      return bad("unreadable time of day");
    if (h > 23 || mi > 59 || s > 59) return bad("time of day out of range");
  }
  return days_from_civil(y, mo, d) + (h * 3600 + mi * 60 + s) / 86400.0;
}

std::string format_date(Days t) {
  Civil c = days_to_civil(static_cast<long long>(std::floor(t)));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

std::string format_date_time(Days t) {
  // Round the whole instant to the minute, so 23:59:59.9 reads as the next day's 00:00, never as 24:00.
  const long long total = std::llround(t * 1440);
  const long long day = total >= 0 ? total / 1440 : (total - 1439) / 1440;
  const int minutes = static_cast<int>(total - day * 1440);
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", minutes / 60, minutes % 60);
  return format_date(static_cast<Days>(day)) + buf;
}

CivilDate civil_date(Days t) {
  Civil c = days_to_civil(static_cast<long long>(std::floor(t)));
  return {c.year, c.month, c.day};
}

std::string month_name(int month, bool abbreviated) {
  static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};
  std::string name = names[(month - 1 + 1200) % 12];
  return abbreviated ? name.substr(0, 3) : name;
}

std::string format_date_long(Days t) {
  CivilDate c = civil_date(t);
  return std::to_string(c.day) + " " + month_name(c.month) + " " + std::to_string(c.year);
}

std::string format_date_short(Days t) {
  CivilDate c = civil_date(t);
  return std::to_string(c.day) + " " + month_name(c.month, true) + " " + std::to_string(c.year);
}

Days end_of_day(Days t) { return std::floor(t) + kEndOfDay; }

bool is_end_of_day(Days t) { return std::fabs(t - end_of_day(t)) < 0.5 / 1440; }

Result<Days> parse_moment(const std::string& text) {
  auto t = parse_iso_date(text);
  if (!t) return t;
  return text.size() > 10 ? *t : end_of_day(*t);
}

std::string format_moment(Days t) {
  if (is_end_of_day(t)) return "as of " + format_date_long(t);
  return format_date_long(t) + "," + format_date_time(t).substr(10);
}

}  // namespace chronoatlas::story
