#include "render/feature_index.h"

#include <algorithm>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace chronoatlas::render {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Point = bg::model::point<float, 2, bg::cs::cartesian>;
using Box = bg::model::box<Point>;
using PointValue = std::pair<Point, uint32_t>;
using BoxValue = std::pair<Box, uint32_t>;
using Params = bgi::rstar<16>;

Box box_of(const BoundsXY& b) {
  return {Point(static_cast<float>(b.min_x), static_cast<float>(b.min_y)),
          Point(static_cast<float>(b.max_x), static_cast<float>(b.max_y))};
}

// Each feature's bounds over the vertices of ITEMS (STRIDE floats each, the feature at FEATURE_AT, X, Y pairs at XY_AT).
// Each of FEATURES features' bounds over the vertices of ITEMS (STRIDE floats each, the feature at FEATURE_AT, x, y
// pairs at XY_AT); features without any are left out.
std::vector<BoxValue> feature_bounds(const std::vector<float>& items, size_t stride, size_t feature_at,
                                     std::initializer_list<size_t> xy_at, size_t features) {
  std::vector<BoundsXY> bounds(features);
  for (size_t i = 0; i + stride <= items.size(); i += stride) {
    const auto feature = static_cast<size_t>(items[i + feature_at]);
    if (feature >= features) continue;
    for (size_t at : xy_at) bounds[feature].extend({items[i + at], items[i + at + 1]});
  }
  std::vector<BoxValue> out;
  for (size_t f = 0; f < features; ++f)
    if (!bounds[f].empty()) out.emplace_back(box_of(bounds[f]), static_cast<uint32_t>(f));
  return out;
}

std::vector<uint32_t> sorted(std::vector<BoxValue> hits) {
  std::vector<uint32_t> out;
  for (const BoxValue& v : hits) out.push_back(v.second);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

struct FeatureIndex::Trees {
  bgi::rtree<PointValue, Params> points;  // built by packing (the range constructor): fast, and well balanced
  bgi::rtree<BoxValue, Params> lines, areas;
};

FeatureIndex::FeatureIndex(const ProjectedLayer& layer) : trees_(std::make_unique<Trees>()) {
  std::vector<PointValue> points;
  points.reserve(layer.points.size() / kPointFloats);
  for (size_t i = 0; i + kPointFloats <= layer.points.size(); i += kPointFloats)
    points.emplace_back(Point(layer.points[i], layer.points[i + 1]), static_cast<uint32_t>(layer.points[i + 2]));
  trees_->points = bgi::rtree<PointValue, Params>(points);
  const size_t features = layer.label_anchors.size();  // one anchor a feature
  trees_->lines = bgi::rtree<BoxValue, Params>(feature_bounds(layer.segments, kSegmentFloats, 4, {0, 2}, features));
  trees_->areas = bgi::rtree<BoxValue, Params>(feature_bounds(layer.fill, kFillVertexFloats, 2, {0}, features));
}

FeatureIndex::~FeatureIndex() = default;

std::vector<FeatureIndex::PointHit> FeatureIndex::points_in(const BoundsXY& box) const {
  std::vector<PointValue> hits;
  trees_->points.query(bgi::intersects(box_of(box)), std::back_inserter(hits));
  std::vector<PointHit> out;
  out.reserve(hits.size());
  for (const PointValue& v : hits) out.push_back({v.second, {bg::get<0>(v.first), bg::get<1>(v.first)}});
  return out;
}

std::vector<uint32_t> FeatureIndex::lines_near(const BoundsXY& box) const {
  std::vector<BoxValue> hits;
  trees_->lines.query(bgi::intersects(box_of(box)), std::back_inserter(hits));
  return sorted(std::move(hits));
}

std::vector<uint32_t> FeatureIndex::areas_at(XY at) const {
  std::vector<BoxValue> hits;
  trees_->areas.query(bgi::intersects(Point(static_cast<float>(at.x), static_cast<float>(at.y))), std::back_inserter(hits));
  return sorted(std::move(hits));
}

}  // namespace chronoatlas::render
