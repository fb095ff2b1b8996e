#include "render/map_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "base/job_pool.h"
#include "base/text.h"
#include "geo/label_point.h"
#include "geo/planar.h"
#include "geo/seam.h"
#include "render/density.h"
#include "render/geometry_cache.h"
#include "render/projected_cache.h"

namespace chronoatlas::render {
namespace {

// A label longer than this (an attribute holding a whole text) is cut with "…": a label names, it does not quote.
constexpr size_t kMaxLabelBytes = 120;

std::string nice_distance(double metres, double& rounded) {
  double p = std::pow(10.0, std::floor(std::log10(metres)));
  double m = metres / p;
  rounded = (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
  char buf[32];
  if (rounded >= 1000) std::snprintf(buf, sizeof buf, "%g km", rounded / 1000);
  else std::snprintf(buf, sizeof buf, "%g m", rounded);
  return buf;
}

// "40°N", "10°W"; the equator and the prime and antimeridians have no hemisphere.
std::string degree_label(double v, char pos, char neg) {
  char buf[24];
  if (std::fabs(v) < 1e-9 || std::fabs(v) == 180) std::snprintf(buf, sizeof buf, "%g°", std::fabs(v));
  else std::snprintf(buf, sizeof buf, "%g°%c", std::fabs(v), v < 0 ? neg : pos);
  return buf;
}

// Frame sources of the graticules: far above any atlas layer id (those count up from 1).
constexpr uint64_t kGraticuleSources = uint64_t{1} << 62;

// The graticule's one style: thin grey-blue lines.
const std::shared_ptr<const std::vector<model::FeatureStyle>>& graticule_style() {
  static const auto style = std::make_shared<const std::vector<model::FeatureStyle>>(
      std::vector<model::FeatureStyle>{{{0, 0, 0, 0}, {0.35f, 0.45f, 0.55f, 0.35f}, 0, 0}});
  return style;
}

// The coarsest level of detail whose simplification stays within a pixel.
size_t level_for(const LayerGeometry& geometry, double deg_per_px) {
  size_t best = 0;
  for (size_t i = 0; i < geometry.levels.size(); ++i)
    if (geometry.levels[i].tolerance_deg <= deg_per_px) best = i;
  return best;
}

// Second label points for features whose own lies outside the middle of the scenario's default view (so the point
// stays on screen in a window smaller than the view too).
std::vector<LonLat> focus_anchors(const geo::VectorLayer& data, const LayerGeometry& geometry,
                                  const BoundsLonLat& view) {
  const double dx = (view.east - view.west) * 0.2, dy = (view.north - view.south) * 0.2;
  BoundsLonLat focus;
  focus.extend(LonLat{view.west + dx, view.south + dy});
  focus.extend(LonLat{view.east - dx, view.north - dy});
  std::vector<LonLat> out(data.features.size(), LonLat{NAN, NAN});
  for (size_t i = 0; i < data.features.size(); ++i) {
    LonLat a = geometry.label_anchor[i];
    bool outside = a.lon < focus.west || a.lon > focus.east || a.lat < focus.south || a.lat > focus.north;
    if (!outside || data.features[i].polygons.empty()) continue;
    if (auto inside = geo::label_point_within(*geo::largest_polygon(data.features[i].polygons), focus)) out[i] = *inside;
  }
  return out;
}

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
  for (const geo::Feature& f : l.data.features) areas |= !f.polygons.empty(), lines |= !f.lines.empty();
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

// The layer's legend rows: one, or with colours by value, one per value ("event_type: Battles") and "other".
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

// The event the date has reached: the last one on the day shown, up to the moment shown.
std::optional<Caption> caption_for(const std::vector<story::Event>& events, story::Days day) {
  const story::Event* last = nullptr;
  int same_day = 0;
  for (const story::Event& e : events)
    if (std::floor(e.at) == std::floor(day) && e.at <= day) last = &e, ++same_day;
  if (!last) return std::nullopt;
  Caption c;
  c.title = story::format_date_short(last->at) + " · " + last->title;
  if (same_day > 1) c.title += "  (+" + std::to_string(same_day - 1) + " more that day)";
  c.line = last->detail.substr(0, last->detail.find(". ") == std::string::npos ? std::string::npos
                                                                              : last->detail.find(". ") + 1);
  return c;
}

bool overlaps(const BoundsXY& b, const BoundsXY& seen) {
  return !b.empty() && b.min_x <= seen.max_x && b.max_x >= seen.min_x && b.min_y <= seen.max_y && b.max_y >= seen.min_y;
}

// The projected rectangle VIEW shows.
BoundsXY visible_area(const View& view) {
  BoundsXY seen;
  seen.extend(view.to_world({0, 0}));
  seen.extend(view.to_world({static_cast<double>(view.width_px), static_cast<double>(view.height_px)}));
  return seen;
}

// The points of L's features live on DAY counted in hexagons over VIEW.
HexGrid live_hexagons(const model::AtlasLayer& l, const PreparedLayer& p, const View& view, story::Days day) {
  HexCounter counter(hex_radius(view), visible_area(view));
  model::for_each_live(l, day, [&](size_t i) {
    if (!l.data.features[i].points.empty()) counter.add(p.anchors[i]);
  });
  return counter.grid();
}

std::vector<DensityCell> density_cells(const HexGrid& grid, const View& view) {
  std::vector<DensityCell> cells;
  cells.reserve(grid.cells.size());
  const auto radius_px = static_cast<float>(grid.radius / view.units_per_px);
  for (const HexCount& h : grid.cells)
    cells.push_back({view.to_pixel(h.centre), radius_px, density_classes()[density_class(h.count)].colour});
  return cells;
}

// A row per class up to the highest on the map, the first naming the layer and the cells' size on the ground.
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

}  // namespace

namespace {

// What preparing a layer depends on besides the layer, copied so that workers never read the scene.
struct Preparation {
  double seam = NAN;
  BoundsLonLat view;          // the scenario's
  story::Days origin = 0;     // GPU times count from here
  std::shared_ptr<const DiskCache> cache;  // shared: a background job may outlive the scene
};

std::unique_ptr<PreparedLayer> prepare_layer(const model::AtlasLayer& layer, const Preparation& how,
                                             std::vector<std::string>& warnings) {
  auto p = std::make_unique<PreparedLayer>();
  p->atlas_id = layer.id;
  p->geometry = cached_layer_geometry(layer.data, how.seam, how.cache.get(), warnings);
  p->focus_anchor = focus_anchors(layer.data, p->geometry, how.view);
  return p;
}

bool needs_recut(const PreparedLayer& p, const model::AtlasLayer& l, double s) {
  bool same = (std::isnan(s) && std::isnan(p.geometry.seam_deg)) || s == p.geometry.seam_deg;
  if (same) return false;
  if (p.geometry.cut) return true;  // cut at another seam: undo that
  // Data reaching ±180 may hold features that cross the antimeridian.
  const BoundsLonLat& e = l.data.extent;
  return (e.west < s && s < e.east) || e.west <= -179.99 || e.east >= 179.99;
}

void project(PreparedLayer& p, const model::AtlasLayer& l, const geo::Projection& projection, const Preparation& how,
             std::vector<std::string>& warnings) {
  if (needs_recut(p, l, how.seam)) p.geometry = cached_layer_geometry(l.data, how.seam, how.cache.get(), warnings);
  auto projected = std::make_shared<ProjectedLayer>(
      cached_projection(p.geometry, projection, l.times, how.origin, how.cache.get(), warnings));
  p.time_revision = l.time_revision;
  p.projected_for = projection.definition();
  p.projected_origin = how.origin;
  p.anchors = projected->label_anchors;
  p.bounds = projected->bounds;
  p.index = std::make_shared<const FeatureIndex>(*projected);
  p.projected = std::move(projected);
  p.focus_anchors.assign(p.focus_anchor.size(), XY{NAN, NAN});
  for (size_t i = 0; i < p.focus_anchor.size(); ++i)
    if (std::isfinite(p.focus_anchor[i].lon)) projection.forward(p.focus_anchor[i], p.focus_anchors[i]);
}

// True when P's projected vertices are not for PROJECTION and the current origin and times of L.
bool needs_projection(const PreparedLayer& p, const model::AtlasLayer& l, const geo::Projection& projection,
                      story::Days origin) {
  return p.projected_for != projection.definition() || p.time_revision != l.time_revision ||
         (!l.times.empty() && p.projected_origin != origin);
}

}  // namespace

MapScene::MapScene(const model::Atlas& atlas) : atlas_(atlas) {
  BoundsLonLat wide = atlas_.scenario().view;
  wide.extend(LonLat{std::max(-180.0, wide.west - 40), std::max(-85.0, wide.south - 25)});
  wide.extend(LonLat{std::min(180.0, wide.east + 40), std::min(85.0, wide.north + 20)});
  for (double step : {10.0, 5.0, 1.0}) {
    auto g = std::make_unique<Graticule>();
    g->source = kGraticuleSources + graticules_.size();
    g->step_deg = step;
    g->geometry = build_graticule(wide, step);
    graticules_.push_back(std::move(g));
  }
  // Layers are independent: tessellate them on all cores (each one's levels are parallel too).
  const std::vector<model::AtlasLayer>& layers = atlas_.layers();
  std::vector<std::vector<std::string>> notes(layers.size());
  std::vector<Job<std::unique_ptr<PreparedLayer>>> jobs;
  const Preparation how{seam(), atlas_.scenario().view, atlas_.scenario().origin, atlas_.cache_handle()};
  for (size_t i = 0; i < layers.size(); ++i)
    jobs.push_back(start_job(Priority::Interactive, [&layers, &notes, &how, i] { return prepare_layer(layers[i], how, notes[i]); }));
  for (size_t i = 0; i < layers.size(); ++i) {
    prepared_.push_back(std::move(*jobs[i].get()));
    warnings_.insert(warnings_.end(), notes[i].begin(), notes[i].end());
  }
  prepared_revision_ = atlas_.revision();
}

double MapScene::seam() const {
  // Geographic targets wrap at ±180 already; so do cylindrical ones centred on 0 (Natural Earth is split there).
  return projection_ ? geo::seam_of(projection_->central_meridian()) : NAN;
}

void MapScene::project_graticule(Graticule& g) const {
  g.projected = std::make_shared<ProjectedLayer>(project_layer(g.geometry, *projection_, {}, atlas_.scenario().origin));
  g.lines.clear();
  const Shapes& lines = g.geometry.levels.front();
  for (size_t l = 0; l + 1 < lines.line_starts.size(); ++l) {
    std::vector<XY> line;
    for (uint32_t i = lines.line_starts[l]; i < lines.line_starts[l + 1]; ++i) {
      XY p{NAN, NAN};
      projection_->forward(lines.line_points[i], p);
      line.push_back(p);
    }
    g.lines.push_back(std::move(line));
  }
}

bool MapScene::is_loading(uint64_t atlas_id) const {
  return std::any_of(loading_.begin(), loading_.end(), [&](const Loading& l) { return l.atlas_id == atlas_id; });
}

bool MapScene::install_loaded() {
  bool arrived = false;
  for (auto it = loading_.begin(); it != loading_.end();) {
    if (!it->result.ready()) {
      ++it;
      continue;
    }
    prepared_.push_back(std::move(*it->result.get()));  // matched to its layer by id in prepare(); dropped if the layer went
    warnings_.insert(warnings_.end(), it->warnings->begin(), it->warnings->end());
    it = loading_.erase(it);
    arrived = true;
  }
  return arrived;
}

void MapScene::prepare(const geo::Projection& projection, bool in_background) {
  const bool arrived = install_loaded();
  const bool new_projection = !projection_ || projection_->definition() != projection.definition();
  if (!new_projection && prepared_revision_ == atlas_.revision() && !arrived) return;
  ++generation_;
  if (new_projection) {
    projection_ = projection;
    for (auto& g : graticules_) project_graticule(*g);
  }
  // New layers are tessellated and changed ones projected on all cores, each worker with its own copy of the
  // projection (PROJ objects are not shared between threads) and of what else it reads.
  const Preparation how{seam(), atlas_.scenario().view, atlas_.scenario().origin, atlas_.cache_handle()};
  const std::vector<model::AtlasLayer>& layers = atlas_.layers();
  std::vector<std::unique_ptr<PreparedLayer>> next(layers.size());
  std::vector<std::vector<std::string>> notes(layers.size());
  std::vector<Job<bool>> jobs;
  for (size_t i = 0; i < layers.size(); ++i) {
    const model::AtlasLayer& l = layers[i];
    auto it = std::find_if(prepared_.begin(), prepared_.end(), [&](const auto& p) { return p && p->atlas_id == l.id; });
    const bool fresh = it == prepared_.end();
    if (fresh && in_background) {
      if (!is_loading(l.id)) {
        auto sink = std::make_shared<std::vector<std::string>>();
        loading_.push_back({l.id, start_job(Priority::Interactive, [copy = l, how, sink, own = projection.copy()] {
                              auto p = prepare_layer(copy, how, *sink);
                              project(*p, copy, own, how, *sink);
                              return p;
                            }), sink});
      }
      continue;  // not drawn until it arrives
    }
    if (!fresh) next[i] = std::move(*it);
    if (!fresh && !needs_projection(*next[i], l, projection, how.origin)) continue;
    jobs.push_back(start_job(Priority::Interactive, [&l, &slot = next[i], &sink = notes[i], fresh, &how,
                                                     own = projection.copy()] {
      if (fresh) slot = prepare_layer(l, how, sink);
      project(*slot, l, own, how, sink);
      return true;
    }));
  }
  for (auto& job : jobs) job.get();
  for (const auto& n : notes) warnings_.insert(warnings_.end(), n.begin(), n.end());
  prepared_ = std::move(next);
  prepared_revision_ = atlas_.revision();
}

void MapScene::style(story::Days day) {
  for (size_t i = 0; i < prepared_.size(); ++i) {
    if (!prepared_[i]) continue;  // still being prepared in the background
    PreparedLayer& p = *prepared_[i];
    const model::AtlasLayer& l = atlas_.layers()[i];
    const bool fixed = !model::styles_vary_by_day(l);
    const bool stale = !p.styles || p.styled_revision != l.style_revision || (!fixed && p.styled_day != day);
    if (!stale) continue;
    p.styles = std::make_shared<const std::vector<model::FeatureStyle>>(model::evaluate_styles(l, day));
    p.styled_revision = l.style_revision;
    p.styled_day = day;
    if (fixed) ++generation_;
  }
}

Frame MapScene::frame(const MapView& view, story::Days day, const FurnitureOptions& options) {
  prepare(view.projection());
  style(day);
  return describe(view, day, options);
}

MapView MapScene::default_view(const geo::Projection& projection, int width_px, int height_px, float ui_scale) const {
  MapView v(projection, width_px, height_px, ui_scale);
  v.fit(atlas_.scenario().view);
  return v;
}

const PreparedLayer* MapScene::prepared(size_t index) const {
  if (index >= prepared_.size() || index >= atlas_.layers().size()) return nullptr;
  const PreparedLayer* p = prepared_[index].get();
  return p && p->atlas_id == atlas_.layers()[index].id ? p : nullptr;
}

const MapScene::Graticule& MapScene::pick_graticule(double deg_per_px) const {
  // The finest grid whose lines stay at least 90 pixels apart.
  const Graticule* g = graticules_.front().get();
  for (const auto& cand : graticules_)
    if (cand->step_deg / std::max(deg_per_px, 1e-9) >= 90) g = cand.get();
  return *g;
}

std::vector<Label> MapScene::graticule_labels(const View& view, const Graticule& g, double bottom_px) const {
  std::vector<Label> out;
  TextStyle st{10.5f * view.ui_scale, false, {0.25f, 0.32f, 0.40f, 1}, {1, 1, 1, 0.7f}};
  const Shapes& lines = g.geometry.levels.front();
  for (size_t l = 0; l < g.lines.size(); ++l) {
    LonLat first = lines.line_points[lines.line_starts[l]];
    LonLat last = lines.line_points[lines.line_starts[l + 1] - 1];
    bool meridian = first.lon == last.lon;
    // Meridians are labelled where they cross the bottom edge, parallels where they cross the left edge.
    const std::vector<XY>& line = g.lines[l];
    for (size_t i = 0; i + 1 < line.size(); ++i) {
      XY a = view.to_pixel(line[i]), b = view.to_pixel(line[i + 1]);
      double edge = meridian ? bottom_px - 4.0 * view.ui_scale : 4.0 * view.ui_scale;
      double av = meridian ? a.y : a.x, bv = meridian ? b.y : b.x;
      if (!std::isfinite(av) || !std::isfinite(bv) || (av - edge) * (bv - edge) > 0 || av == bv) continue;
      double f = (edge - av) / (bv - av);
      double cross = meridian ? a.x + (b.x - a.x) * f : a.y + (b.y - a.y) * f;
      Label lab;
      lab.style = st;
      lab.text = meridian ? degree_label(first.lon, 'E', 'W') : degree_label(first.lat, 'N', 'S');
      if (meridian) {
        if (cross < 30 * view.ui_scale || cross > view.width_px - 30 * view.ui_scale) break;
        lab.world = {cross + 3 * view.ui_scale, bottom_px - 6.0 * view.ui_scale};
      } else {
        if (cross < 60 * view.ui_scale || cross > view.height_px - 60 * view.ui_scale) break;
        lab.world = {6.0 * view.ui_scale, cross - 3 * view.ui_scale};
      }
      out.push_back(lab);
      break;
    }
  }
  return out;
}

bool MapScene::animating(const MapView& map_view, story::Days day) const {
  if (!projection_ || projection_->definition() != map_view.projection().definition()) return false;
  const BoundsXY seen = visible_area(map_view.pixels());
  const double scale = map_view.metres_per_px() * map_view.ui_scale();
  for (size_t li = 0; li < atlas_.layers().size(); ++li) {
    const PreparedLayer* p = prepared(li);
    if (p && atlas_.layers()[li].spec.drawn_at(scale) && overlaps(p->bounds, seen) && atlas_.animates(li, day))
      return true;
  }
  return false;
}

void MapScene::add_scale_bar(const MapView& view, double metres_per_px, Furniture& f) const {
  const View& v = view.pixels();
  LonLat a;
  if (!(metres_per_px > 0) || !view.centre(a)) return;
  double rounded = 0;
  f.scale_bar_label = nice_distance(metres_per_px * 140 * v.ui_scale, rounded);
  f.scale_bar_px = static_cast<float>(rounded / metres_per_px);
  f.scale_bar_label += " (at the map centre)";
  LonLat north{a.lon, std::min(89.9, a.lat + 0.1)};
  XY n;
  if (view.projection().forward(north, n)) {
    XY pc = v.to_pixel(v.centre), pn = v.to_pixel(n);
    f.north_arrow_deg = static_cast<float>(std::atan2(pn.x - pc.x, pc.y - pn.y) * 180 / M_PI);
  }
}

void MapScene::add_credits_and_time(const std::vector<size_t>& drawn, story::Days day, const FurnitureOptions& options,
                                    Furniture& f) const {
  const story::Scenario& scenario = atlas_.scenario();
  if (options.date) {
    f.date = story::format_moment(day);
    const std::string zone = scenario.time_zone.empty() ? "local time" : "local time (" + scenario.time_zone + ")";
    f.date_note = story::is_end_of_day(day) ? "state at the end of the day, " + zone : zone;
  }
  if (!options.attribution) return;
  std::vector<std::string> credits;
  for (size_t li : drawn) {
    const std::string& a = atlas_.layers()[li].spec.attribution;
    if (!a.empty() && std::find(credits.begin(), credits.end(), a) == credits.end()) credits.push_back(a);
  }
  if (credits.empty()) f.attribution = scenario.attribution;
  for (const std::string& c : credits) f.attribution += (f.attribution.empty() ? "" : " · ") + c;
}

float MapScene::feature_size_px(LonLat anchor, double area_deg2, const View& view) const {
  // The side of a square of the feature's area, measured along the parallel through its label point.
  LonLat east{anchor.lon + std::sqrt(area_deg2), anchor.lat};
  XY a, b;
  if (!projection_->forward(anchor, a) || !projection_->forward(east, b)) return 0;
  return static_cast<float>(std::hypot(b.x - a.x, b.y - a.y) / view.units_per_px);
}

namespace {

// Pixels beyond its symbol within which a point's label is placed, or another label may be pushed away from it.
constexpr float kLabelReachPx = 250;

// True when P lies more than REACH pixels outside VIEW: its symbol can neither be named nor crowd a name on the map.
bool far_off(const View& view, XY p, float reach) {
  const XY px = view.to_pixel(p);
  return px.x < -reach || px.y < -reach || px.x > view.width_px + reach || px.y > view.height_px + reach;
}

}  // namespace

void MapScene::add_layer_labels(const model::AtlasLayer& l, const PreparedLayer& p, size_t layer_index,
                                const MapView& map_view, story::Days day, Frame& frame) const {
  const View& view = map_view.pixels();
  const story::LayerStyle& st = l.spec.style;
  const int field = st.label_field.empty() ? -1 : l.data.field_index(st.label_field);
  const int rank_field = st.label_rank_field.empty() ? -1 : l.data.field_index(st.label_rank_field);
  const bool points = l.data.has_points();
  if (field < 0 && !points) return;
  // Symbols sized by a series on this date: labels sit beside the symbol's current size.
  const model::StyleEvaluator look(l, day);
  model::for_each_live(l, day, [&](size_t i) {
    const float radius_px = points ? look(i).radius_px : 0;
    const bool symbol = points && l.data.features[i].points.size() == 1 && radius_px > 0;
    if (symbol && far_off(view, p.anchors[i], (radius_px + kLabelReachPx) * view.ui_scale)) return;
    if (symbol) frame.symbols.push_back({p.anchors[i], radius_px * view.ui_scale, static_cast<int>(layer_index)});
    if (field < 0) return;
    std::string text = model::series_label_of(l, i, day);
    if (text.empty()) text = l.data.features[i].values[field];
    if (text.empty() || p.geometry.label_rank[i] < 0) return;
    Label lab;
    lab.world = p.anchors[i];
    lab.alternate = p.focus_anchors[i];
    lab.text = clipped(text, kMaxLabelBytes);
    // Upper layers win, then larger areas (or, by the layer's choice, larger figures such as populations).
    const double within = rank_field >= 0 ? 1000 * std::log10(1 + std::max(0.0, std::atof(l.data.features[i].values[rank_field].c_str())))
                                          : p.geometry.label_rank[i];
    lab.rank = static_cast<double>(layer_index) * 1e4 + std::min(within, 9999.0);
    lab.tie = i;
    lab.layer = l.spec.title;
    lab.style = {st.label_size_px * view.ui_scale, st.label_bold, st.label_colour, {1, 1, 1, 0.85f}};
    lab.offset_px = p.geometry.label_rank[i] == 0 ? (radius_px + 4) * view.ui_scale : 0;
    if (symbol) lab.symbol = static_cast<int>(frame.symbols.size() - 1);
    if (lab.offset_px == 0) {
      float size = feature_size_px(p.geometry.label_anchor[i], p.geometry.label_rank[i], view);
      lab.min_width_px = 1.3f * size;
      // Larger areas get larger names, up to 1.8 times the layer's size.
      lab.style.size_px *= std::clamp(std::sqrt(size / 250.0f), 1.0f, 1.8f);
    }
    frame.labels.push_back(std::move(lab));
  });
}

Frame MapScene::describe(const MapView& map_view, story::Days day, const FurnitureOptions& options) const {
  const View& view = map_view.pixels();
  const story::Scenario& scenario = atlas_.scenario();
  Frame fr;
  fr.generation = generation_;
  fr.view = view;
  fr.day = static_cast<float>(day - scenario.origin);
  if (options.transparent) fr.background = {0, 0, 0, 0};
  if (!projection_ || projection_->definition() != map_view.projection().definition()) return fr;
  for (const auto& g : graticules_) fr.resident.push_back(g->source);
  for (const auto& p : prepared_)
    if (p) fr.resident.push_back(p->atlas_id);
  const double deg_per_px = map_view.degrees_per_px();
  if (options.graticule) {
    const Graticule& g = pick_graticule(deg_per_px);
    LayerDraw lines;
    lines.source = g.source;
    lines.geometry = g.projected;
    lines.styles = graticule_style();
    lines.stroke_width_px = 0.8f;
    lines.fill = lines.points = false;
    lines.cacheable = true;
    fr.layers.push_back(std::move(lines));
    double bottom = view.height_px - (options.attribution ? attribution_band_px(view.ui_scale) : 0);
    fr.fixed_labels = graticule_labels(view, g, bottom);
  }
  const BoundsXY seen = visible_area(view);
  std::vector<size_t> drawn;  // layers with something on the map: they get a legend row and their credits
  std::map<size_t, HexGrid> densities;  // layers shown as counts in hexagons
  const double metres_per_px = map_view.metres_per_px();  // a geodesic measurement: once a frame
  const double scale = metres_per_px * view.ui_scale;
  for (size_t li = 0; li < atlas_.layers().size(); ++li) {
    const model::AtlasLayer& l = atlas_.layers()[li];
    const PreparedLayer* p = prepared(li);
    const story::LayerStyle& st = l.spec.style;
    if (!st.visible || !p || !l.spec.drawn_at(scale)) continue;
    const bool density = st.density && l.data.has_points();
    if (overlaps(p->bounds, seen)) {
      LayerDraw d;
      d.source = p->atlas_id;
      d.geometry = p->projected;
      d.styles = p->styles;
      d.opacity = st.opacity;
      d.stroke_width_px = st.stroke_width_px;
      d.fill = st.fill.a > 0 || !st.fill_by_field.empty();
      d.stroke = st.stroke_width_px > 0;
      d.level = level_for(p->geometry, deg_per_px);
      d.cacheable = model::is_static(l);
      d.fade_days = l.spec.time.any() ? static_cast<float>(l.spec.time.fade_days) : 0.0f;
      if (density) {
        // Cells in image pixels of this frame: never kept in the screen's cache, which is drawn for a wider view.
        d.points = d.cacheable = false;
        d.cells = density_cells(densities[li] = live_hexagons(l, *p, view, day), view);
      }
      fr.layers.push_back(std::move(d));
      if (model::any_live(l, day)) drawn.push_back(li);
    }
    if (!density) add_layer_labels(l, *p, li, map_view, day, fr);
  }
  Furniture& f = fr.furniture;
  if (options.legend)
    for (auto it = drawn.rbegin(); it != drawn.rend(); ++it)
      if (atlas_.layers()[*it].spec.legend)
        for (LegendEntry& e : densities.count(*it) ? density_legend(atlas_.layers()[*it], densities[*it], view, metres_per_px)
                                                   : legend_entries(atlas_.layers()[*it]))
          f.legend.push_back(std::move(e));
  if (options.title) f.title = options.title_override.empty() ? scenario.title : options.title_override;
  add_credits_and_time(drawn, day, options, f);
  if (options.caption) f.caption = caption_for(scenario.events, day);
  if (options.scale_bar || options.north_arrow) add_scale_bar(map_view, metres_per_px, f);
  if (!options.scale_bar) f.scale_bar_px = 0;
  f.show_north_arrow = options.north_arrow && std::fabs(f.north_arrow_deg) > 0.5;
  return fr;
}

Result<geo::Projection> scenario_projection(const story::Scenario& s) {
  if (!s.projection.empty()) return geo::Projection::create(s.projection);
  return geo::Projection::create(geo::default_projection(s.view).definition);
}

}  // namespace chronoatlas::render
