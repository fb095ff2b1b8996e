#include "geo/seam.h"

#include <algorithm>
#include <cmath>

#include "geo/clip.h"

namespace chronoatlas::geo {

double seam_of(double central_meridian) {
  double s = central_meridian + 180;
  while (s > 180) s -= 360;
  while (s <= -180) s += 360;
  return s;
}

namespace {

constexpr double kNudge = 1e-7;  // degrees a seam vertex moves to its side

// Within this many degrees of the antimeridian, a jump to the other side is a crossing, not a long edge.
constexpr double kNearAntimeridian = 0.5;

// True when the edge A-B crosses the antimeridian as data written for a sphere does: world-atlas jumps from 180 to
// -180 (at 1:110m, from -180 to 179.36, the vertex next to the cut generalised away), an island's outline from 179.9
// to -179.9. Any other edge means what it says in the plane, as GDAL and QGIS draw it: (-170, 10) to (170, 10) runs
// 340 degrees through Greenwich, however wide.
// The most whole turns round the earth a cut polygon may span once unwrapped (a ring round a pole spans one).
constexpr double kMostTurns = 4;

bool crosses_antimeridian(LonLat a, LonLat b) {
  return std::fabs(b.lon - a.lon) > 180 &&
         (std::fabs(a.lon) > 180 - kNearAntimeridian || std::fabs(b.lon) > 180 - kNearAntimeridian);
}

// Longitudes made continuous across each crossing: the points after it move by a whole turn.
std::vector<LonLat> unwrap(const std::vector<LonLat>& points) {
  std::vector<LonLat> out = points;
  double shift = 0;
  for (size_t i = 1; i < out.size(); ++i) {
    if (crosses_antimeridian(points[i - 1], points[i])) shift += points[i].lon < points[i - 1].lon ? 360 : -360;
    out[i].lon += shift;
  }
  return out;
}

double lon_width(const std::vector<LonLat>& points) {
  double lo = 1e9, hi = -1e9;
  for (LonLat p : points) lo = std::min(lo, p.lon), hi = std::max(hi, p.lon);
  return hi - lo;
}

// RING made continuous, unless that collapses it: a world-wide ring from -180 to 180 also "jumps" at the edges of the
// map, and means the whole width, as written.
Ring continuous_ring(const Ring& ring) {
  Ring u = unwrap(ring);
  return lon_width(u) < 1e-9 && lon_width(ring) > 0 ? ring : u;
}

// A ring that went once around a pole ends a whole turn from where it began: close it along the pole.
void close_around_pole(Ring& ring) {
  double turn = ring.back().lon - ring.front().lon;
  if (std::fabs(turn) < 180) return;
  double lat_sum = 0;
  for (LonLat p : ring) lat_sum += p.lat;
  double pole = lat_sum < 0 ? -90 : 90;
  LonLat first = ring.front();
  ring.back().lat = first.lat;  // the closing point was the first point a turn away
  ring.push_back({ring.back().lon, pole});
  ring.push_back({first.lon, pole});
  ring.push_back(first);
}

void lon_range(const Polygon& p, double& lo, double& hi) {
  lo = 1e9, hi = -1e9;
  for (const Ring& r : p)
    for (LonLat q : r) lo = std::min(lo, q.lon), hi = std::max(hi, q.lon);
}


}  // namespace

bool needs_cut(const std::vector<LonLat>& points, double seam) {
  for (size_t i = 1; i < points.size(); ++i)
    if (crosses_antimeridian(points[i - 1], points[i])) return true;
  if (std::isnan(seam)) return false;
  bool west = false, east = false;
  for (LonLat p : points) {
    west |= p.lon < seam - 1e-9;
    east |= p.lon > seam + 1e-9;
  }
  return west && east;
}

std::vector<Polygon> cut_polygon(const Polygon& polygon, double seam) {
  // Total on any input: a polygon without a shell, or with a coordinate off the earth, has no band to give.
  if (polygon.empty() || polygon.front().empty()) return {};
  for (const Ring& r : polygon)
    for (const LonLat& q : r)
      if (!on_earth(q)) return {};
  Polygon continuous;
  for (const Ring& r : polygon) {
    if (r.empty()) continue;  // an empty hole holds nothing
    Ring u = continuous_ring(r);
    close_around_pole(u);
    continuous.push_back(std::move(u));
  }
  // Holes go to the same turn as the shell.
  for (size_t i = 1; i < continuous.size(); ++i) {
    double shift = std::round((continuous[0].front().lon - continuous[i].front().lon) / 360) * 360;
    for (LonLat& q : continuous[i]) q.lon += shift;
  }
  if (std::isnan(seam)) seam = 180;
  double lo, hi;
  lon_range(continuous, lo, hi);
  // A ring that winds round the earth more than a few times is no shape anyone drew: its bands would be endless.
  if (!(hi - lo <= kMostTurns * 360)) return {};
  // Bands one turn wide between successive repeats of the seam, cut by half-plane clipping (no validity needed).
  std::vector<Polygon> out;
  for (double west = seam + std::floor((lo - seam) / 360) * 360; west < hi; west += 360) {
    Polygon band = clip_polygon(clip_polygon(continuous, Axis::Lon, west, false), Axis::Lon, west + 360, true);
    if (band.empty()) continue;
    for (Ring& r : band)
      for (LonLat& q : r) {
        if (q.lon == west) q.lon += kNudge;
        if (q.lon == west + 360) q.lon -= kNudge;
      }
    out.push_back(std::move(band));
  }
  return out;
}

std::vector<LineString> cut_line(const LineString& input, double seam) {
  for (const LonLat& q : input)
    if (!on_earth(q)) return {};
  LineString line = unwrap(input);
  if (std::isnan(seam)) seam = 180;
  std::vector<LineString> out(1);
  for (size_t i = 0; i < line.size(); ++i) {
    if (i > 0) {
      LonLat a = line[i - 1], b = line[i];
      // Every repeat of the seam between a and b.
      double lo = std::min(a.lon, b.lon), hi = std::max(a.lon, b.lon);
      for (double s = seam + std::ceil((lo - seam) / 360) * 360; s < hi; s += 360) {
        if (s <= lo) continue;
        double f = (s - a.lon) / (b.lon - a.lon), lat = a.lat + (b.lat - a.lat) * f;
        int dir = b.lon > a.lon ? 1 : -1;
        out.back().push_back({s - dir * kNudge, lat});
        out.push_back({{s + dir * kNudge, lat}});
      }
    }
    out.back().push_back(line[i]);
  }
  return out;
}

}  // namespace chronoatlas::geo
