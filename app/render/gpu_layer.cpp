#include "render/gpu_layer.h"

#include <algorithm>
#include <array>

namespace chronoatlas::render {
namespace {

void upload_floats(const GlBuffer& buffer, GLenum target, const std::vector<float>& data) {
  glBindBuffer(target, buffer.id());
  glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
}

}  // namespace

void GpuLayer::upload(const ProjectedLayer& p) {
  if (!fill_vao_.id()) {
    fill_vao_ = make_vertex_array(), point_vao_ = make_vertex_array(), line_vao_ = make_vertex_array();
    fill_vbo_ = make_buffer(), fill_ebo_ = make_buffer(), corner_vbo_ = make_buffer();
    segment_vbo_ = make_buffer(), point_vbo_ = make_buffer();
    styles_ = make_texture();
  }
  levels_ = p.levels;
  point_runs_ = p.point_runs;
  glBindVertexArray(fill_vao_.id());
  upload_floats(fill_vbo_, GL_ARRAY_BUFFER, p.fill);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fill_ebo_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(p.indices.size() * 4), p.indices.data(),
               GL_STATIC_DRAW);
  float_attribute(0, 2, 20, 0);
  float_attribute(1, 1, 20, 8);
  float_attribute(2, 2, 20, 12);

  const std::vector<float> corners = {0, -1, 0, 1, 1, -1, 1, 1,     // segment quad: along, across
                                      -1, -1, 1, -1, -1, 1, 1, 1};  // point quad
  upload_floats(corner_vbo_, GL_ARRAY_BUFFER, corners);
  upload_floats(segment_vbo_, GL_ARRAY_BUFFER, p.segments);
  glBindVertexArray(line_vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, corner_vbo_.id());
  float_attribute(0, 2, 8, 0);
  bind_segments_from(0);

  glBindVertexArray(point_vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, corner_vbo_.id());
  float_attribute(0, 2, 8, 32);
  upload_floats(point_vbo_, GL_ARRAY_BUFFER, p.points);
  bind_points_from(0);
  glBindVertexArray(0);
}

void GpuLayer::bind_segments_from(size_t first) const {
  const size_t stride = kSegmentFloats * sizeof(float), at = first * stride;
  glBindBuffer(GL_ARRAY_BUFFER, segment_vbo_.id());
  float_attribute(1, 4, stride, at, 1);
  float_attribute(2, 1, stride, at + 16, 1);
  float_attribute(3, 2, stride, at + 20, 1);
  float_attribute(4, 1, stride, at + 28, 1);
}

void GpuLayer::bind_points_from(size_t first) const {
  const size_t stride = kPointFloats * sizeof(float), at = first * stride;
  glBindBuffer(GL_ARRAY_BUFFER, point_vbo_.id());
  float_attribute(1, 2, stride, at, 1);
  float_attribute(2, 1, stride, at + 8, 1);
  float_attribute(3, 2, stride, at + 12, 1);
}

void GpuLayer::set_styles(const std::vector<FeatureStyle>& styles) {
  int blocks = static_cast<int>((styles.size() + kStyleTextureWidth - 1) / kStyleTextureWidth);
  if (blocks == 0) blocks = 1;
  std::vector<float> texels(static_cast<size_t>(kStyleTextureWidth) * 3 * blocks * 4, 0.f);
  for (size_t i = 0; i < styles.size(); ++i) {
    size_t col = i % kStyleTextureWidth, block = i / kStyleTextureWidth;
    auto put = [&](int row, std::array<float, 4> v) {
      size_t at = ((block * 3 + row) * kStyleTextureWidth + col) * 4;
      for (int k = 0; k < 4; ++k) texels[at + k] = v[k];
    };
    const FeatureStyle& s = styles[i];
    put(0, {s.fill.r, s.fill.g, s.fill.b, s.fill.a});
    put(1, {s.stroke.r, s.stroke.g, s.stroke.b, s.stroke.a});
    put(2, {s.radius_px, s.emphasis, s.width_px, s.flow ? 1.f : 0.f});
  }
  glBindTexture(GL_TEXTURE_2D, styles_.id());
  // Restyling on every date change: reuse the storage when the size is the same.
  if (style_rows_ == 3 * blocks) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kStyleTextureWidth, 3 * blocks, GL_RGBA, GL_FLOAT, texels.data());
    return;
  }
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kStyleTextureWidth, 3 * blocks, 0, GL_RGBA, GL_FLOAT, texels.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  style_rows_ = 3 * blocks;
}

}  // namespace chronoatlas::render
