#pragma once
// How long the scale bar is and what it says: the longest round distance (1, 2, 2.5 or 5 times a power of ten) whose
// bar is at most a third of the map's width; with those steps, never more than twice apart, it is at least a sixth.
#include <string>

namespace chronoatlas::render {

struct ScaleBar {
  float px = 0;          // 0: no bar (no usable scale)
  std::string distance;  // "20 km", "250 m", "2.5 km"
};

ScaleBar choose_scale_bar(double metres_per_px, float map_width_px);

}  // namespace chronoatlas::render
