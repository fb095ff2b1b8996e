#pragma once
// Dates as other people's data writes them: ISO 8601 with or without a time, seconds, fractions and a zone suffix
// (GPX, KML, GeoPackage), slashes (2023/09/20), the written forms of event exports ("20 September 2023",
// "20-Sep-2023", "September 20, 2023"), and numbers with the year last (13.02.2023, 20/02/2023, 3-4-23, with a time
// after a space), read day first or month first as the column shows (numeric_day_first).
#include <string>
#include <vector>

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
// DAY_FIRST says how numeric dates with the year last are read (13.02.2023 is 13 February; false: 02/13/2023 is). A
// two-digit year is 2000-2068 for 00-68 and 1969-1999 for 69-99, as POSIX strptime reads %y.
Result<DataTime> parse_data_time(const std::string& text, bool day_first = true);

// How a column writes its numeric dates (those with the year last), from its values: day first when one has a day
// past 12 (13.02.2023), month first when one has a month there (02/13/2023), day first and ASSUMED when every one
// could be read either way. SEEN: whether any value is such a date.
struct DayOrder {
  bool day_first = true;
  bool assumed = false;
  bool seen = false;
};
DayOrder numeric_day_first(const std::vector<std::string>& values);

// False for a date before 1800 or from 2201 on: in news data a placeholder for an unknown date ("0001-01-01",
// "9999-12-31"). Taken as a date it would stretch the timeline over millennia and cost the GPU's float times their
// precision, so it is counted and not drawn.
bool plausible_date(Days at);

}  // namespace chronoatlas::story
