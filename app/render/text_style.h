#pragma once
// How a run of text looks: what the layout measures and every backend draws.
#include "base/colour.h"

namespace chronoatlas::render {

struct TextStyle {
  float size_px = 13;  // em size in image pixels
  bool bold = false;
  Rgba colour{0.15f, 0.15f, 0.15f, 1};
  Rgba halo{1, 1, 1, 0.85f};  // alpha 0: no halo
};

struct TextBox {
  float width = 0, ascent = 0, descent = 0;  // pixels
};

}  // namespace chronoatlas::render
