#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "png_read.h"
#include "run_command.h"

namespace fs = std::filesystem;

TEST(CliRender, WritesPngWorldFileAndPrj) {
  std::string dir = fresh_dir("render_ok");
  auto r = run_chronoatlas("render --size 640x400 --out " + dir + "/map.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::file_size(dir + "/map.png") > 10000);
  EXPECT_EQ(std::count_if(fs::directory_iterator(dir), fs::directory_iterator(), [](auto&) { return true; }), 3);
  std::string wld = read_all(dir + "/map.pgw");
  EXPECT_EQ(std::count(wld.begin(), wld.end(), '\n'), 6);
  EXPECT_NE(read_all(dir + "/map.prj").find("Lambert"), std::string::npos);
}

TEST(CliRender, DpiIsStatedInThePngAndTheGeoTiffForALayoutProgram) {
  const std::string dir = fresh_dir("render_dpi");
  auto r = run_chronoatlas("render --size 700x495 --dpi 300 --geotiff --out " + dir + "/print.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_png(dir + "/print.png").pixels_per_metre, 11811u) << "300 dpi is 11,811 pixels a metre";
  const std::string tiff = run_chronoatlas_tool("gdalinfo " + dir + "/print.tif");
  EXPECT_NE(tiff.find("TIFFTAG_XRESOLUTION=300"), std::string::npos) << tiff;
  EXPECT_NE(tiff.find("TIFFTAG_RESOLUTIONUNIT=2"), std::string::npos) << tiff;
  ASSERT_EQ(run_chronoatlas("render --size 200x100 --out " + dir + "/screen.png").exit_code, 0);
  EXPECT_EQ(read_png(dir + "/screen.png").pixels_per_metre, 0u) << "no resolution is invented";
  // info on the exports says so: a layout program's size follows from the dpi.
  for (const char* file : {"/print.png", "/print.tif"}) {
    const auto info = run_chronoatlas("info " + dir + file);
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("Resolution: 300 x 300 dpi (5.9 x 4.2 cm"), std::string::npos) << file << "\n" << info.out;
    EXPECT_NE(info.out.find("+proj=lcc"), std::string::npos) << file << ": the CRS, from the file or the .prj beside it";
  }
  EXPECT_NE(run_chronoatlas("info " + dir + "/screen.png").out.find("Resolution: not stated"), std::string::npos);
  // A cut-short export is said to be one, in one line, with exit 1.
  const std::string whole = read_all(dir + "/print.png");
  std::ofstream(dir + "/cut.png", std::ios::binary) << whole.substr(0, 200);
  const auto cut = run_chronoatlas("info " + dir + "/cut.png");
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.err.find("cut.png: not a readable PNG or TIFF image"), std::string::npos) << cut.err;
  EXPECT_EQ(std::count(cut.err.begin(), cut.err.end(), '\n'), 1) << cut.err;
  const auto json = run_chronoatlas("info --json " + dir + "/print.png");
  EXPECT_NE(json.out.find("\"dpi\": [\n      300.0,"), std::string::npos) << json.out;
  for (const char* bad : {"0", "abc", "5000", "300dpi"}) {
    auto b = run_chronoatlas(std::string("render --size 200x100 --dpi ") + bad + " --out " + dir + "/bad.png");
    EXPECT_EQ(b.exit_code, 1) << bad;
    EXPECT_NE(b.err.find("--dpi"), std::string::npos) << b.err;
    EXPECT_FALSE(fs::exists(dir + "/bad.png"));
  }
}

TEST(CliRender, RefusesToOverwriteWithoutTheOption) {
  std::string dir = fresh_dir("render_overwrite");
  ASSERT_EQ(run_chronoatlas("render --size 200x100 --out " + dir + "/m.png").exit_code, 0);
  auto again = run_chronoatlas("render --size 200x100 --out " + dir + "/m.png");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("--overwrite"), std::string::npos) << again.err;
  EXPECT_EQ(run_chronoatlas("render --size 200x100 --overwrite --out " + dir + "/m.png").exit_code, 0);
}

TEST(CliRender, BadLayerFailsAndLeavesNoFile) {
  std::string dir = fresh_dir("render_bad");
  for (const char* name : {"truncated.geojson", "not-json.geojson", "missing.geojson"}) {
    auto r = run_chronoatlas("render --size 200x100 --layer " + data(name) + " --out " + dir + "/m.png");
    EXPECT_EQ(r.exit_code, 1) << name;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_empty(dir)) << name;
  }
}

TEST(CliRender, BadOptionsFailWithAMessage) {
  std::string dir = fresh_dir("render_opts");
  struct Case {
    const char* args;
    const char* says;
  } cases[] = {{"--bbox 10,20,5,30", "--bbox"},
               {"--size 0x100", "--size"},
               {"--size 20000x100", "16384"},
               {"--crs EPSG:999999", "EPSG:999999"},
               {"--date 2023-02-30", "2023-02-30"},
               {"--scenario /nonexistent", "/nonexistent"}};
  for (const Case& c : cases) {
    auto r = run_chronoatlas("render " + std::string(c.args) + " --out " + dir + "/m.png");
    EXPECT_EQ(r.exit_code, 1) << c.args;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << ": " << r.err;
    EXPECT_TRUE(fs::is_empty(dir)) << c.args;
  }
}

TEST(CliRender, UnwritableFolderGivesErrorAndNoFile) {
  std::string dir = fresh_dir("render_ro");
  // Root ignores folder permissions, so as root use a folder of a read-only file system instead.
  bool root = geteuid() == 0;
  std::string target = root ? "/proc/chronoatlas-test.png" : dir + "/m.png";
  if (!root) fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  auto r = run_chronoatlas("render --size 200x100 --out " + target);
  if (!root) fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot be written"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST(CliApp, WithoutDisplayRendersDefaultViewAndSaysWhere) {
  std::string cache = fresh_dir("xdg_cache");
  auto r = run_chronoatlas("", "XDG_CACHE_HOME=" + cache);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string png = cache + "/chronoatlas/default-view.png";
  EXPECT_NE(r.out.find(png), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(png));
}

TEST(CliRender, ABboxChangesTheAreaNotTheStorysProjectionAsInTheApp) {
  // One framing rule: the app zoomed to an area keeps the story's conic, and so does --bbox; --crs fit refits it.
  const std::string dir = fresh_dir("render_bbox_crs");
  ASSERT_EQ(run_chronoatlas("render --size 300x200 --out " + dir + "/story.png").exit_code, 0);
  ASSERT_EQ(run_chronoatlas("render --size 300x200 --bbox 44,39,47,41 --out " + dir + "/area.png").exit_code, 0);
  auto fit = run_chronoatlas("render --size 300x200 --bbox 44,39,47,41 --crs fit --out " + dir + "/fitted.png");
  ASSERT_EQ(fit.exit_code, 0) << fit.err;
  const std::string story = read_all(dir + "/story.prj"), area = read_all(dir + "/area.prj");
  ASSERT_FALSE(story.empty());
  EXPECT_EQ(area, story) << "--bbox kept the story's projection";
  EXPECT_NE(read_all(dir + "/fitted.prj"), story) << "--crs fit fits a conic to the area";
  EXPECT_NE(read_all(dir + "/fitted.prj").find("45.5"), std::string::npos) << "centred on the area's middle meridian";
}
