#pragma once
// Which fields of a layer hold its time, found by name and content: what a dropped CSV, KML or GPX needs to play on
// the timeline without a dialog. The user can correct the result in the layer's Time section.
#include <string>

#include "geo/vector_data.h"
#include "story/data_time.h"
#include "story/scenario.h"

namespace chronoatlas::model {

struct TimeDetection {
  story::LayerTime time;                // no fields: the layer is static
  story::Days first = 0, last = 0;      // the earliest and latest moment read, placeholders left out
  size_t unparsed = 0;                  // features whose time fields hold something that is not a date
  size_t placeholders = 0;              // features with a date outside 1800..2200 (story::plausible_date): not drawn
  size_t offsets = 0;                   // features whose times carry a UTC offset, read past (times stay as written)
  story::DayOrder day_order;            // how the time fields' numeric dates read (time.day_first), and why
  // A field named as a time field (date, time, start, ...) whose values are mostly not dates: the layer is static,
  // and this says why, with the count of values that are not dates.
  std::string undated_field;
  size_t undated_values = 0;
};

// A field is a time field when more than half of its non-empty values read as dates (ISO 8601, the written forms,
// numbers with the year last read in the column's order: story::numeric_day_first). Start and
// end names (begin/end, start_date/end_date, from/to, ...) make an interval layer; one dated field (event_date, time,
// timestamp, when, ...) an instant layer. KML's begin/end with timestamp: an interval layer whose TimeStamp features
// are instants.
TimeDetection detect_time(const geo::VectorLayer& layer);
// How numeric dates were read, for a message: "13.02.2023 read day first (a day past 12 shows the order)", "...
// read day first, assumed: every one could be read either way (switch in the layer's Time section)".
std::string day_order_text(const story::DayOrder& order);
// The moments LAYER'S features have under TIME: first, last and the unreadable count, as detect_time reports them.
TimeDetection measure_time(const geo::VectorLayer& layer, const story::LayerTime& time);

}  // namespace chronoatlas::model
