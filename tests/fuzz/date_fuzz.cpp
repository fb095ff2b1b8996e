// Fuzz target: dates, moments and frame ranges as typed by users and written in data files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "export/frame_sequence.h"
#include "story/time.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto moment = chronoatlas::story::parse_moment(text)) (void)chronoatlas::story::format_moment(*moment);
  (void)chronoatlas::story::parse_iso_date(text);
  (void)chronoatlas::exporting::parse_frame_range(text);
  return 0;
}
