#pragma once
// The map's content as a model, with no GL: the scenario and its layers (spec, vector data, per-feature time
// intervals and highlight dates, parsed once at load). It changes only through the named operations below, which
// the app, the render command and the tests all use; every change bumps a revision the GPU side watches.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/disk_cache.h"
#include "base/progress.h"
#include "base/result.h"
#include "geo/vector_data.h"
#include "model/atlas_layer.h"
#include "model/fetched_view.h"
#include "model/layer_times.h"
#include "model/style_evaluator.h"
#include "story/scenario.h"

namespace chronoatlas::model {

class Atlas {
 public:
  // Loads every layer of SCENARIO. A layer whose source cannot be read fails the load; unusable features are
  // skipped with a warning naming file, layer, feature and value.
  // With CACHE, files read before come from the prepared-data cache, and files read now go into it.
  static Result<Atlas> load(const story::Scenario& scenario, std::vector<std::string>& warnings,
                            std::shared_ptr<const DiskCache> cache = nullptr);
  // The prepared-data cache the atlas reads through, or null.
  const DiskCache* cache() const { return cache_.get(); }
  const std::shared_ptr<const DiskCache>& cache_handle() const { return cache_; }

  const story::Scenario& scenario() const { return scenario_; }
  const std::vector<AtlasLayer>& layers() const { return layers_; }
  // Changes whenever a layer is added, removed, moved or restyled.
  uint64_t revision() const { return revision_; }

  // Replaces the features of layer INDEX with DATA; its style and time settings stay. The layer gets a new id, so
  // that what was prepared from the old features is dropped.
  void set_features(size_t index, geo::VectorLayer data, std::vector<std::string>& warnings);
  // The same for a database layer whose DATA was fetched for VIEW.
  void replace_features(size_t index, geo::VectorLayer data, const FetchedView& view, std::vector<std::string>& warnings);
  // The story's title, on the map and in the window.
  void set_title(const std::string& title);
  // What local time means in the story ("UTC+4"), stated with the time rule on the map; "" for none stated.
  void set_time_zone(const std::string& zone);
  // The timeline [START, END) and the date shown first (clamped into it), days since 1970; GPU times count from START.
  // DATED false takes the story back to one without a range of its own (an undo).
  void set_time_range(story::Days start, story::Days end, story::Days initial, bool dated = true);
  // Adds EVENT to the timeline after those at the same moment; returns where it went.
  size_t add_event(story::Event event);
  // Removes event INDEX and gives it back.
  story::Event remove_event(size_t index);
  // Adds SOURCE to the story's list (its id new), or takes the source with ID out of it.
  void add_source(story::Source source);
  void remove_source(const std::string& id);
  // Adds QUOTE at INDEX of the story's quotes (the end by default).
  void insert_quote(story::Quote quote, size_t index);
  // Removes quote INDEX and gives it back.
  story::Quote remove_quote(size_t index);
  // The story now lives in folder DIR and is made of LAYERS (the specs of every layer, with their new sources, in
  // order): what saving it there gives. Nothing is read again.
  void saved_as(const std::string& dir, const std::vector<story::LayerSpec>& layers);
  // A file read but not yet added: what add_file() does off the UI thread.
  struct ReadFile {
    std::string path;
    geo::LoadReport report;
  };
  // Reads PATH (a file through CACHE, or a database for VIEW) without touching an atlas: safe on any thread.
  static Result<ReadFile> read_file(const std::string& path, const DiskCache* cache, const BoundsLonLat& view,
                                    Progress* progress = nullptr);
  // Adds a file read_file() returned, as add_file() would.
  Status add_read_file(ReadFile file, std::vector<std::string>& warnings);
  // Adds every layer of a vector file on top, with a default style and the time fields detect_time finds. Dated
  // layers widen the time range to their dates (a note in WARNINGS says so); without a scenario the first sets it.
  Status add_file(const std::string& path, std::vector<std::string>& warnings);
  // Adds DATA (already read) on top as SPEC says; features with malformed dates are skipped with a warning.
  void add_layer(story::LayerSpec spec, geo::VectorLayer data, std::vector<std::string>& warnings);
  // Removes layer INDEX and gives it back, so the UI can undo; an index out of range removes nothing.
  std::optional<AtlasLayer> remove_layer(size_t index);
  // Puts a removed layer back at INDEX (clamped to the list), with its id and style.
  void restore_layer(size_t index, AtlasLayer layer);
  // The files added on top of the scenario's layers, once each, in the order they were added.
  std::vector<std::string> added_files() const;
  void move_layer(size_t from, size_t to);
  void set_style(size_t index, const story::LayerStyle& style);
  // The sources layer INDEX credits while it is shown.
  void set_attribution(size_t index, const std::string& attribution);
  // New time settings for layer INDEX: its features' intervals are read again (unreadable dates named in WARNINGS)
  // and the time range widens to them as for an added file.
  void set_time(size_t index, const story::LayerTime& time, std::vector<std::string>& warnings);
  // For a map of added files alone (no scenario): makes the default view their extent, with at least 0.05 degrees
  // around a single point; of the layers at the indices ONLY, or of all when it is empty. False when none has a feature.
  bool fit_default_view_to_layers(const std::vector<size_t>& only = {});
  // The story's default view, degrees.
  void set_default_view(const BoundsLonLat& view);

  // True when some layer's features have a day they start or end (so the map differs by date).
  bool timed() const;

 private:
  void widen_time_range(const AtlasLayer& layer, std::vector<std::string>& notes);

  story::Scenario scenario_;
  bool timed_before_ = false;  // an added layer has set the range of a map without a scenario
  std::vector<AtlasLayer> layers_;
  std::shared_ptr<const DiskCache> cache_;
  uint64_t revision_ = 1;
  uint64_t next_id_ = 1;
};

}  // namespace chronoatlas::model
