#include "geo/clip.h"

#include <cstddef>

namespace chronoatlas::geo {

Ring clip_ring(const Ring& ring, Axis axis, double at, bool keep_below) {
  auto coord = [&](LonLat p) { return axis == Axis::Lon ? p.lon : p.lat; };
  auto inside = [&](LonLat p) { return keep_below ? coord(p) <= at : coord(p) >= at; };
  Ring out;
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    LonLat a = ring[i], b = ring[i + 1];
    bool ia = inside(a), ib = inside(b);
    if (ia) out.push_back(a);
    if (ia != ib) {
      double f = (at - coord(a)) / (coord(b) - coord(a));
      LonLat cut{a.lon + (b.lon - a.lon) * f, a.lat + (b.lat - a.lat) * f};
      (axis == Axis::Lon ? cut.lon : cut.lat) = at;  // exactly on the line, whatever the rounding
      out.push_back(cut);
    }
  }
  if (out.size() < 3) return {};
  out.push_back(out.front());
  return out;
}

Polygon clip_polygon(const Polygon& polygon, Axis axis, double at, bool keep_below) {
  Polygon out;
  for (const Ring& r : polygon)
    if (Ring c = clip_ring(r, axis, at, keep_below); !c.empty()) out.push_back(std::move(c));
  return out;
}

}  // namespace chronoatlas::geo
