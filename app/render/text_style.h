#pragma once
// How a run of text looks: what the layout measures and every backend draws.
#include <algorithm>

#include "base/colour.h"
#include "text/shaper.h"

namespace chronoatlas::render {

struct TextStyle {
  float size_px = 13;  // em size in image pixels
  bool bold = false;
  Rgba colour{0.15f, 0.15f, 0.15f, 1};
  Rgba halo{1, 1, 1, 0.85f};  // alpha 0: no halo
};

// How far a halo reaches past the ink, in pixels, at every text size and UI scale.
constexpr int kHaloRadiusPx = 2;

struct TextBox {
  float width = 0, ascent = 0, descent = 0;  // pixels
};

// SHAPED's advance, and its ink above and below the baseline (never less than the style's line box), at STYLE's size:
// the one measure of every backend, so a layout made for one fits them all.
inline TextBox shaped_box(const text::ShapedText& shaped, const TextStyle& style) {
  return {shaped.advance_em * style.size_px, std::max(style.size_px * 0.75f, shaped.ink_top_em * style.size_px),
          std::max(style.size_px * 0.25f, shaped.ink_bottom_em * style.size_px)};
}

}  // namespace chronoatlas::render
