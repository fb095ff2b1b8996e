// The window's shares at the sizes a reporter's screens have (1280x720 and 1920x1080, the window at nine tenths of
// the screen) and UI scales 100 % and 200 %; the toolbar's one row.
#include <gtest/gtest.h>

#include <cmath>

#include "ui/window_layout.h"

using namespace chronoatlas::ui;

namespace {

// A window on a screen of W x H at UI scale SCALE, with ImGui's default sizes scaled as the app scales them.
WindowSizes window_on(float w, float h, float scale) {
  return {std::round(w * 0.9f), std::round(h * 0.9f), 16 * scale, (16 + 2 * 3) * scale, 8 * scale};
}

}  // namespace

TEST(WindowLayout, TheMapKeepsMostOfTheWindowAtEveryScreenAndScale) {
  for (const auto& [w, h] : {std::pair{1280.f, 720.f}, {1920.f, 1080.f}})
    for (float scale : {1.f, 1.5f, 2.f}) {
      const WindowSizes sizes = window_on(w, h, scale);
      const WindowLayout l = lay_out_window(sizes, 24, true);
      SCOPED_TRACE(testing::Message() << w << "x" << h << " at " << scale * 100 << " %");
      EXPECT_LE(l.sidebar_width, sizes.width * kSidebarMaxShare + 0.5f);
      EXPECT_LE(l.timeline_height, sizes.height * kTimelineMaxShare + 0.5f);
      EXPECT_GE(l.map.width * l.map.height, 0.45f * sizes.width * sizes.height) << "the map keeps a minimum area";
      EXPECT_EQ(l.map.x, l.sidebar_width);
      EXPECT_FLOAT_EQ(l.map.height + l.timeline_height + l.status_height, sizes.height);
      // The timeline keeps its toolbar row and the axis under it.
      EXPECT_GE(l.timeline_height, 2 * sizes.padding + sizes.frame_height + axis_height(sizes.em));
    }
}

TEST(WindowLayout, ABigScreenAtOneHundredPercentKeepsTheUsualSizes) {
  const WindowSizes sizes = window_on(1920, 1080, 1);
  const WindowLayout l = lay_out_window(sizes, 24, true);
  EXPECT_EQ(l.sidebar_width, 24 * 16);
  EXPECT_EQ(l.timeline_height, 13 * 16);
}

TEST(WindowLayout, TheSidebarShrinksWithTheWindowAndTheUsersWidthIsCappedByTheShare) {
  const WindowSizes small = window_on(1280, 720, 2);  // 1152 wide, 32 px font: 24 em would be 768 px
  EXPECT_EQ(sidebar_width(small, 24, true), std::round(1152 * kSidebarMaxShare));
  EXPECT_EQ(sidebar_width(small, 1, true), std::round(1152 * kSidebarMaxShare)) << "12 em is more than the share";
  EXPECT_EQ(sidebar_width(window_on(1920, 1080, 1), 80, true), std::round(1728 * kSidebarMaxShare));
  EXPECT_LT(sidebar_width(small, 24, false), 2 * 32) << "closed: a strip";
}

TEST(WindowLayout, ATimelineTooShortForItsChartsKeepsItsRowAndAxis) {
  WindowSizes tiny{800, 300, 32, 44, 16};
  EXPECT_GE(timeline_height(tiny), 2 * 16 + 44 + axis_height(32));
  EXPECT_GT(timeline_height(tiny), 300 * kTimelineMaxShare) << "the share gives way to the row and the axis";
}

TEST(ToolbarRow, EverythingStaysWhenItFits) {
  const std::vector<ToolbarItem> items{{50, 1}, {60, 2}, {70, 3}};
  EXPECT_EQ(items_on_row(items, 50 + 60 + 70 + 2 * 8, 8, 40), (std::vector<bool>{true, true, true}));
}

TEST(ToolbarRow, TheLowestPrioritiesLeaveFirstAndTheMenuButtonTakesItsPlace) {
  const std::vector<ToolbarItem> items{{50, 4}, {60, 10}, {70, 1}, {80, 9}, {90, 1}};
  // 350 + 4 gaps = 382 does not fit in 300; with the menu (40) both priority-1 items go: 50+60+80 + 3 gaps + 40 = 254.
  const std::vector<bool> shown = items_on_row(items, 300, 8, 40);
  EXPECT_EQ(shown, (std::vector<bool>{true, true, false, true, false}));
  float used = 40;
  for (size_t i = 0; i < items.size(); ++i) used += shown[i] ? items[i].width + 8 : 0;
  EXPECT_LE(used, 300);
  // Very narrow: only the most important stays, and nothing goes past the row's end.
  EXPECT_EQ(items_on_row(items, 120, 8, 40), (std::vector<bool>{false, true, false, false, false}));
}

TEST(ToolbarRow, OfEqualPrioritiesTheRightmostLeavesFirst) {
  const std::vector<ToolbarItem> items{{50, 1}, {50, 1}, {50, 1}};
  EXPECT_EQ(items_on_row(items, 50 + 50 + 8 + 8 + 30, 8, 30), (std::vector<bool>{true, true, false}));
}

TEST(WindowLayout, TheMapsFurnitureShrinksOnASmallMapAtALargeScale) {
  EXPECT_FLOAT_EQ(map_ui_scale(2, 807, 442), 1) << "1280x720 at 200 %: the map's text at 100 %";
  EXPECT_FLOAT_EQ(map_ui_scale(2, 1800, 1200), 2) << "room for the UI's scale";
  EXPECT_NEAR(map_ui_scale(2, 1210, 685), 685 / 450.f, 1e-4);
  EXPECT_FLOAT_EQ(map_ui_scale(0.75f, 300, 200), 0.75f) << "a scale below 100 % is the user's";
}
