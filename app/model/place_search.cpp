#include "model/place_search.h"

#include <algorithm>

#include "model/name_folding.h"

namespace chronoatlas::model {
namespace {

bool is_name_field(const std::string& field) {
  std::string f = fold_case(field);
  return f == "name" || f.rfind("name_", 0) == 0 || f.rfind("name:", 0) == 0 || f == "title" || f == "label";
}

BoundsLonLat extent_of(const geo::Feature& f) {
  BoundsLonLat b;
  for (const Polygon& p : f.polygons)
    if (!p.empty())
      for (const LonLat& ll : p[0]) b.extend(ll);
  for (const LineString& l : f.lines)
    for (const LonLat& ll : l) b.extend(ll);
  for (const LonLat& ll : f.points) b.extend(ll);
  return b;
}

}  // namespace

std::string name_field(const geo::VectorLayer& layer) {
  std::string first;
  for (const std::string& f : layer.fields) {
    if (fold_case(f) == "name") return f;
    if (first.empty() && is_name_field(f)) first = f;
  }
  return first;
}

std::vector<PlaceHit> find_places(const Atlas& atlas, const std::string& query, size_t max_hits) {
  const std::string q = fold_for_search(query);
  if (q.empty()) return {};
  struct Ranked {
    PlaceHit hit;
    bool prefix;
  };
  std::vector<Ranked> found;
  for (size_t li = 0; li < atlas.layers().size(); ++li) {
    const AtlasLayer& l = atlas.layers()[li];
    if (!l.spec.style.visible) continue;
    std::vector<int> fields;
    for (size_t fi = 0; fi < l.data->fields.size(); ++fi)
      if (l.data->fields[fi] == l.spec.style.label_field || is_name_field(l.data->fields[fi]))
        fields.push_back(static_cast<int>(fi));
    for (size_t i = 0; i < l.data->features.size(); ++i)
      for (int fi : fields) {
        const std::string& value = l.data->features[i].values[fi];
        const size_t at = fold_for_search(value).find(q);
        if (at == std::string::npos) continue;
        found.push_back({{li, i, value, l.spec.title, extent_of(l.data->features[i])}, at == 0});
        break;  // one hit a feature, by its first matching name
      }
  }
  std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
    if (a.prefix != b.prefix) return a.prefix;
    return a.hit.name.size() < b.hit.name.size();
  });
  std::vector<PlaceHit> out;
  for (size_t i = 0; i < found.size() && i < max_hits; ++i) out.push_back(std::move(found[i].hit));
  return out;
}

}  // namespace chronoatlas::model
