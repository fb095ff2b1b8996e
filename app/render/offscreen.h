#pragma once
// Drawing into an offscreen framebuffer and reading it back; images larger than the GL limit are drawn in tiles.
#include <cstdint>
#include <vector>

#include "base/result.h"
#include "render/frame.h"
#include "render/map_renderer.h"

namespace chronoatlas::render {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // rows top to bottom, straight alpha
};

// Largest image side accepted: beyond it we fail with a message rather than truncate.
constexpr int kMaxImageSide = 16384;

// Draws FRAME (its view gives the size) offscreen, tile by tile, and returns the pixels.
Result<Image> render_image(MapRenderer& renderer, const Frame& frame);

}  // namespace chronoatlas::render
