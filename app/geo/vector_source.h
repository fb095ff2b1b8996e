#pragma once
// Reading vector files through GDAL/OGR: every layer of any source GDAL opens, reprojected to WGS84.
#include <string>
#include <vector>

#include "base/progress.h"
#include "base/result.h"
#include "geo/vector_data.h"

class OGRLayer;

namespace chronoatlas::geo {

// Opens PATH with GDAL and reads all its layers. Fails (with a message naming the file) when the file is missing,
// unreadable or not a vector source. Unusable features (null geometry, coordinates out of range, unclosed rings) and
// layers in an unknown CRS are skipped with a warning in the report; an empty layer is not an error.
// What GDAL is given for PATH: archives (.zip, .tar, .tar.gz, .gz) through its virtual file systems, /vsi... paths
// and connection strings as they are, plain paths only when they are files or folders. Network sources are refused:
// Chronoatlas is offline by design.
Result<std::string> gdal_path(const std::string& path);

// PROGRESS (optional) follows the features read; once it is cancelled the read stops with an error.
Result<LoadReport> load_vector_source(const std::string& path, Progress* progress = nullptr);

// Reads one opened OGR layer (of a file, or a database query's result) into REPORT: the layer, or a warning when it
// cannot be used. LABEL names the source in messages. The features whose ids are in NUL_ROWS (sorted; see
// rows_with_nul) are skipped with a warning. Call init_gdal() first.
void read_ogr_layer(OGRLayer& layer, const std::string& label, LoadReport& report, Progress* progress = nullptr,
                    const std::vector<int64_t>& nul_rows = {});

}  // namespace chronoatlas::geo
