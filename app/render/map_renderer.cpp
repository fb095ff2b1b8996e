#include "render/map_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace chronoatlas::render {
namespace {

GLint loc(const GlProgram& p, const char* name) { return glGetUniformLocation(p.id(), name); }

bool visible(const BoundsXY& b, const BoundsXY& seen) {
  return b.min_x <= seen.max_x && b.max_x >= seen.min_x && b.min_y <= seen.max_y && b.max_y >= seen.min_y;
}

void set_layer_uniforms(const GlProgram& p, const View& v, float day, const LayerDraw& d) {
  glUseProgram(p.id());
  glUniform2f(loc(p, "u_centre"), static_cast<float>(v.centre.x), static_cast<float>(v.centre.y));
  glUniform2f(loc(p, "u_clip_per_unit"), static_cast<float>(2.0 / (v.width_px * v.units_per_px)),
              static_cast<float>(2.0 / (v.height_px * v.units_per_px)));
  glUniform2f(loc(p, "u_viewport_px"), static_cast<float>(v.width_px), static_cast<float>(v.height_px));
  glUniform1f(loc(p, "u_ui_scale"), v.ui_scale);
  glUniform1f(loc(p, "u_day"), day);
  glUniform1i(loc(p, "u_styles"), 0);
  glUniform1f(loc(p, "u_opacity"), d.opacity);
  glUniform1f(loc(p, "u_fade_days"), d.fade_days);
}

}  // namespace

Result<std::unique_ptr<MapRenderer>> MapRenderer::create(const std::string& font_dir) {
  std::unique_ptr<MapRenderer> r(new MapRenderer());
  struct Want {
    GlProgram* program;
    const char *vert, *frag;
  } wants[] = {{&r->area_, "area.vert", "area.frag"},
               {&r->line_, "line.vert", "line.frag"},
               {&r->point_, "point.vert", "point.frag"},
               {&r->shape_, "shape.vert", "shape.frag"}};
  for (Want& w : wants) {
    auto p = build_program(w.vert, w.frag);
    if (!p) return Error{p.error()};
    *w.program = std::move(*p);
  }
  auto text = TextRenderer::create(font_dir);
  if (!text) return Error{text.error()};
  r->text_ = std::move(*text);
  r->shape_vao_ = make_vertex_array();
  r->shape_vbo_ = make_buffer();
  glBindVertexArray(r->shape_vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, r->shape_vbo_.id());
  float_attribute(0, 2, 24, 0);
  float_attribute(1, 4, 24, 8);
  glBindVertexArray(0);
  return r;
}

void MapRenderer::draw(const Frame& frame, int x, int y) {
  target_x_ = x, target_y_ = y;
  draw_tile(frame, layout(frame), {0, 0, frame.view.width_px, frame.view.height_px});
  target_x_ = target_y_ = 0;
}

OverlayLayout MapRenderer::layout(const Frame& frame) {
  return layout_overlay(frame, [this](const std::string& s, const TextStyle& st) { return text_->measure(s, st); });
}

void MapRenderer::begin_target(const Frame& frame, int x, int y, int width, int height) {
  set_target_state(x, y, width, height);
  const Rgba& bg = frame.background;
  glClearColor(bg.r * bg.a, bg.g * bg.a, bg.b * bg.a, bg.a);
  glClear(GL_COLOR_BUFFER_BIT);
}

void MapRenderer::set_target_state(int x, int y, int width, int height) {
  glViewport(x, y, width, height);
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, y, width, height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  // Straight alpha for colour, and an alpha channel that accumulates coverage, so transparent exports composite right.
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

void MapRenderer::copy_cache(const CacheTarget& source, int x, int y, int width, int height, int from_x, int from_y) {
  // A same-size, same-format framebuffer blit is a plain copy in Mesa: several times cheaper on llvmpipe than a
  // full-screen textured draw, and it replaces the clear as well.
  GLint target_fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target_fbo);
  glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, source.fbo.id());
  glBlitFramebuffer(from_x, from_y, from_x + width, from_y + height, x, y, x + width, y + height,
                    GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(target_fbo));
}

