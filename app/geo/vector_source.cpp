#include "geo/vector_source.h"

#include <cmath>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include <memory>
#include <cstdlib>
#include <optional>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "base/files.h"
#include "base/numbers.h"
#include "base/text.h"
#include "geo/database_source.h"
#include "geo/delimited_text.h"
#include "geo/gdal_setup.h"
#include "geo/watched_file.h"

namespace chronoatlas::geo {
namespace {

// Keeps GDAL from printing while a file is read; the last error message is read back instead.
class QuietGdal {
 public:
  QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); CPLErrorReset(); }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

std::string last_gdal_message(const char* fallback) { return gdal_message_or(fallback); }

// True for a usable lon/lat, which it clamps when it overshoots the range by float rounding alone (a latitude of
// 90.0001220703125 in an ArcGIS WFS export): under a thousandth of a degree is noise, more is a wrong coordinate.
bool clamp_overshoot(double& lon, double& lat) {
  constexpr double kNoise = 1e-3;
  if (!std::isfinite(lon) || !std::isfinite(lat) || std::fabs(lon) > 180 + kNoise || std::fabs(lat) > 90 + kNoise)
    return false;
  lon = std::clamp(lon, -180.0, 180.0), lat = std::clamp(lat, -90.0, 90.0);
  return true;
}

// The memory one layer may take as read (features, coordinates and attribute text): 1 GiB, or
// CHRONOATLAS_MAX_LAYER_MB. Preparing and drawing it takes about as much again; a layer past it is refused with its
// counts instead of taking the machine's memory (ten million points took 5 GB and a minute).
size_t layer_memory_cap() {
  const char* set = std::getenv("CHRONOATLAS_MAX_LAYER_MB");
  const std::optional<long long> mb = set ? parse_integer(set, 1, 1 << 24) : std::nullopt;
  return static_cast<size_t>(mb.value_or(1024)) << 20;
}

size_t vertex_count(const Feature& f) {
  size_t n = f.points.size();
  for (const Polygon& p : f.polygons)
    for (const Ring& r : p) n += r.size();
  for (const LineString& l : f.lines) n += l.size();
  return n;
}

// What F holds on the heap and in its vector slot: each allocation with its bookkeeping, short strings inline.
size_t feature_bytes(const Feature& f, size_t vertices) {
  constexpr size_t kAllocation = 16;
  size_t bytes = sizeof(Feature) + vertices * sizeof(LonLat) +
                 kAllocation * (2 + f.polygons.size() + f.lines.size());  // the values' and parts' arrays too
  for (const std::string& v : f.values) bytes += sizeof(std::string) + (v.size() > 15 ? v.size() + kAllocation : 0);
  return bytes;
}

// Converts OGR geometry into the feature's parts. Returns "" or the reason the feature cannot be used.
class GeometryReader {
 public:
  explicit GeometryReader(Feature& out) : out_(out) {}

  std::string read(const OGRGeometry& g) {
    switch (wkbFlatten(g.getGeometryType())) {
      case wkbPoint: return add_point(*g.toPoint());
      case wkbLineString: return add_line(*g.toLineString());
      case wkbPolygon: return add_polygon(*g.toPolygon());
      case wkbMultiPoint:
      case wkbMultiLineString:
      case wkbMultiPolygon:
      case wkbGeometryCollection: return add_collection(*g.toGeometryCollection());
      case wkbTriangle:
      case wkbTIN:
      case wkbPolyhedralSurface: {
        // Surfaces of triangles or faces (TIN, multipatch): drawn as the polygons they are made of, as QGIS does.
        std::unique_ptr<OGRGeometry> faces(OGRGeometryFactory::forceToMultiPolygon(g.clone()));
        return faces && wkbFlatten(faces->getGeometryType()) == wkbMultiPolygon ? read(*faces)
                                                                                 : "surface could not be read as polygons";
      }
      default: {
        if (!g.hasCurveGeometry()) return "unsupported geometry type " + std::string(g.getGeometryName());
        std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
        return linear ? read(*linear) : "curved geometry could not be linearised";
      }
    }
  }

