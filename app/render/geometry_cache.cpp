#include "render/geometry_cache.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "base/byte_stream.h"

namespace chronoatlas::render {
namespace {

constexpr uint32_t kGeometryFormat = 1;

// Every coordinate and part count of LAYER: what the geometry is built from (attributes are not).
uint64_t content_hash(const geo::VectorLayer& layer) {
  uint64_t h = hash_text(layer.name);
  auto add = [&h](const std::vector<LonLat>& points) {
    h = hash_bytes(points.data(), points.size() * sizeof(LonLat), h);
  };
  for (const geo::Feature& f : layer.features) {
    const uint64_t counts[] = {f.polygons.size(), f.lines.size(), f.points.size()};
    h = hash_bytes(counts, sizeof counts, h);
    for (const Polygon& p : f.polygons) {
      const uint64_t rings = p.size();
      h = hash_bytes(&rings, sizeof rings, h);
      for (const Ring& r : p) add(r);
    }
    for (const LineString& l : f.lines) add(l);
    add(f.points);
  }
  return h;
}

void put_shapes(ByteWriter& w, const Shapes& s) {
  w.put(s.tolerance_deg);
  w.put(s.fill_vertices);
  w.put(s.fill_feature);
  w.put(s.fill_indices);
  w.put(s.line_points);
  w.put(s.line_starts);
  w.put(s.line_feature);
}

void get_shapes(ByteReader& r, Shapes& s) {
  r.get(s.tolerance_deg);
  r.get(s.fill_vertices);
  r.get(s.fill_feature);
  r.get(s.fill_indices);
  r.get(s.line_points);
  r.get(s.line_starts);
  r.get(s.line_feature);
}

// An entry is untrusted input: its coordinates must be ones the reader could have made (all_on_earth), and its
// indices must stay inside their arrays, before it reaches the seam cutter, the GPU or the label code.
bool below(const std::vector<uint32_t>& indices, size_t n) {
  return std::all_of(indices.begin(), indices.end(), [n](uint32_t i) { return i < n; });
}

// S's arrays agree with each other and with the FEATURES of its layer.
bool consistent(const Shapes& s, size_t features) {
  if (!below(s.fill_feature, features) || !below(s.line_feature, features)) return false;
  if (!all_on_earth(s.fill_vertices) || !all_on_earth(s.line_points)) return false;
  const size_t v = s.fill_vertices.size(), p = s.line_points.size();
  if (s.fill_feature.size() != v || s.fill_indices.size() % 3 || s.line_starts.empty() ||
      s.line_feature.size() + 1 != s.line_starts.size())
    return false;
  if (!below(s.fill_indices, v)) return false;
  for (size_t i = 0; i < s.line_starts.size(); ++i)
    if (s.line_starts[i] > p || (i && s.line_starts[i] < s.line_starts[i - 1])) return false;
  return true;
}

}  // namespace

std::string pack_geometry(const LayerGeometry& g) {
  ByteWriter w;
  w.put<uint64_t>(g.levels.size());
  for (const Shapes& s : g.levels) put_shapes(w, s);
  w.put(g.points);
  w.put(g.point_feature);
  w.put(g.label_anchor);
  w.put(g.label_rank);
  w.put(g.extent);
  w.put(g.seam_deg);
  w.put(g.cut);
  return std::move(w.bytes());
}

std::optional<LayerGeometry> unpack_geometry(const std::string& bytes) {
  ByteReader r(bytes);  // the layout's version is in the entry's key
  LayerGeometry g;
  g.levels.resize(r.items(8));
  for (Shapes& s : g.levels) get_shapes(r, s);
  r.get(g.points);
  r.get(g.point_feature);
  r.get(g.label_anchor);
  r.get(g.label_rank);
  r.get(g.extent);
  r.get(g.seam_deg);
  r.get(g.cut);
  if (!r.ok() || !r.at_end() || g.points.size() != g.point_feature.size() ||
      g.label_anchor.size() != g.label_rank.size() || !all_on_earth(g.points))
    return std::nullopt;
  if (!below(g.point_feature, g.label_anchor.size())) return std::nullopt;
  for (const Shapes& s : g.levels)
    if (!consistent(s, g.label_anchor.size())) return std::nullopt;
  return g;
}

LayerGeometry cached_layer_geometry(const geo::VectorLayer& layer, const std::string& slot, double seam_deg,
                                    const DiskCache* cache, std::vector<std::string>& warnings) {
  if (!cache) return build_layer_geometry(layer, seam_deg);
  std::string key = "geometry " + std::to_string(kGeometryFormat) + " tolerances";
  for (double t : kLevelTolerancesDeg) key += " " + std::to_string(t);
  char seam[32];
  std::snprintf(seam, sizeof seam, " seam %.17g", seam_deg);
  key += seam + std::string(" features ") + std::to_string(layer.features.size()) + " content " +
         std::to_string(content_hash(layer));
  const std::string name = DiskCache::entry_name("geometry", slot.empty() ? key : slot);
  std::string damage;
  LayerGeometry g = cache->through<LayerGeometry>(
      name, key,
      [&](const std::string& bytes) {
        std::optional<LayerGeometry> hit = unpack_geometry(bytes);
        return hit && hit->label_anchor.size() == layer.features.size() ? hit : std::nullopt;
      },
      [&] { return build_layer_geometry(layer, seam_deg); }, pack_geometry, damage);
  g.cache_key = key;
  g.cache_slot = slot.empty() ? key : slot;
  if (!damage.empty()) warnings.push_back(damage + "; layer " + layer.name + " was prepared again");
  return g;
}

}  // namespace chronoatlas::render
