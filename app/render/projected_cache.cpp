#include "render/projected_cache.h"

#include <cstdio>

#include "base/byte_stream.h"

namespace chronoatlas::render {
namespace {

constexpr uint32_t kProjectedFormat = 2;

bool runs_within(const std::vector<ProjectedRun>& runs, size_t items) {
  for (const ProjectedRun& r : runs)
    if (r.count < 0 || r.first > items || static_cast<size_t>(r.count) > items - r.first) return false;
  return true;
}

bool paths_within(const ProjectedPaths& p) {
  if (p.xy.size() % 2 || p.starts.size() != p.feature.size() + 1) return false;
  for (size_t i = 0; i < p.starts.size(); ++i)
    if (p.starts[i] > p.xy.size() / 2 || (i > 0 && p.starts[i] < p.starts[i - 1])) return false;
  return true;
}

bool consistent(const ProjectedLayer& p) {
  if (p.fill.size() % kFillVertexFloats || p.indices.size() % 3 || p.segments.size() % kSegmentFloats ||
      p.points.size() % kPointFloats)
    return false;
  const size_t vertices = p.fill.size() / kFillVertexFloats;
  for (uint32_t i : p.indices)
    if (i >= vertices) return false;
  for (const ProjectedLevel& l : p.levels)
    if (!runs_within(l.triangles, p.indices.size() / 3) ||
        !runs_within(l.segments, p.segments.size() / kSegmentFloats) || !paths_within(l.paths))
      return false;
  return p.feature_days.size() % 2 == 0 && runs_within(p.point_runs, p.points.size() / kPointFloats);
}

}  // namespace

std::string pack_projected(const ProjectedLayer& p) {
  ByteWriter w;
  w.put(p.fill);
  w.put(p.indices);
  w.put(p.segments);
  w.put(p.points);
  w.put<uint64_t>(p.levels.size());
  for (const ProjectedLevel& l : p.levels) {
    w.put(l.tolerance_deg);
    w.put(l.triangles);
    w.put(l.segments);
    w.put(l.paths.xy);
    w.put(l.paths.starts);
    w.put(l.paths.feature);
  }
  w.put(p.point_runs);
  w.put(p.label_anchors);
  w.put(p.feature_days);
  w.put(p.bounds);
  return std::move(w.bytes());
}

std::optional<ProjectedLayer> unpack_projected(const std::string& bytes) {
  ByteReader r(bytes);  // the layout's version is in the entry's key
  ProjectedLayer p;
  r.get(p.fill);
  r.get(p.indices);
  r.get(p.segments);
  r.get(p.points);
  p.levels.resize(r.items(8));
  for (ProjectedLevel& l : p.levels) {
    r.get(l.tolerance_deg);
    r.get(l.triangles);
    r.get(l.segments);
    r.get(l.paths.xy);
    r.get(l.paths.starts);
    r.get(l.paths.feature);
  }
  r.get(p.point_runs);
  r.get(p.label_anchors);
  r.get(p.feature_days);
  r.get(p.bounds);
  if (!r.ok() || !r.at_end() || !consistent(p)) return std::nullopt;
  return p;
}

ProjectedLayer cached_projection(const LayerGeometry& geometry, const geo::Projection& projection,
                                 const std::vector<story::Interval>& times, story::Days origin, const DiskCache* cache,
                                 std::vector<std::string>& warnings) {
  if (!cache || geometry.cache_key.empty()) return project_layer(geometry, projection, times, origin);
  char tail[64];
  std::snprintf(tail, sizeof tail, " origin %.17g times %016llx", origin,
                static_cast<unsigned long long>(hash_bytes(times.data(), times.size() * sizeof(story::Interval))));
  const std::string key = "projected " + std::to_string(kProjectedFormat) + " of " + geometry.cache_key + " in " +
                          projection.definition() + tail;
  // Named for the geometry's slot alone: a new CRS, time origin or content replaces the layer's last projection.
  const std::string name = DiskCache::entry_name("projected", geometry.cache_slot);
  std::string damage;
  ProjectedLayer p = cache->through<ProjectedLayer>(
      name, key,
      [&](const std::string& bytes) {
        std::optional<ProjectedLayer> hit = unpack_projected(bytes);
        return hit && hit->label_anchors.size() == geometry.label_anchor.size() ? hit : std::nullopt;
      },
      [&] { return project_layer(geometry, projection, times, origin); }, pack_projected, damage);
  if (!damage.empty()) warnings.push_back(damage + "; a layer was projected again");
  return p;
}

}  // namespace chronoatlas::render
