#include <cmath>

#include <imgui.h>

#include "ui/app_state.h"
#include "ui/dialog.h"

namespace chronoatlas::ui {
namespace {

// The event on the day shown, whose caption a quote of that day joins.
const story::Event* event_of_the_day(const AppState& s) {
  const story::Event* found = nullptr;
  for (const story::Event& e : s.scene->scenario().events)
    if (std::floor(e.at) == std::floor(s.day)) found = &e;
  return found;
}

// The quote as typed, made a story command; the rules of a quote (story::quote_problem) are the document's to keep.
void add(AppState& s) {
  const QuoteDraft& d = *s.authoring.quote;
  story::Quote q;
  q.text = d.text, q.speaker = d.speaker, q.via = d.via, q.language = d.language, q.translation = d.translation;
  q.source = d.source;
  if (const story::Event* e = event_of_the_day(s); e && d.on_event_day) q.at = std::floor(e->at);
  if (auto place = selected_point(s); place && d.at_selected) q.place = place->first;
  if (edit(s, document::add_quote(q))) s.authoring.quote.reset(), s.info("Added the quote of " + q.speaker);
}

}  // namespace

void quote_dialog(AppState& s) {
  if (!s.authoring.quote) return;
  QuoteDraft& d = *s.authoring.quote;
  bool open = true;
  begin_dialog(s.map_area, "New quote", open);
  const float width = ImGui::GetFontSize() * 24;
  if (d.focus) ImGui::SetKeyboardFocusHere(), d.focus = false;
  bool enter = text_box("Words", "verbatim, as reported; a cut marked […]", d.text, width);
  enter |= text_box("Speaker", "who said them (Yuri Ushakov)", d.speaker, width);
  enter |= text_box("Via", "the agency or outlet that reported them (Tass)", d.via, width);
  enter |= text_box("Language", "of the words: ru, it, ar …", d.language, width);
  enter |= text_box("Translation", "optional, into English", d.translation, width);
  enter |= text_box("Source", "the document they were read in (a URL, or a file in the story folder)", d.source, width);
  if (const story::Event* e = event_of_the_day(s))
    ImGui::Checkbox(("With the event of " + story::format_date(e->at) + ": " + e->title).c_str(), &d.on_event_day);
  else ImGui::TextDisabled("No event on the day shown: the quote is not tied to a day");
  if (auto place = selected_point(s)) ImGui::Checkbox(("At " + place->second).c_str(), &d.at_selected);
  if (ImGui::Button("Add quote") || enter) add(s);
  if (cancel_button()) open = false;
  ImGui::End();
  if (!open) s.authoring.quote.reset();
}

}  // namespace chronoatlas::ui
