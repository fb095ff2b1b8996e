#pragma once
// The furniture laid out by importance (sources, date, title, caption, scale bar, legend, north arrow), each piece
// where it overlaps nothing placed before it, shrinking or left out when there is no room; then the graticule's
// degrees where no furniture is.
#include "render/overlay_layout.h"

namespace chronoatlas::render {

// Appends FRAME's furniture to OUT (shapes, text, and the boxes labels must keep out of).
void lay_out_furniture(const Frame& frame, const OverlayStyle& style, const MeasureText& measure, OverlayLayout& out);
// Appends the graticule's degrees that overlap neither furniture nor each other.
void lay_out_fixed_labels(const Frame& frame, const OverlayStyle& style, const MeasureText& measure, OverlayLayout& out);

}  // namespace chronoatlas::render
