#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "model/atlas.h"
#include "model/time_detection.h"
#include "story/data_time.h"

using namespace chronoatlas;

namespace {

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = scratch_dir() + name;
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
  ASSERT_EQ(l.data->features.size(), 4u);
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings[0].find("'soon'"), std::string::npos) << warnings[0];  // named, and never shown
  EXPECT_FALSE(model::live(l, 3, day("2023-09-25")));
  EXPECT_EQ(l.data->value(l.data->features[0], "notes"), "On 19 September, shelling near Stepanakert, casualties reported");
  EXPECT_DOUBLE_EQ(l.data->features[0].points.at(0).lon, 46.7519);
  ASSERT_EQ(l.times.size(), 4u);
  EXPECT_EQ(l.times[0].start, day("2023-09-19"));
  EXPECT_EQ(l.times[0].end, day("2023-09-20"));  // one day: live on its date only
  EXPECT_TRUE(model::live(l, 0, story::end_of_day(day("2023-09-19"))));
  EXPECT_FALSE(model::live(l, 0, story::end_of_day(day("2023-09-20"))));
  EXPECT_EQ(l.times[2].start, day("2023-09-25"));
  EXPECT_EQ(l.first_moment, day("2023-09-19"));  // what the layer's Time section shows
  EXPECT_EQ(l.last_moment, day("2023-09-25"));
  EXPECT_EQ(l.unreadable_times, 1u);
  // Without a scenario the layer's dates make the time range, first date first.
  EXPECT_EQ(atlas.scenario().start, day("2023-09-19"));
  EXPECT_EQ(atlas.scenario().end, day("2023-09-26"));
  EXPECT_EQ(atlas.scenario().origin, day("2023-09-19"));  // GPU times count from here, in float32
}

TEST(TimeDetection, ReportsFieldsRangeAndUnreadableValues) {
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  ASSERT_TRUE(atlas.add_file(write_file("acled2.csv", kAcled), warnings));
  auto d = model::measure_time(*atlas.layers()[0].data, atlas.layers()[0].spec.time);
  EXPECT_EQ(d.first, day("2023-09-19"));
  EXPECT_EQ(d.last, day("2023-09-25"));
  EXPECT_EQ(d.unparsed, 1u);  // "soon"
}

TEST(TimeDetection, CumulativeShowsEverythingUpToTheDateAndAStoryRangeWidensVisibly) {
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(*story::load_scenario(std::string(TEST_DATA_DIR) + "/../scenarios/time-boundaries"), warnings);
  const story::Days story_start = atlas.scenario().start, story_end = atlas.scenario().end;
  warnings.clear();
  ASSERT_TRUE(atlas.add_file(write_file("acled3.csv", kAcled), warnings));
  const size_t i = atlas.layers().size() - 1;
  // The story's range grew to the file's dates, and a note says so.
  EXPECT_LE(atlas.scenario().start, std::min(story_start, day("2023-09-19")));
  EXPECT_GE(atlas.scenario().end, std::max(story_end, day("2023-09-26")));
  EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const std::string& w) {
    return w.find("The timeline now runs from") != std::string::npos;
  }));
  story::LayerTime cumulative = atlas.layers()[i].spec.time;
  cumulative.mode = story::TimeMode::Cumulative;
  const uint64_t before = atlas.layers()[i].time_revision;
  atlas.set_time(i, cumulative, warnings);
  const model::AtlasLayer& l = atlas.layers()[i];
  EXPECT_GT(l.time_revision, before);
  const story::Days sep24 = story::end_of_day(day("2023-09-24"));
  EXPECT_TRUE(model::live(l, 0, sep24));   // 19 Sep: still shown
  EXPECT_TRUE(model::live(l, 1, sep24));   // 20 Sep
  EXPECT_FALSE(model::live(l, 2, sep24));  // 25 Sep: not yet
  EXPECT_FALSE(model::live(l, 0, day("2023-09-18")));
  story::LayerTime none;
  atlas.set_time(i, none, warnings);
  EXPECT_TRUE(atlas.layers()[i].times.empty());  // static: shown on every date
}

TEST(TimeDetection, KmlTimeSpansAndTimeStamps) {
  const std::string kml = write_file("spans.kml", R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Checkpoint</name><TimeSpan><begin>2023-04-23</begin><end>2023-09-19</end></TimeSpan>
  <Point><coordinates>46.52,39.60</coordinates></Point></Placemark>
<Placemark><name>Open ended</name><TimeSpan><begin>2023-09-19</begin></TimeSpan>
  <Point><coordinates>46.75,39.82</coordinates></Point></Placemark>
<Placemark><name>Meeting</name><TimeStamp><when>2023-10-12T15:00:00Z</when></TimeStamp>
  <Point><coordinates>74.61,42.87</coordinates></Point></Placemark>
</Document></kml>)");
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  ASSERT_TRUE(atlas.add_file(kml, warnings));
  const model::AtlasLayer& l = atlas.layers().at(0);
  EXPECT_EQ(l.spec.time.mode, story::TimeMode::Interval);
  EXPECT_EQ(l.spec.time.start_field, "begin");
  EXPECT_EQ(l.spec.time.end_field, "end");
  EXPECT_EQ(l.spec.time.instant_field, "timestamp");
  ASSERT_EQ(l.times.size(), 3u);
  EXPECT_EQ(l.times[0].start, day("2023-04-23"));
  EXPECT_EQ(l.times[0].end, day("2023-09-19"));  // half-open: gone on 19 Sep
  EXPECT_FALSE(std::isfinite(l.times[1].end));    // no end: still there
  EXPECT_DOUBLE_EQ(l.times[2].start, day("2023-10-12T15:00"));
  EXPECT_DOUBLE_EQ(l.times[2].end, day("2023-10-13T15:00"));  // a moment lasts a day unless the user says otherwise
}

TEST(TimeDetection, GpxTrackPointsAreInstantsAndEmptyLayersAreLeftOut) {
  const std::string gpx = write_file("track.gpx", R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Convoy</name><trkseg>
<trkpt lat="39.8153" lon="46.7519"><time>2023-09-25T06:00:00Z</time></trkpt>
<trkpt lat="39.7610" lon="46.7500"><time>2023-09-25T09:30:00Z</time></trkpt>
<trkpt lat="39.5000" lon="46.3400"><time>2023-09-25T17:00:00Z</time></trkpt>
</trkseg></trk></gpx>)");
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  ASSERT_TRUE(atlas.add_file(gpx, warnings));
  ASSERT_EQ(atlas.layers().size(), 2u);  // tracks and track_points; the empty waypoint and route layers are not added
  const model::AtlasLayer& points = atlas.layers()[1];
  EXPECT_EQ(points.data->name, "track_points");
  EXPECT_EQ(points.spec.time.mode, story::TimeMode::Instant);
  EXPECT_EQ(points.spec.time.start_field, "time");
  EXPECT_DOUBLE_EQ(points.times[1].start, day("2023-09-25T09:30"));
  EXPECT_TRUE(atlas.layers()[0].times.empty());  // the track line itself is undated
  EXPECT_EQ(atlas.scenario().start, day("2023-09-25"));
}

TEST(TimeDetection, ACsvWithoutCoordinatesSaysSo) {
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  auto r = atlas.add_file(write_file("table.csv", "name,date\nA,2023-01-01\n"), warnings);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("without coordinates"), std::string::npos) << r.error();
}
