#include "geo/projection.h"

#include <algorithm>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <regex>

#include <geodesic.h>
#include <proj.h>

#include "base/numbers.h"

namespace chronoatlas::geo {

struct Projection::State {
  PJ_CONTEXT* ctx = nullptr;
  PJ* transform = nullptr;  // lon/lat degrees -> target, axis order normalised for maps
  PJ* target = nullptr;
  ~State() {
    if (transform) proj_destroy(transform);
    if (target) proj_destroy(target);
    if (ctx) proj_context_destroy(ctx);
  }
};

namespace {

std::string proj_error(PJ_CONTEXT* ctx) {
  int code = proj_context_errno(ctx);
  const char* text = code ? proj_context_errno_string(ctx, code) : nullptr;
  // PROJ says "Unknown error (code 4096)" for text it cannot parse at all: that helps nobody.
  if (!text || std::strncmp(text, "Unknown error", 13) == 0) return "not a CRS PROJ understands";
  return text;
}

// Why DEFINITION gave no CRS, in words a person understands: "EPSG:99999 is not a known CRS".
std::string not_a_crs(const std::string& definition, PJ_CONTEXT* ctx) {
  const size_t colon = definition.find(':');
  const bool code = colon != std::string::npos && colon > 0 &&
                    definition.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
                    colon + 1 < definition.size();
  if (code) return "'" + definition + "' is not a known CRS (PROJ's database has no such code)";
  return "projection '" + definition + "': " + proj_error(ctx);
}

// A bare number is an EPSG code, as people type it ("32638").
std::string with_authority(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos ? "EPSG:" + text : text;
}

double parse_lon0(const char* proj_string) {
  if (!proj_string) return 0;
  std::cmatch m;
  static const std::regex lon0(R"(\+lon_0=(-?[0-9.eE+-]+))");
  return std::regex_search(proj_string, m, lon0) ? parse_number(m[1].str()).value_or(0.0) : 0.0;
}

}  // namespace

Result<Projection> Projection::create(const std::string& text) {
  const std::string definition = with_authority(text);
  auto s = std::make_shared<State>();
  s->ctx = proj_context_create();
  proj_log_level(s->ctx, PJ_LOG_NONE);
  s->target = proj_create(s->ctx, definition.c_str());
  if (!s->target) return Error{not_a_crs(definition, s->ctx)};
  PJ_TYPE type = proj_get_type(s->target);
  bool is_crs = type == PJ_TYPE_PROJECTED_CRS || type == PJ_TYPE_GEOGRAPHIC_2D_CRS ||
                type == PJ_TYPE_GEOGRAPHIC_3D_CRS || type == PJ_TYPE_COMPOUND_CRS || type == PJ_TYPE_BOUND_CRS;
  if (!is_crs) {
    // A bare "+proj=lcc ..." is an operation, not a CRS; "+type=crs" makes PROJ read it as one.
    if (definition.rfind("+proj", 0) == 0 && definition.find("+type=crs") == std::string::npos)
      return create(definition + " +type=crs");
    return Error{"projection '" + definition + "': not a coordinate reference system"};
  }
  PJ* raw = proj_create_crs_to_crs(s->ctx, "EPSG:4326", definition.c_str(), nullptr);
  if (!raw) return Error{"projection '" + definition + "': " + proj_error(s->ctx)};
  s->transform = proj_normalize_for_visualization(s->ctx, raw);
  proj_destroy(raw);
  if (!s->transform) return Error{"projection '" + definition + "': " + proj_error(s->ctx)};

  Projection p(s);
  p.definition_ = definition;
  p.central_meridian_ = parse_lon0(proj_as_proj_string(s->ctx, s->target, PJ_PROJ_5, nullptr));
  XY probe;
  if (!p.forward({p.central_meridian_, 0.0}, probe) && !p.forward({p.central_meridian_, 45.0}, probe))
    return Error{"projection '" + definition + "': cannot project points of the region"};
  return p;
}

Projection Projection::copy() const {
  if (!state_) return {};
  auto s = std::make_shared<State>();
  s->ctx = proj_context_create();
  proj_log_level(s->ctx, PJ_LOG_NONE);
  s->target = proj_clone(s->ctx, state_->target);
  s->transform = proj_clone(s->ctx, state_->transform);
  Projection p(s);
  p.definition_ = definition_;
  p.central_meridian_ = central_meridian_;
  return p;
}

std::string Projection::wkt() const {
  if (!state_) return "";
  const char* w = proj_as_wkt(state_->ctx, state_->target, PJ_WKT1_ESRI, nullptr);
  if (!w) w = proj_as_wkt(state_->ctx, state_->target, PJ_WKT2_2019, nullptr);
  return w ? w : "";
}

bool Projection::forward(LonLat p, XY& out) const {
  if (!state_) return false;
  PJ_COORD c = proj_coord(p.lon, p.lat, 0, 0);
  PJ_COORD r = proj_trans(state_->transform, PJ_FWD, c);
  if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL) return false;
  out = {r.xy.x, r.xy.y};
  return true;
}

