#include <cmath>

#include <gtest/gtest.h>

#include "render/density.h"

using namespace chronoatlas;
using namespace chronoatlas::render;

TEST(Density, PointsAreCountedInTheHexagonWhoseCentreIsNearest) {
  BoundsXY seen;
  seen.extend({-10, -10});
  seen.extend({10, 10});
  HexCounter counter(1.0, seen);
  // Two near the origin's centre; one at the centre of the next cell east (sqrt(3) away); one just past the shared edge
  // (half-way is sqrt(3)/2); one far outside the view, never counted.
  for (XY p : {XY{0, 0}, XY{0.3, -0.2}, XY{std::sqrt(3.0), 0}, XY{std::sqrt(3.0) / 2 + 0.01, 0}, XY{500, 500}})
    counter.add(p);
  const HexGrid grid = counter.grid();
  ASSERT_EQ(grid.cells.size(), 2u);
  for (const HexCount& c : grid.cells) {
    EXPECT_TRUE(std::fabs(c.centre.x) < 1e-9 || std::fabs(c.centre.x - std::sqrt(3.0)) < 1e-9) << c.centre.x;
    EXPECT_NEAR(c.centre.y, 0, 1e-9);
    EXPECT_EQ(c.count, 2);
  }
}

TEST(Density, CellsStayPutWhileTheViewPansAndChangeInStepsOfZoom) {
  View v;
  v.units_per_px = 1000;
  const double r = hex_radius(v);
  EXPECT_EQ(r, std::exp2(std::round(std::log2(r))));  // a power of two
  EXPECT_GT(r / v.units_per_px, 14 / std::sqrt(2.0));
  EXPECT_LT(r / v.units_per_px, 14 * std::sqrt(2.0));
  v.centre = {123456, -98765};
  EXPECT_EQ(hex_radius(v), r);
  v.units_per_px *= 1.1;  // a small zoom keeps the cells
  EXPECT_EQ(hex_radius(v), r);
}

TEST(Density, ClassesCoverEveryCountOnce) {
  const auto& classes = density_classes();
  EXPECT_EQ(classes.front().from, 1);
  for (size_t i = 0; i + 1 < classes.size(); ++i) EXPECT_EQ(classes[i].to + 1, classes[i + 1].from);
  EXPECT_LT(classes.back().to, 0);
  EXPECT_EQ(density_class(1), 0u);
  EXPECT_EQ(density_class(4), 1u);
  EXPECT_EQ(density_class(5), 2u);
  EXPECT_EQ(density_class(100000), classes.size() - 1);
  EXPECT_EQ(density_class_text(classes[1]), "2\u20134");
  EXPECT_EQ(density_class_text(classes.back()), "100 or more");
}
