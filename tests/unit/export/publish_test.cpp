// Output sets written by several processes at once: whichever wins, its PNG and world file arrive together.
#include <filesystem>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "export/map_export.h"
#include "export/output_files.h"

using namespace chronoatlas;
namespace fs = std::filesystem;

namespace {

// A 1x1 image whose red value is WHO, with a world file whose pixel size is WHO + 1.
Status write_as(int who, const std::string& png) {
  render::Image img;
  img.width = img.height = 1;
  img.rgba = {static_cast<uint8_t>(who), 0, 0, 255};
  render::View view;
  view.width_px = view.height_px = 1;
  view.units_per_px = who + 1;
  exporting::ExportRequest req;
  req.png_path = png;
  req.overwrite = true;
  req.crs_wkt = "LOCAL_CS[\"test\"]";
  return exporting::write_map_files(img, view, req);
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST(Publish, ConcurrentWritersNeverMixTheirSets) {
  const fs::path dir = fs::path(scratch_dir()) / ("publish-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string png = (dir / "x.png").string();
  // Each writer's PNG bytes, to recognise whose PNG is in place.
  std::vector<std::string> png_of(4), pgw_of(4);
  for (int who = 0; who < 4; ++who) {
    const std::string own = (dir / ("w" + std::to_string(who) + ".png")).string();
    ASSERT_TRUE(write_as(who, own));
    png_of[who] = read(own), pgw_of[who] = read(exporting::world_file_path(own));
  }
  int mixed = 0;
  const int rounds = 60;
  for (int round = 0; round < rounds; ++round) {
    std::vector<pid_t> children;
    for (int who = 0; who < 4; ++who) {
      pid_t pid = fork();
      if (pid == 0) _exit(write_as(who, png) ? 0 : 1);
      children.push_back(pid);
    }
    for (pid_t pid : children) {
      int status = 0;
      waitpid(pid, &status, 0);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const std::string now_png = read(png), now_pgw = read(exporting::world_file_path(png));
    int png_who = -1, pgw_who = -1;
    for (int who = 0; who < 4; ++who) {
      if (now_png == png_of[who]) png_who = who;
      if (now_pgw == pgw_of[who]) pgw_who = who;
    }
    ASSERT_GE(png_who, 0);
    mixed += png_who != pgw_who;
  }
  EXPECT_EQ(mixed, 0) << "rounds where the PNG and its world file came from different writers, of " << rounds;
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find("chronoatlas-tmp"), std::string::npos) << e.path();
}

namespace {

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::path(scratch_dir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST(Publish, ALinkPlantedAtTheTemporaryNameIsNotWrittenThrough) {
  // It was followed: the link's target got the PNG, and m.png became a link to it.
  const fs::path dir = fresh("publish-link");
  const std::string png = (dir / "m.png").string(), target = (dir / "target").string();
  std::ofstream(target) << "not yours";
  for (const std::string& member : {png, exporting::world_file_path(png), exporting::prj_path(png)})
    fs::create_symlink(target, exporting::temporary_name(member));
  ASSERT_TRUE(write_as(7, png));
  EXPECT_EQ(read(target), "not yours");
  EXPECT_FALSE(fs::is_symlink(fs::symlink_status(png)));
  EXPECT_EQ(read(png).substr(1, 3), "PNG");
}

TEST(Publish, AMemberThatCannotBePlacedLeavesTheWholeOldSetAsItWas) {
  // Exit 1 with a new PNG beside the old .pgw and .prj was a mismatched set.
  const fs::path dir = fresh("publish-all-or-nothing");
  const std::string png = (dir / "m.png").string();
  ASSERT_TRUE(write_as(1, png));
  const std::vector<std::string> finals = {png, exporting::world_file_path(png), exporting::prj_path(png)};
  std::vector<std::string> old, temps;
  for (const std::string& f : finals) {
    old.push_back(read(f));
    temps.push_back(exporting::temporary_name(f));
    std::ofstream(temps.back()) << "new " << f;
  }
  fs::remove(temps[2]);  // the third member's temporary is gone when its turn comes
  const Status s = exporting::publish(temps, finals);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().find("none of 3 files was changed"), std::string::npos) << s.error();
  for (size_t i = 0; i < finals.size(); ++i) EXPECT_EQ(read(finals[i]), old[i]) << finals[i];
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find("chronoatlas-tmp"), std::string::npos) << e.path();
}
