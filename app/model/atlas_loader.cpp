// Reading into the atlas: a scenario's files on all cores, a file the user adds (off the UI thread), a database's
// first fetch.
#include <algorithm>
#include <filesystem>

#include "base/files.h"
#include "base/job_pool.h"
#include "geo/database_source.h"
#include "geo/gdal_setup.h"
#include "geo/vector_cache.h"
#include "geo/vector_source.h"
#include "model/atlas.h"
#include "model/place_search.h"
#include "model/time_detection.h"

namespace chronoatlas::model {
namespace {

// What a database layer is first fetched for: the scenario's view at about 2,000 pixels across.
FetchedView first_fetch(const BoundsLonLat& view) {
  if (view.empty()) return fetch_for(BoundsLonLat{-180, -90, 180, 90}, 360.0 / 2000);
  return fetch_for(view, (view.east - view.west) / 2000);
}

// SOURCE read: a file (through CACHE), or a database's features for the scenario's VIEW.
Result<geo::LoadReport> read_source(const std::string& source, const DiskCache* cache, const BoundsLonLat& view,
                                    Progress* progress = nullptr) {
  if (!is_database_source(source)) return geo::load_vector_source(source, cache, progress);
  const FetchedView f = first_fetch(view);
  geo::FetchStats stats;
  return geo::load_database_view(source, f.box, f.tolerance_deg, stats);
}

}  // namespace

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
    if (is_database_source(spec.source)) atlas.layers_.back().fetched = first_fetch(scenario.view);
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
    spec.id = spec.title = is_database_source(path) ? l.name
                                                          : std::filesystem::path(path).filename().string() +
                                                                (report.layers.size() > 1 ? " / " + l.name : "");
    spec.source = path;
    spec.source_layer = l.name;
    Rgba c = palette[layers_.size() % std::size(palette)];
    spec.style.fill = {c.r, c.g, c.b, 89 / 255.f};  // 35 %, as saved
    spec.style.stroke = c;
    spec.style.stroke_width_px = 1.5f;
    // Points are named on the map, as a reader expects of places; areas and lines only when asked (a layer of
    // districts would cover the map in names).
    if (l.has_points()) spec.style.label_field = name_field(l);
    // Dated data plays on the timeline at once; the layer's Time section can change what was found.
    const TimeDetection found = detect_time(l);
    spec.time = found.time;
    // What the reading assumed, or why a column that looks like time is not read as time: said, never silent.
    if (found.time.any() && found.day_order.assumed) warnings.push_back(spec.title + ": " + day_order_text(found.day_order));
    if (!found.undated_field.empty())
      warnings.push_back(spec.title + ": field '" + found.undated_field + "' is named as a time field, but " +
                         std::to_string(found.undated_values) + " of its values are not dates; the layer is shown on "
                         "every date");
    add_layer(std::move(spec), std::move(l), warnings);
    if (is_database_source(path)) layers_.back().fetched = first_fetch(scenario_.view);
    widen_time_range(layers_.back(), warnings);
  }
  return Ok{};
}

}  // namespace chronoatlas::model