 private:
  std::string add_collection(const OGRGeometryCollection& c) {
    for (const OGRGeometry* part : c)
      if (auto why = read(*part); !why.empty()) return why;
    return "";
  }

  std::string add_point(const OGRPoint& p) {
    if (p.IsEmpty()) return "";
    double lon = p.getX(), lat = p.getY();
    if (!clamp_overshoot(lon, lat)) return out_of_range(lon, lat);
    out_.points.push_back({lon, lat});
    return "";
  }

  std::string read_curve(const OGRSimpleCurve& c, std::vector<LonLat>& pts) {
    pts.reserve(c.getNumPoints());
    for (int i = 0; i < c.getNumPoints(); ++i) {
      double lon = c.getX(i), lat = c.getY(i);
      if (!clamp_overshoot(lon, lat)) return out_of_range(lon, lat);
      pts.push_back({lon, lat});
    }
    return "";
  }

  std::string add_line(const OGRLineString& l) {
    LineString line;
    if (auto why = read_curve(l, line); !why.empty()) return why;
    if (line.size() >= 2) out_.lines.push_back(std::move(line));
    return "";
  }

  // Rings GDAL reads unclosed (as some shapefiles and GML files have them) are closed, as QGIS draws them, and said
  // so. Rings without three distinct points enclose nothing: such a hole is left out, and so is a part whose outer
  // ring is one (a tiny island generalised to a point).
  std::string add_polygon(const OGRPolygon& poly) {
    Polygon rings;
    for (const OGRLinearRing* r : poly) {
      Ring ring;
      if (auto why = read_curve(*r, ring); !why.empty()) return why;
      if (!ring.empty() && (ring.front().lon != ring.back().lon || ring.front().lat != ring.back().lat)) {
        ring.push_back(ring.front());
        closed_rings_++;
      }
      if (distinct_points(ring) < 3) {
        degenerate_rings_++;
        if (rings.empty()) return "";  // the outer ring: nothing of this part can be drawn
        continue;
      }
      rings.push_back(std::move(ring));
    }
    if (!rings.empty()) out_.polygons.push_back(std::move(rings));
    return "";
  }

  // How many distinct points RING has, counting to 3 at most.
  static size_t distinct_points(const Ring& ring) {
    std::vector<LonLat> seen;
    for (LonLat p : ring) {
      if (std::none_of(seen.begin(), seen.end(), [&](LonLat q) { return q.lon == p.lon && q.lat == p.lat; }))
        seen.push_back(p);
      if (seen.size() == 3) break;
    }
    return seen.size();
  }

  static std::string out_of_range(double x, double y) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "coordinate (%g, %g) outside the valid lon/lat range", x, y);
    return buf;
  }

  Feature& out_;
  size_t closed_rings_ = 0, degenerate_rings_ = 0;

 public:
  size_t closed_rings() const { return closed_rings_; }
  size_t degenerate_rings() const { return degenerate_rings_; }
};

// Far beyond any degree value, and within what projected coordinates on Earth reach (a billion metres): the numbers
// are projected units mislabelled as (or assumed to be) lon/lat. 1e308 or infinity is a broken value, not metres.
bool looks_like_metres(const OGRGeometry& g) {
  OGREnvelope e;
  g.getEnvelope(&e);
  const double largest = std::max({std::fabs(e.MinX), std::fabs(e.MaxX), std::fabs(e.MinY), std::fabs(e.MaxY)});
  return largest > 1000 && largest < 1e9;
}

// A field's value as text; dates and times as ISO 8601, whatever form the driver keeps them in.
std::string field_text(const OGRFeature& f, const OGRFieldDefn& defn, int i) {
  if (!f.IsFieldSetAndNotNull(i)) return "";
  OGRFieldType type = defn.GetType();
  if (type != OFTDate && type != OFTDateTime) return f.GetFieldAsString(i);
  int y, mo, d, h, mi, tz;
  float sec;
  if (!const_cast<OGRFeature&>(f).GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &sec, &tz)) return f.GetFieldAsString(i);
  char buf[48];
  if (type == OFTDate || (h == 0 && mi == 0 && sec == 0 && tz <= 1)) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
  std::string text = buf;
  // GDAL's zone flag: 100 is UTC, 100 +/- n is n quarter hours off it; kept, so that the offset is seen, not lost.
  if (tz == 100) text += "Z";
  else if (tz > 1) {
    const int quarters = std::abs(tz - 100);
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", tz > 100 ? '+' : '-', quarters / 4, quarters % 4 * 15);
    text += buf;
  }
  return text;
}

