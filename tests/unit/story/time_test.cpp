#include <gtest/gtest.h>

#include "story/data_time.h"
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

TEST(DataTime, ReadsIsoWithZonesAndFractionsAndTheWrittenForms) {
  const Days sep20 = *parse_iso_date("2023-09-20");
  for (const char* text : {"2023-09-20", "2023/09/20", "20 September 2023", "20-Sep-2023", "September 20, 2023",
                           "Sep 20 2023", "20 Sept 2023", " 20 september 2023 "}) {
    auto t = parse_data_time(text);
    ASSERT_TRUE(t) << text << ": " << t.error();
    EXPECT_EQ(t->at, sep20) << text;
    EXPECT_FALSE(t->has_time) << text;
  }
  for (const char* text : {"2023-09-20T10:15:00Z", "2023-09-20T10:15:00.250Z", "2023-09-20 10:15", "2023-09-20T10:15:00+04:00",
                           "2023-09-20T10:15:00-0300"}) {
    auto t = parse_data_time(text);
    ASSERT_TRUE(t) << text << ": " << t.error();
    EXPECT_NEAR(t->at, sep20 + 10.25 / 24, 1e-9) << text;  // the clock as written: zones are not applied
    EXPECT_TRUE(t->has_time) << text;
  }
  for (const char* text : {"", "2023", "yesterday", "30 February 2023", "2023-13-01", "20 Foo 2023",
                           "20 September 23", "31/04/2023", "1/2/123"}) {
    auto t = parse_data_time(text);
    EXPECT_FALSE(t) << text;
  }
  // Numbers with the year last read in the order the caller gives (the column decides: numeric_day_first).
  EXPECT_EQ(parse_data_time("03/04/2023", true)->at, *parse_iso_date("2023-04-03"));
  EXPECT_EQ(parse_data_time("03/04/2023", false)->at, *parse_iso_date("2023-03-04"));
  EXPECT_NE(parse_data_time("30 February 2023").error().find("'30 February 2023'"), std::string::npos);
}
