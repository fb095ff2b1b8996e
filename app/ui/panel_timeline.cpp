#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app_state.h"
#include "ui/window_layout.h"

namespace chronoatlas::ui {
namespace {

void draw_ticks(ImDrawList* dl, const story::TimeAxis& a, float y, float height) {
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float em = ImGui::GetFontSize(), offset = std::round(em * 0.2f);
  // Spaced for a day's label in this font, then each label kept only where it overlaps none (a month's with its
  // year is wider).
  const std::vector<story::Tick> ticks = story::axis_ticks(a, ImGui::CalcTextSize("28 Sep").x + em);
  std::vector<float> widths;
  for (const story::Tick& t : ticks) widths.push_back(ImGui::CalcTextSize(t.label.c_str()).x);
  const std::vector<bool> labelled = story::tick_labels_that_fit(a, ticks, widths, offset, em * 0.5f);
  for (size_t i = 0; i < ticks.size(); ++i) {
    const story::Tick& t = ticks[i];
    const float x = a.x_of(t.at);
    dl->AddLine({x, y}, {x, y + (t.major ? height : em * 0.4f)}, t.major ? ink : faint);
    if (labelled[i]) dl->AddText({x + offset, y + em * 0.25f}, t.major ? ink : faint, t.label.c_str());
  }
}

struct ChartSeries {
  const story::Series* series;
  ImU32 colour;  // the layer's stroke colour, so chart and map match
};

// Every series with its own samples in the visible layers (derived series repeat another's samples).
std::vector<ChartSeries> chart_series(AppState& s) {
  std::vector<ChartSeries> out;
  for (const model::AtlasLayer& l : s.scene->atlas().layers())
    if (l.spec.style.visible)
      for (const story::Series& series : l.spec.series)
        if (series.derive.empty() && !series.samples.empty()) {
          const Rgba& c = l.spec.style.stroke;
          out.push_back({&series, ImGui::GetColorU32(ImVec4(c.r * 0.6f + 0.4f, c.g * 0.6f + 0.4f, c.b * 0.6f + 0.4f, 1))});
        }
  return out;
}

void draw_series(AppState& s, ImDrawList* dl, const story::TimeAxis& a, const story::Series& series, ImVec2 lo, ImVec2 hi,
                 ImU32 colour) {
  double max_v = 0;
  for (const story::Sample& smp : series.samples) max_v = std::max(max_v, smp.value);
  if (max_v <= 0) return;
  auto y_of = [&](double v) { return hi.y - static_cast<float>(v / max_v) * (hi.y - lo.y - 16); };
  dl->AddText({lo.x + 4, lo.y}, ImGui::GetColorU32(ImGuiCol_TextDisabled),
              (series.title + "  (max " + story::format_count(max_v) + ")").c_str());
  ImVec2 prev{0, 0};
  bool have_prev = false;
  const ImGuiIO& io = ImGui::GetIO();
  const story::Sample* hovered = nullptr;
  for (const story::Sample& smp : series.samples) {
    if (std::isnan(smp.value)) {  // no figure from here: the line stops rather than hold the last one
      if (have_prev) dl->AddLine(prev, {a.x_of(smp.at), prev.y}, colour, 2);
      have_prev = false;
      continue;
    }
    ImVec2 p{a.x_of(smp.at), y_of(smp.value)};
    if (have_prev) {
      if (series.interpolation == story::Interpolation::Step) {
        dl->AddLine(prev, {p.x, prev.y}, colour, 2);
        dl->AddLine({p.x, prev.y}, p, colour, 2);
      } else {
        dl->AddLine(prev, p, colour, 2);
      }
    }
    dl->AddCircleFilled(p, 2.5f, colour);
    if (std::fabs(io.MousePos.x - p.x) < 5 && std::fabs(io.MousePos.y - p.y) < 8) hovered = &smp;
    prev = p;
    have_prev = true;
  }
  if (have_prev)
    dl->AddLine(prev, {a.x_of(a.end), prev.y}, colour, series.interpolation == story::Interpolation::Step ? 2.f : 1.f);
  if (auto v = story::series_value(series, s.day); v && !std::isnan(*v) && s.day >= a.start && s.day <= a.end)
    dl->AddCircle({a.x_of(s.day), y_of(*v)}, 5, ImGui::GetColorU32(ImGuiCol_Text), 0, 2);
  if (hovered) {
    ImGui::BeginTooltip();
    ImGui::Text("%s", story::format_count(hovered->value).c_str());
    ImGui::TextDisabled("%s", story::format_sample_time(*hovered).c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextWrapped("Source: %s", hovered->source.c_str());
    if (!hovered->note.empty()) ImGui::TextWrapped("%s", hovered->note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool tool_button(const char* label, const char* tip = nullptr) {
  const bool pressed = ImGui::Button(label);
  if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  return pressed;
}

const char* step_name(int hours) {
  switch (hours) {
    case 1: return "1 hour";
    case 3: return "3 hours";
    case 6: return "6 hours";
    case 12: return "12 hours";
    case 168: return "7 days";
    default: return "1 day";
  }
}

void step_choice(AppState& s) {
  story::Playback& p = s.playback;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::BeginCombo("##step", step_name(p.step_hours))) {
    for (int h : {1, 3, 6, 12, 24, 168})
      if (ImGui::Selectable(step_name(h), h == p.step_hours)) p.step_hours = h;
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step of the step buttons and the arrow keys");
}

float speed_width() {
  return button_width("-") + button_width("+") + ImGui::GetFontSize() * 7 + ImGui::GetStyle().ItemInnerSpacing.x * 2;
}

void speed_choice(AppState& s) {
  story::Playback& p = s.playback;
  if (tool_button("-##speed", "Half the speed")) p.days_per_second = story::slower(p.days_per_second);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::SliderFloat("##speed", &p.days_per_second, story::kMinSpeed, story::kMaxSpeed, "%.2f days/s",
                     ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  if (tool_button("+##speed", "Double the speed")) p.days_per_second = story::faster(p.days_per_second);
}

// The date box shows the current moment until the user types in it.
void date_box(AppState& s) {
  if (!s.timeline.date_box_active)
    s.timeline.typed_date = story::is_end_of_day(s.day) ? story::format_date(s.day) : story::format_date_time(s.day);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::InputTextWithHint("##goto", "YYYY-MM-DD", &s.timeline.typed_date, ImGuiInputTextFlags_EnterReturnsTrue)) {
    auto d = story::parse_moment(s.timeline.typed_date);
    if (d) set_day(s, *d);
    else s.error(d.error());
  }
  s.timeline.date_box_active = ImGui::IsItemActive();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type a date (YYYY-MM-DD, or YYYY-MM-DD HH:MM) and press Enter");
}

struct Tool {
  ToolbarItem size;
  std::function<void()> draw;
};

// The toolbar's items in their order on the row; the priorities say which leave the row first when it is short.
std::vector<Tool> tools(AppState& s) {
  story::Playback& p = s.playback;
  const auto& events = s.scene->scenario().events;
  const story::Scenario& sc = s.scene->scenario();
  const float em = ImGui::GetFontSize();
  auto button = [&](const char* label, int priority, const char* tip, std::function<void()> action) {
    return Tool{{button_width(label), priority}, [label, tip, action] {
                  if (tool_button(label, tip)) action();
                }};
  };
  std::vector<Tool> out;
  out.push_back(button("|<", 4, "Start of the loop range (Home)", [&s, &p] { set_date(s, p.window.start); }));
  out.push_back(button("<< event", 5, "The previous event", [&s, &events] {
    if (auto d = story::previous_event_day(events, s.day)) go_to_event_day(s, *d);
  }));
  out.push_back(button("< step", 8, "Back one step (Left)",
                       [&s, &p] { set_day(s, story::step_from(s.day, p.step_hours, -1)); }));
  out.push_back({{em * 4 + ImGui::GetStyle().FramePadding.x * 2, 10}, [&p, em] {
                   if (ImGui::Button(p.playing ? "Pause" : "Play", {em * 4, 0})) p.playing = !p.playing;
                   if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
                 }});
  out.push_back(button("step >", 8, "Forward one step (Right)",
                       [&s, &p] { set_day(s, story::step_from(s.day, p.step_hours, 1)); }));
  out.push_back(button("event >>", 5, "The next event", [&s, &events] {
    if (auto d = story::next_event_day(events, s.day)) go_to_event_day(s, *d);
  }));
  out.push_back(button(">|", 4, "End of the loop range (End)", [&s, &p] { set_date(s, p.window.end - 1); }));
  out.push_back({{em * 6, 3}, [&s] { step_choice(s); }});
  out.push_back({{speed_width(), 2}, [&s] { speed_choice(s); }});
  out.push_back({{button_width("loop") + ImGui::GetFrameHeight(), 2}, [&p] { ImGui::Checkbox("loop", &p.loop); }});
  out.push_back({{em * 8, 6}, [&s] { date_box(s); }});
  out.push_back(button("Whole range", 1, "Zoom the axis out to the scenario's whole range",
                       [&s, &sc] { s.axis = {sc.start, sc.end}; }));
  out.push_back(button("Loop = axis", 1, "Play through what the axis shows (drag the handles to set it by hand)",
                       [&s, &p] { p.window = s.axis; }));
  const std::string moment = story::format_moment(s.day);
  out.push_back({{ImGui::CalcTextSize(moment.c_str()).x * 1.35f, 7}, [moment] {
                   ImGui::SetWindowFontScale(1.35f);
                   ImGui::TextColored({0.95f, 0.75f, 0.45f, 1}, "%s", moment.c_str());
                   ImGui::SetWindowFontScale(1.0f);
                 }});
  return out;
}

// One row of controls that never wraps over the axis: what does not fit waits behind "More".
void controls(AppState& s) {
  const std::vector<Tool> row = tools(s);
  std::vector<ToolbarItem> sizes;
  for (const Tool& t : row) sizes.push_back(t.size);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const std::vector<bool> shown =
      items_on_row(sizes, ImGui::GetContentRegionAvail().x, spacing, button_width("More") + spacing);
  bool first = true;
  for (size_t i = 0; i < row.size(); ++i) {
    if (!shown[i]) continue;
    if (!first) ImGui::SameLine();
    first = false;
    row[i].draw();
  }
  if (std::find(shown.begin(), shown.end(), false) == shown.end()) return;
  ImGui::SameLine();
  if (ImGui::Button("More")) ImGui::OpenPopup("##more-tools");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The controls the row has no room for");
  if (!ImGui::BeginPopup("##more-tools")) return;
  for (size_t i = 0; i < row.size(); ++i)
    if (!shown[i]) row[i].draw();
  ImGui::EndPopup();
}

// The loop range: a band on the axis between two handles, the rest of the axis dimmed. Dragging a handle moves it,
// in whole days (or the step, when it is shorter).
void loop_handles(AppState& s, ImDrawList* dl, const story::TimeAxis& a, float top, float axis_y, float bottom,
                  bool canvas_hovered) {
  story::Window& w = s.playback.window;
  const ImU32 dim = IM_COL32(0, 0, 0, 90), band = IM_COL32(110, 170, 230, 255);
  const float x0 = std::clamp(a.x_of(w.start), a.x0, a.x0 + a.width), x1 = std::clamp(a.x_of(w.end), a.x0, a.x0 + a.width);
  dl->AddRectFilled({a.x0, top}, {x0, bottom}, dim);
  dl->AddRectFilled({x1, top}, {a.x0 + a.width, bottom}, dim);
  dl->AddRectFilled({x0, axis_y - 2}, {x1, axis_y + 2}, band);
  const ImVec2 m = ImGui::GetIO().MousePos;
  int near = 0;
  for (int which : {1, 2}) {
    const story::Days at = which == 1 ? w.start : w.end;
    if (at < a.start || at > a.end) continue;
    const float x = a.x_of(at);
    dl->AddRectFilled({x - 3, axis_y - 14}, {x + 3, axis_y + 6}, band, 2);
    if (std::fabs(m.x - x) <= 6 && m.y >= axis_y - 16 && m.y <= axis_y + 8) near = which;
  }
  if (near && !s.timeline.dragging) {
    ImGui::SetTooltip("Loop %s: %s (drag to move)", near == 1 ? "start" : "end",
                      story::format_date(near == 1 ? w.start : w.end - 1).c_str());
    if (canvas_hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) s.timeline.dragging = near;
  }
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) s.timeline.dragging = 0;
  if (!s.timeline.dragging) return;
  const story::Days unit = std::min(1.0, s.playback.step_hours / 24.0);
  const story::Days at = std::round(a.day_at(m.x) / unit) * unit;
  const story::Scenario& sc = s.scene->scenario();
  if (s.timeline.dragging == 1) w.start = std::clamp(at, sc.start, w.end - unit);
  else w.end = std::clamp(at, w.start + unit, sc.end);
}

// Event marks on the axis, close ones stacked into one mark with a count. Hovering one names its events; a click
// on a single event goes there, a click on a stack lists them to choose from.
bool event_marks(AppState& s, ImDrawList* dl, const story::TimeAxis& a, float axis_y) {
  const auto& events = s.scene->scenario().events;
  const auto marks = story::event_marks(a, events, 11);
  const ImU32 red = IM_COL32(200, 60, 50, 255);
  for (const story::EventMark& mk : marks) {
    dl->AddTriangleFilled({mk.x - 5, axis_y - 9}, {mk.x + 5, axis_y - 9}, {mk.x, axis_y}, red);
    if (mk.events.size() > 1) {
      const std::string n = std::to_string(mk.events.size());
      const ImVec2 size = ImGui::CalcTextSize(n.c_str());
      const ImVec2 c{mk.x, axis_y - 12 - size.y / 2};
      dl->AddCircleFilled(c, std::max(size.x, size.y) / 2 + 2, red);
      dl->AddText({c.x - size.x / 2, c.y - size.y / 2}, IM_COL32_WHITE, n.c_str());
    }
  }
  const ImVec2 m = ImGui::GetIO().MousePos;
  const story::EventMark* hit =
      m.y >= axis_y - 12 - ImGui::GetFontSize() && m.y <= axis_y + 2 ? story::mark_at(marks, m.x, 6) : nullptr;
  if (!hit) return false;
  ImGui::BeginTooltip();
  for (size_t i : hit->events)
    ImGui::Text("%s  %s", story::format_date_short(events[i].at).c_str(), events[i].title.c_str());
  if (hit->events.size() > 1) ImGui::TextDisabled("Click to choose one");
  ImGui::EndTooltip();
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (hit->events.size() == 1) go_to_event_day(s, events[hit->events[0]].at);
    else s.timeline.mark_events = hit->events, ImGui::OpenPopup("##mark");
  }
  return true;
}

void mark_list(AppState& s) {
  if (!ImGui::BeginPopup("##mark")) return;
  const auto& events = s.scene->scenario().events;
  for (size_t i : s.timeline.mark_events) {
    ImGui::PushID(static_cast<int>(i));
    const std::string item = story::format_date_short(events[i].at) + "  " + events[i].title;
    if (ImGui::Selectable(item.c_str())) go_to_event_day(s, events[i].at);
    ImGui::PopID();
  }
  ImGui::EndPopup();
}

}  // namespace

void panel_timeline(AppState& s) {
  ImGui::Begin("Timeline", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  // A map of undated data has no date: no slider and no "as of" stamp with a made-up day.
  if (!s.scene->scenario().dated && !s.scene->atlas().timed()) {
    ImGui::TextDisabled("No dates yet: the timeline appears with a time range (Story), an event (E) or a layer with "
                        "dates (a date column, KML or GPX times).");
    return ImGui::End();
  }
  controls(s);
  ImVec2 origin = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  const float axis_h = axis_height(ImGui::GetFontSize());
  if (avail.x < 50 || avail.y < axis_h) return ImGui::End();
  story::TimeAxis axis{origin.x + 4, avail.x - 8, s.axis.start, s.axis.end};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::InvisibleButton("##canvas", avail);
  const bool hovered = ImGui::IsItemHovered();
  const float axis_y = origin.y + avail.y - axis_h;
  dl->AddRectFilled(origin, {origin.x + avail.x, origin.y + avail.y}, IM_COL32(30, 32, 36, 255));
  dl->AddLine({origin.x, axis_y}, {origin.x + avail.x, axis_y}, ImGui::GetColorU32(ImGuiCol_Border));
  draw_ticks(dl, axis, axis_y, axis_h);

  auto series = chart_series(s);
  // A chart needs its title's line and some height under it: those without room are left out, never squeezed.
  const size_t room = static_cast<size_t>((axis_y - origin.y) / (ImGui::GetFontSize() * 2.5f));
  series.resize(std::min(series.size(), room));
  float lane_h = (axis_y - origin.y) / std::max<size_t>(1, series.size());
  for (size_t i = 0; i < series.size(); ++i)
    draw_series(s, dl, axis, *series[i].series, {origin.x, origin.y + lane_h * i + 2},
                {origin.x + avail.x, origin.y + lane_h * (i + 1) - 2}, series[i].colour);

  loop_handles(s, dl, axis, origin.y, axis_y, origin.y + avail.y, hovered);
  const bool on_mark = !s.timeline.dragging && event_marks(s, dl, axis, axis_y);
  mark_list(s);
  const ImVec2 m = ImGui::GetIO().MousePos;
  if (!on_mark && !s.timeline.dragging && hovered && ImGui::IsMouseDown(ImGuiMouseButton_Left))
    set_date(s, axis.day_at(m.x));  // one-day resolution
  if (hovered && ImGui::GetIO().MouseWheel != 0) {
    const story::Scenario& sc = s.scene->scenario();
    s.axis = story::zoom_window(s.axis, axis.day_at(m.x), ImGui::GetIO().MouseWheel, {sc.start, sc.end});
  }

  if (s.day >= axis.start && s.day <= axis.end) {
    float x = axis.x_of(s.day);
    dl->AddLine({x, origin.y}, {x, origin.y + avail.y}, IM_COL32(245, 190, 110, 255), 2);
  }
  ImGui::End();
}

}  // namespace chronoatlas::ui
