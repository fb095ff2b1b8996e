#include <gtest/gtest.h>

#include <cmath>

#include "geo/densify.h"
#include "geo/seam.h"
#include "geo/planar.h"

using namespace chronoatlas;

namespace {
double area(const std::vector<Polygon>& parts) {
  double a = 0;
  for (const Polygon& p : parts) a += geo::planar_area(p);
  return a;
}
}  // namespace

TEST(Seam, IsTheAntimeridianOfTheCentralMeridian) {
  EXPECT_DOUBLE_EQ(geo::seam_of(52.5), -127.5);
  EXPECT_DOUBLE_EQ(geo::seam_of(0), 180);
  EXPECT_DOUBLE_EQ(geo::seam_of(-170), 10);
}

TEST(Seam, PolygonAcrossTheAntimeridianIsSplitIntoTwoWithTheSameArea) {
  // 170E to 170W written the way world-atlas does: jumping from 180 to -180.
  Polygon p = {{{170, 60}, {180, 60}, {-180, 60}, {-170, 60}, {-170, 70}, {-180, 70}, {180, 70}, {170, 70}, {170, 60}}};
  ASSERT_TRUE(geo::needs_cut(p.front(), 180));
  auto parts = geo::cut_polygon(p, 180);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NEAR(area(parts), 20 * 10, 1e-4);
  for (const Polygon& part : parts) {
    double lo = 1e9, hi = -1e9;
    for (LonLat q : part.front()) lo = std::min(lo, q.lon), hi = std::max(hi, q.lon);
    EXPECT_LT(hi - lo, 10.001);  // each part stays on its side
  }
}

TEST(Seam, PolygonStraddlingAConicSeamIsCutThere) {
  Polygon p = {{{-140, 50}, {-120, 50}, {-120, 60}, {-140, 60}, {-140, 50}}};
  const double seam = geo::seam_of(52.5);
  ASSERT_TRUE(geo::needs_cut(p.front(), seam));
  auto parts = geo::cut_polygon(p, seam);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NEAR(area(parts), 200, 1e-4);
  Polygon east = {{{-120, 50}, {-100, 50}, {-100, 60}, {-120, 60}, {-120, 50}}};
  EXPECT_FALSE(geo::needs_cut(east.front(), seam));
}

TEST(Seam, LinesAreSplitWhereTheyCross) {
  LineString l = {{170, 10}, {179.9, 10}, {-179.9, 20}, {-170, 20}};
  ASSERT_TRUE(geo::needs_cut(l, 180));
  auto parts = geo::cut_line(l, 180);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NEAR(parts[0].back().lat, 15, 1e-6);
  EXPECT_NEAR(parts[1].front().lat, 15, 1e-6);
}

TEST(Seam, WideFeaturesAreDrawnAsWrittenNotCutOnTheirWidth) {
  // As GDAL and QGIS draw them: a long line through Greenwich, a near-world rectangle, the whole world.
  EXPECT_FALSE(geo::needs_cut({{-170, 10}, {170, 10}}, 180));
  Polygon wide = {{{-179, -80}, {179, -80}, {179, 80}, {-179, 80}, {-179, -80}}};
  EXPECT_FALSE(geo::needs_cut(wide.front(), 180));
  Polygon world = {{{-180, -90}, {180, -90}, {180, 90}, {-180, 90}, {-180, -90}}};
  ASSERT_TRUE(geo::needs_cut(world.front(), 180)) << "its edges jump from -180 to 180";
  auto parts = geo::cut_polygon(world, 180);
  EXPECT_NEAR(area(parts), 360 * 180, 1e-3) << "cut, it must keep the whole world";
  // At a conic's seam, the world is cut into two pieces that keep its area.
  parts = geo::cut_polygon(world, geo::seam_of(45));
  EXPECT_EQ(parts.size(), 2u);
  EXPECT_NEAR(area(parts), 360 * 180, 1e-3);
}

TEST(Seam, HostileGeometryGivesNothingInsteadOfACrashOrAnEndlessLoop) {
  // Values only a damaged cache entry or a buggy source could hand over; each used to crash or loop to bad_alloc.
  const double nan = std::nan(""), inf = HUGE_VAL;
  EXPECT_TRUE(geo::cut_polygon({}, 10).empty());
  EXPECT_TRUE(geo::cut_polygon({Ring{}}, 10).empty());
  for (double bad : {nan, inf, -inf, 1e8})
    EXPECT_TRUE(geo::cut_polygon({{{170, 0}, {bad, 0}, {-170, 10}, {170, 0}}}, 180).empty()) << bad;
  for (double bad : {nan, inf, 1e8}) EXPECT_TRUE(geo::cut_line({{170, 0}, {bad, 1}, {-170, 2}}, 180).empty()) << bad;
  // An empty hole beside a good shell is skipped, the shell kept.
  EXPECT_FALSE(geo::cut_polygon({{{170, 0}, {-170, 0}, {-170, 10}, {170, 10}, {170, 0}}, Ring{}}, 180).empty());
  // A ring that zig-zags across the antimeridian, winding round the earth again at every step.
  Ring zigzag;
  for (int i = 0; i < 2000; ++i) zigzag.push_back({i % 2 ? -179.5 : 179.5, i * 0.01});
  zigzag.push_back(zigzag.front());
  EXPECT_LE(geo::cut_polygon({zigzag}, 180).size(), 5u);
}

TEST(Densify, NonFiniteOrHugeSegmentsAreBounded) {
  const double nan = std::nan("");
  EXPECT_EQ(geo::densify({{0, 0}, {nan, 0}}, 1).size(), 2u);
  EXPECT_LE(geo::densify({{0, 0}, {1e12, 0}}, 1e-6).size(), 70000u);
}
