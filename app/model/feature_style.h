#pragma once
// How one feature looks on one date: the result of evaluating its layer's style, series and highlights.
#include "base/colour.h"

namespace chronoatlas::model {

struct FeatureStyle {
  Rgba fill;
  Rgba stroke;
  float radius_px = 4;   // point symbols; 0 hides the point
  float emphasis = 0;    // 0 normal, 1 highlighted (a ring around point symbols)
  float width_px = 0;    // lines: width overriding the layer's; 0 keeps it
  bool flow = false;     // lines: animated stream from the first point to the last
};

}  // namespace chronoatlas::model
