#pragma once
// Text drawn from FreeType glyphs (Noto Sans, with Noto Sans Armenian for Armenian script) packed into one atlas.
// Used for labels and map furniture alike, on screen and in exports, so text looks the same in both.
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "base/colour.h"
#include "base/result.h"
#include "render/gl_objects.h"
#include "render/text_style.h"

namespace chronoatlas::render {

class TextRenderer {
 public:
  // Loads the fonts from FONT_DIR and compiles the text shaders; needs a current GL context.
  static Result<std::unique_ptr<TextRenderer>> create(const std::string& font_dir);
  ~TextRenderer();

  TextBox measure(const std::string& utf8, const TextStyle& style);
  // Queues UTF8 with its baseline starting at (X, Y) image pixels (y down).
  void add(const std::string& utf8, float x, float y, const TextStyle& style);
  // Draws and clears the queue into a target of WIDTH x HEIGHT pixels whose top-left is (X, Y) in the image.
  void flush(int x_px, int y_px, int width_px, int height_px);

 private:
  struct Glyph {
    float u0, v0, u1, v1;          // atlas coordinates
    float left, top, w, h;         // bitmap placement, pixels
    float advance;
  };
  struct Fonts;
  TextRenderer() = default;
  const Glyph& glyph(char32_t cp, int size, bool bold);
  void dilate_halo(int x, int y, int w, int h);

  std::unique_ptr<Fonts> fonts_;
  std::map<std::tuple<char32_t, int, bool>, Glyph> glyphs_;
  std::vector<unsigned char> atlas_;  // two channels a texel: coverage, halo
  int atlas_size_ = 2048, shelf_x_ = 0, shelf_y_ = 0, shelf_h_ = 0;
  bool atlas_allocated_ = false;
  int dirty_from_ = 0, dirty_to_ = 0;  // atlas rows changed since the last upload, [from, to)
  std::vector<float> quads_;  // x, y, u, v, rgba, halo rgba per vertex
  GlProgram program_;
  GlVertexArray vao_;
  GlBuffer vbo_;
  GlTexture texture_;
};

// Decodes UTF-8; invalid bytes become U+FFFD.
std::u32string decode_utf8(const std::string& text);

}  // namespace chronoatlas::render
