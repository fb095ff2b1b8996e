#include "render/text_renderer.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace chronoatlas::render {

namespace {
constexpr int kPad = 4;         // pixels around each glyph, room for the halo
constexpr int kHaloRadius = kHaloRadiusPx;

// Two channels a texel: the glyph's coverage, and the same dilated by the halo radius, so the shader reads both at
// once. The cell is W x H with the bitmap inside its padding.
std::vector<unsigned char> glyph_cell(const FT_Bitmap& bm, int w, int h) {
  std::vector<unsigned char> cell(static_cast<size_t>(w) * h * 2, 0);
  for (unsigned r = 0; r < bm.rows; ++r)
    for (unsigned c = 0; c < bm.width; ++c)
      cell[((kPad + r) * static_cast<size_t>(w) + kPad + c) * 2] = bm.buffer[static_cast<ptrdiff_t>(r) * bm.pitch + c];
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int best = 0;
      for (int dy = -kHaloRadius; dy <= kHaloRadius; ++dy)
        for (int dx = -kHaloRadius; dx <= kHaloRadius; ++dx) {
          const int sx = x + dx, sy = y + dy;
          if (sx < 0 || sy < 0 || sx >= w || sy >= h || dx * dx + dy * dy > kHaloRadius * kHaloRadius + 1) continue;
          best = std::max<int>(best, cell[(static_cast<size_t>(sy) * w + sx) * 2]);
        }
      cell[(static_cast<size_t>(y) * w + x) * 2 + 1] = static_cast<unsigned char>(best);
    }
  return cell;
}

uint64_t glyph_key(int face, uint32_t id, int size) {
  return (static_cast<uint64_t>(face) << 48) | (static_cast<uint64_t>(std::min(size, 0xFFFF)) << 32) | id;
}

}  // namespace

Result<std::unique_ptr<TextRenderer>> TextRenderer::create(const std::string& font_dir, AtlasLimits limits) {
  auto fonts = text::FontSet::open(font_dir);
  if (!fonts) return Error{fonts.error()};
  GLint most = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &most);
  limits.page_px = std::clamp(limits.page_px, 64, std::max(64, static_cast<int>(most)));
  limits.pages = std::max(limits.pages, 1);
  std::unique_ptr<TextRenderer> t(new TextRenderer(std::move(*fonts), limits));
  auto program = build_program("text.vert", "text.frag");
  if (!program) return Error{program.error()};
  t->program_ = std::move(*program);
  t->vao_ = make_vertex_array();
  t->vbo_ = make_buffer();
  glBindVertexArray(t->vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, t->vbo_.id());
  float_attribute(0, 2, 48, 0);
  float_attribute(1, 2, 48, 8);
  float_attribute(2, 4, 48, 16);
  float_attribute(3, 4, 48, 32);
  glBindVertexArray(0);
  return t;
}

TextRenderer::~TextRenderer() = default;

void TextRenderer::evict(int page) {
  for (auto it = glyphs_.begin(); it != glyphs_.end();) it = it->second.page == page ? glyphs_.erase(it) : std::next(it);
  Page& p = pages_[static_cast<size_t>(page)];
  p.shelf_x = p.shelf_y = p.shelf_h = 0;
}

void TextRenderer::release_overflow_pages() {
  while (pages_.size() > static_cast<size_t>(limits_.pages)) {
    evict(static_cast<int>(pages_.size() - 1));
    pages_.pop_back();
  }
  if (filling_ >= static_cast<int>(pages_.size())) filling_ = -1;
}

