#include "ui/dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace chronoatlas::ui {

void begin_dialog(const ScreenRect& area, const char* title, bool& open) {
  // Over the map's upper middle, where the reporter is looking, clear of the panels.
  ImGui::SetNextWindowPos({area.x + area.width / 2, area.y + area.height / 3}, ImGuiCond_Appearing, {0.5f, 0.5f});
  ImGui::Begin(title, &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoCollapse);
}

bool text_box(const char* label, const char* hint, std::string& text, float width) {
  ImGui::SetNextItemWidth(width);
  return ImGui::InputTextWithHint(label, hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
}

bool cancel_button() {
  ImGui::SameLine();
  return ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

}  // namespace chronoatlas::ui
