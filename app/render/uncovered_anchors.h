#pragma once
// Label points moved off the areas drawn over them: a country's name placed on a disputed region drawn above it
// ("Azerbaijan" on the Nagorno-Karabakh outline) reads as that region's name. Only filled areas of upper layers that
// are smaller than the feature count, from layers of a few areas: a transparent district grid hides nothing, a
// detailed outline of the same country is the same place, and a tiling of provinces covers the country everywhere.
#include <vector>

#include "model/atlas_layer.h"
#include "base/geometry_types.h"

namespace chronoatlas::render {

// Per feature of LAYER with an anchor in ANCHORS (NaN: none), the label point of its largest polygon with the covering
// areas of UPPER (the layers drawn above it) cut out, where one of them covers the anchor; NaN elsewhere. With
// WITHIN, the label point of the cut polygon's part inside that box (for anchors chosen within a view).
std::vector<LonLat> uncovered_anchors(const model::AtlasLayer& layer, const std::vector<LonLat>& anchors,
                                      const std::vector<const model::AtlasLayer*>& upper,
                                      const BoundsLonLat* within = nullptr);

// True when L's areas are filled with a colour that can be seen (a layer of outlines only covers nothing).
bool fills_areas(const model::AtlasLayer& l);

}  // namespace chronoatlas::render
