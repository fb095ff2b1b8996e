#include "model/layer_times.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// Projects the selected feature's outline once per selection and projection; frames only scale and shift it.
void update_outline(AppState& s) {
  SelectionOutline& o = s.selection_outline;
  const std::string crs = s.view.projection().definition();
  if (o.pick && s.selected && o.pick->layer == s.selected->layer && o.pick->feature == s.selected->feature &&
      o.crs == crs && o.revision == s.scene->atlas().revision())
    return;
  o = {s.selected, crs, s.scene->atlas().revision(), {}, {}};
  if (!s.selected || s.selected->layer >= s.scene->atlas().layers().size()) return;
  const geo::Feature& f = s.scene->atlas().layers()[s.selected->layer].data->features[s.selected->feature];
  auto add = [&](const std::vector<LonLat>& line) {
    std::vector<XY> part;
    for (const LonLat& ll : line)
      if (XY p; s.view.projection().forward(ll, p)) part.push_back(p);
    if (part.size() > 1) o.parts.push_back(std::move(part));
  };
  for (const Polygon& polygon : f.polygons)
    for (const Ring& ring : polygon) add(ring);
  for (const LineString& line : f.lines) add(line);
  for (const LonLat& point : f.points)
    if (XY p; s.view.projection().forward(point, p)) o.points.push_back(p);
}

}  // namespace

void add_selection(AppState& s, render::Frame& frame) {
  update_outline(s);
  const SelectionOutline& o = s.selection_outline;
  // Only what the map draws on this date is marked: a feature outside it is not on the map.
  if (!o.pick || (o.parts.empty() && o.points.empty()) || !model::live(s.scene->atlas().layers()[o.pick->layer], o.pick->feature, s.day)) return;
  frame.highlight = {o.parts, o.points};
}

}  // namespace chronoatlas::ui
