#pragma once
// One atlas layer as the scene prepared it for drawing: tessellated in lon/lat, projected for the current CRS with
// its label anchors, bounds and spatial index, and its per-feature styles for the date.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/feature_style.h"
#include "render/feature_index.h"
#include "render/layer_geometry.h"
#include "render/projected_layer.h"
#include "story/time.h"

namespace chronoatlas::render {

struct PreparedLayer {
  uint64_t atlas_id = 0;
  LayerGeometry geometry;                 // lon/lat, tessellated; rebuilt only when the projection's seam moves
  std::vector<LonLat> focus_anchor;       // per feature: a label point within the scenario's view, NaN where unneeded
  std::vector<XY> anchors, focus_anchors; // the two projected
  BoundsXY bounds;                        // projected
  std::shared_ptr<const ProjectedLayer> projected;  // a new one each time it is projected again
  std::shared_ptr<const FeatureIndex> index;        // of PROJECTED: what lies where, for picking
  std::shared_ptr<const std::vector<model::FeatureStyle>> styles;  // per feature; a new one each time they change
  uint64_t time_revision = 0;             // the atlas layer's time revision the projected times are for
  std::string projected_for;              // the projection's definition and the time origin they were projected for
  story::Days projected_origin = NAN;
  uint64_t styled_revision = 0;           // the atlas layer's style revision and the date the styles are for
  story::Days styled_day = NAN;
};

}  // namespace chronoatlas::render
