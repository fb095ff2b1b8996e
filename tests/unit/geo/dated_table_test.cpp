// Dated tables as unlucky exports write them: NUL bytes, 10 MB cells, lines past any limit, broken coordinates, text
// that is not UTF-8, and dates at the edges of ISO 8601. Each row is read right or skipped with a message and a
// count; none is drawn wrong.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "geo/delimited_text.h"
#include "geo/vector_source.h"
#include "model/time_detection.h"
#include "story/data_time.h"
#include "story/time.h"

using namespace chronoatlas;

namespace {

std::string write(const TempDir& dir, const std::string& name, const std::string& bytes) {
  const std::string path = dir.path() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::vector<std::string> names(const geo::VectorLayer& layer) {
  std::vector<std::string> out;
  for (const geo::Feature& f : layer.features) out.push_back(layer.value(f, "name"));
  return out;
}

bool warned(const geo::LoadReport& report, const std::string& part) {
  return std::any_of(report.warnings.begin(), report.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const std::string& l : lines) all += l + "\n";
  return all;
}

story::Days day(const char* iso) { return *story::parse_iso_date(iso); }

const std::string kHeader = "name,latitude,longitude,date\n";

}  // namespace

TEST(DatedTable, RowsHoldingANulByteAreSkippedNotReadAsTheirFirstPart) {
  TempDir dir;
  using namespace std::string_literals;
  // GDAL keeps lines as C strings: the last row's date would read as 2023-09-2, i.e. 2 September.
  const std::string path = write(dir, "nul.csv", kHeader + "ok,40,45,2023-09-19\n" + "n\0ul,40.1,45.1,2023-09-20\n"s +
                                                     "\"quoted\nover two lines\",40.2,45.2,2023-09-20\n" +
                                                     "cut,40.3,45.3,2023-09-2\0" "1\n"s + "ok2,40.4,45.4,2023-09-21\n");
  EXPECT_EQ(geo::rows_with_nul(path), (std::vector<int64_t>{2, 4}));
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  EXPECT_EQ(names(r->layers[0]), (std::vector<std::string>{"ok", "quoted\nover two lines", "ok2"}));
  EXPECT_TRUE(warned(*r, "feature 4: holds a NUL byte")) << joined(r->warnings);
  const model::TimeDetection t = model::detect_time(r->layers[0]);
  EXPECT_EQ(t.first, day("2023-09-19"));
  EXPECT_EQ(t.last, day("2023-09-21"));
}

TEST(DatedTable, AHeaderHoldingANulByteIsRefusedWithTheReason) {
  TempDir dir;
  using namespace std::string_literals;
  auto r = geo::load_vector_source(write(dir, "h.csv", "na\0me,latitude,longitude\na,40,45\n"s));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("header line holds a NUL byte"), std::string::npos) << r.error();
}

TEST(DatedTable, ATenMegabyteCellDoesNotEndTheReading) {
  TempDir dir;
  const std::string path = write(dir, "long.csv", kHeader + "ok,40,45,2023-09-19\nbig,40.1,45.1,2023-09-20," +
                                                      std::string(10'000'000, 'x') + "\nok2,40.2,45.2,2023-09-21\n");
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  EXPECT_EQ(names(r->layers[0]), (std::vector<std::string>{"ok", "big", "ok2"}));
}

TEST(DatedTable, ALinePastTheLimitSkipsTheLayerInsteadOfShowingItsFirstRowsAsAll) {
  TempDir dir;
  // The limit lowered to 1 MiB for the test: GDAL grows its line buffer by small steps, and a 70 MB line under the
  // sanitizer's realloc (which always copies) took minutes.
  setenv("CHRONOATLAS_MAX_LINE_MB", "1", 1);
  const std::string path = write(dir, "huge.csv", kHeader + "ok,40,45,2023-09-19\nbig,40.1,45.1,2023-09-20," +
                                                      std::string(2'000'000, 'x') + "\nok2,40.2,45.2,2023-09-21\n");
  auto r = geo::load_vector_source(path);
  unsetenv("CHRONOATLAS_MAX_LINE_MB");
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(r->layers.empty());
  EXPECT_TRUE(warned(*r, "GDAL stopped reading after feature 1")) << joined(r->warnings);
}

