#pragma once
// A layer's drawable geometry in lon/lat, built once: triangles for areas, polylines for outlines and lines, points.
#include <cstdint>
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "geo/vector_data.h"

namespace chronoatlas::render {

struct LayerGeometry {
  std::vector<LonLat> fill_vertices;       // degrees
  std::vector<uint32_t> fill_feature;      // feature index of each fill vertex
  std::vector<uint32_t> fill_indices;      // triangles
  std::vector<LonLat> line_points;         // all polylines back to back (rings and lines)
  std::vector<uint32_t> line_starts;       // first point of each polyline, plus a final end marker
  std::vector<uint32_t> line_feature;      // feature index of each polyline
  std::vector<LonLat> points;
  std::vector<uint32_t> point_feature;
  std::vector<LonLat> label_anchor;        // one per feature: where its label goes
  std::vector<double> label_rank;          // one per feature: larger is more important (area or 0 for points)
  BoundsLonLat extent;
};

// Tessellates, densifies and indexes LAYER. Every feature gets an index equal to its position in LAYER.features.
LayerGeometry build_layer_geometry(const geo::VectorLayer& layer);

// Lines of the graticule every STEP_DEG degrees within BOUNDS, densified to bend with the projection.
LayerGeometry build_graticule(const BoundsLonLat& bounds, double step_deg);

}  // namespace chronoatlas::render
