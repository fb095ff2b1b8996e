#include <imgui.h>

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

void draw_selection(AppState& s, float pixel_ratio) {
  update_outline(s);
  const SelectionOutline& o = s.selection_outline;
  if (o.parts.empty() && o.points.empty()) return;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->PushClipRect({s.map_area.x, s.map_area.y}, {s.map_area.x + s.map_area.width, s.map_area.y + s.map_area.height});
  const render::View& v = s.view.pixels();
  auto screen = [&](XY world) {
    XY px = v.to_pixel(world);
    return ImVec2(s.map_area.x + static_cast<float>(px.x) / pixel_ratio, s.map_area.y + static_cast<float>(px.y) / pixel_ratio);
  };
  // A dark halo under a bright line reads on light fills and dark water alike.
  std::vector<ImVec2> line;
  for (int pass = 0; pass < 2; ++pass)
    for (const std::vector<XY>& part : o.parts) {
      line.clear();
      for (const XY& p : part) line.push_back(screen(p));
      dl->AddPolyline(line.data(), static_cast<int>(line.size()), pass ? IM_COL32(255, 230, 90, 255) : IM_COL32(0, 0, 0, 160),
                      0, pass ? 2.0f : 4.5f);
    }
  for (const XY& p : o.points) {
    dl->AddCircle(screen(p), 11, IM_COL32(0, 0, 0, 160), 0, 4.5f);
    dl->AddCircle(screen(p), 11, IM_COL32(255, 230, 90, 255), 0, 2.0f);
  }
  dl->PopClipRect();
}

}  // namespace chronoatlas::ui
