#include <imgui.h>

#include "model/time_detection.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// A combo of the layer's fields; NONE_LABEL (when given) offers no field. True when FIELD changed.
bool field_combo(const char* label, const geo::VectorLayer& data, std::string& field, const char* none_label) {
  bool changed = false;
  if (!ImGui::BeginCombo(label, field.empty() ? (none_label ? none_label : "(choose)") : field.c_str())) return false;
  if (none_label && ImGui::Selectable(none_label, field.empty())) field.clear(), changed = true;
  for (const std::string& f : data.fields)
    if (ImGui::Selectable(f.c_str(), f == field)) field = f, changed = true;
  ImGui::EndCombo();
  return changed;
}

const char* const kModes[] = {"none: the same on every date", "instant: each on its moment",
                              "interval: from start to end", "cumulative: from its moment on"};

int mode_index(const story::LayerTime& t) {
  if (!t.any()) return 0;
  return t.mode == story::TimeMode::Instant ? 1 : t.mode == story::TimeMode::Interval ? 2 : 3;
}

// Switching mode keeps the fields that still make sense; a first switch from none takes what detection finds.
story::LayerTime with_mode(const model::AtlasLayer& l, int mode) {
  story::LayerTime t = l.spec.time;
  if (mode == 0) return {};
  if (!t.any()) t = model::detect_time(*l.data).time;
  t.mode = mode == 1 ? story::TimeMode::Instant : mode == 2 ? story::TimeMode::Interval : story::TimeMode::Cumulative;
  if (t.start_field.empty()) t.start_field = !t.instant_field.empty() ? t.instant_field : t.end_field;
  if (t.start_field.empty() && !l.data->fields.empty()) t.start_field = l.data->fields.front();
  return t;
}

}  // namespace

void panel_layer_time(AppState& s, size_t index) {
  const model::AtlasLayer& l = s.scene->atlas().layers()[index];
  story::LayerTime t = l.spec.time;
  bool changed = false;
  int mode = mode_index(t);
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
  if (ImGui::Combo("mode", &mode, kModes, IM_ARRAYSIZE(kModes)) && mode != mode_index(t)) t = with_mode(l, mode), changed = true;
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
  if (mode == 1 || mode == 3) {
    changed |= field_combo("field", *l.data, t.start_field, nullptr);
  } else if (mode == 2) {
    changed |= field_combo("start", *l.data, t.start_field, "(none: open)");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    changed |= field_combo("end", *l.data, t.end_field, "(none: open)");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    changed |= field_combo("moment", *l.data, t.instant_field, "(none)");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("For features with neither start nor end (KML's TimeStamp)");
  }
  if (mode == 1 || (mode == 2 && !t.instant_field.empty())) {
    float hours = static_cast<float>(t.duration_days * 24);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputFloat("hours shown", &hours, 1, 24, "%.0f", ImGuiInputTextFlags_EnterReturnsTrue) && hours >= 1.0f / 60)
      t.duration_days = hours / 24, changed = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("How long each moment stays on the map (24: its day)");
  }
  if (t.any()) {
    changed |= ImGui::Checkbox("day first (13.02.2023)", &t.day_first);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("How dates written with numbers and the year last are read: day first, as most of the world "
                        "writes them; off: month first (02/13/2023, the US)");
    float fade = static_cast<float>(t.fade_days);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputFloat("days to fade", &fade, 1, 7, "%.0f", ImGuiInputTextFlags_EnterReturnsTrue) && fade >= 0)
      t.fade_days = fade, changed = true;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Each feature starts at full strength and fades to a quarter over this many days (0: no fade)");
  }
  if (t.any()) {
    // Read when the settings were applied, not per frame: a layer may hold 100,000 dates.
    const std::string unreadable =
        l.unreadable_times ? ", " + std::to_string(l.unreadable_times) + " unreadable (not shown)" : "";
    ImGui::TextDisabled("%s to %s%s", story::format_date_short(l.first_moment).c_str(),
                        story::format_date_short(l.last_moment).c_str(), unreadable.c_str());
  }
  if (!changed) return;
  edit(s, document::set_time(index, t));
}

}  // namespace chronoatlas::ui
