#include "render/text_renderer.h"

#include <cmath>
#include <algorithm>
#include <cstring>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace chronoatlas::render {

namespace {
constexpr int kPad = 4;  // pixels around each glyph, room for the halo
}

struct TextRenderer::Fonts {
  FT_Library library = nullptr;
  FT_Face regular = nullptr, bold = nullptr, armenian = nullptr, armenian_bold = nullptr;
  ~Fonts() {
    for (FT_Face f : {regular, bold, armenian, armenian_bold})
      if (f) FT_Done_Face(f);
    if (library) FT_Done_FreeType(library);
  }
};

std::u32string decode_utf8(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    bool ok = true;
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out.push_back(ok ? cp : 0xFFFD);
    i += ok ? extra + 1 : 1;
  }
  return out;
}

Result<std::unique_ptr<TextRenderer>> TextRenderer::create(const std::string& font_dir) {
  std::unique_ptr<TextRenderer> t(new TextRenderer());
  t->fonts_ = std::make_unique<Fonts>();
  Fonts& f = *t->fonts_;
  if (FT_Init_FreeType(&f.library)) return Error{"FreeType could not start"};
  struct Want {
    FT_Face* face;
    const char* file;
  } wants[] = {{&f.regular, "NotoSans-Regular.ttf"},
               {&f.bold, "NotoSans-Bold.ttf"},
               {&f.armenian, "NotoSansArmenian-Regular.ttf"},
               {&f.armenian_bold, "NotoSansArmenian-Bold.ttf"}};
  for (Want& w : wants) {
    std::string path = font_dir + "/" + w.file;
    if (FT_New_Face(f.library, path.c_str(), 0, w.face))
      return Error{"font " + path + ": cannot be read (install Debian's fonts-noto-core)"};
  }
  auto program = build_program("text.vert", "text.frag");
  if (!program) return Error{program.error()};
  t->program_ = std::move(*program);
  t->vao_ = make_vertex_array();
  t->vbo_ = make_buffer();
  t->texture_ = make_texture();
  t->atlas_.assign(static_cast<size_t>(t->atlas_size_) * t->atlas_size_ * 2, 0);
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

void TextRenderer::dilate_halo(int x0, int y0, int w, int h) {
  const int radius = 2;
  auto ink = [&](int x, int y) { return atlas_[(static_cast<size_t>(y) * atlas_size_ + x) * 2]; };
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x) {
      int best = 0;
      for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
          int sx = x + dx, sy = y + dy;
          if (sx < x0 || sy < y0 || sx >= x0 + w || sy >= y0 + h || dx * dx + dy * dy > radius * radius + 1) continue;
          best = std::max<int>(best, ink(sx, sy));
        }
      atlas_[(static_cast<size_t>(y) * atlas_size_ + x) * 2 + 1] = static_cast<unsigned char>(best);
    }
}

const TextRenderer::Glyph& TextRenderer::glyph(char32_t cp, int size, bool bold) {
  auto key = std::make_tuple(cp, size, bold);
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;
  FT_Face face = bold ? fonts_->bold : fonts_->regular;
  FT_UInt index = FT_Get_Char_Index(face, cp);
  if (!index) {
    FT_Face fallback = bold ? fonts_->armenian_bold : fonts_->armenian;
    if (FT_UInt alt = FT_Get_Char_Index(fallback, cp)) face = fallback, index = alt;
  }
  // Glyphs larger than a quarter of the atlas are rasterised at that size and drawn scaled: a label of 3,000 px (a
  // style, or a 16x export of a large label) must never be written past the atlas.
  const int raster = std::clamp(size, 1, atlas_size_ / 4);
  const float k = static_cast<float>(size) / static_cast<float>(raster);
  FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(raster));
  Glyph g{};
  if (FT_Load_Glyph(face, index, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) == 0) {
    FT_Bitmap& bm = face->glyph->bitmap;
    int w = static_cast<int>(bm.width) + 2 * kPad, h = static_cast<int>(bm.rows) + 2 * kPad;
    if (shelf_x_ + w > atlas_size_) shelf_x_ = 0, shelf_y_ += shelf_h_, shelf_h_ = 0;
    if (shelf_y_ + h > atlas_size_) {  // full: start over; glyphs still queued are redrawn from the new atlas later
      glyphs_.clear();
      std::fill(atlas_.begin(), atlas_.end(), 0);
      shelf_x_ = shelf_y_ = shelf_h_ = 0;
      dirty_from_ = 0, dirty_to_ = atlas_size_;
    }
    // Two channels: the glyph's coverage, and the same dilated by the halo radius, so the shader reads both at once.
    for (unsigned r = 0; r < bm.rows; ++r)
      for (unsigned c = 0; c < bm.width; ++c)
        atlas_[(static_cast<size_t>(shelf_y_ + kPad + r) * atlas_size_ + shelf_x_ + kPad + c) * 2] =
            bm.buffer[static_cast<ptrdiff_t>(r) * bm.pitch + c];
    dilate_halo(shelf_x_, shelf_y_, w, h);
    float s = static_cast<float>(atlas_size_);
    g = {shelf_x_ / s, shelf_y_ / s, (shelf_x_ + w) / s, (shelf_y_ + h) / s,
         k * static_cast<float>(face->glyph->bitmap_left - kPad), k * static_cast<float>(face->glyph->bitmap_top + kPad),
         k * static_cast<float>(w), k * static_cast<float>(h), k * face->glyph->advance.x / 64.f};
    dirty_from_ = std::min(dirty_from_, shelf_y_);
    dirty_to_ = std::max(dirty_to_, shelf_y_ + h);
    shelf_x_ += w;
    shelf_h_ = std::max(shelf_h_, h);
  }
  return glyphs_.emplace(key, g).first->second;
}

