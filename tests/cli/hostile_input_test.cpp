// The reproducers of the hostile-input issue, one test each: what an attacker or an unlucky user hands the CLI (files,
// caches, view files, signals, servers that never answer) gets a message and an exit code, never an abort, a hang,
// a connection nobody named or a half-replaced output set.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "run_command.h"
#include "silent_server.h"

namespace fs = std::filesystem;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The exit status of a shell script (-1 when it did not exit).
int shell_result(const std::string& script) {
  const int status = std::system(script.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A CSV of N points spread over the Caucasus: big enough that reading it takes seconds.
void write_points(const std::string& path, int n) {
  std::ofstream out(path);
  out << "lat,lon\n";
  for (int i = 0; i < n; ++i) out << 39 + (i % 1000) * 0.003 << "," << 44 + (i / 1000 % 1000) * 0.003 << "\n";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST(Hostile, AWrittenDateWithAHugeDayIsARowNotAnAbort) {
  const std::string dir = fresh_dir("hostile_huge_day");
  write(dir + "/d.csv", "lat,lon,event_date\n40,45,September 12345678901 2023\n");
  auto info = run_chronoatlas("info " + dir + "/d.csv");
  EXPECT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("Features: 1"), std::string::npos) << info.out;
  auto render = run_chronoatlas("render --scenario none --size 64x48 --layer " + dir + "/d.csv --out " + dir + "/m.png");
  EXPECT_EQ(render.exit_code, 0) << render.err;
  EXPECT_TRUE(fs::exists(dir + "/m.png"));
}

namespace {

size_t entries_of(const std::string& cache, const std::string& kind) {
  size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache + "/chronoatlas/prepared", ec))
    n += e.path().filename().string().rfind(kind + "-", 0) == 0;
  return n;
}

}  // namespace

