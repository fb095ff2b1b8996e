#pragma once
// A layer's geometry on the GPU, uploaded once per projection, with its per-feature styles in a texture.
#include <vector>

#include "base/colour.h"
#include "geo/projection.h"
#include "render/gl_objects.h"
#include "model/feature_style.h"
#include "render/layer_geometry.h"
#include "story/time.h"

namespace chronoatlas::render {

using model::FeatureStyle;


class GpuLayer {
 public:
  // Uploads a layer projected by project_layer(); needs the GL context.
  void upload(const struct ProjectedLayer& projected);
  void set_styles(const std::vector<FeatureStyle>& styles);

  // A run of triangles (in the element buffer) or segments (in the instance buffer) in one cell of a grid laid over
  // the layer, so that draws can skip what is out of view.
  struct Run {
    size_t first = 0;
    int count = 0;
    BoundsXY bounds;        // projected
    float day_from = 0;     // the run's items show on days in [day_from, day_to) at most (days since the origin)
    float day_to = 0;
    bool live_on(float day) const { return day_from <= day && day < day_to; }
  };
  struct Level {
    double tolerance_deg = 0;
    std::vector<Run> triangles;    // first/count in indices
    std::vector<Run> segments;     // first/count in segment instances
  };

  GLuint fill_vao() const { return fill_vao_.id(); }
  GLuint line_vao() const { return line_vao_.id(); }
  // Points the line vertex array's instance attributes at segment FIRST (GL 3.3 has no base instance).
  void bind_segments_from(size_t first) const;
  GLuint point_vao() const { return point_vao_.id(); }
  GLuint style_texture() const { return styles_.id(); }
  const std::vector<Level>& levels() const { return levels_; }
  const std::vector<Run>& point_runs() const { return point_runs_; }
  void bind_points_from(size_t first) const;

 private:
  GlVertexArray fill_vao_, line_vao_, point_vao_;
  GlBuffer fill_vbo_, fill_ebo_, corner_vbo_, segment_vbo_, point_vbo_;
  GlTexture styles_;
  std::vector<Level> levels_;
  std::vector<Run> point_runs_;
  int style_rows_ = 0;  // height of the style texture's storage
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
  std::vector<GpuLayer::Level> levels;
  std::vector<GpuLayer::Run> point_runs;
  std::vector<XY> label_anchors;           // one per feature; NaN where it has none or it does not project
  BoundsXY bounds;
};

// Projects GEOMETRY with PROJECTION. TIMES holds each feature's interval (days since 1970); empty means always shown.
// ORIGIN (days since 1970) is subtracted before the GPU sees a time, so float32 keeps the hours.
ProjectedLayer project_layer(const LayerGeometry& geometry, const geo::Projection& projection,
                             const std::vector<story::Interval>& times, story::Days origin);

// Texture layout shared with the shaders: 1024 features a row block, three rows each (fill, stroke, params).
constexpr int kStyleTextureWidth = 1024;

}  // namespace chronoatlas::render
