#pragma once
// A layer's geometry projected for one CRS on the CPU: what every backend draws (the GL one uploads it once, a vector
// one writes it), made on any thread and tested without a context.
#include <cstdint>
#include <vector>

#include "base/geometry_types.h"
#include "geo/projection.h"
#include "render/layer_geometry.h"
#include "story/time.h"

namespace chronoatlas::render {

// A run of triangles (in the element buffer) or segments (in the instance buffer) in one cell of a grid laid over
// the layer, so that draws can skip what is out of view.
struct ProjectedRun {
  size_t first = 0;
  int count = 0;
  BoundsXY bounds;        // projected
  float day_from = 0;     // the run's items show on days in [day_from, day_to) at most (days since the origin)
  float day_to = 0;
  bool live_on(float day) const { return day_from <= day && day < day_to; }
};
// Every polyline of a level in the data's order (rings of areas, then lines as read), for backends that write paths
// rather than triangles and segment quads. A polyline is split where a point does not project.
struct ProjectedPaths {
  std::vector<float> xy;                  // x, y per point
  std::vector<uint32_t> starts;           // first point of each polyline, and a final end marker
  std::vector<uint32_t> feature;          // per polyline
};
struct ProjectedLevel {
  double tolerance_deg = 0;
  std::vector<ProjectedRun> triangles;    // first/count in indices
  std::vector<ProjectedRun> segments;     // first/count in segment instances
  ProjectedPaths paths;
};

// A layer's geometry projected on the CPU, ready to upload: vertex data sorted into culling runs, and what describing
// a frame needs (bounds, label anchors). No GL, so it can be built on any thread and tested without a context.
// Floats per fill vertex, per segment instance and per point instance in a ProjectedLayer's arrays.
constexpr size_t kFillVertexFloats = 5, kSegmentFloats = 8, kPointFloats = 5;

struct ProjectedLayer {
  std::vector<float> fill;                 // x, y, feature, t0, t1 per vertex
  std::vector<uint32_t> indices;           // triangles
  std::vector<float> segments;             // one line segment instance each
  std::vector<float> points;               // one point instance each
  std::vector<ProjectedLevel> levels;
  std::vector<ProjectedRun> point_runs;
  std::vector<XY> label_anchors;           // one per feature; NaN where it has none or it does not project
  std::vector<float> feature_days;         // two per dated feature: the days [from, to) it shows, since the origin
  BoundsXY bounds;

  // Whether FEATURE shows on DAY (days since the origin), as the GL shaders decide it from each item's times.
  bool live(uint32_t feature, float day) const {
    if (2 * static_cast<size_t>(feature) + 1 >= feature_days.size()) return true;
    return feature_days[2 * feature] <= day && day < feature_days[2 * feature + 1];
  }
};

// Projects GEOMETRY with PROJECTION. TIMES holds each feature's interval (days since 1970); empty means always shown.
// ORIGIN (days since 1970) is subtracted before the GPU sees a time, so float32 keeps the hours.
ProjectedLayer project_layer(const LayerGeometry& geometry, const geo::Projection& projection,
                             const std::vector<story::Interval>& times, story::Days origin);

}  // namespace chronoatlas::render
