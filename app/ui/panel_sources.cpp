#include <imgui.h>

#include "text/bidi.h"
#include "ui/app_state.h"
#include "ui/dialog.h"

namespace chronoatlas::ui {
namespace {

// "3 features, 1 event": what cites a source, or that nothing does.
std::string uses_text(const document::SourceUse& u) {
  std::string text;
  auto part = [&](size_t n, const char* one, const char* many) {
    if (n) text += (text.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  part(u.features, "feature", "features");
  part(u.figures, "figure", "figures");
  part(u.events, "event", "events");
  part(u.quotes, "quote", "quotes");
  return text.empty() ? "not cited by anything in the story" : "cited by " + text;
}

void add_form(AppState& s) {
  SourcesUi& f = s.sources;
  const float w = -ImGui::GetFontSize() * 5;
  bool enter = text_box("Publisher", "news.am, AFAD, UN OCHA", f.publisher, w);
  enter |= text_box("Address", "https://…, or documents/report.pdf in the story folder", f.url, w);
  enter |= text_box("Title", "optional", f.title, w);
  enter |= text_box("Date", "YYYY-MM-DD of publication, optional", f.date, w);
  enter |= text_box("Licence", "optional", f.licence, w);
  enter |= text_box("Note", "optional", f.note, w);
  if (!ImGui::Button("Add source") && !enter) return;
  story::Source source;
  source.publisher = f.publisher, source.url = f.url, source.title = f.title, source.date = f.date;
  source.licence = f.licence, source.note = f.note;
  if (edit(s, document::add_source(source))) f = {}, s.info("Added the source " + source.publisher);
}

}  // namespace

void panel_sources(AppState& s) {
  SourcesUi& c = s.sources;
  if (c.counted_revision != s.scene->atlas().revision()) {
    c.counted_revision = s.scene->atlas().revision();
    c.uses = document::source_uses(s.scene->atlas());
    c.words = document::cited_in_words(s.scene->atlas());
  }
  const auto& uses = c.uses;
  size_t unused = 0;
  for (const auto& u : uses) unused += u.total() == 0;
  ImGui::TextDisabled("%zu source(s) in the story's list%s", uses.size(),
                      unused ? (", " + std::to_string(unused) + " not cited").c_str() : "");
  ImGui::PushTextWrapPos(0);
  for (const auto& u : uses) {
    ImGui::PushID(u.source.id.c_str());
    if (u.total() == 0) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.75f, 0.3f, 1));
    ImGui::TextWrapped("%s", text::display_order(story::describe_source(u.source)).c_str());
    if (u.total() == 0) ImGui::PopStyleColor();
    ImGui::Indent();
    ImGui::TextDisabled("%s (id %s)", uses_text(u).c_str(), u.source.id.c_str());
    ImGui::Unindent();
    ImGui::PopID();
  }
  const auto& words = c.words;
  if (!words.empty()) {
    ImGui::Separator();
    ImGui::TextDisabled("Cited in words by the story's own items:");
    for (const auto& [text, n] : words) ImGui::BulletText("%s (%zu)", text::display_order(text).c_str(), n);
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  add_form(s);
}

}  // namespace chronoatlas::ui
