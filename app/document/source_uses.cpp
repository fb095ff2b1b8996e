#include "document/source_uses.h"

#include <algorithm>
#include <map>

#include "base/text.h"
#include "document/commands.h"

namespace chronoatlas::document {
namespace {

// The index of FIELD in LAYER's data, or -1.
long field_index(const model::AtlasLayer& layer, const std::string& field) {
  const auto& fields = layer.data->fields;
  const auto it = std::find(fields.begin(), fields.end(), field);
  return it == fields.end() ? -1 : static_cast<long>(it - fields.begin());
}

}  // namespace

std::vector<SourceUse> source_uses(const model::Atlas& atlas) {
  const story::Scenario& sc = atlas.scenario();
  std::map<std::string, SourceUse> uses;
  for (const auto& [id, source] : sc.sources) uses[id].source = source;
  auto cite = [&](const std::string& id, size_t SourceUse::*kind) {
    if (auto it = uses.find(id); it != uses.end()) ++(it->second.*kind);
  };
  for (const model::AtlasLayer& layer : atlas.layers()) {
    if (const long f = field_index(layer, "source_ids"); f >= 0)
      for (const geo::Feature& feature : layer.data->features)
        if (static_cast<size_t>(f) < feature.values.size())
          for (const std::string& id : split(feature.values[static_cast<size_t>(f)], ';')) cite(id, &SourceUse::features);
    for (const story::Series& series : layer.spec.series)
      for (const story::Sample& sample : series.samples)
        for (const std::string& id : sample.source_ids) cite(id, &SourceUse::figures);
  }
  for (const story::Event& e : sc.events)
    for (const std::string& id : e.source_ids) cite(id, &SourceUse::events);
  for (const story::Quote& q : sc.quotes)
    for (const std::string& id : q.source_ids) cite(id, &SourceUse::quotes);
  std::vector<SourceUse> out;
  for (auto& [id, use] : uses) out.push_back(std::move(use));
  return out;
}

std::vector<std::pair<std::string, size_t>> cited_in_words(const model::Atlas& atlas) {
  std::map<std::string, size_t> counts;
  for (const model::AtlasLayer& layer : atlas.layers()) {
    if (!authored(layer)) continue;
    if (const long f = field_index(layer, "source"); f >= 0)
      for (const geo::Feature& feature : layer.data->features)
        if (static_cast<size_t>(f) < feature.values.size() && !feature.values[static_cast<size_t>(f)].empty())
          ++counts[feature.values[static_cast<size_t>(f)]];
  }
  for (const story::Event& e : atlas.scenario().events) ++counts[e.source];
  for (const story::Quote& q : atlas.scenario().quotes) ++counts[q.source];
  std::vector<std::pair<std::string, size_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace chronoatlas::document
