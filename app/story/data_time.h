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
  bool offset = false;    // a UTC offset (+04:00, -0500) was written and read past
};

// A zone suffix (Z, +04:00) is read past, not applied: times stay as written, like every time in the app. 24:00 is
// the end of the day, the next day's 00:00 (ISO 8601); a leap second (23:59:60) is within its minute.
Result<DataTime> parse_data_time(const std::string& text);

// False for a date before 1800 or from 2201 on: in news data a placeholder for an unknown date ("0001-01-01",
// "9999-12-31"). Taken as a date it would stretch the timeline over millennia and cost the GPU's float times their
// precision, so it is counted and not drawn.
bool plausible_date(Days at);

}  // namespace chronoatlas::story
