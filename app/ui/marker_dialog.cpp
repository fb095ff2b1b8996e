#include <cmath>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// "37.0594° N, 37.3825° E": where the marker goes, as the status bar writes it.
std::string where(LonLat p) {
  char text[64];
  std::snprintf(text, sizeof text, "%.4f° %c, %.4f° %c", std::fabs(p.lat), p.lat < 0 ? 'S' : 'N', std::fabs(p.lon),
                p.lon < 0 ? 'W' : 'E');
  return text;
}

// The marker as typed, made a story command; the dialog closes when the story takes it.
void add(AppState& s) {
  MarkerDraft& m = *s.authoring.marker;
  if (m.label.empty()) return s.error("A marker needs a label: type what the map calls the place");
  if (m.source.empty()) return s.error("A marker needs a source: who reports that it is there");
  if (edit(s, document::add_marker({m.place, m.label, m.source}))) s.authoring.marker.reset();
}

}  // namespace

void start_marker(AppState& s, MarkerDraft draft) {
  draft.focus = true;
  s.authoring.marker = std::move(draft);
  s.authoring.placing = false;
}

// Over the map's centre, where the reporter is looking; the label box takes the keyboard, Enter adds.
void marker_dialog(AppState& s) {
  if (!s.authoring.marker) return;
  MarkerDraft& m = *s.authoring.marker;
  const ScreenRect& a = s.map_area;
  ImGui::SetNextWindowPos({a.x + a.width / 2, a.y + a.height / 3}, ImGuiCond_Appearing, {0.5f, 0.5f});
  bool open = true;
  ImGui::Begin("New marker", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoCollapse);
  ImGui::Text("At %s%s", where(m.place).c_str(), m.approximate ? " (approximate: an area without an agreed outline)" : "");
  const float width = ImGui::GetFontSize() * 22;
  if (m.focus) ImGui::SetKeyboardFocusHere(), m.focus = false;
  ImGui::SetNextItemWidth(width);
  bool enter = ImGui::InputTextWithHint("Label", "what the map calls it, in any script", &m.label,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SetNextItemWidth(width);
  enter |= ImGui::InputTextWithHint("Source", "who reports it there (AFAD, 6 Feb 2023) or a URL", &m.source,
                                    ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::Button("Add marker") || enter) add(s);
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) open = false;
  ImGui::End();
  if (!open) s.authoring.marker.reset();
}

}  // namespace chronoatlas::ui
