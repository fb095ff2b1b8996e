// What render writes and runs, under faults: no overwrite without asking, no input destroyed, nothing under the final
// names after a failure, no litter after a kill, and no network.
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "required_tool.h"

#include "png_read.h"
#include "run_command.h"

namespace fs = std::filesystem;

namespace {

const std::string kTiny = "--scenario " + std::string(TEST_DATA_DIR) + "/../scenarios/channel-tunnel --size 64x48";

// Every entry of DIR, hidden ones included.
std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

size_t lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

// A shell script's output (stdout and stderr together).
std::string shell(const std::string& script) {
  const std::string file = scratch_dir() + "script-" + std::to_string(getpid()) + ".sh";
  std::ofstream(file) << script;
  return run_chronoatlas_tool("bash " + file);
}

}  // namespace

TEST(Outputs, AnExistingVideoIsRefusedBeforeAnyFrameIsDrawn) {
  const std::string dir = fresh_dir("outputs_video");
  std::ofstream(dir + "/story.mp4") << "an earlier video";
  auto r = run_chronoatlas("render " + kTiny + " --frames 1994-05-01:1994-05-04:1 --video " + dir + "/story.mp4 --out " +
                           dir + "/f.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("story.mp4 already exists"), std::string::npos) << r.err;
  EXPECT_EQ(entries(dir), std::vector<std::string>{"story.mp4"});
  EXPECT_EQ(read_all(dir + "/story.mp4"), "an earlier video");
}

TEST(Outputs, AnInputAndItsSidecarsAreNeverOverwritten) {
  const std::string dir = fresh_dir("outputs_input");
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
    fs::copy_file(data(std::string("caucasus") + ext), dir + "/caucasus" + ext);
  const std::string prj_before = read_all(dir + "/caucasus.prj");
  auto r = run_chronoatlas("render --size 64x48 --layer " + dir + "/caucasus.shp --out " + dir +
                           "/caucasus.png --overwrite");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("caucasus.prj is an input"), std::string::npos) << r.err;
  EXPECT_EQ(read_all(dir + "/caucasus.prj"), prj_before);
  EXPECT_FALSE(fs::exists(dir + "/caucasus.png"));
  // A map named after its GeoJSON source may be redrawn: its own earlier .png, .pgw and .prj are not the input's.
  fs::copy_file(data("caucasus.geojson"), dir + "/roads.geojson");
  const std::string again = "render --scenario none --size 64x48 --layer " + dir + "/roads.geojson --out " + dir + "/roads.png";
  ASSERT_EQ(run_chronoatlas(again).exit_code, 0);
  auto second = run_chronoatlas(again + " --overwrite");
  EXPECT_EQ(second.exit_code, 0) << second.err;
  // The layer's file itself, through another name for the same file.
  fs::create_symlink(dir + "/caucasus.dbf", dir + "/link.png");
  r = run_chronoatlas("render --size 64x48 --layer " + dir + "/caucasus.shp --out " + dir + "/link.png --overwrite");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is an input"), std::string::npos) << r.err;
}

TEST(Outputs, AMapIsNotWrittenNextToItsCsvUnderTheCsvsName) {
  // GDAL reads cities.prj as the CRS of cities.csv: a map's .prj there would move the points into the map's metres.
  const std::string dir = fresh_dir("outputs_csv_prj");
  std::ofstream(dir + "/cities.csv") << "name,latitude,longitude\nAleppo,36.2,37.16\nBeijing,39.9,116.4\n";
  auto r = run_chronoatlas("render --scenario none --size 64x48 --layer " + dir + "/cities.csv --out " + dir + "/cities.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cities.prj is an input"), std::string::npos) << r.err;
  EXPECT_EQ(entries(dir), std::vector<std::string>{"cities.csv"});
  // The same with names relative to the working folder, and a shapefile's .prj not yet there.
  const std::string relative = "cd " + dir + " && env -u DISPLAY " CHRONOATLAS_EXE " render --scenario none --size 64x48 ";
  EXPECT_NE(shell(relative + "--layer cities.csv --out cities.png").find("cities.prj is an input"), std::string::npos);
  EXPECT_EQ(entries(dir), std::vector<std::string>{"cities.csv"});
  auto info = run_chronoatlas("info " + dir + "/cities.csv");
  EXPECT_NE(info.out.find("Extent (lon/lat): 37.160000, 36.200000, 116.400000, 39.900000"), std::string::npos) << info.out;
}

