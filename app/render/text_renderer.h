#pragma once
// Text shaped by the text module (HarfBuzz, FriBidi, the font chain) and drawn from FreeType glyphs packed into atlas
// pages. Used for labels and map furniture alike, on screen and in exports, so text looks the same in both.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/colour.h"
#include "base/result.h"
#include "render/gl_objects.h"
#include "render/text_style.h"
#include "text/font_set.h"
#include "text/shaper.h"

namespace chronoatlas::render {

// How much glyph texture is kept between frames: PAGES pages of PAGE_PX square (clamped to what the GL allows).
struct AtlasLimits {
  int page_px = 2048;
  int pages = 8;
};

class TextRenderer {
 public:
  // Loads the fonts from FONT_DIR (and, through fontconfig, any installed face a string needs) and compiles the text
  // shaders; needs a current GL context.
  static Result<std::unique_ptr<TextRenderer>> create(const std::string& font_dir, AtlasLimits limits = {});
  ~TextRenderer();

  // The shaped string's advance, and its ink above and below the baseline (never less than the style's line box).
  TextBox measure(const std::string& utf8, const TextStyle& style);
  // Queues UTF8 with its baseline starting at (X, Y) image pixels (y down).
  void add(const std::string& utf8, float x, float y, const TextStyle& style);
  // Draws and clears the queue into a target of WIDTH x HEIGHT pixels whose top-left is (X, Y) in the image; returns
  // how many glyphs it drew.
  size_t flush(int x_px, int y_px, int width_px, int height_px);
  // Characters no installed face has, each once, since the last call.
  std::vector<std::string> take_warnings() { return shaper_.take_warnings(); }
  // What shapes and measures the text: vector backends set the same glyphs from it.
  text::Shaper& shaper() { return shaper_; }


 private:
  struct Glyph {
    int page = -1;                 // -1: no ink
    float u0, v0, u1, v1;          // page coordinates
    float left, top, w, h;         // the cell's placement (bitmap and padding), pixels
    float scale;                   // pixels drawn per atlas texel
  };
  struct Page {
    GlTexture texture;
    int shelf_x = 0, shelf_y = 0, shelf_h = 0;
    uint64_t used_in_flush = 0;    // the flush that last drew from it; the current one: a glyph is queued from it
  };
  struct Batch {
    int page;
    size_t first_vertex, vertices;
  };
  TextRenderer(std::unique_ptr<text::FontSet> fonts, AtlasLimits limits)
      : limits_(limits), fonts_(std::move(fonts)), shaper_(*fonts_) {}
  const Glyph& glyph(int face, uint32_t id, int size);
  Glyph pack(int face, uint32_t id, int size);
  int page_with_room(int w, int h);
  void evict(int page);
  void release_overflow_pages();

  AtlasLimits limits_;  // pages beyond limits_.pages are made only while one queue needs them all, and dropped after
  std::unique_ptr<text::FontSet> fonts_;
  text::Shaper shaper_;
  std::unordered_map<uint64_t, Glyph> glyphs_;  // by face, size and glyph id
  std::vector<Page> pages_;
  int filling_ = -1;  // the page new glyphs go into
  uint64_t flush_ = 1;
  // Drawn in two passes, each with its own quads: halos over the padded cell, then ink over the bitmap alone, so
  // neither pass shades more pixels than it can colour.
  struct Pass {
    std::vector<float> quads;  // x, y, u, v, rgba, halo rgba per vertex
    std::vector<Batch> batches;
    // G's cell at (X0, Y0), shrunk by INSET_PX texels on every side.
    void add(const Glyph& g, float x0, float y0, float inset_px, float page_px, const Rgba& c, const Rgba& h);
    void clear() { quads.clear(), batches.clear(); }
  };
  Pass halos_, inks_;
  size_t queued_ = 0;  // glyphs
  GlProgram program_;
  GlVertexArray vao_;
  GlBuffer vbo_;
};

}  // namespace chronoatlas::render
