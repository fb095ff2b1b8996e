#include "export/map_export.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include <gdal_priv.h>
#include <png.h>

#include "export/output_files.h"
#include "geo/gdal_setup.h"

namespace chronoatlas::exporting {
namespace {

namespace fs = std::filesystem;

std::string with_extension(const std::string& png, const char* ext) {
  return fs::path(png).replace_extension(ext).string();
}

struct FileCloser {
  void operator()(FILE* f) const { fclose(f); }
};

// libpng reports through these: the message is kept for ours (libpng's own line on stderr would be a second,
// differently worded report of the same failure), then control returns to the setjmp in write_png.
void png_failed(png_structp png, png_const_charp message) {
  *static_cast<std::string*>(png_get_error_ptr(png)) = message;
  png_longjmp(png, 1);
}
void png_warned(png_structp, png_const_charp) {}

// The encoder alone, with only plain data in scope: libpng reports errors by longjmp, which must not cross anything
// with a destructor. Returns false with FAILURE set.
bool encode_png(FILE* f, const render::Image& img, png_text* chunks, int chunk_count, int dpi, std::string* failure) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, failure, png_failed, png_warned);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    *failure = "the PNG encoder could not start";
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_init_io(png, f);
  // Level 1 without row filters: on flat map colours this was both faster and smaller than SUB or adaptive filters.
  png_set_compression_level(png, 1);
  png_set_filter(png, 0, PNG_FILTER_NONE);
  png_set_IHDR(png, info, img.width, img.height, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (chunk_count > 0) png_set_text(png, info, chunks, chunk_count);
  // PNG states resolution in pixels per metre; a layout program reads it back as dpi.
  if (dpi > 0) {
    const auto per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  }
  png_write_info(png, info);
  for (int y = 0; y < img.height; ++y)
    png_write_row(png, const_cast<png_bytep>(&img.rgba[static_cast<size_t>(y) * img.width * 4]));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

// Writes IMG to PATH (a temporary); errors name FINAL, the file the user asked for.
Status write_png(const std::string& path, const std::string& final, const render::Image& img,
                 const std::vector<std::pair<std::string, std::string>>& text, int dpi) {
  std::unique_ptr<FILE, FileCloser> f(std::fopen(path.c_str(), "wb"));
  if (!f) return Error{final + ": cannot be written (" + std::strerror(errno) + ")"};
  std::vector<png_text> chunks(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    chunks[i] = {};
    // tEXt holds Latin-1 only: UTF-8 beyond ASCII (an en dash in a title, a name in Arabic) goes in an iTXt chunk.
    const bool ascii = std::all_of(text[i].second.begin(), text[i].second.end(), [](char c) { return (c & 0x80) == 0; });
    chunks[i].compression = ascii ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
    chunks[i].key = const_cast<char*>(text[i].first.c_str());
    chunks[i].text = const_cast<char*>(text[i].second.c_str());
  }
  std::string failure;
  errno = 0;
  const bool encoded = encode_png(f.get(), img, chunks.data(), static_cast<int>(chunks.size()), dpi, &failure);
  const int write_errno = errno;
  if (!encoded || std::fflush(f.get()) != 0 || std::ferror(f.get()) || std::fclose(f.release()) != 0) {
    const int why = write_errno ? write_errno : errno;
    return Error{final + ": writing failed (" + (why ? std::string(std::strerror(why)) : failure) + ")"};
  }
  return Ok{};
}

// GDAL's errors while one write runs, kept instead of printed: a full disk gives one message, not ten.
class GdalErrors {
 public:
  GdalErrors() {
    CPLPushErrorHandlerEx(keep, this);
  }
  ~GdalErrors() { CPLPopErrorHandler(); }
  GdalErrors(const GdalErrors&) = delete;
  GdalErrors& operator=(const GdalErrors&) = delete;
  bool failed() const { return !first_.empty(); }
  const std::string& first() const { return first_; }

 private:
  static void keep(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<GdalErrors*>(CPLGetErrorHandlerUserData());
    if (level >= CE_Failure && self->first_.empty()) self->first_ = message;
  }
  std::string first_;
};

// RGBA GeoTIFF with the view's geotransform and CRS, written by GDAL from an in-memory copy of the pixels.
Status write_geotiff(const std::string& path, const std::string& final, const render::Image& img,
                     const render::View& view, const std::string& wkt, int dpi) {
  geo::init_gdal();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!mem || !gtiff) return Error{final + ": GDAL has no GeoTIFF driver"};
  GdalErrors errors;
  GDALDatasetUniquePtr ds(mem->Create("", img.width, img.height, 4, GDT_Byte, nullptr));
  if (!ds) return Error{final + ": GDAL could not hold the image in memory"};
  for (int b = 0; b < 4; ++b) {
    CPLErr err = ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, img.width, img.height,
                                                    const_cast<uint8_t*>(img.rgba.data() + b), img.width, img.height,
                                                    GDT_Byte, 4, static_cast<GSpacing>(img.width) * 4);
    if (err != CE_None) return Error{final + ": GDAL could not copy the pixels"};
  }
  XY top_left = view.to_world({0, 0});
  double transform[6] = {top_left.x, view.units_per_px, 0, top_left.y, 0, -view.units_per_px};
  ds->SetGeoTransform(transform);
  ds->SetProjection(wkt.c_str());
  ds->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
  if (dpi > 0) {  // GDAL's GTiff driver writes these metadata items as the TIFF resolution tags (unit 2: inch)
    ds->SetMetadataItem("TIFFTAG_XRESOLUTION", std::to_string(dpi).c_str());
    ds->SetMetadataItem("TIFFTAG_YRESOLUTION", std::to_string(dpi).c_str());
    ds->SetMetadataItem("TIFFTAG_RESOLUTIONUNIT", "2");
  }
  // The map's alpha is not premultiplied: GDAL spells that NON-PREMULTIPLIED (TIFF's "unassociated").
  const char* options[] = {"COMPRESS=DEFLATE", "PHOTOMETRIC=RGB", "ALPHA=NON-PREMULTIPLIED", nullptr};
  GDALDatasetUniquePtr out(gtiff->CreateCopy(path.c_str(), ds.get(), FALSE, const_cast<char**>(options), nullptr, nullptr));
  out.reset();  // closing flushes: write errors (a full disk) surface here
  if (errors.failed()) return Error{final + ": writing failed (" + errors.first() + ")"};
  return Ok{};
}

}  // namespace

