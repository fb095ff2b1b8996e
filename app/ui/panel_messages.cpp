#include <imgui.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {

void panel_messages(AppState& s) {
  if (ImGui::SmallButton("Clear")) s.messages.clear();
  ImGui::Separator();
  ImGui::BeginChild("##log", ImVec2(0, 8 * ImGui::GetTextLineHeightWithSpacing()), true);
  for (const Message& m : s.messages) {
    if (m.error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.4f, 1));
    ImGui::TextWrapped("%s", m.text.c_str());
    if (m.error) ImGui::PopStyleColor();
  }
  if (s.messages_added || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
  s.messages_added = false;
  ImGui::EndChild();
}

}  // namespace chronoatlas::ui
