#include "model/atlas.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "base/job_pool.h"
#include "base/text.h"
#include "geo/database_source.h"
#include "geo/gdal_setup.h"
#include "geo/vector_cache.h"
#include "geo/vector_source.h"
#include "model/time_detection.h"
#include "story/data_time.h"

namespace chronoatlas::model {
namespace {

// The moment in FIELD, or nothing when the field is absent or empty (an open end); PROBLEM says why a value is unreadable.
std::optional<story::Days> moment(const geo::VectorLayer& layer, const geo::Feature& f, const std::string& field,
                                  std::string& problem) {
  if (field.empty()) return std::nullopt;
  const std::string& text = layer.value(f, field);
  if (text.empty()) return std::nullopt;
  auto d = story::parse_data_time(text);
  if (!d) problem = "field '" + field + "': " + d.error();
  return d ? std::optional(d->at) : std::nullopt;
}

story::Interval feature_interval(const story::LayerTime& time, const geo::VectorLayer& layer, const geo::Feature& f,
                                 std::string& problem) {
  const auto start = moment(layer, f, time.start_field, problem);
  if (time.mode == story::TimeMode::Cumulative) return {start.value_or(-story::kNever), story::kNever};
  if (time.mode == story::TimeMode::Instant) {
    if (!start) return {story::kNever, story::kNever};  // no moment: never shown
    return {*start, *start + time.duration_days};
  }
  const auto end = moment(layer, f, time.end_field, problem);
  if (!start && !end)
    if (const auto at = moment(layer, f, time.instant_field, problem)) return {*at, *at + time.duration_days};
  return {start.value_or(-story::kNever), end.value_or(story::kNever)};
}

// "2023-10-12;2023-10-13": the days a feature is ringed.
std::vector<story::Days> highlight_days(const std::string& dates, std::string& problem) {
  std::vector<story::Days> days;
  for (const std::string& date : split(dates, ';')) {
    auto d = story::parse_iso_date(date);
    if (d) days.push_back(*d);
    else problem = d.error();
  }
  return days;
}

bool highlighted_on(const std::vector<story::Days>& days, story::Days day) {
  return std::any_of(days.begin(), days.end(), [day](story::Days d) { return d <= day && day < d + 1; });
}

constexpr size_t kNamedSkips = 5;

std::string feature_name(const story::LayerSpec& spec, const geo::VectorLayer& data, const geo::Feature& f) {
  return spec.source + ", layer '" + data.name + "', feature " + std::to_string(f.fid);
}

}  // namespace

namespace {

// Each feature's interval under the layer's time settings. A feature whose date cannot be read is never shown (it
// stays in the data, so other settings can show it) and is named in WARNINGS: the first few, then a count.
void compute_times(AtlasLayer& l, std::vector<std::string>& warnings) {
  l.times.clear();
  l.by_start.clear();
  l.first_moment = l.last_moment = 0;
  l.unreadable_times = 0;
  if (!l.spec.time.any()) return;
  size_t& skipped = l.unreadable_times;
  story::Days first = story::kNever, last = -story::kNever;
  for (const geo::Feature& f : l.data->features) {
    std::string problem;
    story::Interval t = feature_interval(l.spec.time, *l.data, f, problem);
    if (!problem.empty()) {
      t = {story::kNever, story::kNever};
      if (++skipped <= kNamedSkips) warnings.push_back(feature_name(l.spec, *l.data, f) + ": " + problem + "; feature skipped");
    } else if (std::isfinite(t.start)) {
      first = std::min(first, t.start), last = std::max(last, t.start);
    }
    l.times.push_back(t);
  }
  if (first <= last) l.first_moment = first, l.last_moment = last;
  l.by_start.resize(l.times.size());
  for (uint32_t i = 0; i < l.by_start.size(); ++i) l.by_start[i] = i;
  std::stable_sort(l.by_start.begin(), l.by_start.end(),
                   [&](uint32_t a, uint32_t b) { return l.times[a].start < l.times[b].start; });
  l.longest = 0;
  for (const story::Interval& t : l.times)
    if (t.start < story::kNever) l.longest = std::max(l.longest, t.end - t.start);
  if (skipped > kNamedSkips)
    warnings.push_back(l.spec.source + ", layer '" + l.data->name + "': " + std::to_string(skipped - kNamedSkips) +
                       " more features skipped for unreadable dates");
}

// The days each feature is ringed, from the layer's highlight field.
void compute_highlights(AtlasLayer& l, std::vector<std::string>& warnings) {
  l.highlights.clear();
  const int highlight = l.data->field_index(l.spec.style.highlight_field);
  for (const geo::Feature& f : l.data->features) {
    if (highlight < 0) break;
    std::string bad;
    l.highlights.push_back(highlight_days(f.values[highlight], bad));
    if (!bad.empty()) warnings.push_back(feature_name(l.spec, *l.data, f) + ": highlight " + bad + "; date ignored");
  }
}

// What a database layer is first fetched for: the scenario's view at about 2,000 pixels across.
FetchedView first_fetch(const BoundsLonLat& view) {
  if (view.empty()) return fetch_for(BoundsLonLat{-180, -90, 180, 90}, 360.0 / 2000);
  return fetch_for(view, (view.east - view.west) / 2000);
}

// SOURCE read: a file (through CACHE), or a database's features for the scenario's VIEW.
Result<geo::LoadReport> read_source(const std::string& source, const DiskCache* cache, const BoundsLonLat& view,
                                    Progress* progress = nullptr) {
  if (!geo::is_database_source(source)) return geo::load_vector_source(source, cache, progress);
  const FetchedView f = first_fetch(view);
  geo::FetchStats stats;
  return geo::load_database_view(source, f.box, f.tolerance_deg, stats);
}

}  // namespace

void Atlas::add_layer(story::LayerSpec spec, geo::VectorLayer data, std::vector<std::string>& warnings) {
  AtlasLayer l;
  l.id = next_id_++;
  l.spec = std::move(spec);
  l.data = std::make_shared<const geo::VectorLayer>(std::move(data));
  compute_times(l, warnings);
  compute_highlights(l, warnings);
  layers_.push_back(std::move(l));
  ++revision_;
}

void Atlas::set_features(size_t index, geo::VectorLayer data, std::vector<std::string>& warnings) {
  AtlasLayer& l = layers_.at(index);
  l.data = std::make_shared<const geo::VectorLayer>(std::move(data));
  l.id = next_id_++;
  compute_times(l, warnings);
  compute_highlights(l, warnings);
  ++l.time_revision;
  ++revision_;
}

void Atlas::replace_features(size_t index, geo::VectorLayer data, const FetchedView& view,
                             std::vector<std::string>& warnings) {
  set_features(index, std::move(data), warnings);
  layers_[index].fetched = view;
}

void Atlas::set_title(const std::string& title) {
  scenario_.title = title;
  ++revision_;
}

void Atlas::set_time_range(story::Days start, story::Days end, story::Days initial) {
  scenario_.start = scenario_.origin = start;
  scenario_.end = end;
  scenario_.initial = std::clamp(initial, start, end);
  timed_before_ = true;  // the story's range now: added files widen it, they no longer choose it
  ++revision_;
}

size_t Atlas::add_event(story::Event event) {
  auto& events = scenario_.events;
  auto at = std::upper_bound(events.begin(), events.end(), event.at,
                             [](story::Days t, const story::Event& e) { return t < e.at; });
  const auto index = static_cast<size_t>(at - events.begin());
  events.insert(at, std::move(event));
  ++revision_;
  return index;
}

story::Event Atlas::remove_event(size_t index) {
  story::Event e = std::move(scenario_.events.at(index));
  scenario_.events.erase(scenario_.events.begin() + static_cast<long>(index));
  ++revision_;
  return e;
}

void Atlas::saved_as(const std::string& dir, const std::vector<story::LayerSpec>& layers) {
  scenario_.dir = dir;
  scenario_.layers = layers;
  for (size_t i = 0; i < layers_.size() && i < layers.size(); ++i) layers_[i].spec = layers[i];
  ++revision_;
}

void Atlas::set_time(size_t index, const story::LayerTime& time, std::vector<std::string>& warnings) {
  AtlasLayer& l = layers_.at(index);
  story::LayerTime same_dates = time;
  same_dates.fade_days = l.spec.time.fade_days;
  const bool dates_change = same_dates != l.spec.time;
  l.spec.time = time;
  ++revision_;
  if (!dates_change) return;  // a fade is drawn on the GPU from the dates already read
  compute_times(l, warnings);
  widen_time_range(l, warnings);
  ++l.time_revision;
}

Result<Atlas> Atlas::load(const story::Scenario& scenario, std::vector<std::string>& warnings,
                          std::shared_ptr<const DiskCache> cache) {
  Atlas atlas;
  atlas.scenario_ = scenario;
  atlas.cache_ = std::move(cache);
  // The files are independent: read them on all cores, then add them in the scenario's order.
  geo::init_gdal();
  std::vector<Job<Result<geo::LoadReport>>> reads;
  for (const story::LayerSpec& spec : scenario.layers)
    reads.push_back(start_job(Priority::Interactive, [cache = atlas.cache(), source = spec.source, &scenario] {
      return read_source(source, cache, scenario.view);
    }));
  for (size_t i = 0; i < scenario.layers.size(); ++i) {
    const story::LayerSpec& spec = scenario.layers[i];
    auto report = std::move(*reads[i].get());
    if (!report) return Error{"layer '" + spec.id + "': " + report.error()};
    warnings.insert(warnings.end(), report->warnings.begin(), report->warnings.end());
    auto it = std::find_if(report->layers.begin(), report->layers.end(), [&](const geo::VectorLayer& l) {
      return spec.source_layer.empty() || l.name == spec.source_layer;
    });
    if (it == report->layers.end())
      return Error{"layer '" + spec.id + "': " + spec.source + " has no usable layer '" + spec.source_layer + "'"};
    atlas.add_layer(spec, std::move(*it), warnings);
    if (geo::is_database_source(spec.source)) atlas.layers_.back().fetched = first_fetch(scenario.view);
  }
  return atlas;
}

Result<Atlas::ReadFile> Atlas::read_file(const std::string& path, const DiskCache* cache, const BoundsLonLat& view,
                                         Progress* progress) {
  auto report = read_source(path, cache, view, progress);
  if (!report) return Error{report.error()};
  return ReadFile{path, std::move(*report)};
}

Status Atlas::add_file(const std::string& path, std::vector<std::string>& warnings) {
  auto file = read_file(path, cache(), scenario_.view);
  if (!file) return Error{file.error()};
  return add_read_file(std::move(*file), warnings);
}

Status Atlas::add_read_file(ReadFile file, std::vector<std::string>& warnings) {
  const std::string& path = file.path;
  geo::LoadReport& report = file.report;
  if (report.layers.empty())
    return Error{report.warnings.empty() ? path + ": no layer with features to draw" : report.warnings.front()};
  warnings.insert(warnings.end(), report.warnings.begin(), report.warnings.end());
  static const Rgba palette[] = {*parse_colour("#d95f02"), *parse_colour("#7570b3"), *parse_colour("#1b9e77"),
                                 *parse_colour("#e7298a")};
  const bool some_features = std::any_of(report.layers.begin(), report.layers.end(),
                                         [](const geo::VectorLayer& l) { return !l.features.empty(); });
  for (geo::VectorLayer& l : report.layers) {
    if (some_features && l.features.empty()) continue;  // GPX's empty waypoint and route layers, and the like
    story::LayerSpec spec;
    // A database layer is named for its table; a file's for the file (and its layer, when it has several).
    spec.id = spec.title = geo::is_database_source(path) ? l.name
                                                          : std::filesystem::path(path).filename().string() +
                                                                (report.layers.size() > 1 ? " / " + l.name : "");
    spec.source = path;
    spec.source_layer = l.name;
    Rgba c = palette[layers_.size() % std::size(palette)];
    spec.style.fill = {c.r, c.g, c.b, 89 / 255.f};  // 35 %, as saved
    spec.style.stroke = c;
    spec.style.stroke_width_px = 1.5f;
    // Dated data plays on the timeline at once; the layer's Time section can change what was found.
    spec.time = detect_time(l).time;
    add_layer(std::move(spec), std::move(l), warnings);
    if (geo::is_database_source(path)) layers_.back().fetched = first_fetch(scenario_.view);
    widen_time_range(layers_.back(), warnings);
  }
  return Ok{};
}

void Atlas::widen_time_range(const AtlasLayer& layer, std::vector<std::string>& notes) {
  story::Days first = story::kNever, last = -story::kNever;
  for (const story::Interval& t : layer.times) {
    if (std::isfinite(t.start)) first = std::min(first, t.start), last = std::max(last, t.start);
    if (std::isfinite(t.end)) last = std::max(last, t.end - 1e-6);  // the end is exclusive
  }
  if (first > last) return;
  story::Scenario& sc = scenario_;
  // A map without a story takes its time range from its data; a story's range only grows, and says so.
  const bool own_range = sc.dir.empty() && !timed_before_;
  const story::Days start = own_range ? std::floor(first) : std::min(sc.start, std::floor(first));
  const story::Days end = own_range ? std::floor(last) + 1 : std::max(sc.end, std::floor(last) + 1);
  // GPU times are float days since the origin: an origin in 1970 would leave them a few minutes' precision.
  if (own_range) sc.initial = sc.origin = start;
  timed_before_ = true;
  if (start == sc.start && end == sc.end) return;
  if (!own_range)
    notes.push_back("The timeline now runs from " + story::format_date_short(start) + " to " +
                    story::format_date_short(end - 1) + " to include " + layer.spec.title);
  sc.start = start, sc.end = end;
  ++revision_;
}

bool Atlas::timed() const {
  return std::any_of(layers_.begin(), layers_.end(), [](const AtlasLayer& l) { return !l.times.empty(); });
}

std::vector<std::string> Atlas::added_files() const {
  std::vector<std::string> out;
  for (const AtlasLayer& l : layers_) {
    const bool from_scenario = std::any_of(scenario_.layers.begin(), scenario_.layers.end(),
                                           [&](const story::LayerSpec& s) { return s.id == l.spec.id; });
    // A layer without a source is the story's own (markers placed in the app): it has no file to add again.
    if (!from_scenario && !l.spec.source.empty() && std::find(out.begin(), out.end(), l.spec.source) == out.end())
      out.push_back(l.spec.source);
  }
  return out;
}

std::optional<AtlasLayer> Atlas::remove_layer(size_t index) {
  if (index >= layers_.size()) return std::nullopt;
  AtlasLayer removed = std::move(layers_[index]);
  layers_.erase(layers_.begin() + static_cast<long>(index));
  ++revision_;
  return removed;
}

void Atlas::restore_layer(size_t index, AtlasLayer layer) {
  layers_.insert(layers_.begin() + static_cast<long>(std::min(index, layers_.size())), std::move(layer));
  ++revision_;
}

void Atlas::move_layer(size_t from, size_t to) {
  if (from >= layers_.size() || to >= layers_.size()) return;
  AtlasLayer l = std::move(layers_[from]);
  layers_.erase(layers_.begin() + static_cast<long>(from));
  layers_.insert(layers_.begin() + static_cast<long>(to), std::move(l));
  ++revision_;
}

void Atlas::set_style(size_t index, const story::LayerStyle& style) {
  if (index >= layers_.size() || layers_[index].spec.style == style) return;
  layers_[index].spec.style = style;
  ++layers_[index].style_revision;
  ++revision_;
}

void Atlas::set_attribution(size_t index, const std::string& attribution) {
  layers_.at(index).spec.attribution = attribution;
  ++revision_;
}

bool Atlas::fit_default_view_to_layers() {
  BoundsLonLat all;
  for (const AtlasLayer& l : layers_)
    if (const BoundsLonLat& e = l.data->extent; !e.empty()) {
      // A margin of a twentieth of the extent (from 0.05 to 1 degree), so no symbol sits on the frame.
      const double mx = std::min(1.0, 0.05 + (e.east - e.west) / 20), my = std::min(1.0, 0.05 + (e.north - e.south) / 20);
      all.extend(LonLat{std::max(-180.0, e.west - mx), std::max(-90.0, e.south - my)});
      all.extend(LonLat{std::min(180.0, e.east + mx), std::min(90.0, e.north + my)});
    }
  if (all.empty()) return false;
  scenario_.view = all;
  ++revision_;
  return true;
}

void Atlas::set_default_view(const BoundsLonLat& view) {
  scenario_.view = view;
  ++revision_;
}

bool Atlas::animates(size_t index, story::Days day) const {
  const AtlasLayer& l = layers_.at(index);
  if (!l.spec.style.visible || !l.spec.style.flow) return false;
  // Only lines move; a series can thin a line to nothing (no flow on that date), and points never animate.
  std::vector<FeatureStyle> styles = evaluate_styles(l, day);
  for (size_t i = 0; i < l.data->features.size(); ++i)
    if (live(l, i, day) && !l.data->features[i].lines.empty() && (styles[i].width_px == 0 || styles[i].width_px > 0.05f))
      return true;
  return false;
}

std::pair<std::vector<uint32_t>::const_iterator, std::vector<uint32_t>::const_iterator> may_be_live(
    const AtlasLayer& layer, story::Days day) {
  const std::vector<uint32_t>& order = layer.by_start;
  const auto started = std::upper_bound(order.begin(), order.end(), day, [&](story::Days d, uint32_t i) {
    return d < layer.times[i].start;
  });
  const story::Days earliest = day - layer.longest;  // -inf where some feature is open-ended: a scan from the start
  const auto first = std::lower_bound(order.begin(), started, earliest, [&](uint32_t i, story::Days d) {
    return layer.times[i].start < d;
  });
  return {first, started};
}

bool any_live(const AtlasLayer& layer, story::Days day) {
  if (layer.times.empty()) return !layer.data->features.empty();
  const auto [first, last] = may_be_live(layer, day);
  return std::any_of(first, last, [&](uint32_t i) { return layer.times[i].contains(day); });
}

StyleEvaluator::StyleEvaluator(const AtlasLayer& layer, story::Days day)
    : layer_(layer),
      day_(day),
      key_(layer.data->field_index(layer.spec.key_field)),
      by_(layer.data->field_index(layer.spec.style.fill_by_field)),
      size_by_(layer.spec.style.size_max > 0 ? layer.data->field_index(layer.spec.style.size_by_field) : -1) {}

FeatureStyle StyleEvaluator::operator()(size_t i) const {
  const story::LayerStyle& st = layer_.spec.style;
  const geo::Feature& f = layer_.data->features[i];
  FeatureStyle s;
  s.fill = st.fill;
  s.stroke = st.stroke;
  s.radius_px = st.point_radius_px;
  s.flow = st.flow;
  if (by_ >= 0) {
    if (auto it = st.fill_by_value.find(f.values[by_]); it != st.fill_by_value.end()) s.fill = it->second;
    if (auto it = st.stroke_by_value.find(f.values[by_]); it != st.stroke_by_value.end()) s.stroke = it->second;
  }
  if (size_by_ >= 0) {
    // Area in proportion to the value (at least 3 px, so a zero is still seen); a missing or unreadable number
    // gets the layer's plain symbol.
    char* end = nullptr;
    const std::string& text = f.values[size_by_];
    const double v = std::strtod(text.c_str(), &end);
    if (!text.empty() && end && *end == '\0' && v >= 0)
      s.radius_px = std::max(3.0f, static_cast<float>(st.size_max_px * std::sqrt(v / st.size_max)));
  }
  if (i < layer_.highlights.size() && highlighted_on(layer_.highlights[i], day_)) s.emphasis = 1;
  for (const story::Series& series : layer_.spec.series) {
    if (key_ < 0 || f.values[key_] != series.feature_key) continue;
    const story::Sample* reported = story::sample_at(series, day_);
    if (reported && std::isnan(reported->value)) {
      // No figure: a small faint symbol that claims no size, never the last figure held over.
      s.radius_px = st.point_radius_px;
      s.fill.a *= 0.3f;
      continue;
    }
    double v = std::max(0.0, story::series_value(series, day_).value_or(0.0));
    if (series.radius_px_per_sqrt > 0) s.radius_px = static_cast<float>(series.radius_px_per_sqrt * std::sqrt(v));
    // A width of 0 would fall back to the layer's: hide the line with a hair-thin width instead.
    if (series.width_px_per_unit > 0) s.width_px = std::max(0.01f, static_cast<float>(series.width_px_per_unit * v));
  }
  return s;
}

std::vector<FeatureStyle> evaluate_styles(const AtlasLayer& layer, story::Days day) {
  const StyleEvaluator look(layer, day);
  std::vector<FeatureStyle> styles;
  styles.reserve(layer.data->features.size());
  for (size_t i = 0; i < layer.data->features.size(); ++i) styles.push_back(look(i));
  return styles;
}

std::string series_label_of(const AtlasLayer& layer, size_t feature, story::Days day) {
  int key = layer.data->field_index(layer.spec.key_field);
  if (key < 0) return "";
  for (const story::Series& series : layer.spec.series)
    if (layer.data->features[feature].values[key] == series.feature_key)
      if (std::string text = story::series_label(series, day); !text.empty()) return text;
  return "";
}

bool is_static(const AtlasLayer& layer) { return layer.times.empty() && !styles_vary_by_day(layer); }

bool styles_vary_by_day(const AtlasLayer& layer) {
  const story::LayerStyle& st = layer.spec.style;
  return !layer.spec.series.empty() || !st.highlight_field.empty() || st.flow;
}

}  // namespace chronoatlas::model
