#include <cpl_error.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "geo/gdal_setup.h"
#include "geo/vector_source.h"

using namespace chronoatlas;

namespace {
std::string data(const std::string& name) { return std::string(TEST_DATA_DIR) + "/" + name; }

const geo::Feature* find(const geo::VectorLayer& l, const std::string& name) {
  for (const auto& f : l.features)
    if (l.value(f, "name") == name) return &f;
  return nullptr;
}
}  // namespace

class EachFormat : public testing::TestWithParam<std::string> {};

TEST_P(EachFormat, LoadsThreeCaucasusCountriesWithNames) {
  auto r = geo::load_vector_source(data(GetParam()));
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  const geo::VectorLayer& l = r->layers[0];
  EXPECT_EQ(l.features.size(), 3u);
  const geo::Feature* az = find(l, "Azerbaijan");
  ASSERT_NE(az, nullptr);
  EXPECT_GE(az->polygons.size(), 2u);  // mainland and Nakhchivan at least
  // Whatever the file's CRS, coordinates arrive as lon/lat: Azerbaijan lies within 44-51 E, 38-42 N.
  for (const auto& poly : az->polygons)
    for (LonLat p : poly.front()) {
      EXPECT_GT(p.lon, 44.5);
      EXPECT_LT(p.lon, 51.0);
      EXPECT_GT(p.lat, 38.3);
      EXPECT_LT(p.lat, 42.0);
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, EachFormat,
                         testing::Values("caucasus.geojson", "caucasus.shp", "caucasus.gpkg", "caucasus.kml",
                                         "caucasus.fgb", "caucasus-3857.geojson", "caucasus-utm38.shp"));

TEST(VectorSource, SourceCrsIsHonouredToTheMetre) {
  auto plain = geo::load_vector_source(data("caucasus.geojson"));
  auto utm = geo::load_vector_source(data("caucasus-utm38.shp"));
  auto merc = geo::load_vector_source(data("caucasus-3857.geojson"));
  ASSERT_TRUE(plain && utm && merc);
  EXPECT_EQ(utm->layers[0].crs, "EPSG:32638");
  EXPECT_EQ(merc->layers[0].crs, "EPSG:3857");
  for (auto* other : {&*utm, &*merc}) {
    const auto& a = find(plain->layers[0], "Armenia")->polygons[0][0];
    const auto& b = find(other->layers[0], "Armenia")->polygons[0][0];
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); i += 37) {
      EXPECT_NEAR(a[i].lon, b[i].lon, 1e-4);
      EXPECT_NEAR(a[i].lat, b[i].lat, 1e-4);
    }
  }
}

TEST(VectorSource, TopoJsonWithoutCrsIsTakenAsLonLat) {
  auto r = geo::load_vector_source(data("world-110m.topojson"));
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 2u);  // countries and land
  EXPECT_EQ(r->layers[0].name, "countries");
  EXPECT_EQ(r->layers[0].features.size(), 177u) << "a tiny island's ring without 3 distinct points drops that part only";
  EXPECT_NE(r->layers[0].crs.find("assumed"), std::string::npos);
}

TEST(VectorSource, ReadsEveryLayerOfAMultiLayerSource) {
  auto r = geo::load_vector_source(data("multi.gpkg"));
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 2u);
  EXPECT_EQ(r->layers[1].name, "places");
  EXPECT_EQ(r->layers[1].features.size(), 5u);
  EXPECT_EQ(r->layers[1].features[0].points.size(), 1u);
  EXPECT_NE(r->layers[1].field_index("name_hy"), -1);  // attributes kept for labels and tooltips
}

TEST(VectorSource, MissingAndBrokenFilesFailWithTheirName) {
  for (const char* name : {"nothing-here.geojson", "truncated.geojson", "not-json.geojson", "zero-bytes.geojson"}) {
    auto r = geo::load_vector_source(data(name));
    EXPECT_FALSE(r) << name;
    if (!r) {
      EXPECT_NE(r.error().find(name), std::string::npos) << r.error();
    }
  }
}

TEST(VectorSource, SkipsUnusableFeaturesAndKeepsTheRest) {
  auto r = geo::load_vector_source(data("bad-features.geojson"));
  ASSERT_TRUE(r) << r.error();
  // The unclosed ring is closed (as QGIS draws it), with a warning; no geometry and out of range are skipped.
  EXPECT_EQ(r->layers[0].features.size(), 3u);
  ASSERT_EQ(r->warnings.size(), 3u);
  EXPECT_NE(r->warnings[0].find("feature 1"), std::string::npos) << r->warnings[0];
  EXPECT_NE(r->warnings[2].find("unclosed ring(s) closed"), std::string::npos) << r->warnings[2];
}

