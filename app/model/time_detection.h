#pragma once
// Which fields of a layer hold its time, found by name and content: what a dropped CSV, KML or GPX needs to play on
// the timeline without a dialog. The user can correct the result in the layer's Time section.
#include <string>

#include "geo/vector_data.h"
#include "story/scenario.h"

namespace chronoatlas::model {

struct TimeDetection {
  story::LayerTime time;                // no fields: the layer is static
  story::Days first = 0, last = 0;      // the earliest and latest moment read, placeholders left out
  size_t unparsed = 0;                  // features whose time fields hold something that is not a date
  size_t placeholders = 0;              // features with a date outside 1800..2200 (story::plausible_date): not drawn
  size_t offsets = 0;                   // features whose times carry a UTC offset, read past (times stay as written)
};

// A field is a time field when more than half of its non-empty values read as dates (ISO 8601, the written forms). Start and
// end names (begin/end, start_date/end_date, from/to, ...) make an interval layer; one dated field (event_date, time,
// timestamp, when, ...) an instant layer. KML's begin/end with timestamp: an interval layer whose TimeStamp features
// are instants.
TimeDetection detect_time(const geo::VectorLayer& layer);
// The moments LAYER'S features have under TIME: first, last and the unreadable count, as detect_time reports them.
TimeDetection measure_time(const geo::VectorLayer& layer, const story::LayerTime& time);

}  // namespace chronoatlas::model
