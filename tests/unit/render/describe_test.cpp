// Describing a frame is plain CPU work: these tests run without any GL context.
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>

#include "document/commands.h"
#include "document/story_document.h"
#include "geo/vector_source.h"
#include "render/map_scene.h"
#include "render/picking.h"
#include "described_story.h"
#include "temp_dir.h"

using namespace chronoatlas;
using namespace described;

namespace {

// A story of our own: one place counted on four dates, as a source reports (a date alone, a clock time, words for the
// time of day, and a day without a figure).
Described counted_place(const TempDir& dir) {
  std::ofstream(dir.path() + "/place.geojson")
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":"Alpha"},)"
         R"("geometry":{"type":"Point","coordinates":[45,40]}}]})";
  std::ofstream(dir.path() + "/scenario.json") << R"({"title":"Counted","time":{"start":"2023-02-01","end":"2023-04-01"},
    "view":{"bbox":[44,39,46,41]},
    "layers":[{"id":"place","source":"place.geojson","key_field":"id","style":{"label_field":"name"},
      "series":[{"feature":"a","radius_px_per_sqrt":0.5,"label":"{value} counted by {when}",
        "label_no_figure":"no figure since {when}","samples":[
        {"date":"2023-03-01","value":10,"source":"fixture"},
        {"date":"2023-03-02T08:00","value":20,"source":"fixture"},
        {"date":"2023-03-03","time":"evening","value":30,"source":"fixture"},
        {"date":"2023-03-05","value":null,"source":"fixture"}]}]}]})";
  std::vector<std::string> warnings;
  auto scenario = story::load_scenario(dir.path());
  EXPECT_TRUE(scenario) << scenario.error();
  auto doc = document::StoryDocument::open(*scenario, warnings);
  EXPECT_TRUE(doc) << doc.error();
  auto scene = std::make_unique<render::MapScene>((*doc)->atlas());
  Described d{std::move(*doc), std::move(scene), render::MapView(*render::scenario_projection(*scenario), 800, 600, 1)};
  d.view.fit(scenario->view);
  d.scene->prepare(d.view.projection());
  return d;
}

}  // namespace

TEST(Describe, AFigureWithoutATimeCountsFromTheEndOfItsDayAndAClockTimeFromThatMoment) {
  TempDir dir;
  Described d = counted_place(dir);
  auto at = [&](const char* moment) { return d.scene->describe(d.view, *story::parse_moment(moment), {}); };
  EXPECT_TRUE(has_label(at("2023-02-28"), "Alpha"));  // before the first report: the name, no unsourced zero
  EXPECT_FALSE(has_label(at("2023-02-28"), "counted"));
  EXPECT_FALSE(has_label(at("2023-03-01T12:00"), "counted")) << "a figure of the day is known by its end";
  EXPECT_TRUE(has_label(at("2023-03-01"), "10 counted by 1 Mar 2023"));
  EXPECT_TRUE(has_label(at("2023-03-02T07:59"), "10 counted by 1 Mar 2023"));
  EXPECT_TRUE(has_label(at("2023-03-02T08:00"), "20 counted by 2 Mar 2023, 08:00"));
}

TEST(Describe, TheSourcesWordsForATimeAndADayWithoutAFigureAreSaidAsTheSourceSaidThem) {
  TempDir dir;
  Described d = counted_place(dir);
  auto at = [&](const char* moment) { return d.scene->describe(d.view, *story::parse_moment(moment), {}); };
  EXPECT_TRUE(has_label(at("2023-03-03"), "30 counted by 3 Mar 2023, evening"));
  EXPECT_FALSE(has_label(at("2023-03-03"), "20:00")) << "no invented clock time";
  const render::Frame later = at("2023-03-06");
  EXPECT_TRUE(has_label(later, "no figure since 5 Mar 2023"));
  EXPECT_FALSE(has_label(later, "30")) << "the last figure is not held over a day the source gave none";
  render::FurnitureOptions stamp;
  EXPECT_EQ(d.scene->describe(d.view, *story::parse_moment("2023-03-02T09:00"), stamp).furniture.date,
            "2 March 2023, 09:00");
}

