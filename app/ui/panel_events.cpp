#include <cmath>

#include <imgui.h>

#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {

void panel_events(AppState& s) {
  ImGui::BeginChild("##events", ImVec2(0, 12 * ImGui::GetTextLineHeightWithSpacing()), true);
  for (const story::Event& e : s.scene->scenario().events) {
    ImGui::PushID(&e);
    bool current = std::floor(e.at) == std::floor(s.day);
    std::string line = story::format_date(e.at) + "  " + text::display_order(e.title);
    if (ImGui::Selectable(line.c_str(), current)) {
      set_date(s, e.at);
      if (e.place) centre_on(s, *e.place);
    }
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
      ImGui::TextWrapped("%s", text::display_order(e.title).c_str());
      if (!e.detail.empty()) ImGui::TextWrapped("%s", text::display_order(e.detail).c_str());
      ImGui::TextDisabled("Source: %s", e.source.c_str());
      for (const std::string& id : e.source_ids)
        if (auto it = s.scene->scenario().sources.find(id); it != s.scene->scenario().sources.end())
          ImGui::TextDisabled("  %s", story::describe_source(it->second).c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::PopID();
  }
  // The story's quotes, each with who said it and who reported it; hovered, the translation and the document.
  for (const story::Quote& q : s.scene->scenario().quotes) {
    ImGui::PushID(&q);
    const std::string line = (q.at ? story::format_date(*q.at) + "  " : std::string("            ")) +
                             text::display_order(story::format_quote(q));
    if (ImGui::Selectable(line.c_str(), false) && q.at) set_date(s, *q.at);
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
      ImGui::TextWrapped("%s", text::display_order(story::format_quote(q)).c_str());
      if (!q.translation.empty()) ImGui::TextWrapped("Translation: %s", q.translation.c_str());
      ImGui::TextDisabled("Read in: %s", q.source.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace chronoatlas::ui
