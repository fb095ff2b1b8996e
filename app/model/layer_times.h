#pragma once
// When a layer's features are shown: their intervals read once from the time fields, a start order for scanning a
// date, and the days each is ringed.
#include <string>
#include <utility>
#include <vector>

#include "model/atlas_layer.h"

namespace chronoatlas::model {

// Reads every feature's interval under L's time settings (unreadable dates named in WARNINGS: the first few, then
// a count), its start order and the longest a feature lasts.
void index_times(AtlasLayer& l, std::vector<std::string>& warnings);
// Reads the days each feature is ringed from L's highlight field.
void index_highlights(AtlasLayer& l, std::vector<std::string>& warnings);
// True when DAY falls on one of DAYS.
bool highlighted_on(const std::vector<story::Days>& days, story::Days day);
// True when FEATURE is shown at DAY.
inline bool live(const AtlasLayer& layer, size_t feature, story::Days day) {
  return layer.times.empty() || layer.times[feature].contains(day);
}
// The run of a dated LAYER's start order that may hold features live at DAY: those started by DAY, from DAY minus the
// longest a feature lasts.
std::pair<std::vector<uint32_t>::const_iterator, std::vector<uint32_t>::const_iterator> may_be_live(
    const AtlasLayer& layer, story::Days day);
// Calls VISIT(feature) for each feature of LAYER shown at DAY. A dated layer is scanned through its start order from
// DAY minus the longest a feature lasts, so a date among 100,000 one-day events visits its few hundred. The order is
// by start, not by feature.
template <class Visit>
void for_each_live(const AtlasLayer& layer, story::Days day, const Visit& visit) {
  if (layer.times.empty()) {
    for (size_t i = 0; i < layer.data->features.size(); ++i) visit(i);
    return;
  }
  const auto [first, last] = may_be_live(layer, day);
  for (auto it = first; it != last; ++it)
    if (layer.times[*it].contains(day)) visit(*it);
}
// True when some feature of LAYER is shown at DAY.
bool any_live(const AtlasLayer& layer, story::Days day);

}  // namespace chronoatlas::model