TEST(Outputs, AFullDiskLeavesNothingAndSaysSoOnce) {
  // A file size limit makes writes fail as a full disk does (EFBIG instead of ENOSPC), without root or a mount.
  const std::string dir = fresh_dir("outputs_full");
  auto limited = [&](int kib, const std::string& args) {
    return shell("cd " + dir + "; trap '' XFSZ; ulimit -f " + std::to_string(kib) + "; env -u DISPLAY " +
                 CHRONOATLAS_EXE + " render " + args + "; echo \"rc=$?\"\n");
  };
  std::string out = limited(20, "--size 800x600 --out x.png");
  EXPECT_NE(out.find("rc=1"), std::string::npos) << out;
  EXPECT_NE(out.find("x.png: writing failed"), std::string::npos) << out;
  EXPECT_EQ(lines(out), 2u) << "one message, then the exit code:\n" << out;
  EXPECT_TRUE(entries(dir).empty());
  // The PNG fits, the GeoTIFF does not: none of the set may appear.
  out = limited(180, "--size 800x600 --no-furniture --geotiff --out y.png");
  EXPECT_NE(out.find("rc=1"), std::string::npos) << out;
  EXPECT_NE(out.find("y.tif: writing failed"), std::string::npos) << out;
  EXPECT_TRUE(entries(dir).empty());
}

TEST(Outputs, ASidecarThatIsAFolderStopsTheWholeSet) {
  const std::string dir = fresh_dir("outputs_folder");
  fs::create_directory(dir + "/x.pgw");
  auto r = run_chronoatlas("render " + kTiny + " --out " + dir + "/x.png --overwrite");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("x.pgw is a folder"), std::string::npos) << r.err;
  EXPECT_EQ(entries(dir), std::vector<std::string>{"x.pgw"});
}

TEST(Outputs, AnInterruptedFrameRunStopsAfterACompleteFrameAndSaysHowFar) {
  const std::string dir = fresh_dir("outputs_sigint");
  const std::string out = shell("cd " + dir + "; env -u DISPLAY " + CHRONOATLAS_EXE + " render " + kTiny +
                                " --frames 1994-01-01:1994-12-31:1 --out f.png 2>err.txt & pid=$!\n"
                                "for i in $(seq 1500); do [ -e f-0002.png ] && break; sleep 0.02; done\n"
                                "kill -INT $pid; wait $pid; echo \"rc=$?\"; cat err.txt\n");
  EXPECT_NE(out.find("rc=1"), std::string::npos) << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex("interrupted: (\\d+) of 365 frames are complete"))) << out;
  const int complete = std::stoi(m[1]);
  for (int i = 1; i <= complete; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/f-%04d.png", i);
    EXPECT_EQ(read_png(dir + name).width, 64) << name;
  }
  for (const std::string& e : entries(dir)) EXPECT_EQ(e.find(".chronoatlas-tmp-"), std::string::npos) << e;
}

TEST(Outputs, TemporariesOfAKilledRenderAreRemovedByTheNext) {
  const std::string dir = fresh_dir("outputs_sigkill");
  // A render killed at some moment of a frame run, and a temporary of a process that certainly no longer runs.
  shell("cd " + dir + "; env -u DISPLAY " + CHRONOATLAS_EXE + " render " + kTiny +
        " --frames 1994-01-01:1994-12-31:1 --out f.png & pid=$!\n"
        "for i in $(seq 3000); do [ -e f-0003.png ] && break; sleep 0.01; done; kill -KILL $pid; wait $pid\n");
  const int dead = static_cast<int>(std::stoi(shell("sh -c 'echo $$'")));
  std::ofstream(dir + "/.f-0001.png.chronoatlas-tmp-" + std::to_string(dead)) << "half";
  for (const std::string& e : entries(dir)) {
    if (e.find("chronoatlas-tmp") != std::string::npos) continue;
    EXPECT_TRUE(std::regex_match(e, std::regex("f-\\d{4}\\.(png|pgw|prj)"))) << "not one of the set: " << e;
  }
  auto r = run_chronoatlas("render " + kTiny + " --frames 1994-01-01:1994-01-05:1 --overwrite --out " + dir + "/f.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& e : entries(dir)) EXPECT_EQ(e.find(".chronoatlas-tmp-"), std::string::npos) << e;
}

TEST(Outputs, MeaninglessGeoreferencingIsRefusedNamingItsSource) {
  const std::string dir = fresh_dir("outputs_georef");
  auto r = run_chronoatlas("render --crs '+proj=ortho +lat_0=-40 +lon_0=-130' --out " + dir + "/o.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--crs"), std::string::npos) << r.err;
  auto view = [&](const std::string& key_values) {
    std::ofstream(dir + "/v.json") << R"({"chronoatlas_view": 1, "scenario": ")" << TEST_DATA_DIR
                                   << R"(/../scenarios/channel-tunnel", "date": "1994-05-06", "crs": "EPSG:3857", )"
                                   << key_values << ", \"furniture\": {}}";
    return run_chronoatlas("render --view " + dir + "/v.json --out " + dir + "/v.png");
  };
  for (auto [values, key] : std::vector<std::pair<std::string, std::string>>{
           {R"("centre_lonlat": [1.5, 51], "units_per_pixel": 1e308, "size": [64, 48])", "'units_per_pixel'"},
           {R"("centre_lonlat": [1.5, 51], "units_per_pixel": 1e-300, "size": [64, 48])", "'units_per_pixel'"},
           {R"("centre_lonlat": [1.5, 51], "units_per_pixel": 100, "size": [1e12, 48])", "'size[0]'"},
           {R"("centre_lonlat": [1.5, 91], "units_per_pixel": 100, "size": [64, 48])", "'centre_lonlat[1]'"},
           {R"("centre_lonlat": [1.5, 51], "units_per_pixel": 100, "size": [64, 48], "ui_scale": 100)", "'ui_scale'"}}) {
    r = view(values);
    EXPECT_EQ(r.exit_code, 1) << values;
    EXPECT_NE(r.err.find("v.json: key " + key), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(dir + "/v.png"));
  EXPECT_FALSE(fs::exists(dir + "/o.png"));
}

