#pragma once
// Plain coordinate types shared by every module. Units are in the names: degrees or projected metres.
#include <vector>

namespace chronoatlas {

struct LonLat {
  double lon;  // degrees east
  double lat;  // degrees north
};

// A coordinate that every step after reading may rely on: finite, longitude within ±180, latitude within ±90.
inline bool on_earth(const LonLat& p) { return p.lon >= -180 && p.lon <= 180 && p.lat >= -90 && p.lat <= 90; }
inline bool all_on_earth(const std::vector<LonLat>& points) {
  for (const LonLat& p : points)
    if (!on_earth(p)) return false;
  return true;
}

struct XY {
  double x;  // projected metres (or the projection's own unit)
  double y;
};

struct BoundsLonLat {
  double west = 180, south = 90, east = -180, north = -90;  // degrees; empty while west > east
  bool empty() const { return west > east; }
  void extend(LonLat p) {
    if (p.lon < west) west = p.lon;
    if (p.lon > east) east = p.lon;
    if (p.lat < south) south = p.lat;
    if (p.lat > north) north = p.lat;
  }
  void extend(const BoundsLonLat& b) {
    if (b.empty()) return;
    extend(LonLat{b.west, b.south});
    extend(LonLat{b.east, b.north});
  }
};

struct BoundsXY {
  double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
  bool empty() const { return min_x > max_x; }
  void extend(XY p) {
    if (p.x < min_x) min_x = p.x;
    if (p.x > max_x) max_x = p.x;
    if (p.y < min_y) min_y = p.y;
    if (p.y > max_y) max_y = p.y;
  }
};

using Ring = std::vector<LonLat>;       // closed: the last point repeats the first
using Polygon = std::vector<Ring>;      // first ring is the shell, the rest are holes
using LineString = std::vector<LonLat>;

}  // namespace chronoatlas
