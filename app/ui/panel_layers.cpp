#include <imgui.h>
#include <imgui_stdlib.h>

#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

bool colour_edit(const char* label, Rgba& c) {
  float v[4] = {c.r, c.g, c.b, c.a};
  if (!ImGui::ColorEdit4(label, v, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
  c = {v[0], v[1], v[2], v[3]};
  return true;
}

void fit_to(AppState& s, const model::AtlasLayer& l) {
  if (!l.data->extent.empty()) frame_box(s, l.data->extent, 0.04);
}

}  // namespace

void panel_layers(AppState& s) {
  std::string& path = s.layers.typed_path;
  if (ImGui::Button("Add a file...")) open_file_browser(s);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Browse for a vector file (Ctrl+O); or drop one on the window");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
  bool enter = ImGui::InputTextWithHint("##path", "or type a path, ~ works", &path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Add") || enter) && !path.empty()) add_layer_file(s, path);
  if (s.document->can_undo() && ImGui::SmallButton(s.document->undo_name().c_str())) undo(s);
  if (s.document->can_redo()) {
    if (s.document->can_undo()) ImGui::SameLine();
    if (ImGui::SmallButton(s.document->redo_name().c_str())) redo(s);
  }
  pending_file_rows(s);
  ImGui::Separator();

  const auto& layers = s.document->atlas().layers();
  int remove = -1, move_from = -1, move_to = -1;
  // Top of the list is drawn on top of the map.
  for (int i = static_cast<int>(layers.size()) - 1; i >= 0; --i) {
    const model::AtlasLayer& l = layers[i];
    // Widgets edit a copy; a change goes back through the atlas, which restyles what depends on it.
    story::LayerStyle st = l.spec.style;
    ImGui::PushID(i);
    ImGui::Checkbox("##visible", &st.visible);
    ImGui::SameLine();
    bool open = ImGui::TreeNodeEx(text::display_order(l.spec.title).c_str(),
                                  s.layers.selected == i ? ImGuiTreeNodeFlags_Selected : 0);
    if (ImGui::IsItemClicked()) s.layers.selected = i;
    if (open) {
      ImGui::SliderFloat("opacity", &st.opacity, 0, 1);
      colour_edit("fill", st.fill);
      ImGui::SameLine();
      colour_edit("stroke", st.stroke);
      ImGui::SliderFloat("stroke width", &st.stroke_width_px, 0, 6, "%.1f px");
      if (l.data->has_points()) ImGui::SliderFloat("symbol radius", &st.point_radius_px, 1, 20);
      ImGui::TextDisabled("%zu feature%s, %s", l.data->features.size(), l.data->features.size() == 1 ? "" : "s",
                          l.data->crs.c_str());
      if (ImGui::TreeNode("Style by field")) {
        panel_layer_fields(s, static_cast<size_t>(i), st);
        ImGui::TreePop();
      }
      if (ImGui::TreeNodeEx("Time", l.spec.time.any() ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
        panel_layer_time(s, static_cast<size_t>(i));
        ImGui::TreePop();
      }
      if (ImGui::SmallButton("Fit")) fit_to(s, l);
      ImGui::SameLine();
      if (ImGui::SmallButton("Up") && i + 1 < static_cast<int>(layers.size())) move_from = i, move_to = i + 1;
      ImGui::SameLine();
      if (ImGui::SmallButton("Down") && i > 0) move_from = i, move_to = i - 1;
      ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) remove = i;
      ImGui::TreePop();
    }
    if (st != l.spec.style) edit(s, document::set_style(static_cast<size_t>(i), st));
    ImGui::PopID();
  }
  if (remove >= 0 || move_from >= 0) s.selected.reset(), s.hovered.reset();
  if (remove >= 0) {
    const std::string title = layers[remove].spec.title;
    if (edit(s, document::remove_layer(static_cast<size_t>(remove)))) s.info("Removed layer " + title + " (Ctrl+Z brings it back)");
  }
  if (move_from >= 0) edit(s, document::move_layer(static_cast<size_t>(move_from), static_cast<size_t>(move_to)));
}

}  // namespace chronoatlas::ui
