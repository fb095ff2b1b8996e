#include "story/timeline.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::story {
namespace {

// Day ticks every EVERY days from the first whole day in view; the first of a month is major.
std::vector<Tick> day_ticks(const TimeAxis& a, int every) {
  std::vector<Tick> out;
  for (Days d = std::ceil(a.start); d < a.end; d += every) {
    CivilDate c = civil_date(d);
    out.push_back({d, std::to_string(c.day) + " " + month_name(c.month, true), c.day == 1});
  }
  return out;
}

std::vector<Tick> hour_ticks(const TimeAxis& a, int every) {
  std::vector<Tick> out;
  const Days step = every / 24.0;
  for (Days t = std::ceil(a.start / step - 1e-9) * step; t < a.end; t += step) {
    const int hour = static_cast<int>(std::lround((t - std::floor(t + 1e-9)) * 24)) % 24;
    if (hour == 0) {
      CivilDate c = civil_date(t + 1e-9);
      out.push_back({t, std::to_string(c.day) + " " + month_name(c.month, true), true});
    } else {
      out.push_back({t, (hour < 10 ? "0" : "") + std::to_string(hour) + ":00", false});
    }
  }
  return out;
}

std::vector<Tick> month_ticks(const TimeAxis& a, int step_months) {
  std::vector<Tick> out;
  CivilDate c = civil_date(a.start);
  int year = c.year, month = c.month;
  for (;;) {
    Days d = days_from_civil(year, month, 1);
    if (d >= a.end) break;
    if (d >= a.start && (month - 1) % step_months == 0) {
      bool jan = month == 1;
      std::string label = step_months >= 12 ? std::to_string(year)
                          : jan             ? month_name(month, true) + " " + std::to_string(year)
                                            : month_name(month, true);
      out.push_back({d, label, jan});
    }
    if (++month > 12) month = 1, ++year;
  }
  return out;
}

}  // namespace

std::vector<Tick> axis_ticks(const TimeAxis& a, float min_label_px) {
  if (!(a.end > a.start) || !(a.width > 0)) return {};
  const double px = a.px_per_day();
  for (int h : {1, 3, 6, 12})
    if (px * h / 24 >= min_label_px) return hour_ticks(a, h);
  if (px >= min_label_px) return day_ticks(a, 1);
  if (px * 7 >= min_label_px && px * 30.4 < min_label_px) return day_ticks(a, 7);
  for (int m : {1, 2, 3, 6, 12, 24, 60})
    if (px * 30.4 * m >= min_label_px) return month_ticks(a, m);
  return month_ticks(a, 120);
}

std::vector<bool> tick_labels_that_fit(const TimeAxis& axis, const std::vector<Tick>& ticks,
                                       const std::vector<float>& widths, float offset_px, float gap_px) {
  std::vector<bool> kept(ticks.size(), false);
  std::vector<std::pair<float, float>> taken;
  const float right = axis.x0 + axis.width;
  auto place = [&](size_t i) {
    const float x0 = axis.x_of(ticks[i].at) + offset_px, x1 = x0 + widths[i];
    if (x1 > right) return;
    for (const auto& [a, b] : taken)
      if (x0 < b + gap_px && a < x1 + gap_px) return;
    taken.emplace_back(x0, x1);
    kept[i] = true;
  };
  for (size_t i = 0; i < ticks.size() && i < widths.size(); ++i)
    if (ticks[i].major) place(i);
  for (size_t i = 0; i < ticks.size() && i < widths.size(); ++i)
    if (!ticks[i].major) place(i);
  return kept;
}

Window zoom_window(Window w, Days about, float wheel, Window limits, Days min_days) {
  double factor = std::pow(0.8, wheel);
  Window z{about - (about - w.start) * factor, about + (w.end - about) * factor};
  if (z.end - z.start < min_days) return w;
  return {std::max(limits.start, z.start), std::min(limits.end, z.end)};
}

std::vector<EventMark> event_marks(const TimeAxis& axis, const std::vector<Event>& events, float min_gap_px) {
  std::vector<size_t> order;
  for (size_t i = 0; i < events.size(); ++i)
    if (events[i].at >= axis.start && events[i].at < axis.end) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return events[a].at < events[b].at; });
  std::vector<EventMark> marks;
  for (size_t i : order) {
    const float x = axis.x_of(events[i].at);
    if (!marks.empty() && x - axis.x_of(events[marks.back().events.back()].at) < min_gap_px)
      marks.back().events.push_back(i);
    else marks.push_back({x, {i}});
  }
  return marks;
}

const EventMark* mark_at(const std::vector<EventMark>& marks, float x, float half_width_px) {
  const EventMark* best = nullptr;
  float best_dx = half_width_px;
  for (const EventMark& m : marks)
    if (float dx = std::fabs(m.x - x); dx <= best_dx) best = &m, best_dx = dx;
  return best;
}

std::optional<Days> previous_event_day(const std::vector<Event>& events, Days day) {
  std::optional<Days> found;
  for (const Event& e : events)
    if (std::floor(e.at) < std::floor(day) && (!found || std::floor(e.at) > *found)) found = std::floor(e.at);
  return found;
}

std::optional<Days> next_event_day(const std::vector<Event>& events, Days day) {
  std::optional<Days> found;
  for (const Event& e : events)
    if (std::floor(e.at) > std::floor(day) && (!found || std::floor(e.at) < *found)) found = std::floor(e.at);
  return found;
}

Days step_from(Days day, int step_hours, int steps) {
  if (step_hours % 24 == 0) return end_of_day(std::floor(day) + steps * (step_hours / 24));
  const Days h = step_hours / 24.0;
  // The end of a day (23:59) counts as the next midnight, so steps stay on the hour.
  const Days n = (is_end_of_day(day) ? std::floor(day) + 1 : day) / h;
  return (steps > 0 ? std::floor(n + 1e-6) + steps : std::ceil(n - 1e-6) + steps) * h;
}

float slower(float v) { return std::max(kMinSpeed, v / 2); }
float faster(float v) { return std::min(kMaxSpeed, v * 2); }

Days advance(Playback& p, Days day, double dt_s) {
  if (!p.playing) return day;
  if (day < p.window.start || day >= p.window.end) return p.window.start;  // Play outside the loop range starts it
  Days next = day + dt_s * p.days_per_second;
  if (next < p.window.end) return next;
  if (p.loop) return p.window.start;
  p.playing = false;
  return end_of_day(p.window.end - 1);
}

}  // namespace chronoatlas::story
