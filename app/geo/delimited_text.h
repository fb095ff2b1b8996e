#pragma once
// Delimited text (CSV, TSV, PSV) as GDAL's CSV driver reads it, and what that reading cannot see: GDAL keeps each line
// as a C string, so a NUL byte cuts the line there and the row reads as something else (a date "2023-09-2\0" becomes
// 2 September). The rows that hold one are found here, so that they are skipped, not drawn wrong.
#include <cstdint>
#include <string>
#include <vector>

namespace chronoatlas::geo {

// True for a file name GDAL's CSV driver opens as delimited text (.csv, .tsv, .psv, any case, also inside /vsizip/).
bool delimited_text(const std::string& path);

// The GDAL feature ids (1 for the first row after the header, as the CSV driver numbers them: blank lines are not
// rows, a quoted field may span lines) of the rows that hold a NUL byte; 0 in the list is the header itself. PATH is
// read through GDAL's file systems; a file without any NUL costs one memchr pass.
std::vector<int64_t> rows_with_nul(const std::string& path);

}  // namespace chronoatlas::geo