TEST(DatedTable, BrokenCoordinatesAreSkippedAndNotCalledMetres) {
  TempDir dir;
  const std::string path = write(dir, "c.csv", kHeader + "ok,40,45,2023-09-19\nhuge,1e308,45,2023-09-19\n"
                                                   "nan,NaN,45,2023-09-19\ninf,40,Inf,2023-09-19\n"
                                                   "minf,40,-inf,2023-09-19\nempty,,45,2023-09-19\n");
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  EXPECT_EQ(names(r->layers[0]), (std::vector<std::string>{"ok"}));
  EXPECT_FALSE(warned(*r, "metres")) << joined(r->warnings);
  EXPECT_TRUE(warned(*r, "outside the valid lon/lat range")) << joined(r->warnings);
  EXPECT_TRUE(warned(*r, "coordinate columns are empty or not numbers")) << joined(r->warnings);
}

TEST(DatedTable, TextThatIsNotUtf8IsCountedAndShownWithReplacementCharacters) {
  TempDir dir;
  const std::string path = write(dir, "l.csv", kHeader + "Bak\xfd,40,45,2023-09-19\nok,40,45,2023-09-19\n");
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  EXPECT_EQ(names(r->layers[0]).front(), "Bak\xef\xbf\xbd");
  EXPECT_TRUE(warned(*r, "1 value(s) are not UTF-8")) << joined(r->warnings);
}

TEST(DatedTable, DatesAtTheEdgesOfIso8601) {
  // 24:00 ends the day; a leap second is in its minute; an offset is read past and flagged.
  auto midnight = story::parse_data_time("2023-09-20T24:00:00");
  ASSERT_TRUE(midnight);
  EXPECT_EQ(midnight->at, day("2023-09-21"));
  EXPECT_FALSE(story::parse_data_time("2023-09-20T24:01"));
  auto leap = story::parse_data_time("2016-12-31T23:59:60Z");
  ASSERT_TRUE(leap);
  EXPECT_EQ(story::format_date_time(leap->at), "2016-12-31 23:59");
  auto zoned = story::parse_data_time("2023-09-21T22:00:00-04:00");
  ASSERT_TRUE(zoned);
  EXPECT_TRUE(zoned->offset);
  EXPECT_FALSE(story::parse_data_time("2023-09-21T22:00:00Z")->offset);
  EXPECT_FALSE(story::parse_data_time("99999-01-01"));
  EXPECT_FALSE(story::plausible_date(day("0000-01-01")));
  EXPECT_TRUE(story::plausible_date(day("2023-09-21")));
}

TEST(DatedTable, PlaceholdersAndUnreadableDatesAreCountedAndLeftOutOfTheRange) {
  TempDir dir;
  const std::string path = write(dir, "d.csv", kHeader + "ok,40,45,2023-09-19\nzero,40,45,0000-01-01\n"
                                                   "far,40,45,99999-01-01\nend,40,45,2023-09-20T24:00\n"
                                                   "zone,40,45,2023-09-21T10:00:00+04:00\nok2,40,45,2023-09-25\n");
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  const model::TimeDetection t = model::detect_time(r->layers[0]);
  EXPECT_EQ(t.first, day("2023-09-19"));
  EXPECT_EQ(t.last, day("2023-09-25"));
  EXPECT_EQ(t.placeholders, 1u);
  EXPECT_EQ(t.unparsed, 1u);
  EXPECT_EQ(t.offsets, 1u);
}

