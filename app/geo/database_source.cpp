#include "geo/database_source.h"

#include <strings.h>

#include <cstdio>
#include <memory>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/gdal_setup.h"
#include "geo/vector_source.h"

namespace chronoatlas::geo {
namespace {

// An SQL identifier, quoted: "name" (a "schema.table" name is quoted part by part).
std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += "\"\"";
    else if (c == '.') out += "\".\"";
    else out += c;
  }
  return out + "\"";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// The query for TABLE's features overlapping BOX, simplified on the server. The box is given in lon/lat and
// transformed to the table's SRID there, so the spatial index on the geometry column is used.
std::string view_query(OGRLayer& table, const BoundsLonLat& box, double tolerance_deg) {
  const std::string geom = quoted(table.GetGeometryColumn());
  const OGRSpatialReference* srs = table.GetSpatialRef();
  const char* code = srs ? srs->GetAuthorityCode(nullptr) : nullptr;
  const std::string srid = code ? code : "4326";
  // Tolerances in the table's units: degrees, or about 111 km to a degree for a projected table.
  const double tolerance = (!srs || srs->IsGeographic()) ? tolerance_deg : tolerance_deg * 111320;
  std::string envelope = "ST_MakeEnvelope(" + number(box.west) + "," + number(box.south) + "," + number(box.east) +
                         "," + number(box.north) + ",4326)";
  if (srid != "4326") envelope = "ST_Transform(" + envelope + "," + srid + ")";
  std::string columns;
  OGRFeatureDefn* defn = table.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) columns += quoted(defn->GetFieldDefn(i)->GetNameRef()) + ", ";
  // Simplified to the tolerance, dropping parts that collapse below it (islands under a pixel), and clipped to the
  // box, so a feature as large as Russia sends only what the view can show. The box has a margin around the view,
  // so the cut edges stay off screen.
  const std::string simplified = tolerance > 0 ? "ST_Simplify(" + geom + "," + number(tolerance) + ",false)" : geom;
  // Features that simplify away or only touch the box by their bounding box are left on the server.
  return "SELECT " + columns + "clipped AS " + geom + " FROM (SELECT " + columns + "ST_ClipByBox2D(" + simplified + "," +
         envelope + ") AS clipped FROM " + quoted(table.GetName()) + " WHERE " + geom + " && " + envelope +
         ") AS shown WHERE clipped IS NOT NULL AND NOT ST_IsEmpty(clipped)";
}

void count(const VectorLayer& layer, FetchStats& stats) {
  for (const Feature& f : layer.features) {
    ++stats.features;
    size_t v = f.points.size();
    for (const Polygon& p : f.polygons)
      for (const Ring& r : p) v += r.size();
    for (const LineString& l : f.lines) v += l.size();
    stats.vertices += v;
    stats.bytes += v * 16;
    for (const std::string& value : f.values) stats.bytes += value.size();
  }
}

}  // namespace

bool is_database_source(const std::string& source) { return strncasecmp(source.c_str(), "PG:", 3) == 0; }

Result<LoadReport> load_database_view(const std::string& connection, const BoundsLonLat& box, double tolerance_deg,
                                      FetchStats& stats, const std::string& only) {
  init_gdal();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
  const char* const drivers[] = {"PostgreSQL", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
  if (!ds) {
    const std::string why = gdal_message_or("could not connect");
    CPLPopErrorHandler();
    return Error{connection + ": " + why};
  }
  LoadReport report;
  std::string failure;
  for (OGRLayer* table : ds->GetLayers()) {
    if (!only.empty() && only != table->GetName()) continue;
    if (!table->GetGeometryColumn() || !*table->GetGeometryColumn()) {
      report.warnings.push_back(connection + ", table '" + table->GetName() + "': no geometry column; skipped");
      continue;
    }
    CPLErrorReset();
    OGRLayer* rows = ds->ExecuteSQL(view_query(*table, box, tolerance_deg).c_str(), nullptr, nullptr);
    if (!rows) {
      failure = connection + ", table '" + table->GetName() + "': " + gdal_message_or("the query failed");
      break;
    }
    const size_t before = report.layers.size();
    read_ogr_layer(*rows, connection, report);
    ds->ReleaseResultSet(rows);
    if (report.layers.size() > before) {
      report.layers.back().name = table->GetName();
      count(report.layers.back(), stats);
    }
  }
  CPLPopErrorHandler();
  if (!failure.empty()) return Error{failure};
  return report;
}

}  // namespace chronoatlas::geo
