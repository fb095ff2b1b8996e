#pragma once
// What the map shows: a projection, the place at the centre, the scale and the image size. The pixel transform the
// renderer uses derives from it, so the CRS can never be lost between the screen, saved views, picking and export.
#include "base/geometry_types.h"
#include "geo/projection.h"
#include "render/view.h"

namespace chronoatlas::render {

// Projected bounds of a lon/lat box, its edges sampled so conic curvature is included.
BoundsXY project_bounds(const geo::Projection& projection, const BoundsLonLat& box);

class MapView {
 public:
  // A view in PROJECTION of an image WIDTH x HEIGHT pixels; centre and scale come from fit() or centre_on().
  MapView(geo::Projection projection, int width_px, int height_px, float ui_scale);
  MapView() = default;  // no projection yet: nothing projects

  const geo::Projection& projection() const { return projection_; }
  // The pixel transform, in the projection's units.
  const View& pixels() const { return px_; }
  int width_px() const { return px_.width_px; }
  int height_px() const { return px_.height_px; }
  float ui_scale() const { return px_.ui_scale; }
  // The place at the centre, degrees; false where the centre has no place (off the projection's domain).
  bool centre(LonLat& out) const;
  // Ground metres per pixel at the centre, measured geodesically over 100 pixels east; 0 where unknown.
  double metres_per_px() const;

  // Shows at least BOX (degrees), MARGIN a fraction of the image on each side.
  void fit(const BoundsLonLat& box, double margin = 0);
  // Shows BOX inside AREA of the image (pixels), MARGIN a fraction of AREA on each side: where furniture leaves room.
  void fit_within(const BoundsLonLat& box, const PixelBox& area, double margin = 0);
  // The shape of BOX in this projection: its projected width over its height (1 where it does not project).
  double aspect_of(const BoundsLonLat& box) const;
  // The lon/lat box the image shows (its edges and inside sampled and unprojected; the whole world when no point
  // unprojects), and the degrees a pixel spans at the centre.
  BoundsLonLat lonlat_bounds() const;
  double degrees_per_px() const;
  // Puts PLACE at the centre, keeping the scale; false (view unchanged) where PLACE does not project.
  bool centre_on(LonLat place);
  // Zooms by FACTOR (> 1 zooms in) keeping the place under pixel PX fixed.
  void zoom_about(XY px, double factor) { px_.zoom_about(px, factor); }
  // Moves the map by DX, DY pixels, as a drag does.
  void pan_px(double dx, double dy);
  // A new image size and UI scale, keeping the centre and the scale.
  void resize(int width_px, int height_px, float ui_scale);
  // Switches to PROJECTION keeping the centre's place and the ground scale at the centre; where the centre has no
  // place in either projection, fits FALLBACK instead.
  void switch_projection(geo::Projection projection, const BoundsLonLat& fallback);
  // The same centre and ground width at another image size, with lines, symbols and text scaled by the same factor,
  // so a 2x export looks like the screen, only sharper.
  MapView scaled(int width_px, int height_px) const;
  // Sets the scale directly, in projected units per pixel (saved views).
  void set_units_per_px(double units) { px_.units_per_px = units; }

 private:
  geo::Projection projection_;
  View px_;
};

}  // namespace chronoatlas::render
