#pragma once
// A frame drawn on a vector canvas: the same layers, labels and furniture the GL backend draws, from the same layout,
// as a drawing program wants them: a named group per map layer and per furniture part, each area one even-odd path,
// geometry simplified to the output's resolution and clipped to the image, no path longer than a limit, text as text.
#include <cstddef>

#include "render/frame.h"
#include "render/overlay_layout.h"
#include "render/vector_canvas.h"
#include "text/shaper.h"

namespace chronoatlas::render {

struct VectorLimits {
  size_t max_path_points = 30000;  // Illustrator drops longer paths: longer ones are split
  float min_step_px = 0.5f;        // points nearer their predecessor than this are dropped
};

// Draws FRAME, with OVERLAY laid out for it (by a measure of SHAPER's: see shaped_box), on CANVAS.
void draw_vector_frame(const Frame& frame, const OverlayLayout& overlay, text::Shaper& shaper, VectorCanvas& canvas,
                       const VectorLimits& limits = {});

// The group a vector output names an overlay group ("labels/Towns", "scale bar") by: "Labels: Towns", "Scale bar".
std::string group_title(const std::string& overlay_group);

}  // namespace chronoatlas::render
