#pragma once
// Layers drawn from a PostGIS database (a GDAL connection string, "PG:dbname=... tables=..."): the database is asked
// only for the features in the area shown, simplified on the server to the resolution shown, so a table far larger
// than memory draws like a small file. Each view is a new query; nothing is cached.
#include <string>

#include "base/geometry_types.h"
#include "base/result.h"
#include "geo/vector_data.h"

namespace chronoatlas::geo {

// How long a server may take to accept a connection, and a query to answer, unless the connection string sets its
// own connect_timeout or options: a server that accepts and never answers must not hang a render or the app.
constexpr int kConnectTimeoutS = 10;
constexpr int kStatementTimeoutMs = 60000;

// CONNECTION ("PG:...") with those timeouts added where it does not set its own; every connection opens through it.
std::string with_timeouts(const std::string& connection);

// What one query fetched, for the benchmark and the messages.
struct FetchStats {
  size_t features = 0;
  size_t vertices = 0;
  size_t bytes = 0;  // coordinates and attribute text as received (the wire format is a little larger)
};

// Every table of CONNECTION (or only TABLE when given), its features that overlap BOX (degrees) simplified by TOLERANCE_DEG (0: as stored),
// in lon/lat like any file. Fails with the database's message when the connection or a query fails.
Result<LoadReport> load_database_view(const std::string& connection, const BoundsLonLat& box, double tolerance_deg,
                                      FetchStats& stats, const std::string& table = "");

}  // namespace chronoatlas::geo