int TextRenderer::page_with_room(int w, int h) {
  const int side = limits_.page_px;
  if (filling_ >= 0) {
    Page& p = pages_[static_cast<size_t>(filling_)];
    if (p.shelf_x + w > side) p.shelf_x = 0, p.shelf_y += p.shelf_h, p.shelf_h = 0;
    if (p.shelf_y + h <= side) return filling_;
  }
  // Full: reuse the least recently drawn page, but never one a queued glyph reads from; while every page is in the
  // queue (thousands of distinct CJK glyphs on one map), add another.
  int oldest = -1;
  for (size_t i = 0; i < pages_.size(); ++i)
    if (pages_[i].used_in_flush < flush_ &&
        (oldest < 0 || pages_[i].used_in_flush < pages_[static_cast<size_t>(oldest)].used_in_flush))
      oldest = static_cast<int>(i);
  if (pages_.size() >= static_cast<size_t>(limits_.pages) && oldest >= 0) {
    evict(oldest);
    return filling_ = oldest;
  }
  Page p;
  p.texture = make_texture();
  glBindTexture(GL_TEXTURE_2D, p.texture.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RG8, side, side, 0, GL_RG, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  pages_.push_back(std::move(p));
  return filling_ = static_cast<int>(pages_.size() - 1);
}

TextRenderer::Glyph TextRenderer::pack(int face, uint32_t id, int size) {
  FT_Face ft = fonts_->face(face).ft;
  // Glyphs larger than a quarter of a page are rasterised at that size and drawn scaled: a label of 3,000 px (a
  // style, or a 16x export of a large label) must never be written past the page.
  const int raster = std::clamp(size, 1, limits_.page_px / 4);
  const float k = static_cast<float>(size) / static_cast<float>(raster);
  Glyph g{};
  if (FT_Set_Pixel_Sizes(ft, 0, static_cast<FT_UInt>(raster)) || FT_Load_Glyph(ft, id, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT))
    return g;
  const FT_Bitmap& bm = ft->glyph->bitmap;
  if (bm.width == 0 || bm.rows == 0 || bm.pixel_mode != FT_PIXEL_MODE_GRAY) return g;
  const int w = static_cast<int>(bm.width) + 2 * kPad, h = static_cast<int>(bm.rows) + 2 * kPad;
  const std::vector<unsigned char> cell = glyph_cell(bm, w, h);
  g.page = page_with_room(w, h);
  Page& p = pages_[static_cast<size_t>(g.page)];
  glBindTexture(GL_TEXTURE_2D, p.texture.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexSubImage2D(GL_TEXTURE_2D, 0, p.shelf_x, p.shelf_y, w, h, GL_RG, GL_UNSIGNED_BYTE, cell.data());
  const float s = static_cast<float>(limits_.page_px);
  g.u0 = p.shelf_x / s, g.v0 = p.shelf_y / s, g.u1 = (p.shelf_x + w) / s, g.v1 = (p.shelf_y + h) / s;
  g.left = k * static_cast<float>(ft->glyph->bitmap_left - kPad);
  g.top = k * static_cast<float>(ft->glyph->bitmap_top + kPad);
  g.w = k * static_cast<float>(w), g.h = k * static_cast<float>(h);
  g.scale = k;
  p.shelf_x += w;
  p.shelf_h = std::max(p.shelf_h, h);
  return g;
}

const TextRenderer::Glyph& TextRenderer::glyph(int face, uint32_t id, int size) {
  const uint64_t key = glyph_key(face, id, size);
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;
  return glyphs_.emplace(key, pack(face, id, size)).first->second;
}

TextBox TextRenderer::measure(const std::string& utf8, const TextStyle& style) {
  return shaped_box(shaper_.shape(utf8, style.bold), style);
}

void TextRenderer::Pass::add(const Glyph& g, float x0, float y0, float inset_px, float page_px, const Rgba& c,
                             const Rgba& h) {
  const float d = inset_px * g.scale, t = inset_px / page_px;
  const float left = x0 + d, top = y0 + d, right = x0 + g.w - d, bottom = y0 + g.h - d;
  const float u0 = g.u0 + t, v0 = g.v0 + t, u1 = g.u1 - t, v1 = g.v1 - t;
  auto vertex = [&](float px, float py, float u, float v) {
    quads.insert(quads.end(), {px, py, u, v, c.r, c.g, c.b, c.a, h.r, h.g, h.b, h.a});
  };
  vertex(left, top, u0, v0), vertex(right, top, u1, v0), vertex(left, bottom, u0, v1);
  vertex(right, top, u1, v0), vertex(right, bottom, u1, v1), vertex(left, bottom, u0, v1);
  if (batches.empty() || batches.back().page != g.page) batches.push_back({g.page, quads.size() / 12 - 6, 0});
  batches.back().vertices += 6;
}

void TextRenderer::add(const std::string& utf8, float x, float y, const TextStyle& style) {
  const int size = static_cast<int>(std::lround(style.size_px));
  const text::ShapedText& shaped = shaper_.shape(utf8, style.bold);
  const float page_px = static_cast<float>(limits_.page_px);
  for (const text::ShapedRun& run : shaped.runs)
    for (const text::ShapedGlyph& sg : run.glyphs) {
      const Glyph& g = glyph(run.face, sg.id, size);
      if (g.page < 0) continue;  // no ink: a space
      // Each glyph's origin on a whole pixel, as FreeType's bitmaps are made for.
      const float x0 = std::round(x + sg.x_em * style.size_px) + g.left;
      const float y0 = std::round(y - sg.y_em * style.size_px) - g.top;
      // The halo reaches kHaloRadius texels past the ink, the ink one (bilinear filtering) past the bitmap.
      if (style.halo.a > 0) halos_.add(g, x0, y0, kPad - kHaloRadius - 1, page_px, style.colour, style.halo);
      inks_.add(g, x0, y0, kPad - 1, page_px, style.colour, style.halo);
      pages_[static_cast<size_t>(g.page)].used_in_flush = flush_;
      ++queued_;
    }
}

size_t TextRenderer::flush(int x_px, int y_px, int width_px, int height_px) {
  if (queued_ == 0) return 0;
  glUseProgram(program_.id());
  glUniform2f(glGetUniformLocation(program_.id(), "u_viewport_px"), static_cast<float>(width_px),
              static_cast<float>(height_px));
  glUniform2f(glGetUniformLocation(program_.id(), "u_origin_px"), static_cast<float>(x_px), static_cast<float>(y_px));
  glUniform1i(glGetUniformLocation(program_.id(), "u_atlas"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  const size_t halo_floats = halos_.quads.size(), ink_floats = inks_.quads.size();
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>((halo_floats + ink_floats) * sizeof(float)), nullptr,
               GL_STREAM_DRAW);
  glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(halo_floats * sizeof(float)), halos_.quads.data());
  glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(halo_floats * sizeof(float)),
                  static_cast<GLsizeiptr>(ink_floats * sizeof(float)), inks_.quads.data());
  // Every halo, then every glyph's ink, each in the order queued whichever page a glyph is on.
  const GLint pass = glGetUniformLocation(program_.id(), "u_pass");
  for (int p = 0; p < 2; ++p) {
    glUniform1i(pass, p);
    const size_t first = p == 0 ? 0 : halo_floats / 12;
    for (const Batch& b : (p == 0 ? halos_ : inks_).batches) {
      glBindTexture(GL_TEXTURE_2D, pages_[static_cast<size_t>(b.page)].texture.id());
      glDrawArrays(GL_TRIANGLES, static_cast<GLint>(first + b.first_vertex), static_cast<GLsizei>(b.vertices));
    }
  }
  glBindVertexArray(0);
  const size_t drawn = std::exchange(queued_, 0);
  halos_.clear(), inks_.clear();
  ++flush_;
  release_overflow_pages();
  return drawn;
}

}  // namespace chronoatlas::render
