#include "export/map_export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include <gdal_priv.h>
#include <png.h>
#include <unistd.h>

namespace chronoatlas::exporting {
namespace {

namespace fs = std::filesystem;

std::string with_extension(const std::string& png, const char* ext) {
  return fs::path(png).replace_extension(ext).string();
}

std::string temp_name(const std::string& path) { return path + ".tmp-" + std::to_string(getpid()); }

struct FileCloser {
  void operator()(FILE* f) const { fclose(f); }
};

Status write_png(const std::string& path, const render::Image& img,
                 const std::vector<std::pair<std::string, std::string>>& text) {
  std::unique_ptr<FILE, FileCloser> f(std::fopen(path.c_str(), "wb"));
  if (!f) return Error{path + ": cannot be written (" + std::strerror(errno) + ")"};
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return Error{path + ": PNG encoder could not start"};
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return Error{path + ": writing failed (disk full?)"};
  }
  png_init_io(png, f.get());
  // Level 1 without row filters: on flat map colours this was both faster and smaller than SUB or adaptive filters.
  png_set_compression_level(png, 1);
  png_set_filter(png, 0, PNG_FILTER_NONE);
  png_set_IHDR(png, info, img.width, img.height, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  std::vector<png_text> chunks(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    chunks[i] = {};
    chunks[i].compression = PNG_TEXT_COMPRESSION_NONE;
    chunks[i].key = const_cast<char*>(text[i].first.c_str());
    chunks[i].text = const_cast<char*>(text[i].second.c_str());
  }
  if (!chunks.empty()) png_set_text(png, info, chunks.data(), static_cast<int>(chunks.size()));
  png_write_info(png, info);
  for (int y = 0; y < img.height; ++y)
    png_write_row(png, const_cast<png_bytep>(&img.rgba[static_cast<size_t>(y) * img.width * 4]));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  if (std::fflush(f.get()) != 0 || std::ferror(f.get()))
    return Error{path + ": writing failed (" + std::string(std::strerror(errno)) + ")"};
  return Ok{};
}

Status write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Error{path + ": cannot be written (" + std::string(std::strerror(errno)) + ")"};
  out << text;
  out.flush();
  if (!out) return Error{path + ": writing failed (disk full?)"};
  return Ok{};
}

// RGBA GeoTIFF with the view's geotransform and CRS, written by GDAL from an in-memory copy of the pixels.
Status write_geotiff(const std::string& path, const render::Image& img, const render::View& view,
                     const std::string& wkt) {
  GDALAllRegister();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!mem || !gtiff) return Error{path + ": GDAL has no GeoTIFF driver"};
  GDALDatasetUniquePtr ds(mem->Create("", img.width, img.height, 4, GDT_Byte, nullptr));
  if (!ds) return Error{path + ": GDAL could not hold the image in memory"};
  for (int b = 0; b < 4; ++b) {
    CPLErr err = ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, img.width, img.height,
                                                    const_cast<uint8_t*>(img.rgba.data() + b), img.width, img.height,
                                                    GDT_Byte, 4, static_cast<GSpacing>(img.width) * 4);
    if (err != CE_None) return Error{path + ": GDAL could not copy the pixels"};
  }
  XY top_left = view.to_world({0, 0});
  double transform[6] = {top_left.x, view.units_per_px, 0, top_left.y, 0, -view.units_per_px};
  ds->SetGeoTransform(transform);
  ds->SetProjection(wkt.c_str());
  ds->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
  const char* options[] = {"COMPRESS=DEFLATE", "PHOTOMETRIC=RGB", "ALPHA=UNASSOCIATED", nullptr};
  GDALDatasetUniquePtr out(gtiff->CreateCopy(path.c_str(), ds.get(), FALSE, const_cast<char**>(options), nullptr, nullptr));
  if (!out) return Error{path + ": GDAL could not write it (" + std::string(CPLGetLastErrorMsg()) + ")"};
  return Ok{};
}

}  // namespace

std::string geotiff_path(const std::string& png_path) { return with_extension(png_path, ".tif"); }

std::string world_file_path(const std::string& png_path) { return with_extension(png_path, ".pgw"); }
std::string prj_path(const std::string& png_path) { return with_extension(png_path, ".prj"); }

std::string world_file_text(const render::View& view) {
  XY top_left = view.to_world({0.5, 0.5});
  char buf[256];
  std::snprintf(buf, sizeof buf, "%.10f\n0\n0\n%.10f\n%.10f\n%.10f\n", view.units_per_px, -view.units_per_px,
                top_left.x, top_left.y);
  return buf;
}

Status write_map_files(const render::Image& image, const render::View& view, const ExportRequest& req) {
  const std::string& png = req.png_path;
  if (fs::path(png).extension() != ".png") return Error{png + ": the output name must end in .png"};
  std::vector<std::string> targets = {png, world_file_path(png), prj_path(png)};
  if (req.geotiff) targets.push_back(geotiff_path(png));
  std::error_code ec;
  if (!req.overwrite)
    for (const std::string& t : targets)
      if (fs::exists(t, ec)) return Error{t + ": already exists; pass --overwrite to replace it"};
  fs::path dir = fs::path(png).parent_path();
  if (!dir.empty() && !fs::is_directory(dir, ec)) return Error{dir.string() + ": no such folder"};

  std::vector<std::string> temps;
  auto clean = [&] {
    for (const std::string& t : temps) fs::remove(t, ec);
  };
  temps.push_back(temp_name(targets[0]));
  if (auto s = write_png(temps.back(), image, req.text); !s) return clean(), Error{s.error()};
  temps.push_back(temp_name(targets[1]));
  if (auto s = write_text(temps.back(), world_file_text(view)); !s) return clean(), Error{s.error()};
  temps.push_back(temp_name(targets[2]));
  if (auto s = write_text(temps.back(), req.crs_wkt); !s) return clean(), Error{s.error()};
  if (req.geotiff) {
    temps.push_back(temp_name(targets[3]) + ".tif");
    if (auto s = write_geotiff(temps.back(), image, view, req.crs_wkt); !s) return clean(), Error{s.error()};
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    fs::rename(temps[i], targets[i], ec);
    if (ec) {
      clean();
      return Error{targets[i] + ": cannot be written (" + ec.message() + ")"};
    }
  }
  return Ok{};
}

}  // namespace chronoatlas::exporting
