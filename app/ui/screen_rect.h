#pragma once
// A rectangle of the window in ImGui's coordinates (top-left origin): where the map sits, or a list.

namespace chronoatlas::ui {

struct ScreenRect {
  float x = 0, y = 0, width = 0, height = 0;
};

}  // namespace chronoatlas::ui
