#include "geo/planar.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::geo {

double squared_distance_to_segment(XY p, XY a, XY b) {
  const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  const double ex = p.x - a.x - t * dx, ey = p.y - a.y - t * dy;
  return ex * ex + ey * ey;
}

bool inside_even_odd(const Ring& ring, LonLat p) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const LonLat &a = ring[i], &b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
      in = !in;
  }
  return in;
}

bool inside_even_odd(const Polygon& polygon, LonLat p) {
  bool in = false;
  for (const Ring& ring : polygon)
    if (inside_even_odd(ring, p)) in = !in;
  return in;
}

double planar_area(const Polygon& polygon) {
  double total = 0;
  for (size_t r = 0; r < polygon.size(); ++r) {
    double twice = 0;
    const Ring& ring = polygon[r];
    for (size_t i = 0; i + 1 < ring.size(); ++i)
      twice += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    total += (r == 0 ? 1 : -1) * std::fabs(twice) / 2;
  }
  return total;
}

const Polygon* largest_polygon(const std::vector<Polygon>& polygons, double* area) {
  const Polygon* largest = nullptr;
  double largest_area = -1;
  for (const Polygon& p : polygons)
    if (const double a = planar_area(p); a > largest_area) largest_area = a, largest = &p;
  if (area) *area = largest_area;
  return largest;
}

}  // namespace chronoatlas::geo
