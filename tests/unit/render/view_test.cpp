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

TEST(MapView, ScaledExportShowsTheSameGroundWithScaledSymbols) {
  render::MapView screen(*geo::Projection::create("EPSG:3857"), 1000, 500, 1.5f);
  screen.fit(BoundsLonLat{44, 38, 48, 41});
  render::MapView big = screen.scaled(4000, 2000);
  EXPECT_DOUBLE_EQ(big.pixels().units_per_px * big.width_px(), screen.pixels().units_per_px * screen.width_px());
  EXPECT_FLOAT_EQ(big.ui_scale(), 6.0f);
  EXPECT_EQ(big.projection().definition(), "EPSG:3857");
}

TEST(MapView, SwitchingProjectionKeepsTheCentreAndTheGroundScale) {
  render::MapView v(*geo::Projection::create("EPSG:3857"), 1200, 800, 1);
  v.fit(BoundsLonLat{44.5, 38.8, 48, 40.8});
  ASSERT_TRUE(v.centre_on({46.75, 39.82}));
  const double metres = v.metres_per_px();
  v.switch_projection(*geo::Projection::create("+proj=lcc +lat_1=38 +lat_2=42 +lat_0=40 +lon_0=46 +datum=WGS84"),
                      BoundsLonLat{44.5, 38.8, 48, 40.8});
  LonLat c;
  ASSERT_TRUE(v.centre(c));
  EXPECT_NEAR(c.lon, 46.75, 1e-7);
  EXPECT_NEAR(c.lat, 39.82, 1e-7);
  EXPECT_NEAR(v.metres_per_px() / metres, 1.0, 1e-3);
}

TEST(MapView, ACentreOffTheProjectionFitsTheFallback) {
  render::MapView v(*geo::Projection::create("EPSG:4326"), 800, 600, 1);
  v.fit(BoundsLonLat{-10, -10, 10, 10});
  v.pan_px(100000, 0);  // far off the world
  v.switch_projection(*geo::Projection::create("EPSG:3857"), BoundsLonLat{44, 38, 48, 41});
  LonLat c;
  ASSERT_TRUE(v.centre(c));
  EXPECT_NEAR(c.lon, 46, 0.5);
}

TEST(WorldFile, NamesPixelSizeAndTheCentreOfTheTopLeftPixel) {
  render::View v;
  v.centre = {500000, 4400000};
  v.units_per_px = 250;
  v.width_px = 200, v.height_px = 100;
  EXPECT_EQ(exporting::world_file_text(v),
            "250\n0\n0\n-250\n475125\n4412375\n");
  v.units_per_px = 0.1 + 0.2;  // 0.30000000000000004: every digit survives
  EXPECT_EQ(exporting::world_file_text(v).substr(0, 20), "0.30000000000000004\n");
  EXPECT_EQ(exporting::world_file_path("/tmp/a/map.png"), "/tmp/a/map.pgw");
  EXPECT_EQ(exporting::prj_path("/tmp/a/map.png"), "/tmp/a/map.prj");
}
