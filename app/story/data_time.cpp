#include "story/data_time.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>

#include "base/numbers.h"
#include "base/text.h"

namespace chronoatlas::story {
namespace {

int month_from_name(const std::string& written) {
  const std::string word = ascii_lower(written);
  if (word.size() < 3) return 0;
  for (int m = 1; m <= 12; ++m) {
    const std::string name = ascii_lower(month_name(m));
    if (name.compare(0, word.size(), word) == 0 || (word == "sept" && m == 9)) return m;
  }
  return 0;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "20 September 2023", "20-Sep-2023", "September 20, 2023", "Sep 20 2023": words split at spaces, commas, dashes, dots.
Result<DataTime> written_date(const std::string& text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text + " ") {
    if (c == ' ' || c == ',' || c == '-' || c == '.' || c == '\t') {
      if (!w.empty()) words.push_back(w), w.clear();
    } else {
      w += c;
    }
  }
  if (words.size() != 3) return Error{"not a date"};
  int month;
  std::optional<long long> day, year;
  if (all_digits(words[0]) && (month = month_from_name(words[1])) && all_digits(words[2]))
    day = parse_integer(words[0], 1, 31), year = parse_integer(words[2], 1000, 9999);
  else if ((month = month_from_name(words[0])) && all_digits(words[1]) && all_digits(words[2]))
    day = parse_integer(words[1], 1, 31), year = parse_integer(words[2], 1000, 9999);
  else
    return Error{"not a date"};
  if (!day || !year) return Error{"not a date"};
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04lld-%02d-%02lld", *year, month, *day);
  auto d = parse_iso_date(iso);
  if (!d) return Error{"day out of range"};
  return DataTime{*d, false};
}

// "T24:00" or "T24:00:00" after the date: the end of that day.
bool end_of_day_time(const std::string& text) {
  return text.size() >= 16 && (text[10] == 'T' || text[10] == ' ') && text.compare(11, 5, "24:00") == 0 &&
         (text.size() == 16 || text.compare(16, std::string::npos, ":00") == 0);
}

// ISO 8601 with what GPX and KML add: seconds' fractions and a zone (Z, +04:00, +0400), read past.
Result<DataTime> iso_date_time(std::string text) {
  if (text.size() >= 10 && text[4] == '/' && text[7] == '/') text[4] = text[7] = '-';
  bool offset = false;
  if (text.size() > 10) {
    size_t end = text.size();
    if (text.back() == 'Z' || text.back() == 'z') --end;
    else if (end > 16) {
      const size_t sign = text.find_last_of("+-");
      if (sign != std::string::npos && sign > 10) end = sign, offset = true;
    }
    text.resize(end);
    if (const size_t dot = text.find('.', 10); dot != std::string::npos) text.resize(dot);
  }
  if (text.size() == 19 && text.compare(16, 3, ":60") == 0) text.resize(16);  // a leap second: its minute
  if (end_of_day_time(text)) {
    auto day = parse_iso_date(text.substr(0, 10));
    if (!day) return Error{day.error()};
    return DataTime{*day + 1, true, offset};
  }
  auto d = parse_iso_date(text);
  if (!d) return Error{d.error()};
  return DataTime{*d, text.size() > 10, offset};
}

// "13.02.2023", "20/02/2023", "3-4-23": the two numbers before the year, as written (nothing when TEXT is not such a
// date), and the rest (a time after a space, or "").
struct NumericDate {
  int first = 0, second = 0, year = 0;
  std::string time;
};

std::optional<NumericDate> numeric_date(const std::string& text) {
  const size_t space = text.find_first_of(" T");
  const std::string date = text.substr(0, space);
  const char sep = date.find('.') != std::string::npos ? '.' : date.find('/') != std::string::npos ? '/' : '-';
  const std::vector<std::string> parts = split(date, sep);
  if (parts.size() != 3 || parts[0].size() > 2 || parts[1].size() > 2 || (parts[2].size() != 2 && parts[2].size() != 4))
    return std::nullopt;
  for (const std::string& p : parts)
    if (!all_digits(p)) return std::nullopt;
  const auto a = parse_integer(parts[0], 1, 31), b = parse_integer(parts[1], 1, 31), y = parse_integer(parts[2], 0, 9999);
  if (!a || !b || !y) return std::nullopt;
  int year = static_cast<int>(*y);
  if (parts[2].size() == 2) year += year < 69 ? 2000 : 1900;
  return NumericDate{static_cast<int>(*a), static_cast<int>(*b), year,
                     space == std::string::npos ? "" : text.substr(space + 1)};
}

Result<DataTime> numeric_date_time(const NumericDate& n, bool day_first) {
  const int day = day_first ? n.first : n.second, month = day_first ? n.second : n.first;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", n.year, month, day);
  return iso_date_time(n.time.empty() ? std::string(iso) : std::string(iso) + "T" + n.time);
}

}  // namespace

DayOrder numeric_day_first(const std::vector<std::string>& values) {
  DayOrder order;
  bool month_first_shown = false;
  for (const std::string& v : values) {
    const auto n = numeric_date(v);
    if (!n) continue;
    order.seen = true;
    if (n->first > 12) return {true, false, true};
    month_first_shown |= n->second > 12;
  }
  if (month_first_shown) return {false, false, true};
  order.assumed = order.seen;
  return order;
}

Result<DataTime> parse_data_time(const std::string& raw, bool day_first) {
  size_t b = raw.find_first_not_of(" \t\r\n"), e = raw.find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return Error{"date '': empty"};
  const std::string text = raw.substr(b, e - b + 1);
  if (text.size() >= 10 && std::isdigit(static_cast<unsigned char>(text[0])) && (text[4] == '-' || text[4] == '/')) {
    auto iso = iso_date_time(text);
    if (iso) return iso;
    return Error{iso.error()};
  }
  if (const auto n = numeric_date(text)) {
    auto numeric = numeric_date_time(*n, day_first);
    if (numeric) return numeric;
    return Error{"date '" + text + "': " + numeric.error()};
  }
  auto written = written_date(text);
  if (written) return written;
  if (written.error() != "not a date") return Error{"date '" + text + "': " + written.error()};
  return Error{"date '" + text + "': not a date (expected YYYY-MM-DD, 20.09.2023, or a written date such as 20 September "
                                 "2023)"};
}

bool plausible_date(Days at) {
  constexpr Days kFirst = -62091;  // 1800-01-01
  constexpr Days kEnd = 84371;     // 2201-01-01
  return at >= kFirst && at < kEnd;
}

}  // namespace chronoatlas::story
