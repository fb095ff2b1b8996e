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
    if (l.data.features[i].points.empty() || hexagon_of(p.anchors[i], radius) != cell) return;
    if (!found) found = std::pair<size_t, int>{i, 0};
    ++found->second;
  });
  return found;
}

}  // namespace

std::optional<Pick> pick_feature(const MapScene& scene, const MapView& map_view, XY pixel, story::Days day) {
  const geo::Projection& proj = map_view.projection();
  const View& view = map_view.pixels();
  const double slop = 5 * view.ui_scale;
  LonLat cursor;
  bool cursor_ok = proj.inverse(view.to_world(pixel), cursor);
  const auto& layers = scene.atlas().layers();
  const double scale = map_view.metres_per_px() * view.ui_scale;
  for (size_t li = layers.size(); li-- > 0;) {
    const model::AtlasLayer& l = layers[li];
    const PreparedLayer* prepared = scene.prepared(li);
    // Nothing to pick before the scene is projected for this view (the first frame, a projection switch).
    if (!l.spec.style.visible || !l.spec.drawn_at(scale) || !prepared ||
        prepared->anchors.size() != l.data.features.size())
      continue;
    if (l.spec.style.density && l.data.has_points()) {
      if (auto cell = pick_hexagon(l, *prepared, view, pixel, day)) return Pick{li, cell->first, cell->second};
    }
    const model::StyleEvaluator look(l, day);
    for (size_t i = 0; i < l.data.features.size() && !l.spec.style.density; ++i) {
      if (!live(l, i, day) || l.data.features[i].points.empty()) continue;
      const geo::Feature& f = l.data.features[i];
      const float radius = look(i).radius_px;
      for (size_t k = 0; k < f.points.size(); ++k) {
        // A single point was projected at upload as the feature's anchor; only multipoints project here.
        XY w = f.points.size() == 1 ? prepared->anchors[i] : XY{NAN, NAN};
        if (f.points.size() > 1 && !proj.forward(f.points[k], w)) continue;
        XY p = view.to_pixel(w);
        if (std::hypot(p.x - pixel.x, p.y - pixel.y) <= radius * view.ui_scale + slop) return Pick{li, i};
      }
    }
    for (size_t i = 0; i < l.data.features.size(); ++i) {
      if (!live(l, i, day)) continue;
      for (const LineString& line : l.data.features[i].lines)
        for (size_t k = 0; k + 1 < line.size(); ++k) {
          XY a, b;
          if (proj.forward(line[k], a) && proj.forward(line[k + 1], b) &&
              geo::squared_distance_to_segment(pixel, view.to_pixel(a), view.to_pixel(b)) <= slop * slop)
            return Pick{li, i};
        }
    }
    if (!cursor_ok || l.spec.style.fill.a <= 0.01f) continue;
    for (size_t i = 0; i < l.data.features.size(); ++i) {
      if (!live(l, i, day)) continue;
      for (const Polygon& p : l.data.features[i].polygons)
        if (geo::inside_even_odd(p, cursor)) return Pick{li, i};
    }
  }
  return std::nullopt;
}

}  // namespace chronoatlas::render
