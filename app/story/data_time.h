#pragma once
// Dates as other people's data writes them: ISO 8601 with or without a time, seconds, fractions and a zone suffix
// (GPX, KML, GeoPackage), slashes (2023/09/20), and the written forms of event exports ("20 September 2023",
// "20-Sep-2023", "September 20, 2023"). Day-first or month-first numbers (03/04/2023) are refused: they are ambiguous.
#include <string>

#include "base/result.h"
#include "story/time.h"

namespace chronoatlas::story {

struct DataTime {
  Days at = 0;
  bool has_time = false;  // a time of day was given (else AT is the day's first minute)
};

// A zone suffix (Z, +04:00) is read past, not applied: times stay as written, like every time in the app.
Result<DataTime> parse_data_time(const std::string& text);

}  // namespace chronoatlas::story
