#pragma once
// Reads PNGs written by the render command: pixels, text chunks, and places lon/lat in them through the .pgw/.prj.
#include <png.h>
#include <proj.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

struct Png {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba;
  std::map<std::string, std::string> text;
  unsigned pixels_per_metre = 0;  // the pHYs chunk's, when it gives metres; 0 without one
  const unsigned char* at(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
};

inline Png read_png(const std::string& path) {
  Png out;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return out;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    std::fclose(f);
    return Png{};
  }
  png_init_io(png, f);
  png_read_info(png, info);
  out.width = static_cast<int>(png_get_image_width(png, info));
  out.height = static_cast<int>(png_get_image_height(png, info));
  png_set_expand(png);
  png_set_gray_to_rgb(png);
  png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);
  png_read_update_info(png, info);
  out.rgba.resize(static_cast<size_t>(out.width) * out.height * 4);
  std::vector<png_bytep> rows(out.height);
  for (int y = 0; y < out.height; ++y) rows[y] = &out.rgba[static_cast<size_t>(y) * out.width * 4];
  png_read_image(png, rows.data());
  png_read_end(png, info);
  png_textp text = nullptr;
  int n = png_get_text(png, info, &text, nullptr);
  for (int i = 0; i < n; ++i) out.text[text[i].key] = text[i].text;
  png_uint_32 res_x = 0, res_y = 0;
  int unit = PNG_RESOLUTION_UNKNOWN;
  if (png_get_pHYs(png, info, &res_x, &res_y, &unit) && unit == PNG_RESOLUTION_METER) out.pixels_per_metre = res_x;
  png_destroy_read_struct(&png, &info, nullptr);
  std::fclose(f);
  return out;
}

// Lon/lat projected into CRS (WKT, PROJ string or EPSG code) by PROJ itself, easting first.
inline std::pair<double, double> projected(const std::string& crs, double lon, double lat) {
  PJ_CONTEXT* ctx = proj_context_create();
  PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4326", crs.c_str(), nullptr);
  PJ* t = proj_normalize_for_visualization(ctx, raw);
  PJ_COORD r = proj_trans(t, PJ_FWD, proj_coord(lon, lat, 0, 0));
  proj_destroy(t);
  proj_destroy(raw);
  proj_context_destroy(ctx);
  return {r.xy.x, r.xy.y};
}

// Pixel (column, row) of lon/lat: PROJ with the .prj's WKT, then the world file (which names pixel centres).
inline std::pair<double, double> pixel_of(const std::string& png_path, double lon, double lat) {
  std::string base = png_path.substr(0, png_path.size() - 4);
  std::ifstream w(base + ".pgw");
  double a, d, b, e, c, f;
  w >> a >> d >> b >> e >> c >> f;
  std::stringstream prj;
  prj << std::ifstream(base + ".prj").rdbuf();
  const auto [x, y] = projected(prj.str(), lon, lat);
  return {(x - c) / a, (y - f) / e};
}
