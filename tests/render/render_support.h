#pragma once
// Helpers for render tests: draw a scenario to files, read the PNG back, place lon/lat in it with PROJ alone.
#include <array>
#include <optional>
#include <string>

#include "base/result.h"
#include "render/offscreen.h"
#include "story/time.h"

struct PixelPos {
  int x, y;
};

struct GeoImage {
  chronoatlas::render::Image pixels;
  double a = 0, e = 0, c = 0, f = 0;  // world file: pixel size x, pixel size y (negative), top-left pixel centre
  std::string prj_wkt;
  // Projects lon/lat with PROJ from the .prj and maps it through the world file.
  PixelPos pixel_of(double lon, double lat) const;
  std::array<int, 4> rgb_at(int x, int y) const;
};

struct RenderOptions {
  bool furniture = false;                         // title, legend, scale bar, ... and graticule
  bool labels = true;
  std::optional<chronoatlas::BoundsLonLat> bbox;  // instead of the scenario's view
};

// Renders DIR's scenario at SIZE and DATE into OUT_PNG; needs a current GL context.
chronoatlas::Status render_scenario(const std::string& dir, int width, int height, const std::string& date,
                                    const std::string& out_file, const RenderOptions& options = {});
// Reads a PNG with its .pgw and .prj.
GeoImage read_georeferenced(const std::string& png_path);
