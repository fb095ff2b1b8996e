#include "render/map_scene.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "geo/planar.h"
#include "geo/label_point.h"
#include "geo/seam.h"
#include "render/tessellate.h"
#include "geo/vector_source.h"

namespace chronoatlas::render {
namespace {

story::Interval feature_interval(const story::LayerSpec& spec, const geo::VectorLayer& layer, const geo::Feature& f,
                                 std::string& problem) {
  story::Interval t;
  auto read = [&](const std::string& field, story::Days& out) {
    if (field.empty()) return;
    const std::string& text = layer.value(f, field);
    if (text.empty()) return;  // open-ended
    auto d = story::parse_iso_date(text);
    if (d) out = *d;
    else problem = "field '" + field + "': " + d.error();
  };
  read(spec.time_start_field, t.start);
  read(spec.time_end_field, t.end);
  return t;
}

std::string nice_distance(double metres, double& rounded) {
  double p = std::pow(10.0, std::floor(std::log10(metres)));
  double m = metres / p;
  rounded = (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
  char buf[32];
  if (rounded >= 1000) std::snprintf(buf, sizeof buf, "%g km", rounded / 1000);
  else std::snprintf(buf, sizeof buf, "%g m", rounded);
  return buf;
}

std::string degree_label(double v, char pos, char neg) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%g°%c", std::fabs(v), v < 0 ? neg : pos);
  return buf;
}

}  // namespace

std::unique_ptr<SceneLayer> make_scene_layer(story::LayerSpec spec, geo::VectorLayer data,
                                             std::vector<std::string>& warnings) {
  auto layer = std::make_unique<SceneLayer>();
  layer->spec = std::move(spec);
  layer->data = std::move(data);
  const bool timed = !layer->spec.time_start_field.empty() || !layer->spec.time_end_field.empty();
  std::vector<geo::Feature> kept;
  for (geo::Feature& f : layer->data.features) {
    std::string problem;
    story::Interval t = timed ? feature_interval(layer->spec, layer->data, f, problem) : story::Interval{};
    if (!problem.empty()) {
      warnings.push_back(layer->spec.source + ", layer '" + layer->data.name + "', feature " + std::to_string(f.fid) +
                         ": " + problem + "; feature skipped");
      continue;
    }
    kept.push_back(std::move(f));
    layer->times.push_back(t);
  }
  layer->data.features = std::move(kept);
  if (!timed) layer->times.clear();
  layer->geometry = build_layer_geometry(layer->data);
  return layer;
}

Result<std::unique_ptr<MapScene>> MapScene::load(const story::Scenario& scenario, std::vector<std::string>& warnings) {
  auto scene = std::make_unique<MapScene>();
  scene->scenario_ = scenario;
  for (const story::LayerSpec& spec : scenario.layers) {
    auto report = geo::load_vector_source(spec.source);
    if (!report) return Error{"layer '" + spec.id + "': " + report.error()};
    warnings.insert(warnings.end(), report->warnings.begin(), report->warnings.end());
    auto it = std::find_if(report->layers.begin(), report->layers.end(), [&](const geo::VectorLayer& l) {
      return spec.source_layer.empty() || l.name == spec.source_layer;
    });
    if (it == report->layers.end())
      return Error{"layer '" + spec.id + "': " + spec.source + " has no usable layer '" + spec.source_layer + "'"};
    scene->layers_.push_back(make_scene_layer(spec, std::move(*it), warnings));
    scene->find_focus_anchors(*scene->layers_.back());
  }
  BoundsLonLat wide = scenario.view;
  wide.extend(LonLat{std::max(-180.0, wide.west - 40), std::max(-85.0, wide.south - 25)});
  wide.extend(LonLat{std::min(180.0, wide.east + 40), std::min(85.0, wide.north + 20)});
  for (double step : {10.0, 5.0, 1.0}) {
    auto g = std::make_unique<Graticule>();
    g->step_deg = step;
    g->geometry = build_graticule(wide, step);
    scene->graticules_.push_back(std::move(g));
  }
  return scene;
}

Status MapScene::add_file(const std::string& path, std::vector<std::string>& warnings) {
  auto report = geo::load_vector_source(path);
  if (!report) return Error{report.error()};
  warnings.insert(warnings.end(), report->warnings.begin(), report->warnings.end());
  static const Rgba palette[] = {{0.85f, 0.37f, 0.01f, 1}, {0.46f, 0.44f, 0.70f, 1}, {0.11f, 0.62f, 0.47f, 1},
                                 {0.91f, 0.16f, 0.54f, 1}};
  for (geo::VectorLayer& l : report->layers) {
    story::LayerSpec spec;
    spec.id = spec.title = std::filesystem::path(path).filename().string() +
                           (report->layers.size() > 1 ? " / " + l.name : "");
    spec.source = path;
    spec.source_layer = l.name;
    Rgba c = palette[layers_.size() % 4];
    spec.style.fill = {c.r, c.g, c.b, 0.35f};
    spec.style.stroke = c;
    spec.style.stroke_width_px = 1.5f;
    layers_.push_back(make_scene_layer(spec, std::move(l), warnings));
    find_focus_anchors(*layers_.back());
  }
  return Ok{};
}

void MapScene::remove_layer(size_t index) {
  ++generation_;
  if (index < layers_.size()) layers_.erase(layers_.begin() + static_cast<long>(index));
}

void MapScene::move_layer(size_t from, size_t to) {
  ++generation_;
  if (from >= layers_.size() || to >= layers_.size()) return;
  auto l = std::move(layers_[from]);
  layers_.erase(layers_.begin() + static_cast<long>(from));
  layers_.insert(layers_.begin() + static_cast<long>(to), std::move(l));
}

void MapScene::use_projection(geo::Projection projection) {
  ++generation_;
  projection_ = std::make_unique<geo::Projection>(std::move(projection));
  for (auto& l : layers_) {
    l->uploaded = false;
    if (needs_recut(*l)) l->geometry = build_layer_geometry(l->data, seam());
  }
  for (auto& g : graticules_) {
    g->gpu.upload(g->geometry, *projection_, {}, scenario_.origin);
    g->gpu.set_styles({FeatureStyle{{0, 0, 0, 0}, {0.35f, 0.45f, 0.55f, 0.35f}, 0, 0}});
    g->projected.clear();
    const Shapes& geo = g->geometry.levels.front();
    for (size_t l = 0; l + 1 < geo.line_starts.size(); ++l) {
      std::vector<XY> line;
      for (uint32_t i = geo.line_starts[l]; i < geo.line_starts[l + 1]; ++i) {
        XY p{NAN, NAN};
        projection_->forward(geo.line_points[i], p);
        line.push_back(p);
      }
      g->projected.push_back(std::move(line));
    }
  }
  upload_pending();
}

double MapScene::seam() const {
  // Geographic targets wrap at ±180 already; so do cylindrical ones centred on 0 (Natural Earth is split there).
  return projection_ ? geo::seam_of(projection_->central_meridian()) : NAN;
}

bool MapScene::needs_recut(const SceneLayer& l) const {
  double s = seam();
  bool same = (std::isnan(s) && std::isnan(l.geometry.seam_deg)) || s == l.geometry.seam_deg;
  if (same) return false;
  if (l.geometry.cut) return true;  // cut at another seam: undo that
  // Data reaching ±180 may hold features that cross the antimeridian.
  const BoundsLonLat& e = l.data.extent;
  return (e.west < s && s < e.east) || e.west <= -179.99 || e.east >= 179.99;
}

void MapScene::upload_pending() {
  if (!projection_) return;
  for (auto& l : layers_) {
    if (l->uploaded) continue;
    if (needs_recut(*l)) l->geometry = build_layer_geometry(l->data, seam());
    l->gpu.upload(l->geometry, *projection_, l->times, scenario_.origin);
    l->uploaded = true;
    ++generation_;
    restyle(*l, styled_day_);
  }
}

namespace {

bool highlighted_on(const std::string& dates, story::Days day) {
  size_t start = 0;
  while (start < dates.size()) {
    size_t end = dates.find(';', start);
    if (end == std::string::npos) end = dates.size();
    auto d = story::parse_iso_date(dates.substr(start, end - start));
    if (d && *d <= day && day < *d + 1) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

bool is_static(const SceneLayer& layer) {
  const story::LayerStyle& st = layer.spec.style;
  return layer.times.empty() && layer.spec.series.empty() && st.highlight_field.empty() && !st.flow;
}

void MapScene::restyle(SceneLayer& layer, story::Days day) {
  if (is_static(layer)) ++generation_;
  const story::LayerStyle& st = layer.spec.style;
  std::vector<FeatureStyle> styles(layer.data.features.size());
  int key = layer.data.field_index(layer.spec.key_field);
  int by = layer.data.field_index(st.fill_by_field);
  int highlight = layer.data.field_index(st.highlight_field);
  for (size_t i = 0; i < styles.size(); ++i) {
    const geo::Feature& f = layer.data.features[i];
    FeatureStyle& s = styles[i];
    s.fill = st.fill;
    s.stroke = st.stroke;
    s.radius_px = st.point_radius_px;
    s.flow = st.flow;
    if (by >= 0)
      if (auto it = st.fill_by_value.find(f.values[by]); it != st.fill_by_value.end()) s.fill = it->second;
    if (highlight >= 0 && highlighted_on(f.values[highlight], day)) s.emphasis = 1;
    for (const story::Series& series : layer.spec.series) {
      if (key < 0 || f.values[key] != series.feature_key) continue;
      double v = std::max(0.0, story::series_value(series, day).value_or(0.0));
      if (series.radius_px_per_sqrt > 0) s.radius_px = static_cast<float>(series.radius_px_per_sqrt * std::sqrt(v));
      // A width of 0 would fall back to the layer's: hide the line with a hair-thin width instead.
      if (series.width_px_per_unit > 0) s.width_px = std::max(0.01f, static_cast<float>(series.width_px_per_unit * v));
    }
  }
  layer.gpu.set_styles(styles);
  layer.symbol_radius_px.resize(styles.size());
  for (size_t i = 0; i < styles.size(); ++i) layer.symbol_radius_px[i] = styles[i].radius_px;
}

void MapScene::restyle_all(story::Days day) {
  for (auto& l : layers_)
    if (l->uploaded && (!l->spec.series.empty() || !l->spec.style.highlight_field.empty())) restyle(*l, day);
  styled_day_ = day;
}

bool MapScene::animating(story::Days day) const {
  for (const auto& l : layers_) {
    if (!l->spec.style.visible || !l->spec.style.flow) continue;
    if (l->times.empty()) return true;
    for (const story::Interval& t : l->times)
      if (t.contains(day)) return true;
  }
  return false;
}

BoundsXY MapScene::project_bounds(const BoundsLonLat& b) const {
  BoundsXY out;
  for (int i = 0; i <= 32; ++i) {
    double f = i / 32.0;
    for (LonLat p : {LonLat{b.west + (b.east - b.west) * f, b.south}, LonLat{b.west + (b.east - b.west) * f, b.north},
                     LonLat{b.west, b.south + (b.north - b.south) * f}, LonLat{b.east, b.south + (b.north - b.south) * f}}) {
      XY q;
      if (projection_->forward(p, q)) out.extend(q);
    }
  }
  return out;
}

View MapScene::default_view(int width_px, int height_px, float ui_scale) const {
  View v;
  v.width_px = width_px;
  v.height_px = height_px;
  v.ui_scale = ui_scale;
  v.fit(project_bounds(scenario_.view), 0.0);
  return v;
}

double MapScene::degrees_per_pixel(const View& view) const {
  LonLat a, b;
  XY c0 = view.to_world({view.width_px / 2.0, view.height_px / 2.0});
  XY c1 = view.to_world({view.width_px / 2.0 + 100, view.height_px / 2.0});
  if (!projection_->inverse(c0, a) || !projection_->inverse(c1, b)) return 0.1;
  return std::hypot(b.lon - a.lon, b.lat - a.lat) / 100;
}

size_t MapScene::level_for(const GpuLayer& layer, double deg_per_px) const {
  // The coarsest level whose simplification stays within a pixel.
  size_t best = 0;
  for (size_t i = 0; i < layer.levels().size(); ++i)
    if (layer.levels()[i].tolerance_deg <= deg_per_px) best = i;
  return best;
}

const MapScene::Graticule* MapScene::pick_graticule(double deg_per_px) const {
  // The finest grid whose lines stay at least 90 pixels apart.
  const Graticule* g = graticules_.front().get();
  for (const auto& cand : graticules_)
    if (cand->step_deg / std::max(deg_per_px, 1e-9) >= 90) g = cand.get();
  return g;
}

std::vector<Label> MapScene::graticule_labels(const View& view, const Graticule& g, double bottom_px) const {
  std::vector<Label> out;
  TextStyle st{10.5f * view.ui_scale, false, {0.25f, 0.32f, 0.40f, 1}, {1, 1, 1, 0.7f}};
  const Shapes& geo = g.geometry.levels.front();
  for (size_t l = 0; l < g.projected.size(); ++l) {
    LonLat first = geo.line_points[geo.line_starts[l]];
    LonLat last = geo.line_points[geo.line_starts[l + 1] - 1];
    bool meridian = first.lon == last.lon;
    // Meridians are labelled where they cross the bottom edge, parallels where they cross the left edge.
    const std::vector<XY>& line = g.projected[l];
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

void MapScene::add_scale_bar(const View& view, Furniture& f) const {
  XY c = view.to_world({view.width_px / 2.0, view.height_px / 2.0});
  XY d = view.to_world({view.width_px / 2.0 + 100, view.height_px / 2.0});
  LonLat a, b;
  if (!projection_->inverse(c, a) || !projection_->inverse(d, b)) return;
  double metres_per_px = geo::geodesic_distance_m(a, b) / 100;
  if (!(metres_per_px > 0)) return;
  double rounded = 0;
  f.scale_bar_label = nice_distance(metres_per_px * 140 * view.ui_scale, rounded);
  f.scale_bar_px = static_cast<float>(rounded / metres_per_px);
  f.scale_bar_label += " (at the map centre)";
  LonLat north{a.lon, std::min(89.9, a.lat + 0.1)};
  XY n;
  if (projection_->forward(north, n)) {
    XY pc = view.to_pixel(c), pn = view.to_pixel(n);
    f.north_arrow_deg = static_cast<float>(std::atan2(pn.x - pc.x, pc.y - pn.y) * 180 / M_PI);
  }
}

std::string series_label_of(const SceneLayer& layer, size_t feature, story::Days day) {
  int key = layer.data.field_index(layer.spec.key_field);
  if (key < 0) return "";
  for (const story::Series& series : layer.spec.series)
    if (layer.data.features[feature].values[key] == series.feature_key)
      if (std::string text = story::series_label(series, day); !text.empty()) return text;
  return "";
}

void MapScene::find_focus_anchors(SceneLayer& l) const {
  // The middle of the default view, so the point stays on screen in a window smaller than the view too.
  const BoundsLonLat& v = scenario_.view;
  const double dx = (v.east - v.west) * 0.2, dy = (v.north - v.south) * 0.2;
  BoundsLonLat focus;
  focus.extend(LonLat{v.west + dx, v.south + dy});
  focus.extend(LonLat{v.east - dx, v.north - dy});
  l.focus_anchor.assign(l.data.features.size(), LonLat{NAN, NAN});
  for (size_t i = 0; i < l.data.features.size(); ++i) {
    LonLat a = l.geometry.label_anchor[i];
    bool outside = a.lon < focus.west || a.lon > focus.east || a.lat < focus.south || a.lat > focus.north;
    if (!outside || l.data.features[i].polygons.empty()) continue;
    const Polygon* largest = &l.data.features[i].polygons.front();
    for (const Polygon& p : l.data.features[i].polygons)
      if (geo::planar_area(p) > geo::planar_area(*largest)) largest = &p;
    if (auto inside = geo::label_point_within(*largest, focus)) l.focus_anchor[i] = *inside;
  }
}

float MapScene::feature_size_px(LonLat anchor, double area_deg2, const View& view) const {
  // The side of a square of the feature's area, measured along the parallel through its label point.
  LonLat east{anchor.lon + std::sqrt(area_deg2), anchor.lat};
  XY a, b;
  if (!projection_->forward(anchor, a) || !projection_->forward(east, b)) return 0;
  return static_cast<float>(std::hypot(b.x - a.x, b.y - a.y) / view.units_per_px);
}

void MapScene::add_labels(const SceneLayer& l, size_t layer_index, const View& view, story::Days day,
                          std::vector<Label>& out) const {
  const story::LayerStyle& st = l.spec.style;
  int field = st.label_field.empty() ? -1 : l.data.field_index(st.label_field);
  if (field < 0) return;
  for (size_t i = 0; i < l.data.features.size(); ++i) {
    if (!l.times.empty() && !l.times[i].contains(day)) continue;
    std::string text = series_label_of(l, i, day);
    if (text.empty()) text = l.data.features[i].values[field];
    if (text.empty() || l.geometry.label_rank[i] < 0) continue;
    Label lab;
    lab.world = l.gpu.label_anchors()[i];
    if (i < l.focus_anchor.size() && std::isfinite(l.focus_anchor[i].lon)) projection_->forward(l.focus_anchor[i], lab.alternate);
    lab.text = text;
    // Upper layers win, then larger areas.
    lab.rank = static_cast<double>(layer_index) * 1e4 + std::min(l.geometry.label_rank[i], 9999.0);
    lab.style = {st.label_size_px * view.ui_scale, st.label_bold, st.label_colour, {1, 1, 1, 0.85f}};
    float radius = i < l.symbol_radius_px.size() ? l.symbol_radius_px[i] : st.point_radius_px;
    lab.offset_px = l.geometry.label_rank[i] == 0 ? (radius + 4) * view.ui_scale : 0;
    if (lab.offset_px == 0) {
      float size = feature_size_px(l.geometry.label_anchor[i], l.geometry.label_rank[i], view);
      lab.min_width_px = 1.3f * size;
      // Larger areas get larger names, up to 1.8 times the layer's size.
      lab.style.size_px *= std::clamp(std::sqrt(size / 250.0f), 1.0f, 1.8f);
    }
    out.push_back(std::move(lab));
  }
}

Frame MapScene::frame(const View& view, story::Days day, const FurnitureOptions& options) {
  if (day != styled_day_) restyle_all(day);
  Frame fr;
  fr.generation = generation_;
  fr.view = view;
  fr.day = static_cast<float>(day - scenario_.origin);
  if (options.transparent) fr.background = {0, 0, 0, 0};
  const double deg_per_px = degrees_per_pixel(view);
  if (options.graticule) {
    const Graticule& g = *pick_graticule(deg_per_px);
    fr.layers.push_back({&g.gpu, 1, 0.8f, false, true, false, 0, true});
    double bottom = view.height_px - (options.attribution ? attribution_band_px(view.ui_scale) : 0);
    fr.fixed_labels = graticule_labels(view, g, bottom);
  }
  BoundsXY seen;
  seen.extend(view.to_world({0, 0}));
  seen.extend(view.to_world({static_cast<double>(view.width_px), static_cast<double>(view.height_px)}));
  for (size_t li = 0; li < layers_.size(); ++li) {
    SceneLayer& l = *layers_[li];
    const story::LayerStyle& st = l.spec.style;
    if (!st.visible || !l.uploaded) continue;
    const BoundsXY& b = l.gpu.bounds();
    bool in_view = !b.empty() && b.min_x <= seen.max_x && b.max_x >= seen.min_x && b.min_y <= seen.max_y &&
                   b.max_y >= seen.min_y;
    if (in_view)
      fr.layers.push_back({&l.gpu, st.opacity, st.stroke_width_px, st.fill.a > 0 || !st.fill_by_field.empty(),
                           st.stroke_width_px > 0, true, level_for(l.gpu, deg_per_px), is_static(l)});
    if (options.legend && l.spec.legend)
      fr.furniture.legend.push_back({l.spec.title, st.fill, st.stroke, !l.geometry.points.empty()});
    add_labels(l, li, view, day, fr.labels);
  }
  Furniture& f = fr.furniture;
  if (options.title) f.title = options.title_override.empty() ? scenario_.title : options.title_override;
  if (options.date) f.date = story::format_date_long(day);
  if (options.attribution) f.attribution = scenario_.attribution;
  if (options.scale_bar || options.north_arrow) add_scale_bar(view, f);
  if (!options.scale_bar) f.scale_bar_px = 0;
  f.show_north_arrow = options.north_arrow && std::fabs(f.north_arrow_deg) > 0.5;
  return fr;
}

}  // namespace chronoatlas::render

namespace chronoatlas::render {

Result<geo::Projection> scenario_projection(const story::Scenario& s) {
  if (!s.projection.empty()) return geo::Projection::create(s.projection);
  LonLat centre{(s.view.west + s.view.east) / 2, (s.view.south + s.view.north) / 2};
  return geo::Projection::create(geo::projection_presets(s.view, centre).front().definition);
}

}  // namespace chronoatlas::render
