#pragma once
// What an image says about itself, for `info` on an export: its size, bands, CRS and the resolution a layout program
// places it at (a PNG's pHYs chunk, a TIFF's resolution tags).
#include <optional>
#include <string>

#include "base/result.h"

namespace chronoatlas::exporting {

struct ImageFacts {
  std::string driver;           // GDAL's name for the format
  int width = 0, height = 0, bands = 0;
  std::string crs;              // WKT name of the georeference's CRS; "" when it has none
  std::optional<double> dpi_x, dpi_y;  // dots per inch; none when the file states no resolution
};

// Whether PATH is a plain file named as an image exports are written in (.png, .tif, .tiff): one for image_facts,
// not the vector reader.
bool is_image_file(const std::string& path);
// The facts of the PNG or TIFF image at PATH, or why it cannot be read.
Result<ImageFacts> image_facts(const std::string& path);

}  // namespace chronoatlas::exporting
