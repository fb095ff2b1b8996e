#include "cli/options.h"

#include <algorithm>
#include <limits>

#include "base/numbers.h"
#include "base/text.h"

namespace chronoatlas::cli {

Result<std::string> Args::value(const std::string& option) {
  if (at + 1 >= items.size()) return Error{option + " needs a value"};
  at += 2;
  return items[at - 1];
}

Result<BoundsLonLat> parse_bbox(const std::string& text) {
  const std::vector<std::string> parts = split(text, ',');
  std::optional<double> v[4];
  for (size_t i = 0; i < parts.size() && i < 4; ++i) v[i] = parse_number(parts[i]);
  if (parts.size() != 4 || std::count(text.begin(), text.end(), ',') != 3 || !v[0] || !v[1] || !v[2] || !v[3])
    return Error{"--bbox '" + text + "': expected W,S,E,N in degrees"};
  const double w = *v[0], s = *v[1], e = *v[2], n = *v[3];
  if (!(w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90))  // false for NaN too
    return Error{"--bbox '" + text + "': needs west < east within -180..180 and south < north within -90..90"};
  BoundsLonLat b;
  b.extend(LonLat{w, s});
  b.extend(LonLat{e, n});
  return b;
}

Result<std::pair<int, int>> parse_size(const std::string& text) {
  // Any int here: the image's own limit is checked, with its message, where the image is made.
  constexpr long long kLargestInt = std::numeric_limits<int>::max();
  const size_t x = text.find('x');
  const std::optional<long long> w = parse_integer(std::string_view(text).substr(0, x), 1, kLargestInt),
                                 h = x == std::string::npos ? std::nullopt : parse_integer(std::string_view(text).substr(x + 1), 1, kLargestInt);
  if (!w || !h) return Error{"--size '" + text + "': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080"};
  return std::make_pair(static_cast<int>(*w), static_cast<int>(*h));
}

}  // namespace chronoatlas::cli
