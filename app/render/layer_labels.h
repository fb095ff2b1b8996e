#pragma once
// One layer's label candidates and point symbols for a frame: which features are named at the date, with what text,
// rank and size, and where their symbols sit (so no label covers one).
#include "model/atlas.h"
#include "render/frame.h"
#include "render/map_view.h"
#include "render/prepared_layer.h"

namespace chronoatlas::render {

// Appends to FRAME the symbols and label candidates of LAYER (index LAYER_INDEX, bottom first) live at DAY.
void add_layer_labels(const model::AtlasLayer& layer, const PreparedLayer& prepared, size_t layer_index,
                      const MapView& view, story::Days day, Frame& frame);

}  // namespace chronoatlas::render
