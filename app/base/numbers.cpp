#include "base/numbers.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace chronoatlas {

namespace {

// from_chars takes no '+': one is allowed before a digit, as people and spreadsheets write it.
std::string_view without_plus(std::string_view text) {
  if (text.size() > 1 && text.front() == '+' && text[1] != '-') text.remove_prefix(1);
  return text;
}

}  // namespace

std::optional<long long> parse_integer(std::string_view text, long long lowest, long long highest) {
  text = without_plus(text);
  long long v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < lowest || v > highest) return std::nullopt;
  return v;
}

std::optional<double> parse_number(std::string_view text) {
  text = without_plus(text);
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::general);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace chronoatlas