void MapRenderer::draw_highlight(const Frame& frame) {
  const View& v = frame.view;
  const float scale = v.ui_scale;
  // A dark halo under a bright line reads on light fills and dark water alike.
  const Rgba halo{0, 0, 0, 0.63f}, bright{1, 0.9f, 0.35f, 1};
  auto polyline = [&](std::vector<XY> points) {
    for (const auto& [colour, width] : {std::pair{halo, 4.5f}, std::pair{bright, 2.f}})
      add_shape({ShapeKind::Polyline, points, width * scale, colour, "highlight"});
  };
  for (const std::vector<XY>& line : frame.highlight.lines) {
    std::vector<XY> px;
    for (const XY& p : line) px.push_back(v.to_pixel(p));
    polyline(std::move(px));
  }
  for (const XY& p : frame.highlight.rings) {
    const XY c = v.to_pixel(p);
    std::vector<XY> ring;
    for (int i = 0; i <= 32; ++i)
      ring.push_back({c.x + 11 * scale * std::cos(M_PI * i / 16), c.y + 11 * scale * std::sin(M_PI * i / 16)});
    polyline(std::move(ring));
  }
  flush_shapes();
}

void MapRenderer::draw_overlay(const Frame& frame, const OverlayLayout& o) {
  draw_highlight(frame);
  for (const GlyphRun& g : o.labels) text_->add(g.text, g.x, g.y, g.style);
  text_->flush(tile_.x, tile_.y, tile_.width, tile_.height);
  for (const OverlayShape& s : o.shapes) add_shape(s);
  flush_shapes();
  if (o.inset && frame.furniture.inset) draw_inset(frame, *o.inset);
  for (const GlyphRun& g : o.furniture_text) text_->add(g.text, g.x, g.y, g.style);
  text_->flush(tile_.x, tile_.y, tile_.width, tile_.height);
  glDisable(GL_SCISSOR_TEST);
}

void MapRenderer::draw_inset(const Frame& frame, const InsetPlacement& placed) {
  const InsetMap& inset = *frame.furniture.inset;
  const int w = inset.view.width_px, h = inset.view.height_px;
  // The box in the target's GL pixels, whose origin is its bottom-left corner.
  const int x = target_x_ + static_cast<int>(std::lround(placed.box.x0)) - tile_.x;
  const int y = target_y_ + tile_.height - (static_cast<int>(std::lround(placed.box.y0)) - tile_.y) - h;
  const int sx0 = std::max(x, target_x_), sy0 = std::max(y, target_y_);
  const int sx1 = std::min(x + w, target_x_ + tile_.width), sy1 = std::min(y + h, target_y_ + tile_.height);
  if (sx1 > sx0 && sy1 > sy0) {
    // Drawn once into a texture of its own and copied while the view stays: the screen redraws it every frame.
    Frame own;
    own.generation = frame.generation;
    own.view = inset.view;
    own.background = inset.background;
    own.layers = inset.layers;
    uint64_t key = cache_key(own, own.layers.size());
    for (double c : {inset.view.centre.x, inset.view.centre.y}) {
      uint64_t bits = 0;
      std::memcpy(&bits, &c, sizeof bits);
      key = (key ^ bits) * 1099511628211ull;
    }
    if (key != inset_cache_.key) {
      GLint target_fbo = 0;
      glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target_fbo);
      inset_cache_.resize(w, h);
      glBindFramebuffer(GL_FRAMEBUFFER, inset_cache_.fbo.id());
      begin_target(own, 0, 0, w, h);
      draw_layers(frame, inset.view, inset.layers, 0, inset.layers.size());
      glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target_fbo));
      inset_cache_.key = key;
    }
    copy_cache(inset_cache_, x, y, w, h, 0, 0);
    set_target_state(target_x_, target_y_, tile_.width, tile_.height);
  }
  for (const OverlayShape& s : placed.over) add_shape(s);
  flush_shapes();
}

