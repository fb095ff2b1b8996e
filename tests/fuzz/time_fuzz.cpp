// Fuzz target: a dated table from anyone. The bytes are a CSV read by GDAL (with the NUL-row scan before it), then the
// time detection and the reading of every feature's interval, as a dropped file goes through them.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <cpl_vsi.h>

#include "geo/gdal_setup.h"
#include "geo/vector_source.h"
#include "model/layer_times.h"
#include "model/time_detection.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chronoatlas::geo::init_gdal();
  const char* path = "/vsimem/fuzz-dated.csv";
  VSILFILE* f = VSIFileFromMemBuffer(path, const_cast<GByte*>(data), size, FALSE);
  if (!f) return 0;
  VSIFCloseL(f);
  auto report = chronoatlas::geo::load_vector_source(path);
  VSIUnlink(path);
  if (!report) return 0;
  for (chronoatlas::geo::VectorLayer& layer : report->layers) {
    chronoatlas::model::AtlasLayer atlas_layer;
    atlas_layer.spec.time = chronoatlas::model::detect_time(layer).time;
    atlas_layer.spec.style.highlight_field = layer.fields.empty() ? "" : layer.fields.back();
    atlas_layer.data = std::make_shared<const chronoatlas::geo::VectorLayer>(std::move(layer));
    std::vector<std::string> warnings;
    chronoatlas::model::index_times(atlas_layer, warnings);
    chronoatlas::model::index_highlights(atlas_layer, warnings);
  }
  return 0;
}
