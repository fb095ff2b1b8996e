// Fuzz target: a story folder from anyone. The bytes up to the first NUL are its scenario.json, the rest (when there
// is a NUL) its sources.json, both in a folder of this process's own; any input must give a scenario or an error,
// never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <unistd.h>

#include "own_folder.h"

#include "story/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const size_t nul = text.find('\0');
  const std::string sources = own_folder("chronoatlas-story-fuzz") + "/sources.json";
  if (nul == std::string::npos) std::remove(sources.c_str());
  else std::ofstream(sources, std::ios::binary | std::ios::trunc) << text.substr(nul + 1);
  (void)chronoatlas::story::parse_scenario(text.substr(0, nul), own_folder("chronoatlas-story-fuzz"));
  return 0;
}
