#pragma once
// Map labels placed by rank without overlaps, clear of point symbols and of the furniture: the same placement for
// the screen and every export.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/frame.h"
#include "render/text_style.h"

namespace chronoatlas::render {

// The size of a text in a style; the renderer's fonts measure, tests may pass a stand-in.
using MeasureText = std::function<TextBox(const std::string&, const TextStyle&)>;

// Greedy label placement in order of rank, avoiding TAKEN boxes and each other: the labels drawn and where. No label
// covers a point symbol, and a symbol's label never sits nearer another symbol than its own, except at the end of a
// leader line: a symbol inside a larger one (a town within a circle of arrivals) gets its label outside, joined to it.
struct PlacedLabel {
  size_t index;
  float x, y;  // baseline start, image pixels
  bool leader = false;
  XY leader_from{}, leader_to{};  // image pixels: from the symbol's edge to the label's box
};
std::vector<PlacedLabel> place_labels(const std::vector<Label>& labels, const std::vector<Symbol>& symbols,
                                      const View& view, const MeasureText& measure, std::vector<PixelBox> taken = {},
                                      float margin_px = 2);

}  // namespace chronoatlas::render
