#include <cmath>

#include <imgui.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// ImGui 1.86's GLFW backend indexes keys by GLFW key code (space 32, letters by their capital, keypad +/- 334/333).
bool pressed(int key, bool repeat = true) { return ImGui::IsKeyPressed(key, repeat); }

void view_keys(AppState& s) {
  // +/- zoom about the cursor when it is on the map, as the wheel does; else about the centre.
  const XY about = s.mouse_px.value_or(XY{s.view.width_px() / 2.0, s.view.height_px() / 2.0});
  if (pressed('=') || pressed(334)) s.view.zoom_about(about, 1.5);
  if (pressed('-') || pressed(333)) s.view.zoom_about(about, 1 / 1.5);
  if (pressed('R', false)) reset_view(s);
  if (pressed('L', false)) s.furniture.legend = !s.furniture.legend;
  if (pressed('M', false)) toggle_drawing(s, DrawnKind::Marker);
  if (pressed('A', false)) toggle_drawing(s, DrawnKind::Area);
  if (pressed('P', false)) toggle_drawing(s, DrawnKind::Route);
  if (pressed('E', false)) start_event(s);
  if (pressed('Q', false)) s.authoring.quote = QuoteDraft{};
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false)) remove_selected_drawn(s);
  drawing_keys(s);
}

void time_keys(AppState& s) {
  const story::Playback& p = s.playback;
  if (pressed(32, false)) s.playback.playing = !s.playback.playing;
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) set_day(s, story::step_from(s.day, p.step_hours, 1));
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) set_day(s, story::step_from(s.day, p.step_hours, -1));
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) set_date(s, p.window.start);
  if (pressed(ImGui::GetKeyIndex(ImGuiKey_End), false)) set_date(s, p.window.end - 1);
}

}  // namespace

void handle_shortcuts(AppState& s) {
  const ImGuiIO& io = ImGui::GetIO();
  // Application commands work even while a text box has the keyboard.
  if (io.KeyCtrl && pressed('Q', false)) s.quit = true;
  if (io.KeyCtrl && pressed('B', false)) s.layout.sidebar_open = !s.layout.sidebar_open;
  if (io.KeyCtrl && pressed('E', false)) s.exporting.shortcut = true;
  if (io.KeyCtrl && pressed('F', false)) s.search.focus = true;
  if (io.KeyCtrl && !io.KeyShift && pressed('O', false)) open_file_browser(s);
  if (io.KeyCtrl && pressed('S', false)) save_story(s);
  if (io.KeyCtrl && pressed('N', false)) s.authoring.naming = true, s.authoring.focus = true;
  if (io.KeyCtrl && !io.KeyShift && pressed('Z', false) && !io.WantTextInput) undo(s);
  if (io.KeyCtrl && io.KeyShift && pressed('Z', false) && !io.WantTextInput) redo(s);
  if (io.WantCaptureKeyboard || io.KeyCtrl) return;
  time_keys(s);
  view_keys(s);
}

}  // namespace chronoatlas::ui
