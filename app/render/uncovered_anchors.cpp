#include "render/uncovered_anchors.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "geo/label_point.h"
#include "geo/planar.h"

namespace chronoatlas::render {
namespace {

// An upper area that covers a feature's label point: filled, and less than half the feature's size.
struct Cover {
  const Polygon* polygon;
  BoundsLonLat box;
  double area;
};

// A story's areas, not a tiling: a layer of more polygons than this (districts, a world of provinces) covers a
// country everywhere, and cutting them all out would leave no place for its name.
constexpr size_t kMaxCoverPolygons = 100;

size_t polygon_count(const model::AtlasLayer& l) {
  size_t n = 0;
  for (const geo::Feature& f : l.data->features) n += f.polygons.size();
  return n;
}

std::vector<Cover> covers_of(const std::vector<const model::AtlasLayer*>& upper) {
  std::vector<Cover> covers;
  for (const model::AtlasLayer* l : upper) {
    if (!fills_areas(*l) || polygon_count(*l) > kMaxCoverPolygons) continue;
    for (const geo::Feature& f : l->data->features)
      for (const Polygon& p : f.polygons) {
        if (p.empty() || p.front().empty()) continue;
        Cover c{&p, {}, geo::planar_area(p)};
        for (LonLat q : p.front()) c.box.extend(q);
        covers.push_back(c);
      }
  }
  return covers;
}

bool overlap(const BoundsLonLat& a, const BoundsLonLat& b) {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

bool within(const BoundsLonLat& b, LonLat p) {
  return p.lon >= b.west && p.lon <= b.east && p.lat >= b.south && p.lat <= b.north;
}

}  // namespace

bool fills_areas(const model::AtlasLayer& l) {
  return l.spec.style.fill.a > 0 || !l.spec.style.fill_by_value.empty();
}

std::vector<LonLat> uncovered_anchors(const model::AtlasLayer& layer, const std::vector<LonLat>& anchors,
                                      const std::vector<const model::AtlasLayer*>& upper, const BoundsLonLat* box) {
  std::vector<LonLat> out(anchors.size(), LonLat{NAN, NAN});
  const std::vector<Cover> covers = covers_of(upper);
  if (covers.empty()) return out;
  for (size_t i = 0; i < out.size() && i < layer.data->features.size(); ++i) {
    const LonLat anchor = anchors[i];
    double area = 0;
    const Polygon* own = geo::largest_polygon(layer.data->features[i].polygons, &area);
    if (!own || !std::isfinite(anchor.lon)) continue;
    BoundsLonLat own_box;
    for (LonLat q : own->front()) own_box.extend(q);
    Polygon cut = *own;
    bool covered = false;
    for (const Cover& c : covers) {
      if (c.area >= area / 2 || !overlap(c.box, own_box)) continue;
      covered = covered || (within(c.box, anchor) && geo::inside_even_odd(*c.polygon, anchor));
      cut.push_back(c.polygon->front());  // every nearby cover is cut out: the new point avoids them all
    }
    if (!covered) continue;
    // Even-odd counts a cover reaching past the shell as inside there: the point must be in the shell, off the covers.
    const std::optional<LonLat> point = box ? geo::label_point_within(cut, *box) : geo::label_point(cut);
    if (!point) continue;
    const LonLat moved = *point;
    if (geo::inside_even_odd(own->front(), moved) && geo::inside_even_odd(*own, moved) &&
        std::none_of(covers.begin(), covers.end(), [&](const Cover& c) { return geo::inside_even_odd(*c.polygon, moved); }))
      out[i] = moved;
  }
  return out;
}

}  // namespace chronoatlas::render