TextBox TextRenderer::measure(const std::string& utf8, const TextStyle& style) {
  int size = static_cast<int>(std::lround(style.size_px));
  TextBox box;
  for (char32_t cp : decode_utf8(utf8)) box.width += glyph(cp, size, style.bold).advance;
  box.ascent = style.size_px * 0.75f;
  box.descent = style.size_px * 0.25f;
  return box;
}

void TextRenderer::add(const std::string& utf8, float x, float y, const TextStyle& style) {
  int size = static_cast<int>(std::lround(style.size_px));
  const Rgba& c = style.colour;
  const Rgba& h = style.halo;
  float pen = std::round(x), base = std::round(y);
  for (char32_t cp : decode_utf8(utf8)) {
    const Glyph& g = glyph(cp, size, style.bold);
    float x0 = pen + g.left, y0 = base - g.top, x1 = x0 + g.w, y1 = y0 + g.h;
    auto vertex = [&](float px, float py, float u, float v) {
      quads_.insert(quads_.end(), {px, py, u, v, c.r, c.g, c.b, c.a, h.r, h.g, h.b, h.a});
    };
    vertex(x0, y0, g.u0, g.v0), vertex(x1, y0, g.u1, g.v0), vertex(x0, y1, g.u0, g.v1);
    vertex(x1, y0, g.u1, g.v0), vertex(x1, y1, g.u1, g.v1), vertex(x0, y1, g.u0, g.v1);
    pen += g.advance;
  }
}

void TextRenderer::flush(int x_px, int y_px, int width_px, int height_px) {
  if (quads_.empty()) return;
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (!atlas_allocated_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG8, atlas_size_, atlas_size_, 0, GL_RG, GL_UNSIGNED_BYTE, atlas_.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    atlas_allocated_ = true;
    dirty_from_ = atlas_size_, dirty_to_ = 0;
  } else if (dirty_from_ < dirty_to_) {
    // Only the rows new glyphs went into.
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, dirty_from_, atlas_size_, dirty_to_ - dirty_from_, GL_RG, GL_UNSIGNED_BYTE,
                    atlas_.data() + static_cast<size_t>(dirty_from_) * atlas_size_ * 2);
    dirty_from_ = atlas_size_, dirty_to_ = 0;
  }
  glUseProgram(program_.id());
  glUniform2f(glGetUniformLocation(program_.id(), "u_viewport_px"), static_cast<float>(width_px),
              static_cast<float>(height_px));
  glUniform2f(glGetUniformLocation(program_.id(), "u_origin_px"), static_cast<float>(x_px), static_cast<float>(y_px));
  glUniform1i(glGetUniformLocation(program_.id(), "u_atlas"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(quads_.size() * sizeof(float)), quads_.data(), GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(quads_.size() / 12));
  glBindVertexArray(0);
  quads_.clear();
}

}  // namespace chronoatlas::render
