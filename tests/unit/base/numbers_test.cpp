#include "base/numbers.h"

#include <gtest/gtest.h>

#include "story/data_time.h"

namespace chronoatlas {
namespace {

TEST(Numbers, WholeTextInRangeOrNothing) {
  EXPECT_EQ(parse_integer("12", 1, 31), 12);
  EXPECT_EQ(parse_integer("+7", 1, 31), 7);
  EXPECT_EQ(parse_integer("-3", -5, 5), -3);
  for (const char* bad : {"", "+", "+-3", "12345678901234567890123", "32", "0", "1 2", "12x", "0x10", " 12"})
    EXPECT_FALSE(parse_integer(bad, 1, 31)) << bad;
}

TEST(Numbers, FiniteDecimalsOnly) {
  EXPECT_DOUBLE_EQ(*parse_number("-0.5"), -0.5);
  EXPECT_DOUBLE_EQ(*parse_number("1e3"), 1000);
  EXPECT_DOUBLE_EQ(*parse_number("+2.25"), 2.25);
  for (const char* bad : {"", "nan", "inf", "-inf", "1e400", "1,5", "2.5 km", "."}) EXPECT_FALSE(parse_number(bad)) << bad;
}

TEST(Numbers, AWrittenDateWithAHugeDayIsNotADate) {
  // Was std::out_of_range from std::stoi: an abort on `info`, `render` and every launch of a session naming the file.
  for (const char* text : {"September 12345678901 2023", "12345678901 September 2023", "20 September 99999999999999"}) {
    auto d = story::parse_data_time(text);
    ASSERT_FALSE(d) << text;
    EXPECT_NE(d.error().find("not a date"), std::string::npos) << d.error();
  }
  EXPECT_TRUE(story::parse_data_time("20 September 2023"));
}

}  // namespace
}  // namespace chronoatlas
