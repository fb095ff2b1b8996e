#include <gtest/gtest.h>

#include "story/time.h"

using namespace chronoatlas::story;

TEST(Time, ParsesDatesAndTimesOfDay) {
  EXPECT_EQ(*parse_iso_date("1970-01-01"), 0);
  EXPECT_EQ(*parse_iso_date("2023-09-24"), 19624);
  EXPECT_DOUBLE_EQ(*parse_iso_date("2023-09-25T17:00"), 19625 + 17.0 / 24);
  EXPECT_DOUBLE_EQ(*parse_iso_date("2023-09-25 06:00:30"), 19625 + (6 * 3600 + 30) / 86400.0);
  EXPECT_EQ(format_date(19624.75), "2023-09-24");
  EXPECT_EQ(format_date_time(19625 + 17.0 / 24), "2023-09-25 17:00");
  EXPECT_EQ(format_date_long(*parse_iso_date("2024-02-29")), "29 February 2024");
}

TEST(Time, RejectsMalformedDatesWithTheValue) {
  for (const char* bad : {"2023-02-30", "2023-13-01", "23-09-24", "2023/09/24", "2023-09-24T25:00", "yesterday", "",
                          "2023-09-24X", "2023-09-24T10"}) {
    auto r = parse_iso_date(bad);
    EXPECT_FALSE(r) << bad;
    if (!r) {
      EXPECT_NE(r.error().find(std::string("'") + bad + "'"), std::string::npos) << r.error();
    }
  }
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
}

TEST(Time, IntervalsAreHalfOpen) {
  Interval i{*parse_iso_date("2020-11-10"), *parse_iso_date("2024-06-12")};
  EXPECT_FALSE(i.contains(*parse_iso_date("2020-11-09T23:59")));
  EXPECT_TRUE(i.contains(*parse_iso_date("2020-11-10")));
  EXPECT_TRUE(i.contains(*parse_iso_date("2024-06-11T23:59")));
  EXPECT_FALSE(i.contains(*parse_iso_date("2024-06-12")));
  Interval open_end{*parse_iso_date("2023-01-01"), kNever};
  EXPECT_TRUE(open_end.contains(1e6));
  Interval open_start{-kNever, 0};
  EXPECT_TRUE(open_start.contains(-1e6));
  EXPECT_FALSE(open_start.contains(0));
}
