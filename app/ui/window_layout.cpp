#include "ui/window_layout.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::ui {

float sidebar_max_width(const WindowSizes& w) { return std::round(w.width * kSidebarMaxShare); }

float sidebar_width(const WindowSizes& w, float sidebar_em, bool open) {
  if (!open) return std::round(w.em * 1.6f);
  const float max_w = sidebar_max_width(w), min_w = std::min(w.em * 12, max_w);
  return std::round(std::clamp(sidebar_em * w.em, min_w, max_w));
}

float axis_height(float em) { return std::round(em * 1.4f); }

float timeline_height(const WindowSizes& w) {
  // The event marks (and their counts) stand a font height above the axis.
  const float needed = 2 * w.padding + w.frame_height + w.padding / 2 + w.em + axis_height(w.em);
  return std::round(std::max(needed, std::min(w.em * 13, w.height * kTimelineMaxShare)));
}

WindowLayout lay_out_window(const WindowSizes& w, float sidebar_em, bool sidebar_open) {
  WindowLayout out;
  out.sidebar_width = sidebar_width(w, sidebar_em, sidebar_open);
  out.timeline_height = timeline_height(w);
  out.status_height = w.frame_height;
  out.map = {out.sidebar_width, 0, std::max(1.f, w.width - out.sidebar_width),
             std::max(1.f, w.height - out.status_height - out.timeline_height)};
  return out;
}

float map_ui_scale(float scale, float w_px, float h_px) {
  if (scale <= 1) return scale;
  return std::clamp(std::min(w_px, h_px) / 450, 1.f, scale);
}

std::vector<bool> items_on_row(const std::vector<ToolbarItem>& items, float available, float spacing, float more_width) {
  std::vector<bool> shown(items.size(), true);
  float total = 0;
  for (const ToolbarItem& i : items) total += i.width + spacing;
  if (total - spacing <= available) return shown;
  total += more_width;  // some go: the menu button takes its place
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // The lowest priority first, and of equal ones the rightmost, so the row keeps its reading order's start.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return items[a].priority != items[b].priority ? items[a].priority < items[b].priority : a > b;
  });
  for (size_t i : order) {
    if (total <= available) break;
    shown[i] = false;
    total -= items[i].width + spacing;
  }
  return shown;
}

}  // namespace chronoatlas::ui
