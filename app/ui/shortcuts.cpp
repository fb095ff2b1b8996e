#include <cmath>

#include <imgui.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {

void handle_shortcuts(AppState& s) {
  if (ImGui::GetIO().WantCaptureKeyboard) return;
  // ImGui 1.86's GLFW backend indexes keys by GLFW key code (space 32, arrows 262/263, home/end 268/269).
  if (ImGui::IsKeyPressed(32, false)) s.playback.playing = !s.playback.playing;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) set_date(s, std::floor(s.day) + 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) set_date(s, std::floor(s.day) - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) set_date(s, s.playback.window.start);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false)) set_date(s, s.playback.window.end - 1);
  XY centre{s.view.width_px() / 2.0, s.view.height_px() / 2.0};
  if (ImGui::IsKeyPressed('=') || ImGui::IsKeyPressed(334 /* keypad + */)) s.view.zoom_about(centre, 1.5);
  if (ImGui::IsKeyPressed('-') || ImGui::IsKeyPressed(333 /* keypad - */)) s.view.zoom_about(centre, 1 / 1.5);
  if (ImGui::IsKeyPressed('R', false)) reset_view(s);
  if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed('E', false)) s.exporting.shortcut = true;
}

}  // namespace chronoatlas::ui