void MapRenderer::draw_tile(const Frame& frame, const OverlayLayout& overlay, const PixelRect& tile) {
  tile_ = tile;
  View tv = frame.view;
  tv.centre = frame.view.to_world({tile.x + tile.width / 2.0, tile.y + tile.height / 2.0});
  tv.width_px = tile.width;
  tv.height_px = tile.height;
  begin_target(frame, target_x_, target_y_, tile.width, tile.height);
  draw_layers(frame, tv, frame.layers, 0, frame.layers.size());
  draw_overlay(frame, overlay);
}

size_t MapRenderer::cacheable_prefix(const Frame& frame) {
  size_t n = 0;
  while (n < frame.layers.size() && frame.layers[n].cacheable) ++n;
  return n;
}

uint64_t MapRenderer::cache_key(const Frame& frame, size_t n) {
  // FNV-1a over everything that changes the cached pixels except the centre, which the offset absorbs.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const void* p, size_t len) {
    for (size_t i = 0; i < len; ++i) h = (h ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ull;
  };
  mix(&frame.generation, sizeof frame.generation);
  mix(&frame.view.units_per_px, sizeof(double));
  mix(&frame.view.width_px, sizeof(int));
  mix(&frame.view.height_px, sizeof(int));
  mix(&frame.view.ui_scale, sizeof(float));
  mix(&frame.background, sizeof(Rgba));
  for (size_t i = 0; i < n; ++i) {
    const LayerDraw& d = frame.layers[i];
    const void* objects[2] = {d.geometry.get(), d.styles.get()};
    mix(&d.source, sizeof d.source);
    mix(objects, sizeof objects);
    mix(&d.opacity, sizeof d.opacity);
    mix(&d.stroke_width_px, sizeof d.stroke_width_px);
    mix(&d.level, sizeof d.level);
    bool flags[3] = {d.fill, d.stroke, d.points};
    mix(flags, sizeof flags);
  }
  return h;
}

void MapRenderer::CacheTarget::resize(int w, int h) {
  if (width == w && height == h) return;
  texture = make_texture();
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  GLuint id = 0;
  glGenFramebuffers(1, &id);
  fbo = GlFramebuffer(id);
  glBindFramebuffer(GL_FRAMEBUFFER, id);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture.id(), 0);
  width = w, height = h;
}

void MapRenderer::refresh_cache(const Frame& frame, size_t cacheable, int margin) {
  GLint target_fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target_fbo);
  cache_.view = frame.view;
  cache_.view.width_px = frame.view.width_px + 2 * margin;
  cache_.view.height_px = frame.view.height_px + 2 * margin;
  cache_.resize(cache_.view.width_px, cache_.view.height_px);
  glBindFramebuffer(GL_FRAMEBUFFER, cache_.fbo.id());
  begin_target(frame, 0, 0, cache_.width, cache_.height);
  draw_layers(frame, cache_.view, frame.layers, 0, cacheable);
  glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target_fbo));
  cache_.key = cache_key(frame, cacheable);
}

void MapRenderer::draw_cached(const Frame& frame, int x, int y) {
  const size_t n = cacheable_prefix(frame);
  if (n == 0) return draw(frame, x, y);
  const View& v = frame.view;
  const int margin = std::max(v.width_px, v.height_px) / 4;
  double dx = (v.centre.x - cache_.view.centre.x) / v.units_per_px, dy = (v.centre.y - cache_.view.centre.y) / v.units_per_px;
  if (cache_key(frame, n) != cache_.key || std::fabs(dx) > margin || std::fabs(dy) > margin) {
    // Redraw the static layers around the current centre, with a margin for panning.
    refresh_cache(frame, n, margin);
    dx = dy = 0;
  }
  // Whole-pixel offsets keep the cached pixels exact; the rest of the frame snaps to the same pixel grid.
  const int ox = static_cast<int>(std::lround(dx)), oy = static_cast<int>(std::lround(dy));
  Frame snapped = frame;
  snapped.view.centre = {cache_.view.centre.x + ox * v.units_per_px, cache_.view.centre.y + oy * v.units_per_px};
  tile_ = {0, 0, v.width_px, v.height_px};
  copy_cache(cache_, x, y, v.width_px, v.height_px, margin + ox, margin + oy);
  set_target_state(x, y, v.width_px, v.height_px);
  draw_layers(snapped, snapped.view, snapped.layers, n, snapped.layers.size());
  target_x_ = x, target_y_ = y;
  draw_overlay(snapped, layout(snapped));
  target_x_ = target_y_ = 0;
}

