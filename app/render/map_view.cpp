#include "render/map_view.h"

#include <cmath>

namespace chronoatlas::render {

BoundsXY project_bounds(const geo::Projection& projection, const BoundsLonLat& b) {
  BoundsXY out;
  for (int i = 0; i <= 32; ++i) {
    const double f = i / 32.0;
    for (LonLat p : {LonLat{b.west + (b.east - b.west) * f, b.south}, LonLat{b.west + (b.east - b.west) * f, b.north},
                     LonLat{b.west, b.south + (b.north - b.south) * f}, LonLat{b.east, b.south + (b.north - b.south) * f}}) {
      XY q;
      if (projection.forward(p, q)) out.extend(q);
    }
  }
  return out;
}

MapView::MapView(geo::Projection projection, int width_px, int height_px, float ui_scale)
    : projection_(std::move(projection)) {
  px_.width_px = width_px;
  px_.height_px = height_px;
  px_.ui_scale = ui_scale;
}

bool MapView::centre(LonLat& out) const { return projection_.inverse(px_.centre, out); }

double MapView::metres_per_px() const {
  LonLat a, b;
  XY side = px_.to_world({px_.width_px / 2.0 + 100, px_.height_px / 2.0});
  if (!projection_.inverse(px_.centre, a) || !projection_.inverse(side, b)) return 0;
  return geo::geodesic_distance_m(a, b) / 100;
}

BoundsLonLat MapView::lonlat_bounds() const {
  constexpr int kSteps = 16;
  BoundsLonLat box;
  for (int i = 0; i <= kSteps; ++i)
    for (int j = 0; j <= kSteps; ++j) {
      LonLat p;
      if (projection_.inverse(px_.to_world({px_.width_px * i / double(kSteps), px_.height_px * j / double(kSteps)}), p))
        box.extend(p);
    }
  if (box.empty()) box.extend(LonLat{-180, -90}), box.extend(LonLat{180, 90});
  return box;
}

double MapView::degrees_per_px() const {
  LonLat a, b;
  XY side = px_.to_world({px_.width_px / 2.0 + 100, px_.height_px / 2.0});
  if (!projection_.inverse(px_.centre, a) || !projection_.inverse(side, b)) return 0.1;
  return std::hypot(b.lon - a.lon, b.lat - a.lat) / 100;
}

void MapView::fit(const BoundsLonLat& box, double margin) {
  BoundsXY b = project_bounds(projection_, box);
  if (!b.empty()) px_.fit(b, margin);
}

void MapView::fit_within(const BoundsLonLat& box, const PixelBox& area, double margin) {
  BoundsXY b = project_bounds(projection_, box);
  if (!b.empty() && area.x1 > area.x0 && area.y1 > area.y0) px_.fit_within(b, area.x0, area.y0, area.x1, area.y1, margin);
}

double MapView::aspect_of(const BoundsLonLat& box) const {
  BoundsXY b = project_bounds(projection_, box);
  return b.empty() || !(b.max_y > b.min_y) ? 1.0 : (b.max_x - b.min_x) / (b.max_y - b.min_y);
}

bool MapView::centre_on(LonLat place) {
  XY p;
  if (!projection_.forward(place, p)) return false;
  px_.centre = p;
  return true;
}

void MapView::pan_px(double dx, double dy) {
  px_.centre.x -= dx * px_.units_per_px;
  px_.centre.y += dy * px_.units_per_px;
}

void MapView::resize(int width_px, int height_px, float ui_scale) {
  px_.width_px = width_px;
  px_.height_px = height_px;
  px_.ui_scale = ui_scale;
}

void MapView::switch_projection(geo::Projection projection, const BoundsLonLat& fallback) {
  LonLat centre_place;
  const bool known = centre(centre_place);
  const double metres = metres_per_px();
  projection_ = std::move(projection);
  if (!known || !centre_on(centre_place)) return fit(fallback);
  // Measure the new projection's ground scale at the centre and match the old one.
  const double now = metres_per_px();
  if (metres > 0 && now > 0) px_.units_per_px *= metres / now;
}

MapView MapView::scaled(int width_px, int height_px) const {
  MapView v = *this;
  const double factor = static_cast<double>(width_px) / px_.width_px;
  v.px_.width_px = width_px;
  v.px_.height_px = height_px;
  v.px_.units_per_px = px_.units_per_px / factor;
  v.px_.ui_scale = static_cast<float>(px_.ui_scale * factor);
  return v;
}

}  // namespace chronoatlas::render
