#include <gtest/gtest.h>

#include "geo/label_point.h"

using namespace chronoatlas;

TEST(LabelPoint, LiesInsideAndAwayFromTheEdges) {
  Polygon p = {{{0, 0}, {10, 0}, {10, 4}, {0, 4}, {0, 0}}};
  LonLat q = geo::label_point(p);
  EXPECT_NEAR(q.lat, 2, 0.2);
  EXPECT_GT(q.lon, 1.8);
  EXPECT_LT(q.lon, 8.2);
}

TEST(LabelPoint, WithinABoxTakesThePartInsideIt) {
  Polygon p = {{{0, 0}, {100, 0}, {100, 10}, {0, 10}, {0, 0}}};
  BoundsLonLat box;
  box.extend(LonLat{90, 2});
  box.extend(LonLat{120, 30});
  auto q = geo::label_point_within(p, box);
  ASSERT_TRUE(q);
  EXPECT_GE(q->lon, 90);
  EXPECT_LE(q->lon, 100);
  EXPECT_GE(q->lat, 2);
  EXPECT_LE(q->lat, 10);
  BoundsLonLat far;
  far.extend(LonLat{150, 50});
  far.extend(LonLat{160, 60});
  EXPECT_FALSE(geo::label_point_within(p, far));
}
