#include <imgui.h>

#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {

void panel_messages(AppState& s) {
  if (ImGui::SmallButton("Clear")) s.log.clear();
  ImGui::Separator();
  ImGui::BeginChild("##log", ImVec2(0, 8 * ImGui::GetTextLineHeightWithSpacing()), true);
  for (const Message& m : s.log.messages()) {
    if (m.error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.4f, 1));
    ImGui::TextWrapped("%s", text::display_order(m.text).c_str());
    if (m.error) ImGui::PopStyleColor();
  }
  if (s.log.take_added() || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace chronoatlas::ui