TEST(Describe, FurnitureAndLayersFromTheOptions) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  const story::Days day = *story::parse_moment("2023-09-30");
  render::FurnitureOptions all;
  render::Frame f = d.scene->describe(d.view, day, all);
  EXPECT_EQ(f.furniture.date, "as of 30 September 2023");
  EXPECT_FALSE(f.furniture.title.empty());
  EXPECT_GT(f.furniture.scale_bar_metres_per_px, 0);
  EXPECT_FALSE(f.furniture.legend.empty());
  EXPECT_FALSE(f.fixed_labels.empty());  // graticule degrees
  render::FurnitureOptions none;
  none.title = none.date = none.legend = none.scale_bar = none.north_arrow = none.attribution = none.graticule = false;
  render::Frame bare = d.scene->describe(d.view, day, none);
  EXPECT_TRUE(bare.furniture.title.empty());
  EXPECT_TRUE(bare.furniture.legend.empty());
  EXPECT_EQ(bare.layers.size() + 1, f.layers.size());  // all but the graticule
  EXPECT_FLOAT_EQ(f.day, static_cast<float>(day - d.scene->scenario().origin));
}

TEST(Describe, AViewInAnotherProjectionDrawsNothingUntilPrepared) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  render::MapView mercator = d.view;
  mercator.switch_projection(*geo::Projection::create("EPSG:3857"), {44.5, 38.8, 48, 40.8});
  const story::Days day = *story::parse_moment("2023-09-30");
  EXPECT_TRUE(d.scene->describe(mercator, day, {}).layers.empty());
  d.scene->prepare(mercator.projection());
  EXPECT_FALSE(d.scene->describe(mercator, day, {}).layers.empty());
}

TEST(Describe, HiddenLayersAreLeftOutAfterAnAtlasChange) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  const story::Days day = *story::parse_moment("2023-09-30");
  const size_t drawn = d.scene->describe(d.view, day, {}).layers.size();
  story::LayerStyle hidden = d.scene->atlas().layers().back().spec.style;
  hidden.visible = false;
  std::vector<std::string> warnings;
  ASSERT_TRUE(d.doc->execute(document::set_style(d.doc->atlas().layers().size() - 1, hidden), warnings));
  d.scene->prepare(d.view.projection());
  EXPECT_EQ(d.scene->describe(d.view, day, {}).layers.size() + 1, drawn);
}

// The time rule: a date shows the state at the end of that day, for samples, events and features alike.
TEST(Describe, AHexagonOfTheDensityViewIsPickedWithItsCount) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  // Four events at Goris, one of them after the date; one alone at Yerevan.
  geo::VectorLayer events;
  events.name = "events";
  events.fields = {"event_date"};
  const std::vector<std::pair<LonLat, std::string>> rows = {{{46.34, 39.51}, "2023-09-20"},
                                                            {{46.34, 39.51}, "2023-09-21"},
                                                            {{46.34, 39.51}, "2023-09-22"},
                                                            {{46.34, 39.51}, "2023-10-05"},
                                                            {{44.51, 40.18}, "2023-09-21"}};
  for (const auto& [place, date] : rows) {
    geo::Feature f;
    f.fid = static_cast<long long>(events.features.size());
    f.points.push_back(place);
    f.values = {date};
    events.extent.extend(place);
    events.features.push_back(std::move(f));
  }
  story::LayerSpec spec;
  spec.id = spec.title = "events";
  spec.time.mode = story::TimeMode::Cumulative;
  spec.time.start_field = "event_date";
  spec.style.density = true;
  std::vector<std::string> warnings;
  ASSERT_TRUE(d.doc->execute(document::add_data_layer(spec, std::move(events)), warnings));
  d.scene->prepare(d.view.projection());
  const size_t layer = d.scene->atlas().layers().size() - 1;
  auto pick_at = [&](LonLat place) {
    XY w;
    EXPECT_TRUE(d.view.projection().forward(place, w));
    return render::pick_feature(*d.scene, d.view, d.view.pixels().to_pixel(w), *story::parse_moment("2023-09-30"));
  };
  auto goris = pick_at({46.34, 39.51});
  ASSERT_TRUE(goris);
  EXPECT_EQ(goris->layer, layer);
  EXPECT_EQ(goris->cell_count, 3);
  auto yerevan = pick_at({44.51, 40.18});
  ASSERT_TRUE(yerevan);
  EXPECT_EQ(yerevan->layer, layer);
  EXPECT_EQ(yerevan->cell_count, 1);
  // Away from any cell, the layers below answer as before.
  auto elsewhere = pick_at({47.5, 39.0});
  EXPECT_TRUE(!elsewhere || elsewhere->cell_count < 0);
}
