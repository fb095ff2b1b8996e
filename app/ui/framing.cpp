// How the app frames: a box fitted into the part of the map the furniture leaves clear; R back to the story's view
// (or, without a story, to the data shown, in a projection fitted to it); the projection fitted to the view on request.
#include "render/clear_area.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// Without a story: the visible layers the user added (not the basemap's world), in a conic fitted to them.
void frame_visible_data(AppState& s) {
  std::vector<size_t> shown;
  const auto& layers = s.document->atlas().layers();
  for (size_t i = 0; i < layers.size(); ++i)
    if (layers[i].spec.style.visible && !model::is_basemap(layers[i])) shown.push_back(i);
  if (shown.empty() || !edit(s, document::fit_view_to_layers(shown))) return;
  const geo::NamedProjection choice = geo::default_projection(s.scene->scenario().view);
  auto projection = geo::Projection::create(choice.definition);
  if (!projection) return s.error(projection.error());
  s.projection_name = choice.name;
  s.view = render::MapView(std::move(*projection), s.view.width_px(), s.view.height_px(), s.view.ui_scale());
  frame_box(s, s.scene->scenario().view, 0);
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
  const geo::NamedProjection choice = geo::default_projection(shown);
  auto projection = geo::Projection::create(choice.definition);
  if (!projection) return s.error(projection.error());
  s.projection_name = choice.name;
  s.view = render::MapView(std::move(*projection), s.view.width_px(), s.view.height_px(), s.view.ui_scale());
  s.view.fit(shown);
  s.info("The projection is fitted to this view: " + choice.definition);
}

void frame_first_files(AppState& s) {
  s.frame_first_files = false;
  std::vector<std::string> none;
  if (!s.document->execute(document::fit_view_to_layers({}), none)) return;
  start_basemap(s);
  const model::Atlas& atlas = s.document->atlas();
  const geo::NamedProjection choice = geo::default_projection(s.scene->scenario().view);
  auto projection = geo::Projection::create(choice.definition);
  if (!projection) return s.error(projection.error());
  s.projection_name = choice.name;
  s.view = render::MapView(std::move(*projection), s.view.width_px(), s.view.height_px(), s.view.ui_scale());
  s.furniture.date = atlas.timed();
  set_date(s, s.scene->scenario().initial);
  frame_box(s, s.scene->scenario().view, 0);
}

}  // namespace chronoatlas::ui
