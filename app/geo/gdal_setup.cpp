#include "geo/gdal_setup.h"

#include <mutex>
#include <set>
#include <sstream>
#include <string>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_srs_api.h>

#include "base/text.h"

namespace chronoatlas::geo {
namespace {

// Drivers whose only input is a server (databases, web services): removed after registration, those this build has.
// PostgreSQL is kept for PostGIS layers the user names; a file that names a database is refused (vector_source).
constexpr const char* kServerDrivers[] = {
    "WFS", "OAPIF", "OGCAPI", "CSW", "WMS", "WMTS", "WCS", "ESRIC", "EEDA", "EEDAI", "DAAS", "PLSCENES", "NGW",
    "Carto", "AmigoCloud", "Elasticsearch", "CouchDB", "MongoDBv3", "MySQL", "MSSQLSpatial", "OCI", "ODBC", "PGeo",
    "HANA", "PostGISRaster", "GFT"};  // PostgreSQL stays: PostGIS layers (geo/database_source) use it

}  // namespace

void init_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Everything GDAL fetches over HTTP (/vsicurl/, /vsis3/, URLs inside a VRT or a GeoJSON) goes through libcurl;
    // pointed at a proxy on the local discard port, each request fails at once without leaving the machine.
    CPLSetConfigOption("GDAL_HTTP_PROXY", "127.0.0.1:9");
    CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "2");
    CPLSetConfigOption("CPL_VSIL_CURL_NON_CACHED", "/");
    // Large GeoJSON files are legitimate input: lift GDAL's per-object size guard.
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    OSRSetPROJEnableNetwork(FALSE);
    GDALAllRegister();
    GDALDriverManager* drivers = GetGDALDriverManager();
    for (const char* name : kServerDrivers)
      if (GDALDriver* d = drivers->GetDriverByName(name)) {
        drivers->DeregisterDriver(d);
        GDALDestroyDriver(d);
      }
  });
}

std::vector<std::string> vector_file_extensions() {
  init_gdal();
  std::set<std::string> out = {"zip", "gz", "tar", "tgz"};
  GDALDriverManager* drivers = GetGDALDriverManager();
  for (int i = 0; i < drivers->GetDriverCount(); ++i) {
    GDALDriver* d = drivers->GetDriver(i);
    if (!d->GetMetadataItem(GDAL_DCAP_VECTOR)) continue;
    const char* list = d->GetMetadataItem(GDAL_DMD_EXTENSIONS);
    if (!list) list = d->GetMetadataItem(GDAL_DMD_EXTENSION);
    std::istringstream words(list ? list : "");
    for (std::string ext; words >> ext;) out.insert(ascii_lower(ext));
  }
  return {out.begin(), out.end()};
}

const char* gdal_message_or(const char* fallback) {
  static thread_local std::string line;
  const char* msg = CPLGetLastErrorMsg();
  if (!msg || !*msg) return fallback;
  line = msg;
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  return line.c_str();
}

}  // namespace chronoatlas::geo
