#include "render/picking.h"

#include <algorithm>
#include <cmath>

#include "geo/planar.h"
#include "render/density.h"

namespace chronoatlas::render {

using model::live;

namespace {

// The hexagon of a density view under PIXEL: one of its live features and how many there are, if any.
std::optional<std::pair<size_t, int>> pick_hexagon(const model::AtlasLayer& l, const PreparedLayer& p, const View& view,
                                                    XY pixel, story::Days day) {
  const double radius = hex_radius(view);
  const auto cell = hexagon_of(view.to_world(pixel), radius);
  std::optional<std::pair<size_t, int>> found;
  model::for_each_live(l, day, [&](size_t i) {
    if (l.data->features[i].points.empty() || hexagon_of(p.anchors[i], radius) != cell) return;
    if (!found) found = std::pair<size_t, int>{i, 0};
    ++found->second;
  });
  return found;
}

// The largest radius a symbol of L can have, pixels at UI scale 1: how far from the cursor a symbol may still cover it.
float largest_radius_px(const model::AtlasLayer& l) {
  float r = l.spec.style.point_radius_px;
  if (!l.spec.style.size_by_field.empty()) r = std::max(r, l.spec.style.size_max_px);
  for (const story::Series& s : l.spec.series)
    for (const story::Sample& smp : s.samples)
      if (std::isfinite(smp.value) && smp.value > 0)
        r = std::max(r, static_cast<float>(s.radius_px_per_sqrt * std::sqrt(smp.value)));
  return r;
}

// The first feature (by index) whose live symbol covers PIXEL, from the point instances the index finds near it.
std::optional<size_t> pick_symbol(const model::AtlasLayer& l, const FeatureIndex& index, const View& view, XY pixel,
                                  story::Days day, double slop) {
  const double reach = (largest_radius_px(l) * view.ui_scale + slop) * view.units_per_px;
  const XY w = view.to_world(pixel);
  const model::StyleEvaluator look(l, day);
  std::optional<size_t> best;
  for (const FeatureIndex::PointHit& h : index.points_in({w.x - reach, w.y - reach, w.x + reach, w.y + reach})) {
    if ((best && h.feature >= *best) || !live(l, h.feature, day)) continue;
    const XY p = view.to_pixel(h.at);
    if (std::hypot(p.x - pixel.x, p.y - pixel.y) <= look(h.feature).radius_px * view.ui_scale + slop) best = h.feature;
  }
  return best;
}

// The first live feature with a line within SLOP pixels of PIXEL; only the lines whose bounds come near are projected.
std::optional<size_t> pick_line(const model::AtlasLayer& l, const FeatureIndex& index, const MapView& map_view,
                                XY pixel, story::Days day, double slop) {
  const View& view = map_view.pixels();
  const XY w = view.to_world(pixel);
  const double reach = slop * view.units_per_px;
  for (uint32_t i : index.lines_near({w.x - reach, w.y - reach, w.x + reach, w.y + reach})) {
    if (!live(l, i, day)) continue;
    for (const LineString& line : l.data->features[i].lines)
      for (size_t k = 0; k + 1 < line.size(); ++k) {
        XY a, b;
        if (map_view.projection().forward(line[k], a) && map_view.projection().forward(line[k + 1], b) &&
            geo::squared_distance_to_segment(pixel, view.to_pixel(a), view.to_pixel(b)) <= slop * slop)
          return i;
      }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Pick> pick_feature(const MapScene& scene, const MapView& map_view, XY pixel, story::Days day) {
  const geo::Projection& proj = map_view.projection();
  const View& view = map_view.pixels();
  const double slop = 5 * view.ui_scale;
  const XY world = view.to_world(pixel);
  LonLat cursor;
  bool cursor_ok = proj.inverse(world, cursor);
  const auto& layers = scene.atlas().layers();
  const double scale = map_view.metres_per_px() * view.ui_scale;
  for (size_t li = layers.size(); li-- > 0;) {
    const model::AtlasLayer& l = layers[li];
    const PreparedLayer* prepared = scene.prepared(li);
    // Nothing to pick before the scene is projected for this view (the first frame, a projection switch).
    if (!l.spec.style.visible || !l.spec.drawn_at(scale) || !prepared || !prepared->index ||
        prepared->anchors.size() != l.data->features.size())
      continue;
    if (l.spec.style.density && l.data->has_points()) {
      if (auto cell = pick_hexagon(l, *prepared, view, pixel, day)) return Pick{li, cell->first, cell->second};
    }
    if (!l.spec.style.density)
      if (auto hit = pick_symbol(l, *prepared->index, view, pixel, day, slop)) return Pick{li, *hit};
    if (auto hit = pick_line(l, *prepared->index, map_view, pixel, day, slop)) return Pick{li, *hit};
    if (!cursor_ok || l.spec.style.fill.a <= 0.01f) continue;
    for (uint32_t i : prepared->index->areas_at(world)) {
      if (!live(l, i, day)) continue;
      for (const Polygon& p : l.data->features[i].polygons)
        if (geo::inside_even_odd(p, cursor)) return Pick{li, i};
    }
  }
  return std::nullopt;
}

}  // namespace chronoatlas::render
