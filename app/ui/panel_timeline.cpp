#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

using story::Days;

// Maps between dates and the canvas' x coordinate.
struct Axis {
  float x0, width;
  Days start, end;
  float x(Days t) const { return x0 + static_cast<float>((t - start) / (end - start)) * width; }
  Days t(float x) const { return start + (x - x0) / width * (end - start); }
};

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void draw_ticks(ImDrawList* dl, const Axis& a, float y, float height) {
  const double px_per_day = a.width / (a.end - a.start);
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  // Month steps that leave room for a label; whole days when zoomed far in.
  int step_months = 0;
  for (int m : {1, 2, 3, 6, 12, 24})
    if (px_per_day * 30.4 * m >= 64) {
      step_months = m;
      break;
    }
  std::string first = story::format_date(a.start);
  int year = std::stoi(first.substr(0, 4)), month = std::stoi(first.substr(5, 2));
  if (px_per_day >= 40 || step_months == 0) {
    int every = px_per_day >= 40 ? 1 : 7;
    for (Days d = std::floor(a.start); d <= a.end; d += every) {
      float x = a.x(d);
      if (x < a.x0) continue;
      dl->AddLine({x, y}, {x, y + 5}, faint);
      std::string iso = story::format_date(d);
      char label[16];
      std::snprintf(label, sizeof label, "%d %s", std::stoi(iso.substr(8, 2)), kMonths[std::stoi(iso.substr(5, 2)) - 1]);
      dl->AddText({x + 2, y + 4}, ink, label);
    }
    return;
  }
  for (;;) {
    Days d = story::days_from_civil(year, month, 1);
    if (d > a.end) break;
    if (d >= a.start && (month - 1) % step_months == 0) {
      float x = a.x(d);
      bool jan = month == 1;
      dl->AddLine({x, y}, {x, y + (jan ? height : 6)}, jan ? ink : faint);
      char label[16];
      if (step_months >= 12) std::snprintf(label, sizeof label, "%d", year);
      else std::snprintf(label, sizeof label, jan ? "%s %d" : "%s", kMonths[month - 1], year);
      dl->AddText({x + 3, y + 4}, jan ? ink : faint, label);
    }
    if (++month > 12) month = 1, ++year;
  }
}

struct ChartSeries {
  const story::Series* series;
  ImU32 colour;  // the layer's stroke colour, so chart and map match
};

// Every series with its own samples in the visible layers (derived series repeat another's samples).
std::vector<ChartSeries> chart_series(AppState& s) {
  std::vector<ChartSeries> out;
  for (const auto& l : s.scene->layers())
    if (l->spec.style.visible)
      for (const story::Series& series : l->spec.series)
        if (series.derive.empty() && !series.samples.empty()) {
          const Rgba& c = l->spec.style.stroke;
          out.push_back({&series, ImGui::GetColorU32(ImVec4(c.r * 0.6f + 0.4f, c.g * 0.6f + 0.4f, c.b * 0.6f + 0.4f, 1))});
        }
  return out;
}

