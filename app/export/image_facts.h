#pragma once
// What an image says about itself, for `info` on an export: its size, bands, CRS and the resolution a layout program
// places it at (a PNG's pHYs chunk, a TIFF's resolution tags).
#include <optional>
#include <string>

namespace chronoatlas::exporting {

struct ImageFacts {
  std::string driver;           // GDAL's name for the format
  int width = 0, height = 0, bands = 0;
  std::string crs;              // WKT name of the georeference's CRS; "" when it has none
  std::optional<double> dpi_x, dpi_y;  // dots per inch; none when the file states no resolution
};

// The facts of the raster image at PATH; nothing when it is not one (no raster bands, or vector layers: those are
// for the vector report).
std::optional<ImageFacts> image_facts(const std::string& path);

}  // namespace chronoatlas::exporting
