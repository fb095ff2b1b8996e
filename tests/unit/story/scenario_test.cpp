#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "story/scenario.h"

using namespace chronoatlas;
namespace fs = std::filesystem;

namespace {

// Writes TEXT as scenario.json in a fresh folder and loads it.
Result<story::Scenario> load_text(const std::string& name, const std::string& text) {
  fs::path dir = fs::path(scratch_dir()) / ("scenario-" + name);
  fs::create_directories(dir);
  std::ofstream(dir / "scenario.json") << text;
  return story::load_scenario(dir.string());
}

const char* kMinimal = R"({"title": "t", "time": {"start": "2020-01-01", "end": "2021-01-01"},
  "view": {"bbox": [0, 0, 10, 10]}, "layers": [ %LAYER% ]})";

std::string with_layer(const std::string& layer) {
  std::string s = kMinimal;
  s.replace(s.find("%LAYER%"), 7, layer);
  return s;
}

story::Series series(story::Interpolation interpolation, std::vector<std::pair<const char*, double>> pts) {
  story::Series s;
  s.interpolation = interpolation;
  for (auto [d, v] : pts) s.samples.push_back({*story::parse_iso_date(d), true, "", v, "src", "", {}});
  return s;
}

}  // namespace

TEST(Scenario, LoadsTheBundledStoryAndTheTestStory) {
  auto k = story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023");
  ASSERT_TRUE(k) << k.error();
  EXPECT_GE(k->events.size(), 20u);
  EXPECT_EQ(story::format_date(k->initial), "2023-10-12");
  for (const auto& e : k->events) EXPECT_FALSE(e.source.empty()) << e.title;
  for (const auto& l : k->layers)
    for (const auto& s : l.series)
      for (const auto& smp : s.samples) EXPECT_FALSE(smp.source.empty()) << s.title;
  auto c = story::load_scenario(std::string(TEST_DATA_DIR) + "/../scenarios/channel-tunnel");
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(c->projection, "EPSG:3035");
}

TEST(Scenario, ErrorsNameTheFileTheKeyAndWhatWasExpected) {
  struct Case {
    std::string text, key, expected;
  } cases[] = {
      {"{not json", "", "not valid JSON"},
      {R"({"title": 5})", "'title'", "a string"},
      {R"({"title": "t", "time": {"start": "2020-01-01", "end": "2019-01-01"}, "view": {"bbox": [0,0,1,1]}, "layers": []})",
       "'time.end'", "a date after time.start"},
      {R"({"title": "t", "time": {"start": "2020-02-30", "end": "2021-01-01"}})", "'time.start'", "day out of range"},
      {R"({"title": "t", "time": {"start": "2020-01-01", "end": "2021-01-01"}, "view": {"bbox": [0,0,1]}})",
       "'view.bbox'", "[west, south, east, north]"},
      {with_layer(R"({"id": "a"})"), "'layers[0].source'", "a string (missing)"},
      {with_layer(R"({"id": "a", "source": "x.geojson", "style": {"fill": "red"}})"), "'layers[0].style.fill'",
       "#rrggbb"},
      {with_layer(R"({"id": "a", "source": "x", "series": [{"feature": "f", "interpolation": "cubic", "samples": []}]})"),
       "'layers[0].series[0].interpolation'", "\"step\" or \"linear\""},
      {with_layer(R"({"id": "a", "source": "x", "series": [{"feature": "f", "samples": [{"date": "2020-13-01", "value": 1, "source": "s"}]}]})"),
       "'layers[0].series[0].samples[0].date'", "month out of range"},
      {with_layer(R"({"id": "a", "source": "x", "series": [{"feature": "f", "samples": [{"date": "2020-01-01", "value": 1}]}]})"),
       "'layers[0].series[0].samples[0].source'", "missing"},
      {with_layer(R"({"id": "a", "source": "x", "time": {"start_field": "d", "day_first": "no"}})"),
       "'layers[0].time.day_first'", "true or false"},
  };
  int n = 0;
  for (const Case& c : cases) {
    auto r = load_text("bad" + std::to_string(n++), c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_NE(r.error().find("scenario.json"), std::string::npos) << r.error();
    EXPECT_NE(r.error().find(c.key), std::string::npos) << r.error();
    EXPECT_NE(r.error().find(c.expected), std::string::npos) << r.error();
  }
  auto missing = story::load_scenario("/nonexistent/story");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("/nonexistent/story"), std::string::npos);
}

TEST(Series, StepHoldsTheLastSampleAndNothingComesBeforeTheFirst) {
  auto s = series(story::Interpolation::Step, {{"2020-11-11", 414}, {"2020-11-20", 1960}});
  EXPECT_FALSE(story::series_value(s, *story::parse_iso_date("2020-11-10")));
  EXPECT_EQ(*story::series_value(s, *story::parse_iso_date("2020-11-11")), 414);
  EXPECT_EQ(*story::series_value(s, *story::parse_iso_date("2020-11-19T23:59")), 414);
  EXPECT_EQ(*story::series_value(s, *story::parse_iso_date("2020-11-20")), 1960);
  EXPECT_EQ(*story::series_value(s, *story::parse_iso_date("2023-01-01")), 1960);
}

TEST(Series, LinearInterpolatesBetweenSamples) {
  auto s = series(story::Interpolation::Linear, {{"2023-09-26T08:00", 13550}, {"2023-09-26T20:00", 28120}});
  EXPECT_NEAR(*story::series_value(s, *story::parse_iso_date("2023-09-26T14:00")), (13550 + 28120) / 2.0, 1e-6);
  EXPECT_EQ(*story::series_value(s, *story::parse_iso_date("2023-09-27")), 28120);
}

TEST(Series, DailyChangeIsTheDifferenceOverTwentyFourHours) {
  auto s = series(story::Interpolation::Linear, {{"2023-09-25T00:00", 1000}, {"2023-09-26T00:00", 3000}, {"2023-09-27T00:00", 9000}});
  s.derive = "daily_change";
  EXPECT_NEAR(*story::series_value(s, *story::parse_iso_date("2023-09-27")), 6000, 1e-6);
  EXPECT_NEAR(*story::series_value(s, *story::parse_iso_date("2023-09-25T12:00")), 2000, 1e-6);  // 0 before the first
}

TEST(Series, LabelsQuoteTheLastReportedFigureNotAnInterpolation) {
  auto s = series(story::Interpolation::Linear, {{"2023-09-26T08:00", 13550}, {"2023-09-26T20:00", 28120}});
  s.label = "{value} arrived by {when}";
  EXPECT_EQ(story::series_label(s, *story::parse_iso_date("2023-09-26T14:00")), "13,550 arrived by 26 Sep 2023, 08:00");
  EXPECT_EQ(story::series_label(s, *story::parse_iso_date("2023-09-26T07:00")), "");
  EXPECT_EQ(story::format_count(100625), "100,625");
}
