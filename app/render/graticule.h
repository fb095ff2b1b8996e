#pragma once
// The graticule: lines every few degrees around the story's area, projected with the layers, and their degree labels
// along the bottom and left edges.
#include <cstdint>
#include <memory>
#include <vector>

#include "geo/projection.h"
#include "model/feature_style.h"
#include "render/frame.h"
#include "render/layer_geometry.h"
#include "render/projected_layer.h"

namespace chronoatlas::render {

struct Graticule {
  uint64_t source;  // the frame's key for it: above any layer id
  double step_deg;
  LayerGeometry geometry;
  std::shared_ptr<const ProjectedLayer> projected;
  std::vector<std::vector<XY>> lines;  // projected, per line, for degree labels
};

// Projects G's lines with PROJECTION (ORIGIN: the story's, for the frame's times).
void project_graticule(Graticule& g, const geo::Projection& projection, story::Days origin);
// "40°N" where parallels cross the left edge, "45°E" where meridians cross the bottom (above BOTTOM_PX), in pixels.
std::vector<Label> graticule_labels(const View& view, const Graticule& g, double bottom_px);
// The graticule's one style: thin grey-blue lines.
const std::shared_ptr<const std::vector<model::FeatureStyle>>& graticule_style();

}  // namespace chronoatlas::render
