#include <cpl_error.h>

#include <gtest/gtest.h>

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
  EXPECT_EQ(r->layers[0].features.size(), 177u);
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
  EXPECT_EQ(r->layers[0].features.size(), 2u);
  ASSERT_EQ(r->warnings.size(), 3u);
  EXPECT_NE(r->warnings[0].find("feature 1"), std::string::npos) << r->warnings[0];
}

TEST(VectorSource, ProjectedCoordinatesWithoutCrsSkipTheLayerWithAHint) {
  auto r = geo::load_vector_source(data("projected-no-crs.geojson"));
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(r->layers.empty());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("not degrees"), std::string::npos) << r->warnings[0];
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
