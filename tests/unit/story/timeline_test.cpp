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
  story::Window narrow{about - 0.3, about + 0.3};
  auto refused = story::zoom_window(narrow, about, 1, limits);  // under 12 hours: unchanged
  EXPECT_EQ(refused.start, narrow.start);
  EXPECT_EQ(refused.end, narrow.end);
}

TEST(TimeAxis, ZoomedToADayShowsHoursWithMidnightNamed) {
  story::TimeAxis a{0, 1600, day("2023-09-25T12:00"), day("2023-09-26T12:00")};  // 67 px an hour
  auto ticks = story::axis_ticks(a);
  ASSERT_EQ(ticks.size(), 24u);
  EXPECT_EQ(ticks.front().label, "12:00");
  EXPECT_EQ(ticks[5].label, "17:00");
  EXPECT_EQ(ticks[12].label, "26 Sep");
  EXPECT_TRUE(ticks[12].major);
  EXPECT_DOUBLE_EQ(ticks[12].at, day("2023-09-26"));
  story::TimeAxis wider{0, 1600, day("2023-09-24"), day("2023-09-28")};  // 17 px an hour: every 6 hours
  auto six = story::axis_ticks(wider);
  ASSERT_EQ(six.size(), 16u);
  EXPECT_EQ(six[1].label, "06:00");
}

TEST(EventMarks, CloseEventsShareOneMarkWithTheirCount) {
  // Seven events in a week at 5 px a day pile up; one a month later stands alone; one is outside the axis.
  std::vector<story::Event> events;
  for (const char* d : {"2023-09-19", "2023-09-20", "2023-09-20T13:00", "2023-09-21", "2023-09-24", "2023-09-25",
                        "2023-09-26", "2023-10-25", "2024-03-01"})
    events.push_back(event_on(d));
  story::TimeAxis a{0, 300, day("2023-09-01"), day("2023-10-31")};
  auto marks = story::event_marks(a, events, 10);
  ASSERT_EQ(marks.size(), 3u);  // 19-21 Sep and 24-26 Sep (3 days, 15 px, apart), then 25 Oct
  EXPECT_EQ(marks[0].events.size(), 4u);
  EXPECT_EQ(marks[1].events.size(), 3u);
  EXPECT_EQ(marks[2].events, std::vector<size_t>{7});
  EXPECT_EQ(story::mark_at(marks, marks[2].x + 3, 5), &marks[2]);
  EXPECT_EQ(story::mark_at(marks, marks[2].x + 30, 5), nullptr);
  // Zoomed in, every event has its own mark.
  story::TimeAxis zoomed{0, 1400, day("2023-09-19"), day("2023-09-27")};
  EXPECT_EQ(story::event_marks(zoomed, events, 10).size(), 7u);
}

TEST(Playback, StepsByDaysOrHours) {
  const Days end19 = story::end_of_day(day("2023-09-19"));
  EXPECT_EQ(story::step_from(end19, 24, 1), story::end_of_day(day("2023-09-20")));
  EXPECT_EQ(story::step_from(end19, 24, -1), story::end_of_day(day("2023-09-18")));
  EXPECT_DOUBLE_EQ(story::step_from(end19, 6, 1), day("2023-09-20T06:00"));
  EXPECT_DOUBLE_EQ(story::step_from(end19, 6, -1), day("2023-09-19T18:00"));
  EXPECT_DOUBLE_EQ(story::step_from(day("2023-09-19T14:20"), 6, 1), day("2023-09-19T18:00"));
  EXPECT_DOUBLE_EQ(story::step_from(day("2023-09-19T14:20"), 6, -1), day("2023-09-19T12:00"));
  EXPECT_DOUBLE_EQ(story::step_from(day("2023-09-19T12:00"), 1, -1), day("2023-09-19T11:00"));
}

TEST(Playback, SpeedHalvesAndDoublesWithinItsRange) {
  EXPECT_FLOAT_EQ(story::faster(2), 4);
  EXPECT_FLOAT_EQ(story::slower(2), 1);
  EXPECT_FLOAT_EQ(story::slower(0.07f), story::kMinSpeed);
  EXPECT_FLOAT_EQ(story::faster(300), story::kMaxSpeed);
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

TEST(TimeAxis, TickLabelsNeverOverlapWhateverTheirWidthMajorsFirst) {
  // Labels twice the width the spacing assumed (a 200 % UI): the ticks come as before, the labels that would overlap
  // are dropped, the years kept before the months.
  const story::TimeAxis a{0, 600, day("2021-01-01"), day("2024-01-01")};
  const std::vector<story::Tick> ticks = story::axis_ticks(a, 64);
  std::vector<float> widths;
  for (const story::Tick& t : ticks) widths.push_back(t.major ? 150.f : 70.f);
  const std::vector<bool> kept = story::tick_labels_that_fit(a, ticks, widths, 3, 8);
  std::vector<std::pair<float, float>> spans;
  for (size_t i = 0; i < ticks.size(); ++i)
    if (kept[i]) spans.emplace_back(a.x_of(ticks[i].at) + 3, a.x_of(ticks[i].at) + 3 + widths[i]);
  ASSERT_GE(spans.size(), 3u);
  std::sort(spans.begin(), spans.end());
  for (size_t i = 1; i < spans.size(); ++i) EXPECT_GE(spans[i].first, spans[i - 1].second + 8) << i;
  EXPECT_LE(spans.back().second, 600);
  for (size_t i = 0; i < ticks.size(); ++i) {
    if (ticks[i].major && a.x_of(ticks[i].at) + 153 <= 600) {
      EXPECT_TRUE(kept[i]) << ticks[i].label;
    }
  }
}
