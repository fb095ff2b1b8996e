#pragma once
// Drawing into an offscreen framebuffer and reading it back; images larger than the GL limit are drawn in tiles.
#include <cstdint>
#include <vector>

#include "base/result.h"
#include "render/frame.h"
#include "render/image.h"
#include "render/map_renderer.h"

namespace chronoatlas::render {

// A colour framebuffer of a fixed size to draw into, for exports and benchmarks.
class OffscreenTarget {
 public:
  static Result<OffscreenTarget> create(int width, int height);
  void bind() const;
  int width() const { return width_; }
  int height() const { return height_; }
  // The target's pixels, rows top to bottom (GL's are bottom to top).
  void read(int width, int height, std::vector<uint8_t>& rows_top_down) const;

 private:
  GlFramebuffer fbo_;
  GlRenderbuffer colour_;
  int width_ = 0, height_ = 0;
};

// Draws FRAME (its view gives the size) offscreen, tile by tile, and returns the pixels.
Result<Image> render_image(MapRenderer& renderer, const Frame& frame);

}  // namespace chronoatlas::render
