// The scale bar's length and distance at every scale: a round distance, a bar between a sixth and a third of the map.
#include <cmath>
#include <cstdlib>
#include <set>

#include <gtest/gtest.h>

#include "render/scale_bar.h"

using chronoatlas::render::choose_scale_bar;

TEST(ScaleBar, IsARoundDistanceBetweenASixthAndAThirdOfTheWidth) {
  for (float width : {320.f, 640.f, 1200.f, 1920.f, 7680.f})
    for (double mpp = 0.05; mpp < 5e5; mpp *= 1.07) {
      const auto bar = choose_scale_bar(mpp, width);
      EXPECT_GE(bar.px, width / 6 - 0.01f) << mpp << " m/px, " << width << " px";
      EXPECT_LE(bar.px, width / 3 + 0.01f) << mpp << " m/px, " << width << " px";
      // The number as drawn ("2.5 km"): 1, 2, 2.5 or 5 times a power of ten.
      const double number = std::strtod(bar.distance.c_str(), nullptr);
      const double step = number / std::pow(10.0, std::floor(std::log10(number) + 1e-9));
      const std::set<double> round_steps = {1, 2, 2.5, 5};
      EXPECT_EQ(round_steps.count(std::round(step * 1e6) / 1e6), 1u) << bar.distance;
      EXPECT_NEAR(bar.px * mpp, number * (bar.distance.find("km") != std::string::npos ? 1000 : 1), 1e-3 * bar.px * mpp);
    }
}

TEST(ScaleBar, SaysItsDistanceInMetresOrKilometres) {
  // 300 m/px on a 1200 px map: a third is 120 km, so 100 km (333 px); the old rule drew 20 km in 68 px.
  auto bar = choose_scale_bar(300, 1200);
  EXPECT_EQ(bar.distance, "100 km");
  EXPECT_NEAR(bar.px, 333.3f, 0.1f);
  EXPECT_EQ(choose_scale_bar(1, 1200).distance, "250 m");
  EXPECT_EQ(choose_scale_bar(2, 1200).distance, "500 m");
  EXPECT_EQ(choose_scale_bar(7.6, 1200).distance, "2.5 km");
  EXPECT_EQ(choose_scale_bar(0, 1200).px, 0) << "no scale, no bar";
  EXPECT_EQ(choose_scale_bar(NAN, 1200).px, 0);
  EXPECT_EQ(choose_scale_bar(300, 0).px, 0);
}
