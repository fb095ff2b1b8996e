#include <filesystem>

#include <gtest/gtest.h>

#include "required_tool.h"

#include "png_read.h"
#include "run_command.h"

namespace fs = std::filesystem;

namespace {

bool near_colour(const unsigned char* p, int r, int g, int b, int tol) {
  return std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol;
}

}  // namespace

TEST(Export, HeadlessPngHasTheRequestedSizeAndBakuLandsOnItsMarker) {
  std::string dir = fresh_dir("export_size");
  auto r = run_chronoatlas("render --size 1531x977 --out " + dir + "/m.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Png png = read_png(dir + "/m.png");
  EXPECT_EQ(png.width, 1531);
  EXPECT_EQ(png.height, 977);
  EXPECT_EQ(png.text["Date"], "2023-10-12");
  EXPECT_NE(png.text["CRS"].find("+proj=lcc"), std::string::npos);
  EXPECT_NE(png.text["Software"].find("Chronoatlas"), std::string::npos);
  // Baku (GeoNames 587084) placed through the world file: the marker's colour (#1f3a5f) within 2 pixels.
  auto [x, y] = pixel_of(dir + "/m.png", 49.8920, 40.3777);
  bool found = false;
  for (int dy = -2; dy <= 2; ++dy)
    for (int dx = -2; dx <= 2; ++dx)
      found |= near_colour(png.at(static_cast<int>(std::lround(x)) + dx, static_cast<int>(std::lround(y)) + dy), 0x1f,
                           0x3a, 0x5f, 12);
  EXPECT_TRUE(found) << "at " << x << ", " << y;
}

TEST(Export, TheSameInputsGiveIdenticalFiles) {
  std::string dir = fresh_dir("export_twice");
  ASSERT_EQ(run_chronoatlas("render --size 800x500 --date 2023-09-28 --out " + dir + "/a.png").exit_code, 0);
  ASSERT_EQ(run_chronoatlas("render --size 800x500 --date 2023-09-28 --out " + dir + "/b.png").exit_code, 0);
  EXPECT_EQ(read_all(dir + "/a.png"), read_all(dir + "/b.png"));
  EXPECT_EQ(read_all(dir + "/a.pgw"), read_all(dir + "/b.pgw"));
}

TEST(Export, FrameSequenceHasOneImagePerStepWithItsDate) {
  std::string dir = fresh_dir("export_frames");
  auto r = run_chronoatlas("render --size 320x200 --frames 2023-09-24:2023-10-03:3 --out " + dir + "/f.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // 24, 27, 30 Sep and 3 Oct.
  const char* dates[] = {"2023-09-24", "2023-09-27", "2023-09-30", "2023-10-03"};
  for (int i = 0; i < 4; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/f-%04d.png", i + 1);
    EXPECT_EQ(read_png(dir + name).text["Date"], dates[i]) << name;
  }
  EXPECT_FALSE(fs::exists(dir + "/f-0005.png"));
  auto bad = run_chronoatlas("render --frames 2023-09-24:2023-09-20:1 --out " + dir + "/g.png");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("END is before START"), std::string::npos) << bad.err;
}

TEST(Export, ImagesWiderThanATileJoinWithoutSeams) {
  std::string dir = fresh_dir("export_tiles");
  auto r = run_chronoatlas("render --size 4500x400 --no-furniture --out " + dir + "/wide.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Png png = read_png(dir + "/wide.png");
  ASSERT_EQ(png.width, 4500);
  int differing = 0;
  for (int y = 0; y < png.height; ++y) {
    const unsigned char *a = png.at(4095, y), *b = png.at(4096, y);
    if (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 60) ++differing;
  }
  EXPECT_LT(differing, png.height / 50);
}

TEST(Export, SavedViewRedrawsTheSameFigure) {
  std::string dir = fresh_dir("export_view");
  std::ofstream(dir + "/v.json") << R"({"chronoatlas_view": 1, "scenario": ")" << GEODATA_DIR
                                 << R"(/karabakh-2023", "date": "2023-09-29", "crs": "EPSG:3857",
    "centre_lonlat": [46.5, 39.7], "units_per_pixel": 400, "size": [640, 360], "ui_scale": 1,
    "furniture": {"title": true, "date": true, "legend": false, "scale_bar": true, "north_arrow": false,
                  "attribution": true, "graticule": true, "transparent": false, "title_text": "Saved"}})";
  auto r = run_chronoatlas("render --view " + dir + "/v.json --out " + dir + "/a.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Png a = read_png(dir + "/a.png");
  EXPECT_EQ(a.width, 640);
  EXPECT_EQ(a.text["Date"], "2023-09-29");
  EXPECT_EQ(a.text["CRS"], "EPSG:3857");
  ASSERT_EQ(run_chronoatlas("render --view " + dir + "/v.json --out " + dir + "/b.png").exit_code, 0);
  EXPECT_EQ(read_all(dir + "/a.png"), read_all(dir + "/b.png"));
  std::ofstream(dir + "/bad.json") << "{\"hello\": 1}";
  auto bad = run_chronoatlas("render --view " + dir + "/bad.json --out " + dir + "/c.png");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.json"), std::string::npos);
}