std::string crs_label(const OGRSpatialReference& srs) {
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (auth && code) return std::string(auth) + ":" + code;
  const char* name = srs.GetName();
  return name ? name : "unnamed CRS";
}

struct LayerReading {
  VectorLayer layer;
  std::vector<std::string> warnings;
  size_t skipped_unnamed = 0;  // feature problems past the first few, counted rather than listed
  size_t not_utf8 = 0;         // attribute values with bytes that are not UTF-8, shown with U+FFFD in their place
  bool over_cap = false;       // refused for the memory cap, which the environment sets: not a fact about the file
};

// A problem with one feature. A file of 100,000 rows with the same fault names the first few and counts the rest.
void feature_problem(LayerReading& out, const std::string& text) {
  constexpr size_t kNamed = 5;
  if (out.warnings.size() < kNamed) out.warnings.push_back(text);
  else ++out.skipped_unnamed;
}

// The text of a value as UTF-8, counting the values that were not (a file saved as Latin-1 or Windows-1252).
std::string value_text(const std::string& raw, LayerReading& out) {
  std::string text = valid_utf8(raw);
  out.not_utf8 += text != raw;
  return text;
}

// Clears GDAL's last error when a feature has been dealt with, so that an error still set after the loop is the one
// that ended the reading, not one about a feature already read.
struct ErrorsDealtWith {
  ~ErrorsDealtWith() { CPLErrorReset(); }
};

