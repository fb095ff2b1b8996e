#pragma once
// Writing a rendered map: PNG with text chunks, a world file (.pgw) and the CRS (.prj), all or nothing.
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "render/image.h"
#include "render/view.h"

namespace chronoatlas::exporting {

struct ExportRequest {
  std::string png_path;                                    // must end in .png
  bool overwrite = false;                                  // otherwise an existing file is an error
  std::vector<std::pair<std::string, std::string>> text;   // PNG tEXt chunks: key, value
  std::string crs_wkt;                                     // for the .prj
  bool geotiff = false;                                    // also FILE.tif, georeferenced, through GDAL
  int dpi = 0;  // the print resolution, in the PNG (pHYs) and the GeoTIFF (resolution tags); 0: none stated
  std::vector<std::string> inputs;                         // files read for the map: never overwritten
};

// Paths of the world file and .prj that go with a PNG path.
std::string world_file_path(const std::string& png_path);
std::string prj_path(const std::string& png_path);
std::string geotiff_path(const std::string& png_path);
// Every file written for PNG_PATH: the PNG, its world file and .prj, and the GeoTIFF when asked for; a figure of
// another format (.svg, .pdf) is its one file.
std::vector<std::string> output_files(const std::string& png_path, bool geotiff);

// The six lines of a world file for VIEW: pixel size and the centre of the top-left pixel, in projected units.
std::string world_file_text(const render::View& view);

// Writes IMAGE and its sidecars. Each file is written to a temporary name in the same folder and the set is renamed
// into place only when all are complete (see output_files.h); on any failure nothing is left under the final names
// and the message names the file and says why.
Status write_map_files(const render::Image& image, const render::View& view, const ExportRequest& request);

}  // namespace chronoatlas::exporting
