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
  if (px >= min_label_px) return day_ticks(a, 1);
  if (px * 7 >= min_label_px && px * 30.4 < min_label_px) return day_ticks(a, 7);
  for (int m : {1, 2, 3, 6, 12, 24, 60})
    if (px * 30.4 * m >= min_label_px) return month_ticks(a, m);
  return month_ticks(a, 120);
}

Window zoom_window(Window w, Days about, float wheel, Window limits, Days min_days) {
  double factor = std::pow(0.8, wheel);
  Window z{about - (about - w.start) * factor, about + (w.end - about) * factor};
  if (z.end - z.start < min_days) return w;
  return {std::max(limits.start, z.start), std::min(limits.end, z.end)};
}

std::optional<size_t> event_at(const TimeAxis& axis, const std::vector<Event>& events, float x, float half_width_px) {
  std::optional<size_t> best;
  float best_dx = half_width_px;
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].at < axis.start || events[i].at >= axis.end) continue;
    float dx = std::fabs(axis.x_of(events[i].at) - x);
    if (dx <= best_dx) best = i, best_dx = dx;
  }
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

Days advance(Playback& p, Days day, double dt_s) {
  if (!p.playing) return day;
  Days next = day + dt_s * p.days_per_second;
  if (next < p.window.end) return next;
  if (p.loop) return p.window.start;
  p.playing = false;
  return end_of_day(p.window.end - 1);
}

}  // namespace chronoatlas::story
