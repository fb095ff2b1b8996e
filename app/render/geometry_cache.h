#pragma once
// Tessellated layers kept between runs: build_layer_geometry()'s result in the prepared-data cache, keyed by a hash
// of every coordinate it was built from, the seam, the levels' tolerances and the format.
#include <optional>
#include <string>
#include <vector>

#include "base/disk_cache.h"
#include "render/layer_geometry.h"

namespace chronoatlas::render {

// build_layer_geometry(LAYER, SEAM_DEG), from CACHE when it holds it (CACHE may be null). A damaged entry is rebuilt
// and named in WARNINGS. SLOT names the layer (its source and name): the entry for a slot's new content or seam
// replaces the old one, so edits of a file do not pile up entries; "" names the entry by its content.
LayerGeometry cached_layer_geometry(const geo::VectorLayer& layer, const std::string& slot, double seam_deg,
                                    const DiskCache* cache, std::vector<std::string>& warnings);

std::string pack_geometry(const LayerGeometry& geometry);
std::optional<LayerGeometry> unpack_geometry(const std::string& bytes);

}  // namespace chronoatlas::render
