// Fuzz target: GDAL's reading of a file into the model's features (GeoJSON or CSV by the first byte), where every
// coordinate, ring and string from the file is checked.
#include <cstddef>
#include <cstdint>
#include <string>

#include <cpl_vsi.h>

#include "geo/gdal_setup.h"
#include "geo/vector_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  chronoatlas::geo::init_gdal();
  const std::string path = data[0] % 2 ? "/vsimem/fuzz.geojson" : "/vsimem/fuzz.csv";
  VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data + 1), size - 1, FALSE);
  if (!f) return 0;
  VSIFCloseL(f);
  (void)chronoatlas::geo::load_vector_source(path);
  VSIUnlink(path.c_str());
  return 0;
}
