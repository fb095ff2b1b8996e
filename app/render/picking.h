#pragma once
// What lies under a pixel of the map: the top-most visible feature at that place and date.
#include <optional>

#include "render/map_scene.h"

namespace chronoatlas::render {

struct Pick {
  size_t layer;         // index into the atlas's layers
  size_t feature;       // index into that layer's features
  int cell_count = -1;  // a density view's hexagon: its features live on the date (FEATURE is one); -1 otherwise
};

// Points within their symbol (plus a few pixels), then lines within a few pixels, then areas containing the pixel;
// upper layers first; a layer in its density view is picked by hexagon. Features outside DAY are ignored.
std::optional<Pick> pick_feature(const MapScene& scene, const MapView& view, XY pixel, story::Days day);

}  // namespace chronoatlas::render