TEST(Outputs, NumbersOnTheCommandLineAreRangeChecked) {
  const std::string dir = fresh_dir("outputs_numbers");
  for (const std::string& args : {std::string("--bbox 44,nan,48,41"), std::string("--bbox 44,40,44,41"),
                                  std::string("--fps 1e9 --frames 1994-01-01:1994-01-02:1 --video v.mp4"),
                                  std::string("--frames 1994-01-01:1994-01-02:1e-300"),
                                  std::string("--frames 1994-01-01:1994-01-02:inf"),
                                  std::string("--frames 1994-01-01:1994-01-02:nan")}) {
    auto r = run_chronoatlas("render " + kTiny + " " + args + " --out " + dir + "/n.png");
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_EQ(lines(r.err), 1u) << args << ": " << r.err;
  }
  EXPECT_TRUE(entries(dir).empty());
  auto info = run_chronoatlas("info " + data("caucasus.geojson") + " " + data("caucasus.kml"));
  EXPECT_EQ(info.exit_code, 1);
  EXPECT_NE(info.err.find("one PATH at a time"), std::string::npos) << info.err;
}

TEST(Outputs, TheWorldFileKeepsFullPrecision) {
  const std::string dir = fresh_dir("outputs_precision");
  ASSERT_EQ(run_chronoatlas("render " + kTiny + " --out " + dir + "/p.png").exit_code, 0);
  std::ifstream pgw(dir + "/p.pgw");
  std::string line;
  int n = 0, long_numbers = 0;
  for (; std::getline(pgw, line); ++n) long_numbers += line.size() > 12;
  EXPECT_EQ(n, 6);
  EXPECT_GE(long_numbers, 4) << "pixel size and corner with all their digits";
}

TEST(Outputs, OpeningARemoteVrtMakesNoNetworkConnection) {
  REQUIRE_TOOL(missing_tools("strace").empty(), "strace");
  const std::string dir = fresh_dir("outputs_network");
  // 203.0.113.0/24 is reserved for documentation: nothing answers there, but a connect() attempt would show.
  std::ofstream(dir + "/remote.vrt") << "<OGRVRTDataSource><OGRVRTLayer name=\"remote\">"
                                        "<SrcDataSource>/vsicurl/http://203.0.113.7/data.geojson</SrcDataSource>"
                                        "</OGRVRTLayer></OGRVRTDataSource>";
  const std::string trace = run_chronoatlas_tool("strace -f -e trace=connect env -u DISPLAY " +
                                                 std::string(CHRONOATLAS_EXE) + " info " + dir + "/remote.vrt");
  std::smatch m;
  std::string rest = trace;
  int connects = 0;
  while (std::regex_search(rest, m, std::regex("connect\\([^\\n]*"))) {
    const std::string call = m.str();
    ++connects;
    const bool local = call.find("AF_UNIX") != std::string::npos || call.find("127.0.0.1") != std::string::npos ||
                       call.find("::1") != std::string::npos;
    EXPECT_TRUE(local) << call;
    rest = m.suffix();
  }
  EXPECT_EQ(trace.find("203.0.113.7\")"), std::string::npos);
  RecordProperty("connect_calls", connects);
}
