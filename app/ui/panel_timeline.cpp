#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

void draw_ticks(ImDrawList* dl, const story::TimeAxis& a, float y, float height) {
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (const story::Tick& t : story::axis_ticks(a)) {
    float x = a.x_of(t.at);
    dl->AddLine({x, y}, {x, y + (t.major ? height : 6)}, t.major ? ink : faint);
    dl->AddText({x + 3, y + 4}, t.major ? ink : faint, t.label.c_str());
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

void controls(AppState& s) {
  story::Playback& p = s.playback;
  const auto& events = s.scene->scenario().events;
  if (ImGui::Button("|<")) set_date(s, p.window.start);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start (Home)");
  ImGui::SameLine();
  if (ImGui::Button("<< event"))
    if (auto d = story::previous_event_day(events, s.day)) go_to_event_day(s, *d);
  ImGui::SameLine();
  if (ImGui::Button("-1 day")) set_date(s, std::floor(s.day) - 1);
  ImGui::SameLine();
  if (ImGui::Button(p.playing ? "Pause" : "Play", {ImGui::GetFontSize() * 4, 0})) p.playing = !p.playing;
  ImGui::SameLine();
  if (ImGui::Button("+1 day")) set_date(s, std::floor(s.day) + 1);
  ImGui::SameLine();
  if (ImGui::Button("event >>"))
    if (auto d = story::next_event_day(events, s.day)) go_to_event_day(s, *d);
  ImGui::SameLine();
  if (ImGui::Button(">|")) set_date(s, p.window.end - 1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::SliderFloat("days/s", &p.days_per_second, 0.05f, 365, "%.2f", ImGuiSliderFlags_Logarithmic);
  ImGui::SameLine();
  ImGui::Checkbox("loop", &p.loop);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::InputTextWithHint("go to", "YYYY-MM-DD", &s.typed_date, ImGuiInputTextFlags_EnterReturnsTrue)) {
    auto d = story::parse_moment(s.typed_date);
    if (d) set_day(s, *d);
    else s.error(d.error());
  }
  ImGui::SameLine();
  if (ImGui::Button("Whole range")) p.window = {s.scene->scenario().start, s.scene->scenario().end};
  ImGui::SameLine();
  ImGui::SetWindowFontScale(1.35f);
  ImGui::TextColored({0.95f, 0.75f, 0.45f, 1}, "%s", story::format_moment(s.day).c_str());
  ImGui::SetWindowFontScale(1.0f);
}

}  // namespace

void panel_timeline(AppState& s) {
  ImGui::Begin("Timeline", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  controls(s);
  ImVec2 origin = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  if (avail.x < 50 || avail.y < 40) return ImGui::End();
  const float axis_h = ImGui::GetFontSize() * 2.2f;
  story::TimeAxis axis{origin.x + 4, avail.x - 8, s.playback.window.start, s.playback.window.end};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::InvisibleButton("##canvas", avail);
  const bool hovered = ImGui::IsItemHovered();
  const float axis_y = origin.y + avail.y - axis_h;
  dl->AddRectFilled(origin, {origin.x + avail.x, origin.y + avail.y}, IM_COL32(30, 32, 36, 255));
  dl->AddLine({origin.x, axis_y}, {origin.x + avail.x, axis_y}, ImGui::GetColorU32(ImGuiCol_Border));
  draw_ticks(dl, axis, axis_y, axis_h);

  auto series = chart_series(s);
  float lane_h = (axis_y - origin.y) / std::max<size_t>(1, series.size());
  for (size_t i = 0; i < series.size(); ++i)
    draw_series(s, dl, axis, *series[i].series, {origin.x, origin.y + lane_h * i + 2},
                {origin.x + avail.x, origin.y + lane_h * (i + 1) - 2}, series[i].colour);

  // Events: marks on the axis; hover names them, a click goes there.
  const auto& events = s.scene->scenario().events;
  for (const story::Event& e : events) {
    if (e.at < axis.start || e.at >= axis.end) continue;
    float x = axis.x_of(e.at);
    dl->AddTriangleFilled({x - 5, axis_y - 9}, {x + 5, axis_y - 9}, {x, axis_y}, IM_COL32(200, 60, 50, 255));
  }
  const ImVec2 m = ImGui::GetIO().MousePos;
  const story::Event* hovered_event = nullptr;
  if (m.y >= axis_y - 12 && m.y <= axis_y + 2)
    if (auto i = story::event_at(axis, events, m.x, 5)) hovered_event = &events[*i];
  if (hovered_event) {
    ImGui::SetTooltip("%s  %s", story::format_date(hovered_event->at).c_str(), hovered_event->title.c_str());
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      go_to_event_day(s, hovered_event->at);
    }
  } else if (hovered && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    set_date(s, axis.day_at(m.x));  // one-day resolution
  }
  if (hovered && ImGui::GetIO().MouseWheel != 0) {
    const story::Scenario& sc = s.scene->scenario();
    s.playback.window = story::zoom_window(s.playback.window, axis.day_at(m.x), ImGui::GetIO().MouseWheel,
                                           {sc.start, sc.end});
  }

  if (s.day >= axis.start && s.day <= axis.end) {
    float x = axis.x_of(s.day);
    dl->AddLine({x, origin.y}, {x, origin.y + avail.y}, IM_COL32(245, 190, 110, 255), 2);
  }
  ImGui::End();
}

}  // namespace chronoatlas::ui
