#include "render/furniture_content.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::render {
namespace {

// "1,000 arrivals", "100 troops": up to three figures a decade apart below the series' largest, at the radius the
// map gives them, leaving out those too small to read.
std::vector<SizeKey> size_keys(const story::Series& series) {
  double largest = 0;
  for (const story::Sample& smp : series.samples)
    if (std::isfinite(smp.value)) largest = std::max(largest, smp.value);
  std::vector<SizeKey> keys;
  if (largest <= 0 || series.radius_px_per_sqrt <= 0) return keys;
  for (double v = std::pow(10.0, std::floor(std::log10(largest))); v >= 1 && keys.size() < 3; v /= 10) {
    const float r = static_cast<float>(series.radius_px_per_sqrt * std::sqrt(v));
    if (r < 3) break;
    keys.push_back({story::format_count(v) + (series.unit.empty() ? "" : " " + series.unit), r});
  }
  return keys;
}

// "fatalities: 10", "fatalities: 1": up to three values a decade apart below the largest, at the radius the map gives them.
std::vector<SizeKey> field_size_keys(const story::LayerStyle& st) {
  std::vector<SizeKey> keys;
  if (st.size_by_field.empty() || st.size_max <= 0) return keys;
  for (double v = std::pow(10.0, std::floor(std::log10(st.size_max))); v >= 1 && keys.size() < 3; v /= 10) {
    const float r = static_cast<float>(st.size_max_px * std::sqrt(v / st.size_max));
    if (r < 3) break;
    keys.push_back({st.size_by_field + ": " + story::format_count(v), r});
  }
  return keys;
}

LegendEntry legend_entry(const model::AtlasLayer& l) {
  const story::LayerStyle& st = l.spec.style;
  LegendEntry e;
  e.text = l.spec.title;
  // The fade is part of what the map says: the reader must know that faint means older, not smaller or uncertain.
  if (l.spec.time.any() && l.spec.time.fade_days > 0)
    e.text += " (newest brightest, fading over " + story::format_count(l.spec.time.fade_days) + " days)";
  bool areas = false, lines = false;
  for (const geo::Feature& f : l.data->features) areas |= !f.polygons.empty(), lines |= !f.lines.empty();
  e.kind = areas ? SwatchKind::Area : lines ? SwatchKind::Line : SwatchKind::Point;
  e.fill = st.fill;
  e.stroke = st.stroke;
  e.opacity = st.opacity;
  e.stroke_width_px = st.stroke_width_px;
  e.radius_px = st.point_radius_px;
  for (const story::Series& series : l.spec.series)
    for (SizeKey& k : size_keys(series)) e.sizes.push_back(std::move(k));
  for (SizeKey& k : field_size_keys(st)) e.sizes.push_back(std::move(k));
  return e;
}

}  // namespace

std::vector<LegendEntry> legend_entries(const model::AtlasLayer& l) {
  LegendEntry base = legend_entry(l);
  const story::LayerStyle& st = l.spec.style;
  if (!st.legend_by_value || st.fill_by_value.empty()) return {base};
  std::vector<LegendEntry> out;
  for (const auto& [value, colour] : st.fill_by_value) {
    LegendEntry e = base;
    e.text = l.spec.title + ": " + (value.empty() ? "(empty)" : value);
    e.fill = colour;
    if (auto it = st.stroke_by_value.find(value); it != st.stroke_by_value.end()) e.stroke = it->second;
    e.sizes.clear();
    out.push_back(std::move(e));
  }
  base.text = l.spec.title + ": other";
  out.push_back(std::move(base));  // the size key, if any, goes with the last row
  return out;
}

std::optional<Caption> caption_for(const story::Scenario& scenario, story::Days day) {
  const story::Event* last = nullptr;
  int same_day = 0;
  for (const story::Event& e : scenario.events)
    if (std::floor(e.at) == std::floor(day) && e.at <= day) last = &e, ++same_day;
  if (!last) return std::nullopt;
  Caption c;
  // The time at the source's precision: its words ("evening"), never a clock time it did not give.
  c.title = story::format_date_short(last->at) + (last->time_text.empty() ? "" : ", " + last->time_text) + " · " +
            last->title;
  if (same_day > 1) c.title += "  (+" + std::to_string(same_day - 1) + " more that day)";
  c.line = last->detail.substr(0, last->detail.find(". ") == std::string::npos ? std::string::npos
                                                                              : last->detail.find(". ") + 1);
  // Words said that day outrank the detail: the last quote of the day, whole, with who said it and who reported it.
  for (const story::Quote& q : scenario.quotes)
    if (q.at && std::floor(*q.at) == std::floor(last->at)) c.line = story::format_quote(q);
  return c;
}

std::vector<LegendEntry> density_legend(const model::AtlasLayer& l, const HexGrid& grid, const View& view,
                                       double metres_per_px) {
  size_t top = 0;
  for (const HexCount& h : grid.cells) top = std::max(top, density_class(h.count));
  const double across_km = std::sqrt(3.0) * grid.radius / view.units_per_px * metres_per_px / 1000;
  std::vector<LegendEntry> rows;
  for (size_t c = 0; c <= top && !grid.cells.empty(); ++c) {
    const DensityClass& k = density_classes()[c];
    LegendEntry e;
    e.text = density_class_text(k);
    if (c == 0)
      e.text = l.spec.title + " per hexagon" +
               (across_km > 0 ? " (about " + story::format_count(across_km) + " km across)" : "") + ": " + e.text;
    e.kind = SwatchKind::Area;
    e.fill = e.stroke = k.colour;
    e.stroke_width_px = 0;
    rows.push_back(std::move(e));
  }
  return rows;
}

void add_scale_bar(const MapView& view, double metres_per_px, Furniture& f) {
  const View& v = view.pixels();
  LonLat a;
  if (!(metres_per_px > 0) || !view.centre(a)) return;
  f.scale_bar_metres_per_px = metres_per_px;
  LonLat north{a.lon, std::min(89.9, a.lat + 0.1)};
  XY n;
  if (view.projection().forward(north, n)) {
    XY pc = v.to_pixel(v.centre), pn = v.to_pixel(n);
    f.north_arrow_deg = static_cast<float>(std::atan2(pn.x - pc.x, pc.y - pn.y) * 180 / M_PI);
  }
}

void add_credits_and_time(const model::Atlas& atlas, const std::vector<size_t>& drawn, story::Days day,
                          const FurnitureOptions& options, Furniture& f) {
  const story::Scenario& scenario = atlas.scenario();
  if (options.date) {
    f.date = story::format_moment(day);
    const std::string zone = scenario.time_zone.empty() ? "local time" : "local time (" + scenario.time_zone + ")";
    f.date_note = story::is_end_of_day(day) ? "state at the end of the day, " + zone : zone;
  }
  if (!options.attribution) return;
  std::vector<std::string> credits;
  for (size_t li : drawn) {
    const std::string& a = atlas.layers()[li].spec.attribution;
    if (!a.empty() && std::find(credits.begin(), credits.end(), a) == credits.end()) credits.push_back(a);
  }
  if (credits.empty()) f.attribution = scenario.attribution;
  for (const std::string& c : credits) f.attribution += (f.attribution.empty() ? "" : " · ") + c;
}

}  // namespace chronoatlas::render
