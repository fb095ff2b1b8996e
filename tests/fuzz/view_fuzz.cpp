// Fuzz target: a saved view from anyone, then the map view it describes (projection, centre, scale, size).
#include <cstddef>
#include <cstdint>
#include <string>

#include "export/view_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto saved = chronoatlas::exporting::parse_view_file(text, "fuzz-view.json");
  if (saved) (void)chronoatlas::exporting::view_of(*saved);
  return 0;
}
