#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/app_state.h"
#include "ui/dialog.h"

namespace chronoatlas::ui {
namespace {

}  // namespace

std::optional<std::pair<LonLat, std::string>> selected_point(const AppState& s) {
  if (!s.selected) return std::nullopt;
  const auto& layers = s.scene->atlas().layers();
  if (s.selected->layer >= layers.size()) return std::nullopt;
  const model::AtlasLayer& l = layers[s.selected->layer];
  const geo::Feature& f = l.data->features[s.selected->feature];
  if (f.points.empty()) return std::nullopt;
  const std::string& field = l.spec.style.label_field;
  std::string name = l.spec.title;
  for (size_t i = 0; i < l.data->fields.size() && i < f.values.size(); ++i)
    if (l.data->fields[i] == field && !f.values[i].empty()) name = f.values[i];
  return std::make_pair(f.points.front(), name);
}

namespace {

// The event as typed, made story commands: the time range first, grown to hold its day when it does not (an
// undated story gets that day), then the event; the date moves to it, so its caption shows.
void add(AppState& s) {
  const EventDraft& d = *s.authoring.event;
  auto at = story::parse_iso_date(d.date);
  if (!at) return s.error("The event's date: " + at.error());
  if (!d.time_text.empty() && *at != std::floor(*at))
    return s.error("The event's date has a clock time: leave the time words empty, or the clock time out");
  if (d.title.empty()) return s.error("Give the event a title");
  if (d.source.empty()) return s.error("Give the event a source: who reports it");
  story::Event e;
  e.at = *at, e.time_text = d.time_text, e.title = d.title, e.detail = d.detail, e.source = d.source;
  if (auto place = selected_point(s); place && d.at_selected) e.place = place->first;
  const story::Scenario& sc = s.scene->scenario();
  const story::Days day = std::floor(*at);
  if (!sc.dated || day < sc.start || day + 1 > sc.end) {
    const story::Days start = sc.dated ? std::min(sc.start, day) : day, end = sc.dated ? std::max(sc.end, day + 1) : day + 1;
    if (!edit(s, document::set_time_range(start, end, day))) return;
  }
  if (!edit(s, document::add_event(e))) return;
  s.authoring.event.reset();
  s.furniture.date = true;  // the map now changes with the date
  set_date(s, day);
  s.info("Added the event '" + e.title + "' on " + story::format_date(day));
}

}  // namespace

void start_event(AppState& s) {
  EventDraft d;
  if (s.scene->scenario().dated) d.date = story::format_date(s.day);
  s.authoring.event = std::move(d);
}

void event_dialog(AppState& s) {
  if (!s.authoring.event) return;
  EventDraft& d = *s.authoring.event;
  bool open = true;
  begin_dialog(s.map_area, "New event", open);
  const float width = ImGui::GetFontSize() * 22;
  if (d.focus) ImGui::SetKeyboardFocusHere(), d.focus = false;
  bool enter = text_box("Date", "YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the source gives the time", d.date, width);
  enter |= text_box("Time", "the source's words, if any (evening); never a clock it did not give", d.time_text, width);
  enter |= text_box("Title", "what happened", d.title, width);
  enter |= text_box("Detail", "optional", d.detail, width);
  enter |= text_box("Source", "who reports it (AFAD, 6 Feb 2023) or a URL", d.source, width);
  if (auto place = selected_point(s)) ImGui::Checkbox(("At " + place->second).c_str(), &d.at_selected);
  else ImGui::TextDisabled("No place: select a marker or place on the map first to give it one");
  if (ImGui::Button("Add event") || enter) add(s);
  if (cancel_button()) open = false;
  ImGui::End();
  if (!open) s.authoring.event.reset();
}

}  // namespace chronoatlas::ui
