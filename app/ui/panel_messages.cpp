#include <imgui.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {

void panel_messages(AppState& s) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Size.x - 520, vp->Size.y - 190}, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize({510, 150}, ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Messages")) return ImGui::End();
  if (ImGui::SmallButton("Clear")) s.messages.clear();
  ImGui::Separator();
  ImGui::BeginChild("##log");
  for (const Message& m : s.messages) {
    if (m.error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.4f, 1));
    ImGui::TextWrapped("%s", m.text.c_str());
    if (m.error) ImGui::PopStyleColor();
  }
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace chronoatlas::ui
