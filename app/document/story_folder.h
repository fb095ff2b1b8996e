#pragma once
// A story saved as a scenario folder that opens on another machine: scenario.json, sources.json, the story's own
// layers as GeoJSON and copies of the files its layers read, with no path outside the folder.
#include <string>

#include "base/result.h"
#include "model/atlas.h"

namespace chronoatlas::document {

// Writes ATLAS's story to folder DIR whole or not at all: into a hidden folder beside it, then swapped in. DIR may be
// new, empty or a story folder (replaced); anything else is refused. Layer files inside the story's folder keep
// their place in it, other files are copied to data/ (a shapefile with its sidecars), the story's own layers (and
// layers read from folders or archives) are written to layers/ from memory; a database layer keeps its connection.
// Returns the scenario as saved: DIR and each layer's new source.
Result<story::Scenario> save_story(const model::Atlas& atlas, const std::string& dir);

}  // namespace chronoatlas::document