TEST(DatedTable, AnOffsetInAColumnGdalTypesAsDateTimeIsStillSeen) {
  TempDir dir;
  const std::string path = write(dir, "z.csv", kHeader + "a,40,45,2023-09-21T10:00:00+04:00\nb,40,45,2023-09-22T10:00:00+04:00\n");
  auto r = geo::load_vector_source(path);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 1u);
  EXPECT_EQ(r->layers[0].value(r->layers[0].features[0], "date"), "2023-09-21T10:00+04:00");
  EXPECT_EQ(model::detect_time(r->layers[0]).offsets, 2u);
}

TEST(DatedTable, NumericDatesWithTheYearLastReadInTheOrderTheColumnShows) {
  EXPECT_EQ(story::parse_data_time("13.02.2023")->at, day("2023-02-13"));
  EXPECT_EQ(story::parse_data_time("02/13/2023", false)->at, day("2023-02-13"));
  EXPECT_EQ(story::parse_data_time("3-4-23")->at, day("2023-04-03"));
  EXPECT_EQ(story::parse_data_time("3.4.69")->at, day("1969-04-03"));
  auto timed = story::parse_data_time("13.02.2023 14:30");
  ASSERT_TRUE(timed);
  EXPECT_TRUE(timed->has_time);
  EXPECT_FALSE(story::parse_data_time("02/13/2023"));  // month 13, read day first
  EXPECT_FALSE(story::parse_data_time("31.02.2023"));
  const story::DayOrder day_first = story::numeric_day_first({"03/04/2023", "13/04/2023"});
  EXPECT_TRUE(day_first.day_first && !day_first.assumed && day_first.seen);
  const story::DayOrder month_first = story::numeric_day_first({"03/04/2023", "04/13/2023"});
  EXPECT_TRUE(!month_first.day_first && !month_first.assumed);
  const story::DayOrder either = story::numeric_day_first({"03/04/2023", "2023-05-01"});
  EXPECT_TRUE(either.day_first && either.assumed);
  EXPECT_FALSE(story::numeric_day_first({"2023-05-01", "May 2023"}).seen);
}

TEST(DatedTable, DayFirstColumnsPlayAndAColumnNamedAsTimeThatIsNotSaysWhy) {
  TempDir dir;
  // 13.02.2023 and 20/02/2023 were "Time: none" without a word, and renders on two dates were the same.
  for (const char* dates : {"13.02.2023\n,20.02.2023", "13/02/2023\n,20/02/2023"}) {
    std::string text = kHeader + "a,40,45," + dates + "\n";
    text.replace(text.find("\n,"), 2, "\nb,40,45,");
    auto r = geo::load_vector_source(write(dir, "d.csv", text));
    ASSERT_TRUE(r) << r.error();
    const model::TimeDetection t = model::detect_time(r->layers.at(0));
    EXPECT_EQ(t.time.mode, story::TimeMode::Instant) << dates;
    EXPECT_TRUE(t.time.day_first);
    EXPECT_EQ(t.first, day("2023-02-13")) << dates;
    EXPECT_EQ(t.last, day("2023-02-20")) << dates;
  }
  auto us = geo::load_vector_source(write(dir, "us.csv", kHeader + "a,40,45,02/13/2023\nb,40,45,02/03/2023\n"));
  ASSERT_TRUE(us);
  const model::TimeDetection month_first = model::detect_time(us->layers.at(0));
  EXPECT_FALSE(month_first.time.day_first);
  EXPECT_EQ(month_first.first, day("2023-02-03"));
  auto words = geo::load_vector_source(write(dir, "w.csv", kHeader + "a,40,45,soon\nb,40,45,later\nc,40,45,2023-01-01\n"));
  ASSERT_TRUE(words);
  const model::TimeDetection none = model::detect_time(words->layers.at(0));
  EXPECT_FALSE(none.time.any());
  EXPECT_EQ(none.undated_field, "date");
  EXPECT_EQ(none.undated_values, 2u);
}
