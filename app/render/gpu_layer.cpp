#include "render/gpu_layer.h"

#include <array>
#include <cmath>

namespace chronoatlas::render {
namespace {

constexpr float kFarTime = 1e30f;

struct Projected {
  std::vector<double> x, y;
  bool ok(size_t i) const { return std::isfinite(x[i]) && std::isfinite(y[i]) && std::fabs(x[i]) < 1e15; }
};

Projected project(const std::vector<LonLat>& pts, const geo::Projection& projection) {
  Projected p;
  p.x.resize(pts.size());
  p.y.resize(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) p.x[i] = pts[i].lon, p.y[i] = pts[i].lat;
  projection.forward_many(p.x, p.y);
  return p;
}

std::array<float, 2> time_of(const std::vector<story::Interval>& times, uint32_t feature, story::Days origin) {
  if (feature >= times.size()) return {-kFarTime, kFarTime};
  const story::Interval& t = times[feature];
  return {std::isfinite(t.start) ? static_cast<float>(t.start - origin) : -kFarTime,
          std::isfinite(t.end) ? static_cast<float>(t.end - origin) : kFarTime};
}

void upload_floats(const GlBuffer& buffer, GLenum target, const std::vector<float>& data) {
  glBindBuffer(target, buffer.id());
  glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_STATIC_DRAW);
}

}  // namespace

void GpuLayer::upload(const LayerGeometry& g, const geo::Projection& projection,
                      const std::vector<story::Interval>& times, story::Days origin) {
  bounds_ = {};
  if (!fill_vao_.id()) {
    fill_vao_ = make_vertex_array(), line_vao_ = make_vertex_array(), point_vao_ = make_vertex_array();
    fill_vbo_ = make_buffer(), fill_ebo_ = make_buffer(), corner_vbo_ = make_buffer();
    segment_vbo_ = make_buffer(), point_vbo_ = make_buffer();
    styles_ = make_texture();
  }

  // Areas: x, y, feature, t0, t1 per vertex; triangles touching an unprojectable vertex are dropped.
  Projected fp = project(g.fill_vertices, projection);
  std::vector<float> fill;
  fill.reserve(g.fill_vertices.size() * 5);
  for (size_t i = 0; i < g.fill_vertices.size(); ++i) {
    auto t = time_of(times, g.fill_feature[i], origin);
    bool ok = fp.ok(i);
    if (ok) bounds_.extend({fp.x[i], fp.y[i]});
    fill.insert(fill.end(), {ok ? static_cast<float>(fp.x[i]) : 0.f, ok ? static_cast<float>(fp.y[i]) : 0.f,
                             static_cast<float>(g.fill_feature[i]), t[0], t[1]});
  }
  std::vector<uint32_t> indices;
  indices.reserve(g.fill_indices.size());
  for (size_t i = 0; i + 2 < g.fill_indices.size(); i += 3) {
    uint32_t a = g.fill_indices[i], b = g.fill_indices[i + 1], c = g.fill_indices[i + 2];
    if (fp.ok(a) && fp.ok(b) && fp.ok(c)) indices.insert(indices.end(), {a, b, c});
  }
  fill_index_count_ = static_cast<int>(indices.size());
  glBindVertexArray(fill_vao_.id());
  upload_floats(fill_vbo_, GL_ARRAY_BUFFER, fill);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fill_ebo_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * 4), indices.data(), GL_STATIC_DRAW);
  float_attribute(0, 2, 20, 0);
  float_attribute(1, 1, 20, 8);
  float_attribute(2, 2, 20, 12);

  // Lines: one instance per segment (x0, y0, x1, y1, feature, t0, t1, distance along the line to x0 in projected
  // units), expanded to a quad in the vertex shader.
  Projected lp = project(g.line_points, projection);
  std::vector<float> segments;
  for (size_t l = 0; l + 1 < g.line_starts.size(); ++l) {
    auto t = time_of(times, g.line_feature[l], origin);
    double along = 0;
    for (uint32_t i = g.line_starts[l]; i + 1 < g.line_starts[l + 1]; ++i) {
      if (!lp.ok(i) || !lp.ok(i + 1)) continue;
      bounds_.extend({lp.x[i], lp.y[i]});
      segments.insert(segments.end(), {static_cast<float>(lp.x[i]), static_cast<float>(lp.y[i]),
                                       static_cast<float>(lp.x[i + 1]), static_cast<float>(lp.y[i + 1]),
                                       static_cast<float>(g.line_feature[l]), t[0], t[1], static_cast<float>(along)});
      along += std::hypot(lp.x[i + 1] - lp.x[i], lp.y[i + 1] - lp.y[i]);
    }
  }
  segment_count_ = static_cast<int>(segments.size() / 8);
  const std::vector<float> segment_corners = {0, -1, 0, 1, 1, -1, 1, 1};
  const std::vector<float> point_corners = {-1, -1, 1, -1, -1, 1, 1, 1};
  std::vector<float> corners = segment_corners;
  corners.insert(corners.end(), point_corners.begin(), point_corners.end());
  upload_floats(corner_vbo_, GL_ARRAY_BUFFER, corners);
  glBindVertexArray(line_vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, corner_vbo_.id());
  float_attribute(0, 2, 8, 0);
  upload_floats(segment_vbo_, GL_ARRAY_BUFFER, segments);
  float_attribute(1, 4, 32, 0, 1);
  float_attribute(2, 1, 32, 16, 1);
  float_attribute(3, 2, 32, 20, 1);
  float_attribute(4, 1, 32, 28, 1);

  // Points: one instance each (x, y, feature, t0, t1).
  Projected pp = project(g.points, projection);
  std::vector<float> points;
  for (size_t i = 0; i < g.points.size(); ++i) {
    if (!pp.ok(i)) continue;
    bounds_.extend({pp.x[i], pp.y[i]});
    auto t = time_of(times, g.point_feature[i], origin);
    points.insert(points.end(), {static_cast<float>(pp.x[i]), static_cast<float>(pp.y[i]),
                                 static_cast<float>(g.point_feature[i]), t[0], t[1]});
  }
  point_count_ = static_cast<int>(points.size() / 5);
  glBindVertexArray(point_vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, corner_vbo_.id());
  float_attribute(0, 2, 8, 32);
  upload_floats(point_vbo_, GL_ARRAY_BUFFER, points);
  float_attribute(1, 2, 20, 0, 1);
  float_attribute(2, 1, 20, 8, 1);
  float_attribute(3, 2, 20, 12, 1);
  glBindVertexArray(0);

  Projected ap = project(g.label_anchor, projection);
  label_anchors_.assign(g.label_anchor.size(), XY{NAN, NAN});
  for (size_t i = 0; i < g.label_anchor.size(); ++i)
    if (ap.ok(i)) label_anchors_[i] = {ap.x[i], ap.y[i]};
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
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kStyleTextureWidth, 3 * blocks, 0, GL_RGBA, GL_FLOAT, texels.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

}  // namespace chronoatlas::render