TEST(VectorSource, ProjectedCoordinatesWithoutCrsSkipTheLayerWithAHint) {
  auto r = geo::load_vector_source(data("projected-no-crs.geojson"));
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(r->layers.empty());
  ASSERT_FALSE(r->warnings.empty());
  EXPECT_NE(r->warnings.back().find("not degrees"), std::string::npos) << r->warnings.back();
  EXPECT_NE(r->warnings.back().find("layer skipped"), std::string::npos) << r->warnings.back();
}

TEST(VectorSource, OneFeatureInMetresIsSkippedAndTheRestKept) {
  const std::string path = scratch_dir() + "one-outlier.geojson";
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [44.5, 40.2]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [49.9, 40.4]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [4500000, 4400000]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [46.75, 39.8]}}]})";
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  EXPECT_EQ(r->layers[0].features.size(), 3u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("feature 2: coordinates look like metres"), std::string::npos) << r->warnings[0];
}

TEST(VectorSource, OvershootsBelowAThousandthOfADegreeAreClampedAndSurfacesReadAsPolygons) {
  const std::string path = scratch_dir() + "overshoot.geojson";
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates":
      [[[-180, 80], [180, 80], [180, 90.0001220703125], [-180, 90.0001220703125], [-180, 80]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [10, 90.5]}}]})";
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers[0].features.size(), 1u) << "90.5 is no rounding error";
  EXPECT_EQ(r->layers[0].extent.north, 90);
  // A TIN (as a GML or shapefile multipatch would give) is drawn as its triangles.
  const std::string tin = scratch_dir() + "tin.csv";
  std::ofstream(tin) << "WKT,name\n\"TIN (((0 0,1 0,0 1,0 0)),((1 0,1 1,0 1,1 0)))\",surface\n";
  auto t = geo::load_vector_source(tin);
  ASSERT_TRUE(t) << t.error();
  ASSERT_EQ(t->layers[0].features.size(), 1u);
  EXPECT_EQ(t->layers[0].features[0].polygons.size(), 2u);
}

TEST(VectorSource, ArchivesAndVirtualPathsOpenNetworkPathsAndPipesDoNot) {
  const std::string zip = scratch_dir() + "caucasus.zip";
  std::remove(zip.c_str());
  ASSERT_EQ(std::system(("cd " + std::string(TEST_DATA_DIR) + " && zip -q " + zip +
                         " caucasus.shp caucasus.shx caucasus.dbf caucasus.prj").c_str()), 0);
  for (const std::string& path : {zip, "/vsizip/" + zip, "/vsizip/" + zip + "/caucasus.shp"}) {
    auto r = geo::load_vector_source(path);
    ASSERT_TRUE(r) << path << ": " << r.error();
    EXPECT_EQ(r->layers[0].features.size(), 3u) << path;
  }
  const std::string gz = scratch_dir() + "caucasus.geojson.gz";
  ASSERT_EQ(std::system(("gzip -c " + data("caucasus.geojson") + " > " + gz).c_str()), 0);
  auto g = geo::load_vector_source(gz);
  ASSERT_TRUE(g) << g.error();
  EXPECT_EQ(g->layers[0].features.size(), 3u);
  for (const char* remote : {"/vsicurl/http://203.0.113.7/x.geojson", "https://example.org/x.geojson"}) {
    auto r = geo::load_vector_source(remote);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().find("offline"), std::string::npos) << r.error();
  }
  const std::string fifo = scratch_dir() + "pipe.geojson";
  std::remove(fifo.c_str());
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  auto p = geo::load_vector_source(fifo);
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().find("not a regular file"), std::string::npos) << p.error();
}

TEST(VectorSource, InvalidUtf8FromAFileBecomesReplacementCharacters) {
  const std::string path = scratch_dir() + "latin1.csv";
  std::ofstream(path) << "WKT,name\n\"POINT (44.5 40.2)\",Caf\xE9 \xFF\n";
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->layers[0].features[0].values[1], "Caf\xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST(GdalSetup, MessagesSpanningLinesBecomeOneLine) {
  geo::init_gdal();
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLError(CE_Failure, CPLE_AppDefined, "corrupt .shx:\nrecord 3 points past the end\r\nof the file");
  CPLPopErrorHandler();
  EXPECT_STREQ(geo::gdal_message_or("none"), "corrupt .shx: record 3 points past the end  of the file");
  CPLErrorReset();
  EXPECT_STREQ(geo::gdal_message_or("none"), "none");
}