void MapRenderer::upload(const Frame& frame) {
  for (const LayerDraw& d : frame.layers) {
    if (!d.geometry || !d.styles) continue;
    Resident& r = resident_[d.source];
    if (r.geometry != d.geometry) r.gpu.upload(*d.geometry), r.geometry = d.geometry;
    if (r.styles != d.styles) r.gpu.set_styles(*d.styles), r.styles = d.styles;
  }
  if (frame.resident.empty()) return;  // a frame without a projection says nothing of what the scene holds
  std::erase_if(resident_, [&](const auto& entry) {
    return std::find(frame.resident.begin(), frame.resident.end(), entry.first) == frame.resident.end();
  });
}

void MapRenderer::draw_layers(const Frame& frame, const View& v, const std::vector<LayerDraw>& layers, size_t begin,
                              size_t end) {
  upload(frame);
  // What the target shows, widened by a margin for line widths and symbols that reach in from outside.
  const double margin = 30 * v.ui_scale * v.units_per_px;
  BoundsXY seen;
  seen.extend(v.to_world({0, 0}));
  seen.extend(v.to_world({static_cast<double>(v.width_px), static_cast<double>(v.height_px)}));
  seen.min_x -= margin, seen.min_y -= margin, seen.max_x += margin, seen.max_y += margin;
  glActiveTexture(GL_TEXTURE0);
  for (size_t i = begin; i < end; ++i) {
    const LayerDraw& d = layers[i];
    const auto it = resident_.find(d.source);
    if (!d.geometry || !d.styles || it == resident_.end() || it->second.gpu.levels().empty()) continue;
    const GpuLayer& gpu = it->second.gpu;
    glBindTexture(GL_TEXTURE_2D, gpu.style_texture());
    const GpuLayer::Level& level = gpu.levels()[std::min(d.level, gpu.levels().size() - 1)];
    if (d.fill) draw_areas(frame, v, d, gpu, level, seen);
    if (d.stroke && d.stroke_width_px > 0) draw_lines(frame, v, d, gpu, level, seen);
    if (d.points) draw_points(frame, v, d, gpu, seen);
    if (!d.cells.empty()) draw_cells(d);
  }
  glBindVertexArray(0);
}

void MapRenderer::draw_areas(const Frame& frame, const View& v, const LayerDraw& d, const GpuLayer& gpu,
                             const GpuLayer::Level& level, const BoundsXY& seen) {
  set_layer_uniforms(area_, v, frame.day, d);
  glBindVertexArray(gpu.fill_vao());
  for (const GpuLayer::Run& r : level.triangles)
    if (r.live_on(frame.day) && visible(r.bounds, seen))
      glDrawElements(GL_TRIANGLES, r.count * 3, GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(r.first * 3 * sizeof(uint32_t)));
}

void MapRenderer::draw_lines(const Frame& frame, const View& v, const LayerDraw& d, const GpuLayer& gpu,
                             const GpuLayer::Level& level, const BoundsXY& seen) {
  set_layer_uniforms(line_, v, frame.day, d);
  glUniform1f(loc(line_, "u_width_px"), d.stroke_width_px * v.ui_scale);
  glUniform1f(loc(line_, "u_seconds"), frame.seconds);
  glBindVertexArray(gpu.line_vao());
  for (const GpuLayer::Run& r : level.segments)
    if (r.live_on(frame.day) && visible(r.bounds, seen)) {
      gpu.bind_segments_from(r.first);
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, r.count);
    }
}

