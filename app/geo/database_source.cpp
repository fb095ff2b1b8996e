#include "geo/database_source.h"

#include <strings.h>

#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <memory>
#include <optional>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "base/numbers.h"
#include "base/progress.h"
#include "base/text.h"
#include "geo/gdal_setup.h"
#include "geo/vector_source.h"

namespace chronoatlas::geo {
namespace {

// An SQL identifier, quoted as one name: "my.table" stays one table, a quote is doubled.
std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// An SQL string literal: quotes doubled, and no backslash escapes (standard_conforming_strings is on since 9.1).
std::string literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The first row's first column of QUERY as text; nothing when the query fails or gives no row.
std::optional<std::string> single_value(GDALDataset& ds, const std::string& query) {
  OGRLayer* rows = ds.ExecuteSQL(query.c_str(), nullptr, nullptr);
  if (!rows) return std::nullopt;
  std::optional<std::string> value;
  if (OGRFeatureUniquePtr row(rows->GetNextFeature()); row && row->GetFieldCount() > 0 && row->IsFieldSetAndNotNull(0))
    value = row->GetFieldAsString(0);
  ds.ReleaseResultSet(rows);
  return value;
}

// The table GDAL calls NAME, as SQL: GDAL names a table of another schema "schema.table", and a table of the search
// path by its own name, which may hold a dot too. A relation of exactly that name wins; else the first dot parts
// schema from table.
std::string table_sql(GDALDataset& ds, const std::string& name) {
  const size_t dot = name.find('.');
  if (dot == std::string::npos || single_value(ds, "SELECT to_regclass(" + literal(quoted(name)) + ")::text"))
    return quoted(name);
  return quoted(name.substr(0, dot)) + "." + quoted(name.substr(dot + 1));
}

// What a view's query needs to know of a table once: the SRID of most of its rows (a custom SRID has no authority
// code for GDAL), and how many rows it leaves out: those without a geometry, and those in another SRID (an untyped
// geometry column may mix them, and PostGIS refuses to compare across SRIDs).
struct TableFacts {
  std::string srid;
  long long without_geometry = 0, other_srid = 0;
};

// The rows are counted once per table and process: a full scan, not to be repeated for every view of a pan.
TableFacts table_facts(GDALDataset& ds, OGRLayer& table, const std::string& connection, const std::string& from) {
  static std::mutex lock;
  static std::map<std::string, TableFacts> known;
  const std::string key = connection + "\n" + from;
  {
    std::lock_guard<std::mutex> hold(lock);
    if (auto it = known.find(key); it != known.end()) return it->second;
  }
  const std::string geom = quoted(table.GetGeometryColumn());
  TableFacts facts;
  auto srid = single_value(ds, "SELECT ST_SRID(" + geom + ") FROM " + from + " WHERE " + geom +
                                   " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  if (srid && parse_integer(*srid, 1, 999999999)) {
    facts.srid = *srid;
  } else {
    const OGRSpatialReference* srs = table.GetSpatialRef();
    const char* code = srs ? srs->GetAuthorityCode(nullptr) : nullptr;
    facts.srid = code ? code : "4326";
  }
  auto counted = [&](const std::string& where) {
    return parse_integer(single_value(ds, "SELECT count(*) FROM " + from + " WHERE " + where).value_or("0"), 0,
                         std::numeric_limits<long long>::max()).value_or(0);
  };
  facts.without_geometry = counted(geom + " IS NULL");
  facts.other_srid = counted(geom + " IS NOT NULL AND ST_SRID(" + geom + ") <> " + facts.srid);
  std::lock_guard<std::mutex> hold(lock);
  return known.emplace(key, facts).first->second;
}

// "2 rows without a geometry and 1 row in another SRID than 4326 skipped", or "" when none was.
std::string skipped_rows(const TableFacts& facts) {
  auto rows = [](long long n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); };
  std::string text;
  if (facts.without_geometry > 0) text = rows(facts.without_geometry) + " without a geometry";
  if (facts.other_srid > 0)
    text += (text.empty() ? "" : " and ") + rows(facts.other_srid) + " in another SRID than " + facts.srid;
  return text.empty() ? text : text + " skipped";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// The query for TABLE's features overlapping BOX, simplified on the server. The box is given in lon/lat and
// transformed to the table's SRID there, so the spatial index on the geometry column is used.
std::string view_query(GDALDataset& ds, OGRLayer& table, const std::string& from, const std::string& srid,
                       const BoundsLonLat& box, double tolerance_deg) {
  const std::string geom = quoted(table.GetGeometryColumn());
  const OGRSpatialReference* srs = table.GetSpatialRef();
  // Tolerances in the table's units: degrees, or about 111 km to a degree for a projected table.
  // A custom SRID that GDAL could not make an SRS of is geographic when the server's own definition says so.
  const bool geographic = srs ? srs->IsGeographic()
                              : single_value(ds, "SELECT proj4text FROM spatial_ref_sys WHERE srid = " + srid)
                                        .value_or("+proj=longlat")
                                        .find("longlat") != std::string::npos;
  const double tolerance = geographic ? tolerance_deg : tolerance_deg * 111320;
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
  // Sent back in lon/lat, transformed by the server: a custom SRID (a row of its spatial_ref_sys) is known there only.
  const std::string shown = srid == "4326" ? "clipped" : "ST_Transform(clipped, 4326)";
  return "SELECT " + columns + shown + " AS " + geom + " FROM (SELECT " + columns + "ST_ClipByBox2D(" + simplified + "," +
         envelope + ") AS clipped FROM " + from + " WHERE ST_SRID(" + geom + ") = " + srid + " AND " + geom + " && " + envelope +
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

std::string with_timeouts(const std::string& connection) {
  const std::string lower = ascii_lower(connection);
  std::string out = connection;
  if (lower.find("connect_timeout") == std::string::npos) out += " connect_timeout=" + std::to_string(kConnectTimeoutS);
  if (lower.find("options=") == std::string::npos)
    out += " options='-c statement_timeout=" + std::to_string(kStatementTimeoutMs) + "'";
  return out;
}

Result<LoadReport> load_database_view(const std::string& connection, const BoundsLonLat& box, double tolerance_deg,
                                      FetchStats& stats, const std::string& only) {
  init_gdal();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
  const char* const drivers[] = {"PostgreSQL", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(with_timeouts(connection).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
  if (!ds) {
    const std::string why = gdal_message_or("could not connect");
    CPLPopErrorHandler();
    return Error{connection + ": " + why};
  }
  LoadReport report;
  std::string failure;
  size_t tables = 0;
  for (OGRLayer* table : ds->GetLayers()) {
    if (stopped(nullptr)) {
      failure = connection + ": stopped";
      break;
    }
    if (!only.empty() && only != table->GetName()) continue;
    if (!table->GetGeometryColumn() || !*table->GetGeometryColumn()) {
      report.warnings.push_back(connection + ", table '" + table->GetName() + "': no geometry column; skipped");
      continue;
    }
    CPLErrorReset();
    ++tables;
    const std::string from = table_sql(*ds, table->GetName());
    const TableFacts facts = table_facts(*ds, *table, connection, from);
    if (const std::string skipped = skipped_rows(facts); !skipped.empty())
      report.warnings.push_back(connection + ", table '" + table->GetName() + "': " + skipped);
    OGRLayer* rows = ds->ExecuteSQL(view_query(*ds, *table, from, facts.srid, box, tolerance_deg).c_str(), nullptr, nullptr);
    if (!rows) {
      // One table that cannot be queried leaves the others drawn.
      const std::string why = connection + ", table '" + table->GetName() + "': " + gdal_message_or("the query failed");
      report.warnings.push_back(why + "; skipped");
      if (failure.empty()) failure = why;
      continue;
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
  if (!failure.empty() && (report.layers.empty() || stopped(nullptr))) return Error{failure};
  if (tables == 0 && !only.empty()) return Error{connection + ": no table '" + only + "' with a geometry column"};
  return report;
}

}  // namespace chronoatlas::geo
