// chronoatlas_gazetteer_pack: the build step that packs the offline gazetteer from the npm data packages.
// Usage: chronoatlas_gazetteer_pack GEONAMES_TXT ADMIN1_GEOJSON CLDR_MAIN_DIR REGIONS_JSON OUT
#include <chrono>
#include <cstdio>

#include "gazetteer/gazetteer_pack.h"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s GEONAMES_TXT ADMIN1_GEOJSON CLDR_MAIN_DIR REGIONS_JSON OUT\n", argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  auto counts = chronoatlas::gazetteer::pack_gazetteer({argv[1], argv[2], argv[3], argv[4]}, argv[5]);
  if (!counts) {
    std::fprintf(stderr, "gazetteer: %s\n", counts.error().c_str());
    return 1;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("gazetteer: %zu places, %zu names (%zu lines skipped) in %.1f s: %s\n", counts->places, counts->names,
              counts->skipped_lines, s, argv[5]);
  return 0;
}
