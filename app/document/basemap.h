#pragma once
// The bundled countries and their names under a map that has no story of its own, so a user's points are not set on
// a blank page; credited in the sources line as any layer is. Read on any thread, added through commands.
#include <string>
#include <utility>
#include <vector>

#include "base/disk_cache.h"
#include "base/result.h"
#include "document/story_document.h"

namespace chronoatlas::document {

struct Basemap {
  std::vector<std::pair<story::LayerSpec, geo::VectorLayer>> layers;  // bottom first
  std::vector<std::string> warnings;
};

// Reads the basemap scenario in DIR (its layers' files, through CACHE, which may be null): touches no document, so
// the app runs it off the UI thread.
Result<Basemap> read_basemap(const std::string& dir, const DiskCache* cache);

// Adds BASEMAP's layers under DOCUMENT's, bottom first, as commands (the app can undo them); the view and the time
// range stay as they are.
Status add_basemap(StoryDocument& document, Basemap basemap, std::vector<std::string>& warnings);

}  // namespace chronoatlas::document