// Reads one OGR layer; returns false (with a warning) when the whole layer cannot be used. The features whose ids
// are in NUL_ROWS (sorted) are skipped: GDAL read only part of them.
bool read_layer(OGRLayer& src, const std::string& path, const std::vector<int64_t>& nul_rows, LayerReading& out,
                Progress* progress) {
  VectorLayer& layer = out.layer;
  layer.name = valid_utf8(src.GetName());
  layer.geometry_type = OGRGeometryTypeToName(src.GetGeomType());
  const std::string where = path + ", layer '" + layer.name + "'";

  OGRFeatureDefn* defn = src.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) layer.fields.push_back(valid_utf8(defn->GetFieldDefn(i)->GetNameRef()));
  if (defn->GetGeomFieldCount() == 0) {
    // Only a delimited text file can gain coordinates by naming its columns; any other table has none to find.
    out.warnings.push_back(where + (delimited_text(path) ? ": a table without coordinates (for a CSV, name the columns latitude "
                                                "and longitude, lat and lon/lng, or y and x; or give a WKT column)"
                                              : ": a table of attributes only, with no geometry to draw") +
                           "; layer skipped");
    return false;
  }

  const OGRSpatialReference* srs = src.GetSpatialRef();
  std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
  if (srs) {
    layer.crs = valid_utf8(crs_label(*srs));
    OGRSpatialReference source(*srs), wgs84;
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source.IsGeographic() || !source.IsSame(&wgs84)) {
      to_wgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
      if (!to_wgs84) {
        out.warnings.push_back(where + ": CRS " + layer.crs + " cannot be transformed to WGS84 (" +
                               last_gdal_message("unknown CRS") + "); layer skipped");
        return false;
      }
    }
  } else {
    layer.crs = "EPSG:4326 (assumed: the file names no CRS)";
  }

  size_t metres = 0;  // features skipped for coordinates in metres
  const size_t cap = layer_memory_cap();
  size_t memory = 0, vertices = 0;  // what the features read so far hold, roughly as the allocator sees it
  src.ResetReading();
  const GIntBig total = progress ? src.GetFeatureCount(FALSE) : -1;  // -1 where counting would cost a pass
  size_t seen = 0;
  for (auto& f : src) {
    const ErrorsDealtWith dealt_with;
    if (++seen % 1024 == 0) {
      if (stopped(progress)) return false;
      if (progress && total > 0) progress->fraction = static_cast<float>(seen) / static_cast<float>(total);
    }
    Feature feature;
    feature.fid = f->GetFID();
    const std::string which = where + ", feature " + std::to_string(feature.fid);
    if (std::binary_search(nul_rows.begin(), nul_rows.end(), feature.fid)) {
      feature_problem(out, which + ": holds a NUL byte (binary data in a text file), so GDAL read only part of the row; "
                                   "skipped");
      continue;
    }
    OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      feature_problem(out, which + (delimited_text(path) ? ": no coordinates (its coordinate columns are empty or not "
                                                           "numbers); skipped"
                                                         : ": no geometry; skipped"));
      continue;
    }
    if (to_wgs84 && g->transform(to_wgs84.get()) != OGRERR_NONE) {
      feature_problem(out, which + ": cannot be transformed from " + layer.crs + "; skipped");
      continue;
    }
    GeometryReader reader(feature);
    std::string why = reader.read(*g);
    if (why.empty() && feature.polygons.empty() && feature.lines.empty() && feature.points.empty() &&
        reader.degenerate_rings() > 0)
      why = "only rings with fewer than 3 distinct points";
    if (!why.empty()) {
      const bool in_metres = looks_like_metres(*g) && (!srs || srs->IsGeographic());
      metres += in_metres;
      feature_problem(out, which + ": " + (in_metres ? "coordinates look like metres, not degrees (" + why + ")" : why) +
                               "; skipped");
      continue;
    }
    if (reader.closed_rings() > 0)
      feature_problem(out, which + ": " + std::to_string(reader.closed_rings()) +
                               " unclosed ring(s) closed, as GDAL read them open");
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      feature.values.push_back(value_text(field_text(*f, *defn->GetFieldDefn(i), i), out));
    const size_t own = vertex_count(feature);
    vertices += own;
    memory += feature_bytes(feature, own);
    if (memory > cap) {
      out.warnings.push_back(where + ": too large to draw: " + std::to_string(layer.features.size()) + " features and " +
                             std::to_string(vertices) + " vertices read take more than the " + std::to_string(cap >> 20) +
                             " MiB a layer may use (CHRONOATLAS_MAX_LAYER_MB); layer skipped. Cut it to the area or "
                             "the features needed, e.g. ogr2ogr -spat or -where");
      out.over_cap = true;
      return false;
    }
    for (const Polygon& p : feature.polygons)
      for (LonLat q : p.front()) layer.extent.extend(q);
    for (const LineString& l : feature.lines)
      for (LonLat q : l) layer.extent.extend(q);
    for (LonLat q : feature.points) layer.extent.extend(q);
    layer.features.push_back(std::move(feature));
  }
  if (CPLGetLastErrorType() >= CE_Failure && !layer.features.empty()) {
    // The driver gave up part-way (a line past MAX_LINE_SIZE, a truncated file): what it read is not the layer.
    out.warnings.push_back(where + ": GDAL stopped reading after feature " + std::to_string(seen) + " (" +
                           last_gdal_message("read error") + "); layer skipped, so that a part is not taken for the whole");
    return false;
  }
  if (out.skipped_unnamed > 0)
    out.warnings.push_back(where + ": " + std::to_string(out.skipped_unnamed) + " more features with problems like these");
  if (out.not_utf8 > 0)
    out.warnings.push_back(where + ": " + std::to_string(out.not_utf8) + " value(s) are not UTF-8 text (a file saved as "
                           "Latin-1 or Windows-1252? save it as UTF-8); the bytes that are not show as \uFFFD");
  // One outlier is skipped; a layer that is in metres throughout is unusable until it is given its CRS.
  if (layer.features.empty() && metres > 0) {
    out.warnings.push_back(where + ": coordinates look like metres, not degrees: the file names no CRS or the wrong "
                                   "one; layer skipped. Assign the right CRS, e.g. ogr2ogr -a_srs EPSG:XXXX");
    return false;
  }
  if (CPLGetLastErrorType() >= CE_Failure && layer.features.empty()) {
    out.warnings.push_back(where + ": " + last_gdal_message("read error"));
  }
  return true;
}

}  // namespace

