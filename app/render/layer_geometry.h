#pragma once
// A layer's drawable geometry in lon/lat, built once: triangles for areas, polylines for outlines and lines, points.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "geo/vector_data.h"

namespace chronoatlas::render {

// Areas and lines at one level of detail.
struct Shapes {
  double tolerance_deg = 0;                // simplification applied; 0 is full detail
  std::vector<LonLat> fill_vertices;       // degrees
  std::vector<uint32_t> fill_feature;      // feature index of each fill vertex
  std::vector<uint32_t> fill_indices;      // triangles
  std::vector<LonLat> line_points;         // all polylines back to back (rings and lines)
  std::vector<uint32_t> line_starts;       // first point of each polyline, plus a final end marker
  std::vector<uint32_t> line_feature;      // feature index of each polyline
};

// Simplification of each level of detail, in degrees; level 0 is the data as read.
constexpr double kLevelTolerancesDeg[] = {0, 0.004, 0.02, 0.08, 0.3};

struct LayerGeometry {
  std::vector<Shapes> levels;              // finest first
  std::vector<LonLat> points;
  std::vector<uint32_t> point_feature;
  std::vector<LonLat> label_anchor;        // one per feature: where its label goes
  std::vector<double> label_rank;          // one per feature: larger is more important (area or 0 for points)
  BoundsLonLat extent;
  double seam_deg = NAN;                   // meridian the geometry was cut at (NaN: not cut)
  bool cut = false;                        // some feature straddled the seam and was cut
  std::string cache_key;                   // what the prepared-data cache knows it by; "" when it was not cached
  std::string cache_slot;                  // the entry name's identity: a layer's next entry replaces its last
};

// Simplifies (one level per kLevelTolerancesDeg), tessellates, densifies and indexes LAYER. Every feature gets an index
// equal to its position in LAYER.features.
// Features straddling the meridian SEAM_DEG (a projection's seam) are cut there first; NaN cuts nothing.
LayerGeometry build_layer_geometry(const geo::VectorLayer& layer, double seam_deg = NAN);

// Lines of the graticule every STEP_DEG degrees within BOUNDS, densified to bend with the projection.
LayerGeometry build_graticule(const BoundsLonLat& bounds, double step_deg);

}  // namespace chronoatlas::render
