#include "geo/seam.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <cpl_error.h>
#include <ogr_geometry.h>

namespace chronoatlas::geo {
namespace {

constexpr double kNudge = 1e-7;

std::unique_ptr<OGRPolygon> to_ogr(const Polygon& polygon) {
  auto out = std::make_unique<OGRPolygon>();
  for (const Ring& ring : polygon) {
    auto r = std::make_unique<OGRLinearRing>();
    r->setNumPoints(static_cast<int>(ring.size()));
    for (size_t i = 0; i < ring.size(); ++i) r->setPoint(static_cast<int>(i), ring[i].lon, ring[i].lat);
    out->addRingDirectly(r.release());
  }
  return out;
}

std::unique_ptr<OGRPolygon> box(double west, double east) {
  Polygon p = {{{west, -91}, {east, -91}, {east, 91}, {west, 91}, {west, -91}}};
  return to_ogr(p);
}

// Collects the polygons of G, nudging seam vertices towards SIDE (-1 west, +1 east).
void collect(const OGRGeometry& g, double seam, int side, std::vector<Polygon>& out) {
  OGRwkbGeometryType t = wkbFlatten(g.getGeometryType());
  if (t == wkbPolygon) {
    Polygon p;
    for (const OGRLinearRing* r : *g.toPolygon()) {
      Ring ring;
      for (int i = 0; i < r->getNumPoints(); ++i) {
        double lon = r->getX(i);
        if (std::fabs(lon - seam) < 1e-9) lon = seam + side * kNudge;
        ring.push_back({lon, r->getY(i)});
      }
      if (ring.size() >= 4) p.push_back(std::move(ring));
    }
    if (!p.empty()) out.push_back(std::move(p));
  } else if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
    for (const OGRGeometry* part : *g.toGeometryCollection()) collect(*part, seam, side, out);
  }
}

}  // namespace

double seam_of(double central_meridian) {
  double s = central_meridian + 180;
  while (s > 180) s -= 360;
  while (s <= -180) s += 360;
  return s;
}

namespace {

// Longitudes made continuous: each point moves by whole turns to within 180 degrees of the one before.
std::vector<LonLat> unwrap(const std::vector<LonLat>& points) {
  std::vector<LonLat> out = points;
  for (size_t i = 1; i < out.size(); ++i) {
    while (out[i].lon - out[i - 1].lon > 180) out[i].lon -= 360;
    while (out[i].lon - out[i - 1].lon < -180) out[i].lon += 360;
  }
  return out;
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

// The part of G between WEST and EAST, nudging vertices on either cut inwards.
void clip_between(const OGRGeometry& g, double west, double east, std::vector<Polygon>& out) {
  auto band = box(west, east);
  std::unique_ptr<OGRGeometry> part(g.Intersection(band.get()));
  if (!part) return;
  std::vector<Polygon> pieces;
  collect(*part, west, 1, pieces);
  for (Polygon& p : pieces) {
    for (Ring& r : p)
      for (LonLat& q : r)
        if (std::fabs(q.lon - east) < 1e-9) q.lon = east - kNudge;
    out.push_back(std::move(p));
  }
}

}  // namespace

bool needs_cut(const std::vector<LonLat>& points, double seam) {
  for (size_t i = 1; i < points.size(); ++i)
    if (std::fabs(points[i].lon - points[i - 1].lon) > 180) return true;
  if (std::isnan(seam)) return false;
  bool west = false, east = false;
  for (LonLat p : points) {
    west |= p.lon < seam - 1e-9;
    east |= p.lon > seam + 1e-9;
  }
  return west && east;
}

std::vector<Polygon> cut_polygon(const Polygon& polygon, double seam) {
  // GEOS reports the self-intersections it repairs; they are expected in Natural Earth, so keep it quiet.
  CPLPushErrorHandler(CPLQuietErrorHandler);
  struct Pop {
    ~Pop() { CPLPopErrorHandler(); }
  } pop;
  Polygon continuous;
  for (const Ring& r : polygon) {
    Ring u = unwrap(r);
    close_around_pole(u);
    continuous.push_back(std::move(u));
  }
  // Holes go to the same turn as the shell.
  for (size_t i = 1; i < continuous.size(); ++i) {
    double shift = std::round((continuous[0].front().lon - continuous[i].front().lon) / 360) * 360;
    for (LonLat& q : continuous[i]) q.lon += shift;
  }
  std::unique_ptr<OGRGeometry> g(to_ogr(continuous).release());
  if (!g->IsValid()) {
    std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
    if (fixed) g = std::move(fixed);
  }
  if (std::isnan(seam)) seam = 180;
  double lo, hi;
  lon_range(continuous, lo, hi);
  // Bands one turn wide between successive repeats of the seam.
  double first = seam + std::floor((lo - seam) / 360) * 360;
  std::vector<Polygon> out;
  for (double west = first; west < hi; west += 360) clip_between(*g, west, west + 360, out);
  return out;
}

std::vector<LineString> cut_line(const LineString& input, double seam) {
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
