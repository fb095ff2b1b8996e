#pragma once
// An image read back from a drawing: plain pixels, no GL, so writers and tests need no loader.
#include <cstdint>
#include <vector>

namespace chronoatlas::render {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // rows top to bottom, straight alpha
};

// Largest image side accepted: beyond it we fail with a message rather than truncate.
constexpr int kMaxImageSide = 16384;

}  // namespace chronoatlas::render