namespace {

// The longest line of delimited text read: 64 MiB, or CHRONOATLAS_MAX_LINE_MB (GDAL's own default, 10 MB, ends the
// reading at one long cell; the memory cap bounds the layer). A line past it ends GDAL's reading, and the layer is
// refused.
std::string max_line_bytes() {
  const char* set = std::getenv("CHRONOATLAS_MAX_LINE_MB");
  const std::optional<long long> mb = set ? parse_integer(set, 1, 1024) : std::nullopt;
  return std::to_string(mb.value_or(64) << 20);
}

// A delimited text table becomes points from its coordinate columns under the names people use, with its numbers
// and dates typed, and long lines read (max_line_bytes); other formats get no options (GDAL warns about options a
// driver does not know).
CPLStringList open_options(const std::string& path) {
  CPLStringList options;
  if (!delimited_text(path)) return options;
  options.AddString("X_POSSIBLE_NAMES=longitude,lon,lng,long,x,*_longitude,*_lon,*_lng");
  options.AddString("Y_POSSIBLE_NAMES=latitude,lat,y,*_latitude,*_lat");
  options.AddString("GEOM_POSSIBLE_NAMES=wkt,geometry,geom,the_geom");
  options.AddString("AUTODETECT_TYPE=YES");
  options.AddString("KEEP_GEOM_COLUMNS=YES");
  options.AddString(("MAX_LINE_SIZE=" + max_line_bytes()).c_str());
  return options;
}

// True when the driver that opened DS is one known to crash reading some valid files (LIBKML in GDAL 3.6 on a
// gx:Track without <when>, fixed in 3.8.4): opening is safe, reading the features is not.
bool fragile(const GDALDataset& ds) {
  const GDALDriver* d = const_cast<GDALDataset&>(ds).GetDriver();
  return d && std::strcmp(d->GetDescription(), "LIBKML") == 0;
}

// Reads all of PATH in a child process: true when the child finished, false when it died (a crash inside GDAL) or
// took longer than a minute. A crash in a driver then costs a warning, not the app or a running export.
bool survives_reading(const std::string& path) {
  const pid_t child = fork();
  if (child < 0) return true;  // cannot probe: read as usual
  if (child == 0) {
    alarm(60);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (ds)
      for (OGRLayer* layer : ds->GetLayers())
        for (auto& f : *layer) (void)f->GetGeometryRef();
    _exit(0);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// True for an OGR VRT whose sources include a PostgreSQL connection: the one server driver still registered.
bool names_a_database(GDALDataset& ds, const std::string& opened) {
  if (!ds.GetDriver() || std::strcmp(ds.GetDriver()->GetDescription(), "OGR_VRT") != 0) return false;
  GByte* bytes = nullptr;
  vsi_l_offset size = 0;  // through GDAL's file systems: the VRT may be inside an archive
  if (!VSIIngestFile(nullptr, opened.c_str(), &bytes, &size, 64 << 20)) return true;
  const bool named = ascii_lower(std::string(reinterpret_cast<const char*>(bytes), size)).find("pg:") != std::string::npos;
  VSIFree(bytes);
  return named;
}

}  // namespace

void read_ogr_layer(OGRLayer& layer, const std::string& label, LoadReport& report, Progress* progress,
                    const std::vector<int64_t>& nul_rows) {
  QuietGdal quiet;
  LayerReading reading;
  const bool usable = read_layer(layer, label, nul_rows, reading, progress);
  report.warnings.insert(report.warnings.end(), reading.warnings.begin(), reading.warnings.end());
  report.cacheable = report.cacheable && !reading.over_cap;
  if (usable) report.layers.push_back(std::move(reading.layer));
}

Result<std::string> gdal_path(const std::string& path) {
  auto starts = [&](const char* prefix) { return path.rfind(prefix, 0) == 0; };
  auto ends = [&](const char* suffix) {
    const size_t n = std::strlen(suffix);
    return path.size() >= n && strcasecmp(path.c_str() + path.size() - n, suffix) == 0;
  };
  if (starts("/vsicurl") || starts("/vsis3") || starts("/vsigs") || starts("/vsiaz") || starts("/vsioss") ||
      starts("/vsiswift") || starts("/vsiwebhdfs") || starts("/vsihdfs") || path.find("://") != std::string::npos)
    return Error{path + ": Chronoatlas is offline by design and does not read from the network; download the file "
                        "and open the copy"};
  if (starts("/vsi")) return path;  // GDAL's virtual file systems (/vsizip/, /vsitar/, /vsigzip/, ...)
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  // A connection string names a source that is not a file ("PG:dbname=...", "GPKG:file.gpkg:table").
  if (!std::filesystem::exists(status) && !starts("/") && !starts(".") && path.find(':') != std::string::npos)
    return is_database_source(path) ? with_timeouts(path) : path;
  if (!std::filesystem::exists(status)) return Error{path + ": no such file"};
  if (std::filesystem::is_directory(status)) {
    if (std::filesystem::is_empty(path, ec)) return Error{path + ": empty directory, not a vector source"};
    return path;  // a folder of shapefiles, a File Geodatabase
  }
  if (!std::filesystem::is_regular_file(status))
    return Error{path + ": not a regular file (a pipe or device is not read, so that nothing waits on it)"};
  if (ends(".zip")) return "/vsizip/" + path;
  if (ends(".tar") || ends(".tar.gz") || ends(".tgz")) return "/vsitar/" + path;
  if (ends(".gz")) return "/vsigzip/" + path;
  return path;
}

Result<LoadReport> load_vector_source(const std::string& path, Progress* progress) {
  init_gdal();
  auto opened = gdal_path(path);
  if (!opened) return Error{opened.error()};

  const std::vector<int64_t> nul_rows = delimited_text(*opened) ? rows_with_nul(*opened) : std::vector<int64_t>{};
  if (!nul_rows.empty() && nul_rows.front() == 0)
    return Error{path + ": its header line holds a NUL byte (binary data in a text file): the column names cannot be read"};
  QuietGdal quiet;
  LoadReport report;
  // A plain file is read through a watch on PROGRESS and the process's stop: either stops GDAL within one read, even
  // while a driver parses the whole file on opening it.
  std::optional<WatchedPath> watched;
  if (*opened == path && std::filesystem::is_regular_file(path)) watched.emplace(path, progress);
  GDALDatasetUniquePtr ds(GDALDataset::Open(watched ? watched->gdal_path().c_str() : opened->c_str(),
                                            GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options(*opened).List()));
  if (stopped(progress)) return Error{path + ": reading cancelled"};
  if (ds && fragile(*ds) && !survives_reading(*opened)) {
    // The driver crashed in a child process; the one GDAL offers for the same format reads it (with less detail).
    report.warnings.push_back(path + ": GDAL's LIBKML driver crashed reading it; read with GDAL's KML driver instead "
                                     "(time stamps and extended data may be missing)");
    const char* const kml[] = {"KML", nullptr};
    ds.reset(GDALDataset::Open(opened->c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kml));
    if (!ds) return Error{"GDAL's LIBKML driver crashed reading " + path + ", and its KML driver cannot read it"};
  }
  if (!ds) {
    std::string why = last_gdal_message("not a vector file GDAL can read");
    if (watched)  // GDAL names the file as it was asked to open it: the user's own path means something to them
      for (size_t at; (at = why.find(watched->gdal_path())) != std::string::npos;)
        why.replace(at, watched->gdal_path().size(), path);
    return Error{path + ": " + why + " (GDAL could not open it as vector data)"};
  }
  if (names_a_database(*ds, *opened))
    return Error{path + ": a VRT that reads from a database server is not opened (a file must not connect anywhere); "
                        "add the database's PG: connection as a layer instead"};
  for (OGRLayer* src : ds->GetLayers()) read_ogr_layer(*src, path, report, progress, nul_rows);
  if (stopped(progress)) return Error{path + ": reading cancelled"};
  if (report.layers.empty() && ds->GetLayerCount() == 0) return Error{path + ": contains no vector layers"};
  return report;
}

}  // namespace chronoatlas::geo
