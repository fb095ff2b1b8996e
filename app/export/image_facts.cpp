#include "export/image_facts.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <png.h>

#include "base/files.h"
#include "geo/gdal_setup.h"

namespace chronoatlas::exporting {
namespace {

// A PNG's pHYs chunk in dots per inch, read by libpng (GDAL's PNG driver does not report it).
void png_resolution(const std::string& path, ImageFacts& facts) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (png && info && setjmp(png_jmpbuf(png)) == 0) {
    png_init_io(png, f);
    png_read_info(png, info);
    png_uint_32 x = 0, y = 0;
    int unit = PNG_RESOLUTION_UNKNOWN;
    if (png_get_pHYs(png, info, &x, &y, &unit) && unit == PNG_RESOLUTION_METER && x > 0 && y > 0)
      facts.dpi_x = std::round(x * 0.254) / 10, facts.dpi_y = std::round(y * 0.254) / 10;  // to a tenth: 11,811/m is 300
  }
  png_destroy_read_struct(&png, &info, nullptr);
  std::fclose(f);
}

// TIFF's resolution tags, as GDAL reports them (unit 2: inches, 3: centimetres).
void tiff_resolution(GDALDataset& ds, ImageFacts& facts) {
  const char* x = ds.GetMetadataItem("TIFFTAG_XRESOLUTION");
  const char* y = ds.GetMetadataItem("TIFFTAG_YRESOLUTION");
  const char* unit = ds.GetMetadataItem("TIFFTAG_RESOLUTIONUNIT");
  if (!x || !y || !unit) return;
  const double per_inch = std::atoi(unit) == 3 ? 2.54 : std::atoi(unit) == 2 ? 1 : 0;
  if (per_inch > 0 && std::atof(x) > 0 && std::atof(y) > 0)
    facts.dpi_x = std::atof(x) * per_inch, facts.dpi_y = std::atof(y) * per_inch;
}

// A CRS as a reader knows it: its name, or its PROJ definition where it has no name (a fitted conic).
std::string crs_text(const OGRSpatialReference& srs) {
  const char* name = srs.GetName();
  if (name && *name && std::strcmp(name, "unknown") != 0) return name;
  char* proj = nullptr;
  std::string out = srs.exportToProj4(&proj) == OGRERR_NONE && proj ? proj : "";
  CPLFree(proj);
  return out;
}

// A PNG carries no CRS: the .prj beside it (written with the export) names it.
std::string crs_beside(const std::string& path) {
  const std::string prj = std::filesystem::path(path).replace_extension(".prj").string();
  auto wkt = read_text_file(prj, 1 << 20);
  OGRSpatialReference srs;
  if (!wkt || srs.importFromWkt(wkt->c_str()) != OGRERR_NONE) return "";
  return crs_text(srs) + " (from " + std::filesystem::path(prj).filename().string() + " beside it)";
}

}  // namespace

bool is_image_file(const std::string& path) {
  std::error_code ec;
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (ext == ".png" || ext == ".tif" || ext == ".tiff") && std::filesystem::is_regular_file(path, ec);
}

Result<ImageFacts> image_facts(const std::string& path) {
  geo::init_gdal();
  const char* const drivers[] = {"PNG", "GTiff", nullptr};
  CPLPushErrorHandler(CPLQuietErrorHandler);  // said once, below, not as GDAL's own lines
  CPLErrorReset();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers));
  CPLPopErrorHandler();
  if (!ds || ds->GetRasterCount() == 0)
    return Error{std::filesystem::path(path).filename().string() + ": not a readable PNG or TIFF image (" +
                 geo::gdal_message_or("damaged or cut short") + ")"};
  ImageFacts facts;
  facts.driver = ds->GetDriverName();
  facts.width = ds->GetRasterXSize(), facts.height = ds->GetRasterYSize(), facts.bands = ds->GetRasterCount();
  if (const OGRSpatialReference* srs = ds->GetSpatialRef()) facts.crs = crs_text(*srs);
  if (facts.crs.empty()) facts.crs = crs_beside(path);
  if (facts.driver == "PNG") png_resolution(path, facts);
  else tiff_resolution(*ds, facts);
  return facts;
}

}  // namespace chronoatlas::exporting