std::string geotiff_path(const std::string& png_path) { return with_extension(png_path, ".tif"); }

std::string world_file_path(const std::string& png_path) { return with_extension(png_path, ".pgw"); }
std::string prj_path(const std::string& png_path) { return with_extension(png_path, ".prj"); }

std::string world_file_text(const render::View& view) {
  const XY top_left = view.to_world({0.5, 0.5});
  std::string out;
  for (double v : {view.units_per_px, 0.0, 0.0, -view.units_per_px, top_left.x, top_left.y}) {
    char number[32];  // %.17g: every double survives the round trip through text
    std::snprintf(number, sizeof number, "%.17g\n", v);
    out += number;
  }
  return out;
}

std::vector<std::string> output_files(const std::string& png_path, bool geotiff) {
  if (fs::path(png_path).extension() != ".png") return {png_path};  // a vector figure is one file
  std::vector<std::string> out = {png_path, world_file_path(png_path), prj_path(png_path)};
  if (geotiff) out.push_back(geotiff_path(png_path));
  return out;
}

Status write_map_files(const render::Image& image, const render::View& view, const ExportRequest& req) {
  const std::string& png = req.png_path;
  if (fs::path(png).extension() != ".png") return Error{png + ": the output name must end in .png"};
  if (!(std::isfinite(view.units_per_px) && view.units_per_px > 0))
    return Error{png + ": the view has no usable pixel size; nothing was written"};
  const std::vector<std::string> finals = output_files(png, req.geotiff);
  if (auto s = check_outputs(finals, req.inputs, req.overwrite); !s) return s;
  remove_stale_temporaries(finals);
  std::vector<std::string> temps;
  std::error_code ec;
  auto failed = [&](const Status& s) {
    for (const std::string& t : temps) fs::remove(t, ec);
    return s;
  };
  for (const std::string& f : finals) {
    auto temp = claim_temporary(f);
    if (!temp) return failed(Error{temp.error()});
    temps.push_back(*temp);
  }
  if (auto s = write_png(temps[0], finals[0], image, req.text, req.dpi); !s) return failed(s);
  if (auto s = write_file(temps[1], finals[1], world_file_text(view)); !s) return failed(s);
  if (auto s = write_file(temps[2], finals[2], req.crs_wkt); !s) return failed(s);
  if (req.geotiff)
    if (auto s = write_geotiff(temps[3], finals[3], image, view, req.crs_wkt, req.dpi); !s) return failed(s);
  return publish(temps, finals);
}

}  // namespace chronoatlas::exporting
