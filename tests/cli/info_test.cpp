#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include <gdal_version.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_command.h"

namespace fs = std::filesystem;

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
  EXPECT_EQ(nlohmann::json::parse(r.out)["layers"][0]["feature_count"], 3);  // the square, the bowtie, the closed ring
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

TEST(CliInfo, HostileInputGetsAMessageNotACrash) {
  const std::string dir = fresh_dir("info_hostile");
  // A layer name and a .prj with bytes that are not UTF-8: info --json must still print valid JSON.
  std::ofstream(dir + "/a.csv") << "WKT,name\n\"POINT (44.5 40.2)\",x\n";
  fs::copy_file(dir + "/a.csv", dir + "/caf\xe9.csv");
  auto r = run_chronoatlas("info --json " + dir + "/caf\xe9.csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NO_THROW(nlohmann::json::parse(r.out));
  // A folder where a scenario's manifest should be, a folder as a view file, a pipe as a layer.
  fs::create_directories(dir + "/scenario/scenario.json");
  auto s = run_chronoatlas("render --scenario " + dir + "/scenario --out " + dir + "/x.png");
  EXPECT_EQ(s.exit_code, 1);
  EXPECT_NE(s.err.find("is a folder"), std::string::npos) << s.err;
  auto v = run_chronoatlas("render --view " + dir + " --out " + dir + "/x.png");
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.err.find("is a folder"), std::string::npos) << v.err;
  ASSERT_EQ(mkfifo((dir + "/pipe.geojson").c_str(), 0600), 0);
  auto p = run_chronoatlas("info " + dir + "/pipe.geojson");
  EXPECT_EQ(p.exit_code, 1);
  EXPECT_NE(p.err.find("not a regular file"), std::string::npos) << p.err;
  // A whole layer in metres without a CRS: no usable layer, exit 1.
  auto m = run_chronoatlas("info " + data("projected-no-crs.geojson"));
  EXPECT_EQ(m.exit_code, 1);
  EXPECT_NE(m.err.find("no usable layer"), std::string::npos) << m.err;
  // A label style of 3,000 px is refused by name; a 100,000-character label is drawn cut, at once.
  fs::create_directories(dir + "/big-labels");
  std::ofstream(dir + "/big-labels/scenario.json")
      << R"({"title": "t", "time": {"start": "1994-01-01", "end": "1995-01-01"}, "view": {"bbox": [0, 50, 3, 52]},
            "layers": [{"id": "t", "title": "t", "source": ")" << TEST_DATA_DIR
      << R"(/../scenarios/channel-tunnel/places.geojson", "style": {"label_field": "label", "label_size": 3000}}]})";
  auto b = run_chronoatlas("render --scenario " + dir + "/big-labels --out " + dir + "/b.png");
  EXPECT_EQ(b.exit_code, 1);
  EXPECT_NE(b.err.find("layers[0].style.label_size"), std::string::npos) << b.err;
  std::string label(100000, 'x');
  std::ofstream(dir + "/long.geojson") << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": ")"
                                       << label << R"("}, "geometry": {"type": "Point", "coordinates": [44.5, 40.2]}}]})";
  auto l = run_chronoatlas("render --scenario none --layer " + dir + "/long.geojson --size 320x200 --out " + dir + "/l.png");
  EXPECT_EQ(l.exit_code, 0) << l.err;
}

TEST(CliInfo, ACrashInsideAGdalDriverIsContained) {
  // GDAL 3.6's LIBKML driver dies with SIGSEGV on a gx:Track without <when> (fixed in 3.8.4): the file is read in a
  // child process first, and with GDAL's KML driver when the child dies.
  const std::string dir = fresh_dir("info_libkml");
  std::ofstream(dir + "/track.kml") << R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document><Placemark>
<gx:Track><gx:coord>44.5 40.2 0</gx:coord><gx:coord>46.7 39.8 0</gx:coord></gx:Track></Placemark></Document></kml>)";
  auto r = run_chronoatlas("info " + dir + "/track.kml");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (GDAL_VERSION_NUM < GDAL_COMPUTE_VERSION(3, 8, 4)) {
    EXPECT_NE(r.err.find("GDAL's LIBKML driver crashed reading it"), std::string::npos) << r.err;
  }
  auto render = run_chronoatlas("render --size 320x200 --layer " + dir + "/track.kml --out " + dir + "/t.png");
  EXPECT_EQ(render.exit_code, 0) << render.err;
}

TEST(Info, ATableWithoutGeometryIsNotGivenTheCsvAdvice) {
  // A dBase table (a shapefile's attributes alone), as a GML or MapInfo table without geometry: the hint about CSV
  // column names would mislead.
  const std::string dir = fresh_dir("info_aspatial");
  std::filesystem::copy_file(data("caucasus.dbf"), dir + "/attributes.dbf");
  auto r = run_chronoatlas("info " + dir + "/attributes.dbf");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("a table of attributes only, with no geometry to draw"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("for a CSV"), std::string::npos) << r.err;
}
