#include "cli/options.h"

#include <cstdio>


namespace chronoatlas::cli {

Result<std::string> Args::value(const std::string& option) {
  if (at + 1 >= items.size()) return Error{option + " needs a value"};
  at += 2;
  return items[at - 1];
}

Result<BoundsLonLat> parse_bbox(const std::string& text) {
  double w, s, e, n;
  int used = 0;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%n", &w, &s, &e, &n, &used) != 4 ||
      used != static_cast<int>(text.size()))
    return Error{"--bbox '" + text + "': expected W,S,E,N in degrees"};
  if (!(w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90))  // false for NaN too
    return Error{"--bbox '" + text + "': needs west < east within -180..180 and south < north within -90..90"};
  BoundsLonLat b;
  b.extend(LonLat{w, s});
  b.extend(LonLat{e, n});
  return b;
}

Result<std::pair<int, int>> parse_size(const std::string& text) {
  int w = 0, h = 0, used = 0;
  if (std::sscanf(text.c_str(), "%dx%d%n", &w, &h, &used) != 2 || used != static_cast<int>(text.size()) || w <= 0 ||
      h <= 0)
    return Error{"--size '" + text + "': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080"};
  return std::make_pair(w, h);
}

}  // namespace chronoatlas::cli
