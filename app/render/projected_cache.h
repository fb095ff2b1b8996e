#pragma once
// Projected layers kept between runs: project_layer()'s result in the prepared-data cache, for geometry that came from
// the cache itself, keyed by that geometry's key, the projection's definition, the time origin and the features'
// times. A launch or render that repeats the last one's projection then neither tessellates nor projects.
#include <optional>
#include <string>
#include <vector>

#include "base/disk_cache.h"
#include "render/projected_layer.h"

namespace chronoatlas::render {

// project_layer(GEOMETRY, PROJECTION, TIMES, ORIGIN), from CACHE when it holds it (CACHE may be null; geometry
// without a cache key is projected every time). A damaged entry is projected again and named in WARNINGS.
ProjectedLayer cached_projection(const LayerGeometry& geometry, const geo::Projection& projection,
                                 const std::vector<story::Interval>& times, story::Days origin, const DiskCache* cache,
                                 std::vector<std::string>& warnings);

std::string pack_projected(const ProjectedLayer& layer);
// Nothing when BYTES is not a packed layer or indexes outside its own arrays (it goes to the GPU as it is).
std::optional<ProjectedLayer> unpack_projected(const std::string& bytes);

}  // namespace chronoatlas::render
