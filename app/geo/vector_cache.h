#pragma once
// Files read once: load_vector_source()'s result kept in the prepared-data cache, keyed by the file's path, size and
// modification time (and those of its sidecars: a shapefile's .dbf, .prj, ...), GDAL's version and the format.
// Folders, connection strings and /vsi paths are read every time: they can change without a file changing.
#include <optional>
#include <string>

#include "base/disk_cache.h"
#include "base/progress.h"
#include "geo/vector_data.h"

namespace chronoatlas::geo {

// load_vector_source(PATH), from CACHE when it holds a current entry (CACHE may be null). A stale or damaged entry
// is rebuilt, with a warning in the report saying so; a cache that cannot be written only costs the next run time.
Result<LoadReport> load_vector_source(const std::string& path, const DiskCache* cache, Progress* progress = nullptr);

// The packed form of a report and back; nothing when BYTES is not one.
std::string pack_report(const LoadReport& report);
std::optional<LoadReport> unpack_report(const std::string& bytes);

}  // namespace chronoatlas::geo
