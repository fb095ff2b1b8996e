#pragma once
// One layer of the atlas: its spec, its features (shared, never changed in place) and what is read from them once:
// each feature's time interval, its start order, its highlight days.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "geo/vector_data.h"
#include "model/fetched_view.h"
#include "story/scenario.h"

namespace chronoatlas::model {

struct AtlasLayer {
  uint64_t id = 0;                               // stable across reordering; never reused
  story::LayerSpec spec;
  // The features, shared and never changed in place (an edit puts a new layer here): background work and undo hold
  // them without a copy.
  std::shared_ptr<const geo::VectorLayer> data;
  std::vector<story::Interval> times;            // per feature; empty when the layer has no time fields
  std::vector<uint32_t> by_start;                // with times: feature indices ordered by start, for scans of a date
  story::Days longest = 0;                       // with times: the longest a feature is live (infinite when open)
  std::vector<std::vector<story::Days>> highlights;  // per feature, the days it is ringed; empty: none
  uint64_t style_revision = 0;                   // bumped by set_style
  uint64_t time_revision = 0;                    // bumped by set_time: the GPU's per-vertex times are stale
  story::Days first_moment = 0, last_moment = 0; // the earliest and latest start read (0, 0: none)
  bool dated = false;                            // some feature has a day it starts or ends: it changes with the date
  size_t unreadable_times = 0;                   // features never shown because a date could not be read
  std::optional<FetchedView> fetched;            // a database layer: the area and detail its features are for
};

// Whether LAYER is one of the basemap's (the basemap's scenario names each layer "basemap-..."): drawn under the
// data, but not data: not framed, and not a file the user added.
inline bool is_basemap(const AtlasLayer& layer) { return layer.spec.id.rfind("basemap-", 0) == 0; }

}  // namespace chronoatlas::model
