#pragma once
// Map projections through PROJ: WGS84 lon/lat (degrees) to a target CRS, in the target's own units (usually metres).
#include <memory>
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "base/result.h"

namespace chronoatlas::geo {

class Projection {
 public:
  // No projection yet: every point fails to project and the definition is "". Holders of a view before the
  // scenario's projection is known start here.
  Projection() = default;
  // DEFINITION is anything PROJ accepts as a CRS: "EPSG:3035", a PROJ string, WKT. Fails with PROJ's reason.
  static Result<Projection> create(const std::string& definition);

  const std::string& definition() const { return definition_; }
  // The same projection with its own PROJ context: a Projection may be used by one thread at a time, so each worker
  // projecting in parallel takes a copy.
  Projection copy() const;
  // The target CRS as WKT (for .prj files).
  std::string wkt() const;
  // Longitude (degrees) where the projection's central meridian lies; its antimeridian is the seam.
  double central_meridian() const { return central_meridian_; }

  // One point; false (and XY untouched) where the projection is undefined.
  bool forward(LonLat p, XY& out) const;
  bool inverse(XY p, LonLat& out) const;
  // Many points in place: xs = longitudes in, projected x out; ys likewise. Undefined points become HUGE_VAL.
  void forward_many(std::vector<double>& xs, std::vector<double>& ys) const;

 private:
  struct State;
  explicit Projection(std::shared_ptr<State> s) : state_(std::move(s)) {}
  std::shared_ptr<State> state_;
  std::string definition_;
  double central_meridian_ = 0;
};

struct NamedProjection {
  std::string name;        // for menus
  std::string definition;  // PROJ definition
};

// The projection a map of REGION gets when nobody chose one: a conformal conic fitted to mid-latitude extents, Mercator
// near the equator (transverse Mercator where the extent is taller than wide), polar stereographic near a pole, and
// Equal Earth for the whole world or most of it. Never fails for a valid extent.
NamedProjection default_projection(const BoundsLonLat& region);

// The projections offered in the UI for a view: the default for REGION first, then conformal and equal-area conics
// (where they suit the extent), Web Mercator, azimuthal equidistant on the centre, plain lon/lat.
std::vector<NamedProjection> projection_presets(const BoundsLonLat& region, LonLat centre);

// Geodesic distance on WGS84 in metres (PROJ's geodesic routines).
double geodesic_distance_m(LonLat a, LonLat b);

}  // namespace chronoatlas::geo
