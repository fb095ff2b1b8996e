// A read the user cancels stops within a second, even while GDAL is still parsing the file as it opens it.
#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "base/job_pool.h"
#include "model/atlas.h"
#include "temp_dir.h"

using namespace chronoatlas;
using Clock = std::chrono::steady_clock;

namespace {

// About 75 MB of GeoJSON points: seconds of GDAL's opening pass alone on a small machine.
std::string large_geojson() {
  const std::string path = scratch_dir() + "large-points.geojson";
  std::ofstream out(path);
  out << R"({"type":"FeatureCollection","features":[)";
  for (int i = 0; i < 600000; ++i)
    out << (i ? "," : "") << R"({"type":"Feature","properties":{"n":)" << i << R"(,"name":"place )" << i
        << R"("},"geometry":{"type":"Point","coordinates":[)" << 40 + (i % 1000) * 0.01 << "," << 38 + (i / 1000) * 0.005
        << "]}}";
  out << "]}";
  return path;
}

double cancel_after(const std::string& path, double wait_s, std::string& outcome) {
  auto progress = std::make_shared<Progress>();
  auto job = start_job(Priority::Interactive, [path, progress] {
    return model::Atlas::read_file(path, nullptr, BoundsLonLat{}, progress.get());
  });
  std::this_thread::sleep_for(std::chrono::duration<double>(wait_s));
  EXPECT_FALSE(job.ready()) << "the file was read before the cancel: make it larger";
  const auto cancelled = Clock::now();
  progress->cancelled = true;
  job.cancel();
  while (!job.ready()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const double seconds = std::chrono::duration<double>(Clock::now() - cancelled).count();
  auto result = job.get();
  outcome = result && !*result ? result->error() : "read in full";
  return seconds;
}

}  // namespace

TEST(CancelRead, ALargeFileStopsWithinASecondWhetherOpeningOrReadingFeatures) {
  const std::string path = large_geojson();
  std::string outcome;
  // Early: GDAL is parsing the file as it opens it (no feature read yet).
  EXPECT_LT(cancel_after(path, 0.3, outcome), 1.0);
  EXPECT_NE(outcome.find("cancelled"), std::string::npos) << outcome;
  // Later: well into the file.
  EXPECT_LT(cancel_after(path, 1.5, outcome), 1.0);
  EXPECT_NE(outcome.find("cancelled"), std::string::npos) << outcome;
}

TEST(CancelRead, AReadThatCanBeCancelledSeesWhatAPlainReadSees) {
  // Shapefile sidecars, a GeoPackage's SQLite pages, KML and FlatGeobuf all reach GDAL through the watch.
  for (const char* name : {"caucasus.shp", "caucasus-utm38.shp", "caucasus.gpkg", "caucasus.kml", "caucasus.fgb"}) {
    const std::string path = std::string(TEST_DATA_DIR) + "/" + name;
    Progress progress;
    auto watched = model::Atlas::read_file(path, nullptr, BoundsLonLat{}, &progress);
    auto plain = model::Atlas::read_file(path, nullptr, BoundsLonLat{});
    ASSERT_TRUE(watched) << name << ": " << watched.error();
    ASSERT_TRUE(plain) << name << ": " << plain.error();
    ASSERT_EQ(watched->report.layers.size(), plain->report.layers.size()) << name;
    for (size_t i = 0; i < plain->report.layers.size(); ++i) {
      EXPECT_EQ(watched->report.layers[i].crs, plain->report.layers[i].crs) << name;
      EXPECT_EQ(watched->report.layers[i].features.size(), plain->report.layers[i].features.size()) << name;
      EXPECT_EQ(watched->report.layers[i].fields, plain->report.layers[i].fields) << name;
    }
  }
}
