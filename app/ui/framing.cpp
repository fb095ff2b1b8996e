// How the app frames: a box fitted into the part of the map the furniture leaves clear; R back to the story's view
// (or, without a story, to the data shown, in a projection fitted to it); the projection fitted to the view on request.
#include "render/clear_area.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// Switches the map to the projection chosen for AREA (a conic at mid-latitudes, and so on); false, said, when it fails.
bool use_projection_fitted_to(AppState& s, const BoundsLonLat& area) {
  const geo::NamedProjection choice = geo::default_projection(area);
  auto projection = geo::Projection::create(choice.definition);
  if (!projection) return s.error(projection.error()), false;
  s.projection_name = choice.name;
  s.view = render::MapView(std::move(*projection), s.view.width_px(), s.view.height_px(), s.view.ui_scale());
  return true;
}

// Without a story: the visible layers the user added (not the basemap's world), in a conic fitted to them.
void frame_visible_data(AppState& s) {
  std::vector<size_t> shown;
  const auto& layers = s.document->atlas().layers();
  for (size_t i = 0; i < layers.size(); ++i)
    if (layers[i].spec.style.visible && !model::is_basemap(layers[i])) shown.push_back(i);
  if (shown.empty() || !edit(s, document::fit_view_to_layers(shown))) return;
  if (use_projection_fitted_to(s, s.scene->scenario().view)) frame_box(s, s.scene->scenario().view, 0);
}

}  // namespace

void frame_box(AppState& s, const BoundsLonLat& box, double margin) {
  render::fit_clear_of_furniture(s.view, box, margin, [&s](const render::MapView& view) {
    return s.renderer->layout(s.scene->frame(view, s.day, s.furniture)).reserved;
  });
}

void reset_view(AppState& s) {
  if (s.scene->scenario().dir.empty()) return frame_visible_data(s);
  frame_box(s, s.scene->scenario().view, 0);
}

void fit_projection_to_view(AppState& s) {
  const BoundsLonLat shown = s.view.lonlat_bounds();
  if (!use_projection_fitted_to(s, shown)) return;
  s.view.fit(shown);
  s.info("The projection is fitted to this view: " + s.view.projection().definition());
}

void frame_first_files(AppState& s) {
  s.frame_first_files = false;
  std::vector<std::string> none;
  if (!s.document->execute(document::fit_view_to_layers({}), none)) return;
  start_basemap(s);
  if (!use_projection_fitted_to(s, s.scene->scenario().view)) return;
  s.furniture.date = s.document->atlas().timed();
  set_date(s, s.scene->scenario().initial);
  frame_box(s, s.scene->scenario().view, 0);
}

}  // namespace chronoatlas::ui