TEST(Hostile, EditsOfAFileAndNewCrssReplaceTheLayersEntriesInsteadOfPilingUp) {
  const std::string dir = fresh_dir("hostile_cache_growth"), cache = dir + "/cache";
  const std::string render = "render --scenario none --no-basemap --size 64x48 --overwrite --layer " + dir +
                             "/area.geojson --out " + dir + "/m.png";
  for (int edit = 0; edit < 4; ++edit) {
    write(dir + "/area.geojson", R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[44,40],[45,40],[45,41.)" +
                                     std::to_string(edit) + R"(],[44,40]]]}})");
    for (const char* crs : {"EPSG:4326", "EPSG:3857", "EPSG:32638"}) {
      auto r = run_chronoatlas(render + " --crs " + crs, "XDG_CACHE_HOME=" + cache);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }
  EXPECT_EQ(entries_of(cache, "vector"), 1u);
  EXPECT_EQ(entries_of(cache, "geometry"), 1u);
  EXPECT_EQ(entries_of(cache, "projected"), 1u) << "only the last CRS's projection is kept, as the README says";
}

TEST(Hostile, AFifoAtACacheEntrysNameDoesNotBlockARender) {
  const std::string dir = fresh_dir("hostile_cache_fifo"), cache = dir + "/cache";
  fs::copy_file(data("caucasus.geojson"), dir + "/c.geojson");
  const std::string render = "render --scenario none --no-basemap --size 64x48 --overwrite --layer " + dir +
                             "/c.geojson --out " + dir + "/m.png";
  ASSERT_EQ(run_chronoatlas(render, "XDG_CACHE_HOME=" + cache).exit_code, 0);
  for (const auto& e : fs::directory_iterator(cache + "/chronoatlas/prepared")) {
    const std::string entry = e.path().string();
    fs::remove(entry);
    ASSERT_EQ(mkfifo(entry.c_str(), 0600), 0);
  }
  const auto r = shell_result("timeout -s KILL 60 env -u DISPLAY XDG_CACHE_HOME=" + cache + " " CHRONOATLAS_EXE " " + render);
  EXPECT_EQ(r, 0) << "a FIFO entry blocked the render (137: killed by the timeout)";
}

TEST(Hostile, TheFirstSigtermOrSigintStopsARenderAtOnceWithExit1AndNothingWritten) {
  // It ran on for a minute and exited 0 with its files written: the handler reset itself after the first signal and
  // was polled only between frames.
  const std::string dir = fresh_dir("hostile_sigterm");
  write_points(dir + "/many.csv", 2000000);
  for (const char* signal : {"TERM", "INT"}) {
    const std::string script = "cd " + dir + "; env -u DISPLAY XDG_CACHE_HOME=" + dir + "/cache " CHRONOATLAS_EXE +
                               " render --scenario none --layer many.csv --out m.png & pid=$!; sleep 2; start=$(date +%s%N); kill -" +
                               signal + " $pid; wait $pid; rc=$?; echo $rc $(( ($(date +%s%N) - start) / 1000000 )) > result";
    ASSERT_EQ(shell_result("bash -c '" + script + "'"), 0);
    std::ifstream in(dir + "/result");
    int rc = -1, ms = -1;
    in >> rc >> ms;
    EXPECT_EQ(rc, 1) << signal;
    EXPECT_LT(ms, 3000) << signal << ": it took " << ms << " ms to stop";
    EXPECT_FALSE(fs::exists(dir + "/m.png")) << signal;
    for (const auto& e : fs::directory_iterator(dir))
      EXPECT_EQ(e.path().filename().string().find("tmp"), std::string::npos) << e.path();
  }
}

TEST(Hostile, ADatabaseThatAcceptsAndNeverAnswersTimesOutInsteadOfHanging) {
  // render hung 760 s until killed and info 125 s: no connect or statement timeout.
  SilentServer server;
  ASSERT_GT(server.port(), 0);
  const std::string dir = fresh_dir("hostile_silent_db");
  for (const std::string& command :
       {"render --scenario none --no-basemap --size 64x48 --layer '" + server.connection() + "' --out " + dir + "/x.png",
        "info '" + server.connection() + "'"}) {
    const auto start = std::chrono::steady_clock::now();
    auto r = run_chronoatlas(command);
    EXPECT_EQ(r.exit_code, 1) << command << r.err;
    EXPECT_LT(seconds_since(start), 30) << command;
    EXPECT_NE(r.err.find("PG:host=127.0.0.1"), std::string::npos) << r.err;
  }
  EXPECT_TRUE(server.was_contacted()) << "the connection the user named is opened";
  EXPECT_FALSE(fs::exists(dir + "/x.png"));
}

TEST(Hostile, AViewFileOrAStoryThatNamesAConnectionIsRefusedWithoutConnecting) {
  SilentServer server;
  ASSERT_GT(server.port(), 0);
  const std::string dir = fresh_dir("hostile_view_connects");
  write(dir + "/view.json", R"({"chronoatlas_view": 1, "scenario": "none", "date": "2023-09-25", "crs": "EPSG:4326",
    "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.0045, "size": [80, 50], "furniture": {},
    "added_files": [")" + server.connection() + R"("]})");
  auto r = run_chronoatlas("render --view " + dir + "/view.json --out " + dir + "/v.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("may not connect to a server by itself"), std::string::npos) << r.err;
  fs::create_directories(dir + "/story");
  write(dir + "/story/scenario.json", R"({"title": "Connects", "time": {"start": "2023-09-19", "end": "2023-10-01"}, "view": {"bbox": [44, 39, 47, 41]},
    "layers": [{"id": "remote", "title": "Remote", "source": ")" + server.connection() + R"("}]})");
  r = run_chronoatlas("render --scenario " + dir + "/story --out " + dir + "/s.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("may not open connections by itself"), std::string::npos) << r.err;
  EXPECT_FALSE(server.was_contacted()) << "a file someone else wrote made the render connect";
  EXPECT_FALSE(fs::exists(dir + "/v.png"));
  EXPECT_FALSE(fs::exists(dir + "/s.png"));
}

TEST(Hostile, ALayerPastTheMemoryCapIsRefusedWithItsCountsAndAFileNamedManyTimesIsOneLayer) {
  // Ten million points took 4.8 GB and 63 s without a word; a view naming one file 20,000 times took 1.96 GB.
  const std::string dir = fresh_dir("hostile_memory");
  write_points(dir + "/many.csv", 20000);
  auto r = run_chronoatlas("render --scenario none --no-basemap --size 64x48 --layer " + dir + "/many.csv --out " + dir +
                               "/m.png",
                           "CHRONOATLAS_MAX_LAYER_MB=1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("too large to draw"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 MiB a layer may use"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/m.png"));
  std::string names;
  for (int i = 0; i < 20000; ++i) names += std::string(i ? "," : "") + "\"" + dir + "/many.csv\"";
  write(dir + "/view.json", R"({"chronoatlas_view": 1, "scenario": "none", "date": "2023-09-25", "crs": "EPSG:4326",
    "centre_lonlat": [45.6, 39.9], "units_per_pixel": 0.01, "size": [80, 50], "furniture": {"legend": true},
    "added_files": [)" + names + "]}");
  const auto start = std::chrono::steady_clock::now();
  r = run_chronoatlas("render --no-basemap --view " + dir + "/view.json --out " + dir + "/v.png");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(seconds_since(start), 20);
  auto info = run_chronoatlas("info " + dir + "/many.csv");
  EXPECT_NE(info.out.find("Layer: many\n"), std::string::npos) << "a layer is named after its file: " << info.out;
}

TEST(Hostile, ACacheThatCannotBeWrittenCostsTimeNotTheRender) {
  // A file where the cache folder should be; a folder that cannot be made (a read-only file system, as root ignores
  // permissions); a disk that fills while the big entries are written (a file size limit): each render still writes
  // its image, and a full disk leaves no temporary and no entry that a later render would find damaged.
  const std::string dir = fresh_dir("hostile_cache_unwritable");
  write(dir + "/not-a-folder", "");
  for (const std::string& cache : {dir + "/not-a-folder", std::string("/proc/chronoatlas-no-cache")}) {
    auto r = run_chronoatlas("render --size 64x48 --overwrite --out " + dir + "/a.png", "XDG_CACHE_HOME=" + cache);
    EXPECT_EQ(r.exit_code, 0) << cache << ": " << r.err;
    EXPECT_TRUE(fs::exists(dir + "/a.png")) << cache;
  }
  const std::string cache = dir + "/small-disk";
  EXPECT_EQ(shell_result("cd " + dir + "; trap '' XFSZ; ulimit -f 2000; XDG_CACHE_HOME=" + cache + " env -u DISPLAY " +
                         CHRONOATLAS_EXE + " render --size 64x48 --overwrite --out b.png 2>/dev/null"),
            0);
  EXPECT_TRUE(fs::exists(dir + "/b.png"));
  for (const auto& e : fs::directory_iterator(cache + "/chronoatlas/prepared"))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  auto again = run_chronoatlas("render --size 64x48 --overwrite --out " + dir + "/c.png", "XDG_CACHE_HOME=" + cache);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err.find("damaged"), std::string::npos) << again.err;
}
