// The reproducers of the hostile-input issue, one test each: what an attacker or an unlucky user hands the CLI (files,
// caches, view files, signals, servers that never answer) gets a message and an exit code, never an abort, a hang,
// a connection nobody named or a half-replaced output set.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <sys/wait.h>

#include "run_command.h"

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
