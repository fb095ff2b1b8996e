#pragma once
// Reading vector files through GDAL/OGR: every layer of any source GDAL opens, reprojected to WGS84.
#include <string>

#include "base/result.h"
#include "geo/vector_data.h"

namespace chronoatlas::geo {

// Opens PATH with GDAL and reads all its layers. Fails (with a message naming the file) when the file is missing,
// unreadable or not a vector source. Unusable features (null geometry, coordinates out of range, unclosed rings) and
// layers in an unknown CRS are skipped with a warning in the report; an empty layer is not an error.
Result<LoadReport> load_vector_source(const std::string& path);

}  // namespace chronoatlas::geo
