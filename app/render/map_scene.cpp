#include "render/map_scene.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/job_pool.h"
#include "geo/label_point.h"
#include "geo/planar.h"
#include "geo/seam.h"
#include "render/density.h"
#include "render/layer_labels.h"
#include "render/geometry_cache.h"
#include "render/projected_cache.h"
#include "render/uncovered_anchors.h"

namespace chronoatlas::render {
namespace {

// Frame sources of the graticules: far above any atlas layer id (those count up from 1).
constexpr uint64_t kGraticuleSources = uint64_t{1} << 62;

// The coarsest level of detail whose simplification stays within a pixel.
size_t level_for(const LayerGeometry& geometry, double deg_per_px) {
  size_t best = 0;
  for (size_t i = 0; i < geometry.levels.size(); ++i)
    if (geometry.levels[i].tolerance_deg <= deg_per_px) best = i;
  return best;
}

// Second label points for features whose own lies outside the middle of the scenario's default view (so the point
// stays on screen in a window smaller than the view too).
// The middle of VIEW, where a second label point is looked for.
BoundsLonLat focus_box(const BoundsLonLat& view) {
  const double dx = (view.east - view.west) * 0.2, dy = (view.north - view.south) * 0.2;
  BoundsLonLat focus;
  focus.extend(LonLat{view.west + dx, view.south + dy});
  focus.extend(LonLat{view.east - dx, view.north - dy});
  return focus;
}

std::vector<LonLat> focus_anchors(const geo::VectorLayer& data, const LayerGeometry& geometry,
                                  const BoundsLonLat& view) {
  const BoundsLonLat focus = focus_box(view);
  std::vector<LonLat> out(data.features.size(), LonLat{NAN, NAN});
  for (size_t i = 0; i < data.features.size(); ++i) {
    LonLat a = geometry.label_anchor[i];
    bool outside = a.lon < focus.west || a.lon > focus.east || a.lat < focus.south || a.lat > focus.north;
    if (!outside || data.features[i].polygons.empty()) continue;
    if (auto inside = geo::label_point_within(*geo::largest_polygon(data.features[i].polygons), focus)) out[i] = *inside;
  }
  return out;
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
    if (!l.data->features[i].points.empty()) counter.add(p.anchors[i]);
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

}  // namespace

namespace {

// What preparing a layer depends on besides the layer, copied so that workers never read the scene.
struct Preparation {
  double seam = NAN;
  BoundsLonLat view;          // the scenario's
  story::Days origin = 0;     // GPU times count from here
  std::shared_ptr<const DiskCache> cache;  // shared: a background job may outlive the scene
};

// A file's layer is one slot of the cache; a layer without a file (a story's own, a database's) is named by content.
std::string cache_slot(const model::AtlasLayer& layer) {
  return layer.spec.source.empty() ? std::string() : layer.spec.source + "|" + layer.data->name;
}

std::unique_ptr<PreparedLayer> prepare_layer(const model::AtlasLayer& layer, const Preparation& how,
                                             std::vector<std::string>& warnings) {
  auto p = std::make_unique<PreparedLayer>();
  p->atlas_id = layer.id;
  p->geometry = cached_layer_geometry(*layer.data, cache_slot(layer), how.seam, how.cache.get(), warnings);
  p->focus_anchor = focus_anchors(*layer.data, p->geometry, how.view);
  return p;
}

bool needs_recut(const PreparedLayer& p, const model::AtlasLayer& l, double s) {
  bool same = (std::isnan(s) && std::isnan(p.geometry.seam_deg)) || s == p.geometry.seam_deg;
  if (same) return false;
  if (p.geometry.cut) return true;  // cut at another seam: undo that
  // Data reaching ±180 may hold features that cross the antimeridian.
  const BoundsLonLat& e = l.data->extent;
  return (e.west < s && s < e.east) || e.west <= -179.99 || e.east >= 179.99;
}

void project(PreparedLayer& p, const model::AtlasLayer& l, const geo::Projection& projection, const Preparation& how,
             std::vector<std::string>& warnings) {
  if (needs_recut(p, l, how.seam)) p.geometry = cached_layer_geometry(*l.data, cache_slot(l), how.seam, how.cache.get(), warnings);
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
    for (auto& g : graticules_) project_graticule(*g, *projection_, atlas_.scenario().origin);
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
  uncover_anchors();
}

void MapScene::uncover_anchors() {
  const std::vector<model::AtlasLayer>& layers = atlas_.layers();
  for (size_t i = 0; i < prepared_.size(); ++i) {
    PreparedLayer* p = prepared_[i].get();
    if (!p || !p->projected) continue;
    std::vector<const model::AtlasLayer*> upper;
    for (size_t j = i + 1; j < layers.size(); ++j) upper.push_back(&layers[j]);
    const std::vector<LonLat> moved = uncovered_anchors(layers[i], p->geometry.label_anchor, upper);
    for (size_t f = 0; f < moved.size() && f < p->anchors.size(); ++f)
      if (std::isfinite(moved[f].lon)) projection_->forward(moved[f], p->anchors[f]);
    const BoundsLonLat focus = focus_box(atlas_.scenario().view);
    const std::vector<LonLat> moved_focus = uncovered_anchors(layers[i], p->focus_anchor, upper, &focus);
    for (size_t f = 0; f < moved_focus.size() && f < p->focus_anchors.size(); ++f)
      if (std::isfinite(moved_focus[f].lon)) {
        p->focus_anchor[f] = moved_focus[f];  // a moved one is off the covers: another pass leaves it where it is
        projection_->forward(moved_focus[f], p->focus_anchors[f]);
      }
  }
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

const Graticule& MapScene::pick_graticule(double deg_per_px) const {
  // The finest grid whose lines stay at least 90 pixels apart.
  const Graticule* g = graticules_.front().get();
  for (const auto& cand : graticules_)
    if (cand->step_deg / std::max(deg_per_px, 1e-9) >= 90) g = cand.get();
  return *g;
}

namespace {

// A map narrower than this shows less than a country: readers need the inset to know where it is.
constexpr double kInsetBelowWidthM = 1.5e6;

// The inset for FRAME (its layers already listed): the wider area around MAP_VIEW, at least six times as wide and no
// less than 3,000 km, drawing the bottom area layer that looks the same on every date (the countries), with the
// map's edge outlined. None when the map is wide already or has no such layer.
std::optional<InsetMap> locator_inset(const MapView& map_view, const Frame& frame) {
  const View& v = map_view.pixels();
  const double width_m = map_view.metres_per_px() * v.width_px;
  if (!(width_m < kInsetBelowWidthM)) return std::nullopt;
  const auto context = std::find_if(frame.layers.begin(), frame.layers.end(),
                                    [](const LayerDraw& d) { return d.cacheable && d.fill && d.geometry; });
  if (context == frame.layers.end()) return std::nullopt;
  InsetMap inset;
  const float s = v.ui_scale;
  inset.view.width_px = static_cast<int>(std::clamp(0.2f * v.width_px, 130 * s, 300 * s));
  inset.view.height_px = static_cast<int>(inset.view.width_px * 0.75f);
  inset.view.ui_scale = s;
  inset.view.centre = v.centre;
  const double widen = std::max(6.0, 3.0e6 / width_m);
  inset.view.units_per_px = v.units_per_px * v.width_px * widen / inset.view.width_px;
  LayerDraw d = *context;
  d.level = d.geometry->levels.empty() ? 0 : d.geometry->levels.size() - 1;  // the coarsest: a thumbnail
  d.stroke_width_px = 0.5f;
  d.points = false;
  d.cells.clear();
  inset.layers.push_back(std::move(d));
  if (frame.background.a > 0) inset.background = frame.background;  // a transparent map still gets a sea in its inset
  for (const XY corner : {XY{0, 0}, XY{1.0 * v.width_px, 0}, XY{1.0 * v.width_px, 1.0 * v.height_px}, XY{0, 1.0 * v.height_px}})
    inset.footprint.push_back(inset.view.to_pixel(v.to_world(corner)));
  inset.footprint.push_back(inset.footprint.front());
  return inset;
}

}  // namespace

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
  for (const model::AtlasLayer& l : atlas_.layers()) fr.layer_titles.push_back(l.spec.title);
  for (const auto& p : prepared_)
    if (p) fr.resident.push_back(p->atlas_id);
  const double deg_per_px = map_view.degrees_per_px();
  if (options.graticule) {
    const Graticule& g = pick_graticule(deg_per_px);
    LayerDraw lines;
    lines.source = g.source;
    lines.title = "Graticule";
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
    const bool density = st.density && l.data->has_points();
    if (overlaps(p->bounds, seen)) {
      LayerDraw d;
      d.source = p->atlas_id;
      d.title = l.spec.title;
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
  add_credits_and_time(atlas_, drawn, day, options, f);
  if (options.caption) f.caption = caption_for(scenario, day);
  if (options.inset) f.inset = locator_inset(map_view, fr);
  if (options.scale_bar || options.north_arrow) add_scale_bar(map_view, metres_per_px, f);
  if (!options.scale_bar) f.scale_bar_metres_per_px = 0;
  f.show_north_arrow = options.north_arrow && std::fabs(f.north_arrow_deg) > 0.5;
  return fr;
}

Result<geo::Projection> scenario_projection(const story::Scenario& s) {
  if (!s.projection.empty()) return geo::Projection::create(s.projection);
  return geo::Projection::create(geo::default_projection(s.view).definition);
}

}  // namespace chronoatlas::render
