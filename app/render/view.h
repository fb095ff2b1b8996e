#pragma once
// What part of the projected plane an image shows, and at what scale.
#include "base/geometry_types.h"

namespace chronoatlas::render {

// A rectangle of an image.
struct PixelBox {
  float x0, y0, x1, y1;  // image pixels
  bool overlaps(const PixelBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct View {
  XY centre{0, 0};            // projected units at the image centre
  double units_per_px = 1000; // projected units per image pixel
  int width_px = 1280;
  int height_px = 800;
  float ui_scale = 1;         // multiplies line widths, symbols and text: HiDPI screens and large exports

  // Pixel coordinates have their origin at the top-left corner, y down.
  XY to_pixel(XY world) const {
    return {(world.x - centre.x) / units_per_px + width_px / 2.0, height_px / 2.0 - (world.y - centre.y) / units_per_px};
  }
  XY to_world(XY px) const {
    return {centre.x + (px.x - width_px / 2.0) * units_per_px, centre.y - (px.y - height_px / 2.0) * units_per_px};
  }
  // Zooms by FACTOR (>1 zooms in) keeping the world point under pixel PX fixed.
  void zoom_about(XY px, double factor) {
    XY anchor = to_world(px);
    units_per_px /= factor;
    XY moved = to_world(px);
    centre.x += anchor.x - moved.x;
    centre.y += anchor.y - moved.y;
  }
  // Fits BOUNDS (projected) into the image with a margin fraction on each side.
  void fit(const BoundsXY& b, double margin = 0.04) { fit_within(b, 0, 0, width_px, height_px, margin); }
  // Fits B into the part of the image from (X0, Y0) to (X1, Y1), pixels, MARGIN a fraction of that part on each side.
  void fit_within(const BoundsXY& b, double x0, double y0, double x1, double y1, double margin) {
    double sx = (b.max_x - b.min_x) / ((x1 - x0) * (1 - 2 * margin));
    double sy = (b.max_y - b.min_y) / ((y1 - y0) * (1 - 2 * margin));
    units_per_px = sx > sy ? sx : sy;
    // The box's centre goes to the part's centre.
    centre = {(b.min_x + b.max_x) / 2 - ((x0 + x1) / 2 - width_px / 2.0) * units_per_px,
              (b.min_y + b.max_y) / 2 + ((y0 + y1) / 2 - height_px / 2.0) * units_per_px};
  }
};

}  // namespace chronoatlas::render
