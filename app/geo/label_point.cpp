#include "geo/label_point.h"

#include <algorithm>
#include <cmath>

#include "geo/clip.h"
#include "geo/planar.h"
#include "geo/simplify.h"

namespace chronoatlas::geo {
namespace {

// POLYGON with detail below a 1/400 of its size dropped: the search probes every edge ~500 times, and a label's place
// does not depend on a coastline's every cove. Holes that vanish are dropped; a shell that would vanish is kept.
Polygon outline(const Polygon& polygon, const BoundsLonLat& b) {
  const double tolerance = std::max(b.east - b.west, b.north - b.south) / 400;
  Polygon out;
  for (const Ring& ring : polygon) {
    Ring simple = simplify(ring, tolerance, true);
    if (!simple.empty()) out.push_back(std::move(simple));
    else if (out.empty()) out.push_back(ring);
  }
  return out;
}

}  // namespace

double distance_inside(const Polygon& polygon, LonLat p) {
  double d = 1e300;
  bool in = false;
  for (size_t r = 0; r < polygon.size(); ++r) {
    const Ring& ring = polygon[r];
    if (inside_even_odd(ring, p)) in = !in;
    for (size_t i = 0; i + 1 < ring.size(); ++i) d = std::min(d, squared_distance_to_segment(p, ring[i], ring[i + 1]));
  }
  d = std::sqrt(d);
  return in ? d : -d;
}

LonLat label_point(const Polygon& full) {
  BoundsLonLat b;
  for (LonLat p : full.front()) b.extend(p);
  const Polygon polygon = outline(full, b);
  LonLat best{(b.west + b.east) / 2, (b.south + b.north) / 2};
  double best_d = distance_inside(polygon, best);
  // Coarse grid, then two finer grids around the best point so far.
  double cell_w = (b.east - b.west) / 12, cell_h = (b.north - b.south) / 12;
  for (int round = 0; round < 3; ++round) {
    LonLat centre = best;
    for (int i = -6; i <= 6; ++i)
      for (int j = -6; j <= 6; ++j) {
        LonLat p{centre.lon + i * cell_w, centre.lat + j * cell_h};
        double d = distance_inside(polygon, p);
        if (d > best_d) best_d = d, best = p;
      }
    cell_w /= 6, cell_h /= 6;
  }
  return best;
}

std::optional<LonLat> label_point_within(const Polygon& polygon, const BoundsLonLat& box) {
  Polygon part = clip_polygon(polygon, Axis::Lon, box.west, false);
  part = clip_polygon(part, Axis::Lon, box.east, true);
  part = clip_polygon(part, Axis::Lat, box.south, false);
  part = clip_polygon(part, Axis::Lat, box.north, true);
  if (part.empty()) return std::nullopt;
  return label_point(part);
}

}  // namespace chronoatlas::geo
