#include <algorithm>
#include <string>

#include <imgui.h>

#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

constexpr double kShownS = 6, kFadeS = 1;  // seconds on screen, of which the last fade out
constexpr size_t kMaxShown = 3;

float opacity_at(const Message& m, double now_s) {
  const double age = now_s - m.posted_s;
  if (age < 0 || age >= kShownS) return 0;
  return static_cast<float>(std::min(1.0, (kShownS - age) / kFadeS));
}

}  // namespace

bool notifications_visible(const AppState& s) {
  return !s.log.messages().empty() && opacity_at(s.log.messages().back(), s.now_s) > 0;
}

// Long work shows its progress on the map, where the user is looking, with a way to stop it.
void draw_progress(AppState& s, float y) {
  if (!s.exporting.frames) return;
  ImGui::SetNextWindowPos({s.map_area.x + s.map_area.width / 2, y}, ImGuiCond_Always, {0.5f, 0});
  ImGui::Begin("##progress", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::TextUnformatted("Exporting frames");
  frame_export_progress(s);
  ImGui::End();
}

void draw_notifications(AppState& s) {
  const float margin = ImGui::GetFontSize() * 0.75f, width = ImGui::GetFontSize() * 26;
  draw_progress(s, s.map_area.y + margin);
  // Bottom right, newest lowest, stacking upwards: clear of the title and date (top), the legend (bottom left) and
  // the story's middle; above the scale bar and the sources line.
  float y = s.map_area.y + s.map_area.height - ImGui::GetFontSize() * 6;
  size_t shown = 0;
  for (auto it = s.log.messages().rbegin(); it != s.log.messages().rend() && shown < kMaxShown; ++it) {
    const float alpha = opacity_at(*it, s.now_s);
    if (alpha <= 0) break;  // older ones have faded too
    ImGui::SetNextWindowPos({s.map_area.x + s.map_area.width - margin, y}, ImGuiCond_Always, {1, 1});
    ImGui::SetNextWindowSizeConstraints({width * 0.3f, 0}, {width, ImGui::GetFontSize() * 8});
    ImGui::SetNextWindowBgAlpha(alpha);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, it->error ? ImVec4(0.45f, 0.1f, 0.09f, 1) : ImVec4(0.12f, 0.2f, 0.3f, 1));
    const std::string id = "##notification" + std::to_string(shown);
    ImGui::Begin(id.c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x * 2);
    ImGui::TextUnformatted(text::display_order(it->text).c_str());
    ImGui::PopTextWrapPos();
    y -= ImGui::GetWindowHeight() + margin * 0.5f;
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ++shown;
  }
}

}  // namespace chronoatlas::ui