bool Projection::inverse(XY p, LonLat& out) const {
  if (!state_) return false;
  PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
  PJ_COORD r = proj_trans(state_->transform, PJ_INV, c);
  if (!std::isfinite(r.lp.lam) || !std::isfinite(r.lp.phi) || r.lp.lam == HUGE_VAL) return false;
  out = {r.lp.lam, r.lp.phi};
  return true;
}

void Projection::forward_many(std::vector<double>& xs, std::vector<double>& ys) const {
  if (!state_) {
    std::fill(xs.begin(), xs.end(), HUGE_VAL), std::fill(ys.begin(), ys.end(), HUGE_VAL);
    return;
  }
  proj_errno_reset(state_->transform);
  proj_trans_generic(state_->transform, PJ_FWD, xs.data(), sizeof(double), xs.size(), ys.data(), sizeof(double),
                     ys.size(), nullptr, 0, 0, nullptr, 0, 0);
}

namespace {

// Standard parallels at 1/6 and 5/6 of REGION's latitude span. A conic needs both on one side of the equator and away
// from it: with parallels symmetric about the equator PROJ refuses the cone ("Invalid value for an argument").
std::string fitted_conic_parameters(const BoundsLonLat& region) {
  const double span = region.north - region.south;
  char conic[160];
  std::snprintf(conic, sizeof conic, "+lat_1=%.4f +lat_2=%.4f +lat_0=%.4f +lon_0=%.4f +datum=WGS84 +units=m",
                region.south + span / 6, region.north - span / 6, (region.south + region.north) / 2,
                (region.west + region.east) / 2);
  return conic;
}

bool conic_suits(const BoundsLonLat& region) {
  const double span = region.north - region.south;
  const double lat1 = region.south + span / 6, lat2 = region.north - span / 6;
  return (lat1 >= 10 || lat2 <= -10) && std::fabs(lat1) < 80 && std::fabs(lat2) < 80 && span < 100;
}

std::string with_centre(const char* proj, double lon) {
  char def[120];
  std::snprintf(def, sizeof def, "+proj=%s +lon_0=%.4f +datum=WGS84 +units=m", proj, lon);
  return def;
}

}  // namespace

NamedProjection default_projection(const BoundsLonLat& region) {
  const double width = region.east - region.west, span = region.north - region.south;
  const double lon0 = width >= 359 ? 0 : (region.west + region.east) / 2, mid = (region.south + region.north) / 2;
  if (region.south >= 60 || region.north <= -60) {
    char stere[120];
    std::snprintf(stere, sizeof stere, "+proj=stere +lat_0=%d +lon_0=%.4f +datum=WGS84 +units=m", mid > 0 ? 90 : -90,
                  lon0);
    return {"Polar stereographic", stere};
  }
  if (width >= 240 || span >= 120) return {"Equal Earth (world)", with_centre("eqearth", lon0)};
  if (conic_suits(region))
    return {"Lambert conformal conic (fitted)", "+proj=lcc " + fitted_conic_parameters(region)};
  if (span > width) return {"Transverse Mercator (on centre)", with_centre("tmerc", lon0)};
  return {"Mercator (on centre)", with_centre("merc", lon0)};
}

std::vector<NamedProjection> projection_presets(const BoundsLonLat& region, LonLat c) {
  std::vector<NamedProjection> out = {default_projection(region)};
  if (conic_suits(region)) {
    if (out.front().definition.rfind("+proj=lcc", 0) != 0)
      out.push_back({"Lambert conformal conic (fitted)", "+proj=lcc " + fitted_conic_parameters(region)});
    out.push_back({"Albers equal-area conic (fitted)", "+proj=aea " + fitted_conic_parameters(region)});
  }
  char aeqd[120];
  std::snprintf(aeqd, sizeof aeqd, "+proj=aeqd +lat_0=%.4f +lon_0=%.4f +datum=WGS84 +units=m", c.lat, c.lon);
  out.push_back({"Web Mercator", "EPSG:3857"});
  out.push_back({"Azimuthal equidistant (on centre)", aeqd});
  out.push_back({"Plain lon/lat", "EPSG:4326"});
  return out;
}

double geodesic_distance_m(LonLat a, LonLat b) {
  static const geod_geodesic wgs84 = [] {
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    return g;
  }();
  double s12 = 0;
  geod_inverse(&wgs84, a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
  return s12;
}

}  // namespace chronoatlas::geo
