#include <cmath>

#include <imgui.h>

#include "base/text.h"
#include "model/feature_summary.h"
#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// The cited sources in readable form, each on its own line.
void list_sources(const story::SourceList& sources, const std::vector<std::string>& ids) {
  for (const std::string& id : ids)
    if (auto it = sources.find(id); it != sources.end()) ImGui::TextDisabled("  %s", story::describe_source(it->second).c_str());
}

// The quotes placed at point feature F: the words, who said them and who carried them, the translation, the document.
void quotes_at(const AppState& s, const geo::Feature& f) {
  if (f.points.size() != 1) return;
  for (const story::Quote& q : s.scene->scenario().quotes) {
    if (!q.place || std::abs(q.place->lon - f.points[0].lon) > 1e-7 || std::abs(q.place->lat - f.points[0].lat) > 1e-7)
      continue;
    ImGui::Separator();
    ImGui::TextWrapped("%s", text::display_order(story::format_quote(q)).c_str());
    if (!q.translation.empty()) ImGui::TextWrapped("Translation: %s", q.translation.c_str());
    ImGui::TextDisabled("Read in: %s%s", q.source.c_str(), q.at ? (", " + story::format_date(*q.at)).c_str() : "");
    list_sources(s.scene->scenario().sources, q.source_ids);
  }
}

// A feature's attributes, then any series attached to it at the current date, with sources.
void describe(AppState& s, const render::Pick& p, bool brief) {
  const model::AtlasLayer& l = s.scene->atlas().layers()[p.layer];
  if (p.cell_count >= 0) {
    // A count, not a feature: which features make it up is for the symbols view.
    ImGui::TextDisabled("%s", text::display_order(l.spec.title).c_str());
    ImGui::Text("%d in this hexagon on %s", p.cell_count, story::format_date(s.day).c_str());
    return;
  }
  const geo::Feature& f = l.data->features[p.feature];
  ImGui::PushTextWrapPos(brief ? ImGui::GetFontSize() * 28 : 0.0f);
  ImGui::TextDisabled("%s", text::display_order(l.spec.title).c_str());
  for (const auto& [field, title] : model::summary_fields(l, brief)) {
    const std::string& v = l.data->value(f, field);
    if (!v.empty()) ImGui::TextWrapped("%s: %s", title.c_str(), text::display_order(v).c_str());
  }
  int key = l.data->field_index(l.spec.key_field);
  for (const story::Series& series : l.spec.series) {
    if (key < 0 || f.values[key] != series.feature_key) continue;
    if (auto v = story::series_value(series, s.day)) {
      const story::Sample* smp = story::sample_at(series, s.day);
      if (!series.derive.empty()) {
        ImGui::TextWrapped("%s: %s on %s", series.title.c_str(), story::format_count(*v).c_str(),
                           story::format_date(s.day).c_str());
      } else if (smp) {
        ImGui::TextWrapped("%s: %s (reported %s)", series.title.c_str(), story::format_count(smp->value).c_str(),
                           story::format_sample_time(*smp).c_str());
        ImGui::TextDisabled("Source: %s", smp->source.c_str());
        if (!brief) list_sources(s.scene->scenario().sources, smp->source_ids);
        if (!smp->note.empty()) ImGui::TextDisabled("%s", smp->note.c_str());
      }
    } else {
      ImGui::TextWrapped("%s: no figure before %s", series.title.c_str(),
                         story::format_date(series.samples.front().at).c_str());
    }
  }
  if (!brief) {
    const std::vector<std::string> ids = split(l.data->value(f, "source_ids"), ';');
    if (!ids.empty()) ImGui::TextWrapped("Sources (%zu):", ids.size());
    list_sources(s.scene->scenario().sources, ids);
    quotes_at(s, f);
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

void panel_details(AppState& s) {
  if (!s.selected || s.selected->layer >= s.scene->atlas().layers().size()) {
    ImGui::TextDisabled("Click a feature on the map.");
    return;
  }
  ImGui::BeginChild("##details", ImVec2(0, 14 * ImGui::GetTextLineHeightWithSpacing()), true);
  describe(s, *s.selected, false);
  ImGui::EndChild();
}

void map_tooltip(AppState& s) {
  if (!s.hovered || s.hovered->layer >= s.scene->atlas().layers().size()) return;
  ImGui::BeginTooltip();
  describe(s, *s.hovered, true);
  ImGui::EndTooltip();
}

}  // namespace chronoatlas::ui
