#include <gtest/gtest.h>

#include "story/timeline.h"

using namespace chronoatlas;
using story::Days;

namespace {

Days day(const char* iso) { return *story::parse_iso_date(iso); }

story::Event event_on(const char* iso) {
  story::Event e;
  e.at = day(iso);
  return e;
}

}  // namespace

TEST(TimeAxis, MapsDaysToPixelsBothWays) {
  story::TimeAxis a{100, 400, day("2023-01-01"), day("2023-01-01") + 40};
  EXPECT_FLOAT_EQ(a.x_of(a.start), 100);
  EXPECT_FLOAT_EQ(a.x_of(a.start + 10), 200);
  EXPECT_DOUBLE_EQ(a.day_at(300), a.start + 20);
}

TEST(TimeAxis, WholeRangeShowsYearsAndMonthsWithYearsMajor) {
  story::TimeAxis a{0, 1200, day("2020-09-01"), day("2024-07-01")};
  auto ticks = story::axis_ticks(a);
  ASSERT_FALSE(ticks.empty());
  int majors = 0;
  for (const auto& t : ticks) {
    story::CivilDate c = story::civil_date(t.at);
    EXPECT_EQ(c.day, 1) << t.label;
    if (t.major) {
      ++majors;
      EXPECT_EQ(c.month, 1) << t.label;
    }
  }
  EXPECT_EQ(majors, 4);  // 2021, 2022, 2023, 2024
  for (size_t i = 1; i < ticks.size(); ++i) EXPECT_GE(a.x_of(ticks[i].at) - a.x_of(ticks[i - 1].at), 64 - 1e-3);
}

TEST(TimeAxis, ZoomedToTwoWeeksShowsEveryDay) {
  story::TimeAxis a{0, 1400, day("2023-09-19"), day("2023-10-03")};
  auto ticks = story::axis_ticks(a);
  ASSERT_EQ(ticks.size(), 14u);
  EXPECT_EQ(ticks.front().label, "19 Sep");
  EXPECT_EQ(ticks[12].label, "1 Oct");
  EXPECT_TRUE(ticks[12].major);
  EXPECT_FALSE(ticks[0].major);
}

TEST(TimeAxis, TicksStayInsideTheHalfOpenWindow) {
  story::TimeAxis a{0, 800, day("2023-01-01"), day("2024-01-01")};
  auto ticks = story::axis_ticks(a);
  for (const auto& t : ticks) {
    EXPECT_GE(t.at, a.start);
    EXPECT_LT(t.at, a.end);  // 1 Jan 2024 is the window's end, not in it
  }
  EXPECT_EQ(ticks.front().label, "Jan 2023");
}

TEST(ZoomWindow, KeepsTheDayUnderTheCursorAndTheLimits) {
  story::Window limits{day("2020-09-01"), day("2024-07-01")};
  Days about = day("2023-09-20");
  auto z = story::zoom_window(limits, about, 1, limits);
  EXPECT_NEAR((about - z.start) / (about - limits.start), 0.8, 1e-12);
  EXPECT_NEAR((z.end - about) / (limits.end - about), 0.8, 1e-12);
  auto out = story::zoom_window(z, about, -10, limits);  // zooming far out stops at the scenario's range
  EXPECT_EQ(out.start, limits.start);
  EXPECT_EQ(out.end, limits.end);
  story::Window narrow{about - 3, about + 3};
  auto refused = story::zoom_window(narrow, about, 1, limits);  // under 5 days: unchanged
  EXPECT_EQ(refused.start, narrow.start);
  EXPECT_EQ(refused.end, narrow.end);
}

TEST(EventMarks, HitTestPicksTheNearestMarkWithinReach) {
  std::vector<story::Event> events = {event_on("2023-09-19"), event_on("2023-09-20"), event_on("2023-12-31")};
  story::TimeAxis a{0, 100, day("2023-09-10"), day("2023-09-30")};  // 5 px a day
  EXPECT_EQ(story::event_at(a, events, a.x_of(events[0].at) + 1, 5), 0u);
  EXPECT_EQ(story::event_at(a, events, a.x_of(events[1].at) - 1, 5), 1u);
  EXPECT_FALSE(story::event_at(a, events, a.x_of(events[1].at) + 20, 5));
  EXPECT_FALSE(story::event_at(a, events, a.x_of(events[2].at), 5));  // outside the window
}

TEST(EventMarks, PreviousAndNextStepByWholeDays) {
  std::vector<story::Event> events = {event_on("2023-09-19T13:00"), event_on("2023-09-28"), event_on("2023-09-19")};
  EXPECT_EQ(story::next_event_day(events, day("2023-09-19T18:00")), day("2023-09-28"));
  EXPECT_EQ(story::previous_event_day(events, day("2023-09-28")), day("2023-09-19"));
  EXPECT_FALSE(story::previous_event_day(events, day("2023-09-19T23:00")));
  EXPECT_FALSE(story::next_event_day(events, day("2023-09-28")));
}

TEST(Playback, RunsThroughTheWindowThenLoopsOrStops) {
  story::Playback p;
  p.window = {day("2023-09-01"), day("2023-10-01")};
  p.days_per_second = 2;
  EXPECT_EQ(story::advance(p, p.window.start, 1), p.window.start);  // paused: no change
  p.playing = true;
  EXPECT_DOUBLE_EQ(story::advance(p, p.window.start, 1.5), p.window.start + 3);
  EXPECT_EQ(story::advance(p, p.window.end - 1, 1), p.window.start);  // loop wraps to the start
  p.loop = false;
  EXPECT_EQ(story::advance(p, p.window.end - 1, 1), story::end_of_day(p.window.end - 1));  // stops on the last day
  EXPECT_FALSE(p.playing);
}
