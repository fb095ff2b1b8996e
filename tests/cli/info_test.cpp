#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_command.h"

TEST(CliInfo, PrintsLayersAsJson) {
  auto r = run_chronoatlas("info " + data("multi.gpkg") + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["layers"].size(), 2u);
  EXPECT_EQ(j["layers"][0]["name"], "countries");
  EXPECT_EQ(j["layers"][0]["feature_count"], 3);
  EXPECT_EQ(j["layers"][0]["crs"], "EPSG:4326");
  EXPECT_EQ(j["layers"][1]["name"], "places");
  EXPECT_EQ(j["layers"][1]["feature_count"], 5);
  EXPECT_EQ(j["layers"][1]["geometry_type"], "Point");
  auto e = j["layers"][0]["extent_lonlat"];
  // Georgia's west coast to Azerbaijan's Caspian shore.
  EXPECT_NEAR(e[0].get<double>(), 40.0, 0.1);
  EXPECT_NEAR(e[2].get<double>(), 50.6, 0.3);
}

TEST(CliInfo, ReportsProjectedSourcesInLonLat) {
  auto r = run_chronoatlas("info " + data("caucasus-utm38.shp") + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["layers"][0]["crs"], "EPSG:32638");
  EXPECT_NEAR(j["layers"][0]["extent_lonlat"][1].get<double>(), 38.39, 0.05);  // Armenia's southern tip
}

TEST(CliInfo, PlainTextNamesEachLayer) {
  auto r = run_chronoatlas("info " + data("caucasus.kml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Features: 3"), std::string::npos) << r.out;
}

TEST(CliInfo, BadInputsFailWithOneLineNamingTheFile) {
  for (const char* name : {"missing.geojson", "truncated.geojson", "not-json.geojson", "zero-bytes.geojson"}) {
    auto r = run_chronoatlas("info " + data(name));
    EXPECT_EQ(r.exit_code, 1) << name;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

TEST(CliInfo, EmptyLayerIsNotAnError) {
  auto r = run_chronoatlas("info " + data("empty.geojson") + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["layers"][0]["feature_count"], 0);
}

TEST(CliInfo, UnusableFeaturesAreSkippedWithWarnings) {
  auto r = run_chronoatlas("info " + data("bad-features.geojson") + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["layers"][0]["feature_count"], 2);  // the good square and the bowtie
  EXPECT_NE(r.err.find("no geometry"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("outside the valid lon/lat range"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unclosed ring"), std::string::npos) << r.err;
}

TEST(CliInfo, VersionAndHelp) {
  EXPECT_EQ(run_chronoatlas("--version").exit_code, 0);
  auto h = run_chronoatlas("render --help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("--bbox"), std::string::npos);
}
