#pragma once
// Writing a layer the app holds (a story's own markers, areas and routes) as a file GDAL reads back to the same
// features: GeoJSON in WGS84, attributes as strings, coordinates to the last digit.
#include <string>

#include "base/result.h"
#include "geo/vector_data.h"

namespace chronoatlas::geo {

// Writes LAYER to PATH as GeoJSON (RFC 7946 order: lon, lat), replacing nothing: PATH must not exist. A feature's
// parts of each kind become one multi-geometry, and a feature with several kinds a geometry collection.
Status write_geojson(const VectorLayer& layer, const std::string& path);

}  // namespace chronoatlas::geo
