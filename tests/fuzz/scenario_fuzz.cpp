// Fuzz target: a scenario manifest from anyone. Any input must give a scenario or an error, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "story/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)chronoatlas::story::parse_scenario(text, "/nonexistent/fuzz-scenario");
  return 0;
}
