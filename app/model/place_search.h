#pragma once
// Finding places by name in the atlas: every visible layer's label field and its name fields (name, name_hy,
// NAME_EN, ...), in any script. No UI here; the sidebar's search box shows what this returns.
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "model/atlas.h"

namespace chronoatlas::model {

struct PlaceHit {
  size_t layer, feature;
  std::string name;       // the value that matched
  std::string layer_title;
  BoundsLonLat extent;    // of the feature, degrees
};

// Features whose names contain QUERY, both folded by fold_for_search (case, optional marks, variant forms); names
// that start with it first, then shorter names; at most MAX_HITS. An empty query finds nothing.
std::vector<PlaceHit> find_places(const Atlas& atlas, const std::string& query, size_t max_hits = 20);
// The field LAYER names its features by ("name", else the first of name_*, name:*, title, label); empty when none.
std::string name_field(const geo::VectorLayer& layer);

}  // namespace chronoatlas::model
