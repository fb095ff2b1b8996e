#include <cmath>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {

void panel_view(AppState& s) {
  LonLat centre{0, 0};
  s.view.centre(centre);
  const auto presets = geo::projection_presets(s.scene->scenario().view, centre);
  if (ImGui::BeginCombo("projection", s.projection_name.c_str())) {
    for (const geo::NamedProjection& p : presets) {
      if (!ImGui::Selectable(p.name.c_str(), p.name == s.projection_name)) continue;
      auto proj = geo::Projection::create(p.definition);
      if (proj) switch_projection(s, std::move(*proj), p.name);
      else s.error(proj.error());
    }
    ImGui::EndCombo();
  }
  std::string& custom = s.typed_crs;
  ImGui::SetNextItemWidth(-60);
  bool enter = ImGui::InputTextWithHint("##crs", "EPSG:3035 or +proj=...", &custom, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Use") || enter) && !custom.empty()) {
    auto proj = geo::Projection::create(custom);
    if (proj) switch_projection(s, std::move(*proj), custom);
    else s.error(proj.error() + " — the map keeps its projection");
  }
  ImGui::Separator();
  if (ImGui::Button("Reset view (R)")) reset_view(s);
  ImGui::SameLine();
  if (ImGui::Button("Fit the projection")) fit_projection_to_view(s);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A conic fitted to what the map shows now, keeping the area");
  ImGui::SameLine();
  if (ImGui::Button("Zoom in")) s.view.zoom_about({s.view.width_px() / 2.0, s.view.height_px() / 2.0}, 1.5);
  ImGui::SameLine();
  if (ImGui::Button("Zoom out")) s.view.zoom_about({s.view.width_px() / 2.0, s.view.height_px() / 2.0}, 1 / 1.5);
  ImGui::Checkbox("graticule", &s.furniture.graticule);
  ImGui::SameLine();
  ImGui::Checkbox("legend", &s.furniture.legend);
  ImGui::SameLine();
  ImGui::Checkbox("scale bar", &s.furniture.scale_bar);
  ImGui::Text("centre %.3f°, %.3f°", centre.lon, centre.lat);
  // Steps rather than a slider: each scale rebuilds the fonts, and the widgets must not resize under a dragging mouse.
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
  const std::string current = std::to_string(static_cast<int>(std::lround(s.layout.ui_scale * 100))) + " %";
  if (ImGui::BeginCombo("UI scale", current.c_str())) {
    for (int percent : {75, 100, 125, 150, 175, 200, 250, 300})
      if (ImGui::Selectable((std::to_string(percent) + " %").c_str(), std::lround(s.layout.ui_scale * 100) == percent))
        s.layout.ui_scale = percent / 100.0f;
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("On top of the monitor's own scale; kept between sessions");
}

}  // namespace chronoatlas::ui
