#pragma once
// A layer's geometry on the GPU, uploaded once per projection, with its per-feature styles in a texture.
#include <vector>

#include "model/feature_style.h"
#include "render/gl_objects.h"
#include "render/projected_layer.h"

namespace chronoatlas::render {

using model::FeatureStyle;


class GpuLayer {
 public:
  // Uploads a layer projected by project_layer(); needs the GL context.
  void upload(const ProjectedLayer& projected);
  void set_styles(const std::vector<FeatureStyle>& styles);

  using Run = ProjectedRun;
  using Level = ProjectedLevel;

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

// Texture layout shared with the shaders: 1024 features a row block, three rows each (fill, stroke, params).
constexpr int kStyleTextureWidth = 1024;

}  // namespace chronoatlas::render