void draw_series(AppState& s, ImDrawList* dl, const Axis& a, const story::Series& series, ImVec2 lo, ImVec2 hi,
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
    ImVec2 p{a.x(smp.at), y_of(smp.value)};
    if (have_prev) {
      if (series.interpolation == "step") {
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
  if (have_prev) dl->AddLine(prev, {a.x(a.end), prev.y}, colour, series.interpolation == "step" ? 2.f : 1.f);
  if (auto v = story::series_value(series, s.day); v && s.day >= a.start && s.day <= a.end)
    dl->AddCircle({a.x(s.day), y_of(*v)}, 5, ImGui::GetColorU32(ImGuiCol_Text), 0, 2);
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
  Playback& p = s.playback;
  const auto& events = s.scene->scenario().events;
  if (ImGui::Button("|<")) set_day(s, p.window_start);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start (Home)");
  ImGui::SameLine();
  if (ImGui::Button("<< event")) {
    for (auto it = events.rbegin(); it != events.rend(); ++it)
      if (std::floor(it->at) < std::floor(s.day)) {
        set_day(s, std::floor(it->at));
        break;
      }
  }
  ImGui::SameLine();
  if (ImGui::Button("-1 day")) set_day(s, std::floor(s.day) - 1);
  ImGui::SameLine();
  if (ImGui::Button(p.playing ? "Pause" : "Play", {ImGui::GetFontSize() * 4, 0})) p.playing = !p.playing;
  ImGui::SameLine();
  if (ImGui::Button("+1 day")) set_day(s, std::floor(s.day) + 1);
  ImGui::SameLine();
  if (ImGui::Button("event >>")) {
    for (const story::Event& e : events)
      if (std::floor(e.at) > std::floor(s.day)) {
        set_day(s, std::floor(e.at));
        break;
      }
  }
  ImGui::SameLine();
  if (ImGui::Button(">|")) set_day(s, p.window_end - 1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::SliderFloat("days/s", &p.days_per_second, 0.05f, 365, "%.2f", ImGuiSliderFlags_Logarithmic);
  ImGui::SameLine();
  ImGui::Checkbox("loop", &p.loop);
  ImGui::SameLine();
  static std::string typed;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::InputTextWithHint("go to", "YYYY-MM-DD", &typed, ImGuiInputTextFlags_EnterReturnsTrue)) {
    auto d = story::parse_iso_date(typed);
    if (d) set_day(s, *d);
    else s.error(d.error());
  }
  ImGui::SameLine();
  if (ImGui::Button("Whole range")) {
    p.window_start = s.scene->scenario().start;
    p.window_end = s.scene->scenario().end;
  }
  ImGui::SameLine();
  ImGui::SetWindowFontScale(1.35f);
  ImGui::TextColored({0.95f, 0.75f, 0.45f, 1}, "%s", story::format_date_long(s.day).c_str());
  ImGui::SetWindowFontScale(1.0f);
}

void zoom_window(AppState& s, Days about, float wheel) {
  Playback& p = s.playback;
  const story::Scenario& sc = s.scene->scenario();
  double factor = std::pow(0.8, wheel);
  Days start = about - (about - p.window_start) * factor, end = about + (p.window_end - about) * factor;
  if (end - start < 5) return;
  p.window_start = std::max(sc.start, start);
  p.window_end = std::min(sc.end, end);
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
  Axis axis{origin.x + 4, avail.x - 8, s.playback.window_start, s.playback.window_end};
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
  const story::Event* hovered_event = nullptr;
  for (const story::Event& e : s.scene->scenario().events) {
    if (e.at < axis.start || e.at > axis.end) continue;
    float x = axis.x(e.at);
    ImVec2 c{x, axis_y};
    dl->AddTriangleFilled({x - 5, axis_y - 9}, {x + 5, axis_y - 9}, c, IM_COL32(200, 60, 50, 255));
    ImVec2 m = ImGui::GetIO().MousePos;
    if (std::fabs(m.x - x) <= 5 && m.y >= axis_y - 12 && m.y <= axis_y + 2) hovered_event = &e;
  }
  if (hovered_event) {
    ImGui::SetTooltip("%s  %s", story::format_date(hovered_event->at).c_str(), hovered_event->title.c_str());
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      set_day(s, std::floor(hovered_event->at));
      if (hovered_event->place) centre_on(s, *hovered_event->place);
    }
  } else if (hovered && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    set_day(s, std::floor(axis.t(ImGui::GetIO().MousePos.x)));  // one-day resolution
  }
  if (hovered && ImGui::GetIO().MouseWheel != 0) zoom_window(s, axis.t(ImGui::GetIO().MousePos.x), ImGui::GetIO().MouseWheel);

  if (s.day >= axis.start && s.day <= axis.end) {
    float x = axis.x(s.day);
    dl->AddLine({x, origin.y}, {x, origin.y + avail.y}, IM_COL32(245, 190, 110, 255), 2);
  }
  ImGui::End();
}

}  // namespace chronoatlas::ui
