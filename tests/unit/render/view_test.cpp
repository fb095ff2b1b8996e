#include <gtest/gtest.h>

#include "export/map_export.h"
#include "export/render_job.h"
#include "render/view.h"

using namespace chronoatlas;

TEST(View, PixelsAndWorldRoundTrip) {
  render::View v;
  v.centre = {1000, 2000};
  v.units_per_px = 50;
  v.width_px = 800, v.height_px = 600;
  XY px = v.to_pixel({1000, 2000});
  EXPECT_DOUBLE_EQ(px.x, 400);
  EXPECT_DOUBLE_EQ(px.y, 300);
  XY w = v.to_world({0, 0});  // top-left: west and north of the centre
  EXPECT_DOUBLE_EQ(w.x, 1000 - 400 * 50);
  EXPECT_DOUBLE_EQ(w.y, 2000 + 300 * 50);
}

TEST(View, ZoomKeepsThePointUnderTheCursor) {
  render::View v;
  v.centre = {0, 0};
  v.units_per_px = 100;
  XY cursor{123, 456};
  XY before = v.to_world(cursor);
  v.zoom_about(cursor, 1.25);
  XY after = v.to_world(cursor);
  EXPECT_NEAR(after.x, before.x, 1e-6);
  EXPECT_NEAR(after.y, before.y, 1e-6);
  EXPECT_DOUBLE_EQ(v.units_per_px, 80);
}

TEST(View, ScaledExportShowsTheSameGroundWithScaledSymbols) {
  render::View screen;
  screen.width_px = 1000, screen.height_px = 500, screen.units_per_px = 40, screen.ui_scale = 1.5f;
  render::View big = exporting::scaled_view(screen, 4000, 2000);
  EXPECT_DOUBLE_EQ(big.units_per_px * big.width_px, screen.units_per_px * screen.width_px);
  EXPECT_FLOAT_EQ(big.ui_scale, 6.0f);
}

TEST(WorldFile, NamesPixelSizeAndTheCentreOfTheTopLeftPixel) {
  render::View v;
  v.centre = {500000, 4400000};
  v.units_per_px = 250;
  v.width_px = 200, v.height_px = 100;
  EXPECT_EQ(exporting::world_file_text(v),
            "250.0000000000\n0\n0\n-250.0000000000\n475125.0000000000\n4412375.0000000000\n");
  EXPECT_EQ(exporting::world_file_path("/tmp/a/map.png"), "/tmp/a/map.pgw");
  EXPECT_EQ(exporting::prj_path("/tmp/a/map.png"), "/tmp/a/map.prj");
}