TEST(Export, VideoWithoutFfmpegSaysSo) {
  std::string dir = fresh_dir("export_video");
  auto r = run_chronoatlas("render --size 160x100 --frames 2023-09-24:2023-09-25:1 --video " + dir +
                               "/v.mp4 --out " + dir + "/f.png",
                           "PATH=/nonexistent");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("ffmpeg is not installed"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir + "/f-0001.png"));
  EXPECT_FALSE(fs::exists(dir + "/v.mp4"));
}

TEST(Export, GeoTiffIsGeoreferencedLikeThePng) {
  std::string dir = fresh_dir("export_tif");
  auto r = run_chronoatlas("render --size 400x300 --geotiff --out " + dir + "/m.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto info = run_chronoatlas_tool("gdalinfo " + dir + "/m.tif");
  EXPECT_NE(info.find("Size is 400, 300"), std::string::npos) << info;
  EXPECT_NE(info.find("Lambert Conic Conformal"), std::string::npos) << info;
  std::ifstream wld(dir + "/m.pgw");
  double a, d, b, e, c, f;
  wld >> a >> d >> b >> e >> c >> f;
  // GDAL's origin is the top-left corner; the world file names the top-left pixel's centre.
  double ox = 0, oy = 0;
  size_t at = info.find("Origin = (");
  ASSERT_NE(at, std::string::npos) << info;
  ASSERT_EQ(std::sscanf(info.c_str() + at, "Origin = (%lf,%lf)", &ox, &oy), 2);
  EXPECT_NEAR(ox, c - a / 2, 1e-3);
  EXPECT_NEAR(oy, f - e / 2, 1e-3);
}

TEST(Export, VideoIsEncodedWhenFfmpegIsInstalled) {
  REQUIRE_TOOL(missing_tools("ffmpeg").empty(), "ffmpeg");
  std::string dir = fresh_dir("export_video_ok");
  auto r = run_chronoatlas("render --size 320x180 --frames 2023-09-24:2023-09-27:1 --video " + dir + "/v.mp4 --out " +
                           dir + "/f.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string probe = run_chronoatlas_tool("ffprobe -v error -count_frames -show_entries stream=nb_read_frames,width "
                                           "-of csv=p=0 " + dir + "/v.mp4");
  EXPECT_NE(probe.find("320,4"), std::string::npos) << probe;
}

namespace {

// ARG quoted for the shell the test runs commands through.
std::string shell_quoted(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

TEST(Export, VideoPathsWithQuotesAndShellCharactersAreOnlyNames) {
  REQUIRE_TOOL(missing_tools("ffmpeg").empty(), "ffmpeg");
  std::string dir = fresh_dir("export_video_quotes") + "/it's $(x); a";
  std::filesystem::create_directories(dir);
  const std::string video = dir + "/a';touch PWNED;'.mp4";
  auto r = run_chronoatlas("render --size 160x90 --frames 2023-09-24:2023-09-25:1 --video " + shell_quoted(video) +
                           " --out " + shell_quoted(dir + "/f.png"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(video));
  EXPECT_FALSE(std::filesystem::exists("PWNED"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/PWNED"));
}

TEST(Export, AnExistingFrameStopsTheRunBeforeAnythingIsDrawn) {
  std::string dir = fresh_dir("export_frames_exist");
  std::ofstream(dir + "/f-0003.png") << "mine";
  auto r = run_chronoatlas("render --size 160x90 --frames 2023-09-24:2023-09-27:1 --out " + dir + "/f.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("f-0003.png already exists"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/f-0001.png"));
  EXPECT_EQ(read_all(dir + "/f-0003.png"), "mine");
}

TEST(Export, PresetsGiveTheSizesDesksPublishAtWithTheirPrintResolution) {
  const std::string dir = fresh_dir("export_presets");
  ASSERT_EQ(run_chronoatlas("render --preset print-1col --out " + dir + "/col.png").exit_code, 0);
  const Png col = read_png(dir + "/col.png");
  EXPECT_EQ(col.width, 1004);  // 85 mm at 300 dpi
  EXPECT_EQ(col.height, 709);  // 60 mm
  EXPECT_EQ(col.pixels_per_metre, 11811u);  // 300 dpi
  ASSERT_EQ(run_chronoatlas("render --preset social --size 540x675 --out " + dir + "/small.png").exit_code, 0);
  EXPECT_EQ(read_png(dir + "/small.png").width, 540) << "--size wins over the preset's";
  ASSERT_EQ(run_chronoatlas("render --preset a3 --out " + dir + "/a3.pdf").exit_code, 0);
  REQUIRE_TOOL(missing_tools("pdfinfo").empty(), "pdfinfo (poppler-utils)");
  ASSERT_EQ(std::system(("pdfinfo " + dir + "/a3.pdf > " + dir + "/a3.txt").c_str()), 0);
  EXPECT_NE(read_all(dir + "/a3.txt").find("Page size:       1190.64 x 841.92 pts (A3)"), std::string::npos)
      << read_all(dir + "/a3.txt");
  auto bad = run_chronoatlas("render --preset tabloid --out " + dir + "/t.png");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("expected one of web-600, web-1200, social, video, print-1col, print-2col, a4, a3"),
            std::string::npos) << bad.err;
}
