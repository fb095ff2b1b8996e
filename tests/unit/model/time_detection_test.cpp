#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "model/atlas.h"
#include "model/time_detection.h"
#include "story/data_time.h"

using namespace chronoatlas;

namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

story::Days day(const char* iso) { return *story::parse_iso_date(iso); }

// ACLED's layout: both date forms, a quoted note with commas, one row whose date is not a date.
const char* kAcled =
    "event_id_cnty,event_date,year,event_type,actor1,latitude,longitude,fatalities,notes\n"
    "AZE100,19 September 2023,2023,Battles,Military Forces of Azerbaijan,39.8153,46.7519,27,\"On 19 September, "
    "shelling near Stepanakert, casualties reported\"\n"
    "AZE101,20 September 2023,2023,Explosions/Remote violence,Military Forces of Azerbaijan,39.75,46.75,5,\"Strikes, "
    "near Shushi\"\n"
    "ARM200,2023-09-25,2023,Protests,Protesters (Armenia),40.1776,44.5126,0,\"Rally in Yerevan, Armenia\"\n"
    "ARM201,soon,2023,Protests,Protesters (Armenia),40.18,44.51,0,no date\n";

}  // namespace

TEST(TimeDetection, AnAcledCsvOpensAsDatedPointsWithoutOptions) {
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  ASSERT_TRUE(atlas.add_file(write_file("acled.csv", kAcled), warnings));
  ASSERT_EQ(atlas.layers().size(), 1u);
  const model::AtlasLayer& l = atlas.layers()[0];
  EXPECT_EQ(l.spec.time.mode, story::TimeMode::Instant);
  EXPECT_EQ(l.spec.time.start_field, "event_date");
  ASSERT_EQ(l.data.features.size(), 3u);  // the row dated "soon" is skipped, and named
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings[0].find("'soon'"), std::string::npos) << warnings[0];
  EXPECT_EQ(l.data.value(l.data.features[0], "notes"), "On 19 September, shelling near Stepanakert, casualties reported");
  EXPECT_DOUBLE_EQ(l.data.features[0].points.at(0).lon, 46.7519);
  ASSERT_EQ(l.times.size(), 3u);
  EXPECT_EQ(l.times[0].start, day("2023-09-19"));
  EXPECT_EQ(l.times[0].end, day("2023-09-20"));  // one day: live on its date only
  EXPECT_EQ(l.times[2].start, day("2023-09-25"));
  // Without a scenario the layer's dates make the time range, first date first.
  EXPECT_EQ(atlas.scenario().start, day("2023-09-19"));
  EXPECT_EQ(atlas.scenario().end, day("2023-09-26"));
  EXPECT_EQ(atlas.scenario().origin, day("2023-09-19"));  // GPU times count from here, in float32
}

TEST(TimeDetection, ReportsFieldsRangeAndUnreadableValues) {
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  ASSERT_TRUE(atlas.add_file(write_file("acled2.csv", kAcled), warnings));
  auto d = model::measure_time(atlas.layers()[0].data, atlas.layers()[0].spec.time);
  EXPECT_EQ(d.first, day("2023-09-19"));
  EXPECT_EQ(d.last, day("2023-09-25"));
  EXPECT_EQ(d.unparsed, 0u);  // the unreadable row was skipped on loading
}

TEST(TimeDetection, ACsvWithoutCoordinatesSaysSo) {
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  auto r = atlas.add_file(write_file("table.csv", "name,date\nA,2023-01-01\n"), warnings);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("without coordinates"), std::string::npos) << r.error();
}
