// Fuzz target: dates, moments, frame ranges and numbers as typed by users and written in data files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/numbers.h"
#include "base/text.h"
#include "export/frame_sequence.h"
#include "story/data_time.h"
#include "story/time.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto moment = chronoatlas::story::parse_moment(text)) (void)chronoatlas::story::format_moment(*moment);
  (void)chronoatlas::story::parse_iso_date(text);
  (void)chronoatlas::exporting::parse_frame_range(text);
  (void)chronoatlas::story::parse_data_time(text);
  (void)chronoatlas::story::parse_data_time(text, false);
  (void)chronoatlas::story::numeric_day_first(chronoatlas::split(text, '\n'));
  (void)chronoatlas::parse_number(text);
  (void)chronoatlas::parse_integer(text, -1000, 1000);
  return 0;
}