void MapRenderer::draw_points(const Frame& frame, const View& v, const LayerDraw& d, const GpuLayer& gpu,
                              const BoundsXY& seen) {
  set_layer_uniforms(point_, v, frame.day, d);
  glBindVertexArray(gpu.point_vao());
  for (const GpuLayer::Run& r : gpu.point_runs())
    if (r.live_on(frame.day) && visible(r.bounds, seen)) {
      gpu.bind_points_from(r.first);
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, r.count);
    }
}

void MapRenderer::draw_cells(const LayerDraw& d) {
  // Hexagons as four triangles each.
  for (const DensityCell& c : d.cells) {
    const std::array<XY, 6> corner = drawn_corners(c);
    const Rgba colour{c.colour.r, c.colour.g, c.colour.b, c.colour.a * d.opacity};
    for (int k : {1, 2, 3, 4}) add_triangle(corner[0], corner[k], corner[k + 1], colour);
  }
  flush_shapes();
}

void MapRenderer::add_triangle(XY a, XY b, XY c, Rgba colour) {
  for (XY p : {a, b, c})
    shapes_.insert(shapes_.end(), {static_cast<float>(p.x), static_cast<float>(p.y), colour.r, colour.g, colour.b, colour.a});
}

void MapRenderer::add_shape(const OverlayShape& s) {
  const std::vector<XY>& p = s.points;
  switch (s.kind) {
    case ShapeKind::Rect:
      add_triangle(p[0], {p[1].x, p[0].y}, {p[0].x, p[1].y}, s.colour);
      add_triangle({p[1].x, p[0].y}, p[1], {p[0].x, p[1].y}, s.colour);
      break;
    case ShapeKind::Polygon:  // the overlay's polygons are convex (arrow halves): a fan covers them
      for (size_t i = 1; i + 1 < p.size(); ++i) add_triangle(p[0], p[i], p[i + 1], s.colour);
      break;
    case ShapeKind::Circle: {
      constexpr int kSides = 32;
      const double r = s.size_px;
      for (int i = 0; i < kSides; ++i) {
        const double a0 = 2 * M_PI * i / kSides, a1 = 2 * M_PI * (i + 1) / kSides;
        add_triangle(p[0], {p[0].x + r * std::cos(a0), p[0].y + r * std::sin(a0)},
                     {p[0].x + r * std::cos(a1), p[0].y + r * std::sin(a1)}, s.colour);
      }
      break;
    }
    case ShapeKind::Polyline:
      for (size_t i = 0; i + 1 < p.size(); ++i) {
        const XY a = p[i], b = p[i + 1];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len <= 0) continue;
        const double nx = -(b.y - a.y) / len * s.size_px / 2, ny = (b.x - a.x) / len * s.size_px / 2;
        const XY a0{a.x + nx, a.y + ny}, a1{a.x - nx, a.y - ny}, b0{b.x + nx, b.y + ny}, b1{b.x - nx, b.y - ny};
        add_triangle(a0, a1, b0, s.colour);
        add_triangle(a1, b1, b0, s.colour);
      }
      break;
  }
}

void MapRenderer::flush_shapes() {
  if (shapes_.empty()) return;
  glUseProgram(shape_.id());
  glUniform2f(loc(shape_, "u_viewport_px"), static_cast<float>(tile_.width), static_cast<float>(tile_.height));
  glUniform2f(loc(shape_, "u_origin_px"), static_cast<float>(tile_.x), static_cast<float>(tile_.y));
  glBindVertexArray(shape_vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, shape_vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(shapes_.size() * sizeof(float)), shapes_.data(),
               GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(shapes_.size() / 6));
  glBindVertexArray(0);
  shapes_.clear();
}

}  // namespace chronoatlas::render
