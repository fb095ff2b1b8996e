#pragma once
// Where a projected layer's features lie, for picking and anything else that asks "what is near this place": R-trees
// (Boost.Geometry) of the point instances, and of the bounds of each feature's lines and of its areas, in projected
// units. Built once per projection, on the worker that projects the layer.
#include <cstdint>
#include <memory>
#include <vector>

#include "base/geometry_types.h"
#include "render/projected_layer.h"

namespace chronoatlas::render {

class FeatureIndex {
 public:
  explicit FeatureIndex(const ProjectedLayer& layer);
  ~FeatureIndex();
  FeatureIndex(const FeatureIndex&) = delete;
  FeatureIndex& operator=(const FeatureIndex&) = delete;

  // The point instances inside BOX: their feature and projected place.
  struct PointHit {
    uint32_t feature;
    XY at;
  };
  std::vector<PointHit> points_in(const BoundsXY& box) const;
  // Features whose lines come within BOX (by their bounds), ascending.
  std::vector<uint32_t> lines_near(const BoundsXY& box) const;
  // Features whose areas' bounds contain AT, ascending.
  std::vector<uint32_t> areas_at(XY at) const;

 private:
  struct Trees;
  std::unique_ptr<Trees> trees_;
};

}  // namespace chronoatlas::render
