// Describing a frame is plain CPU work: these tests run without any GL context.
#include <algorithm>

#include <gtest/gtest.h>

#include "document/commands.h"
#include "document/story_document.h"
#include "geo/vector_source.h"
#include "render/map_scene.h"
#include "render/picking.h"

using namespace chronoatlas;

namespace {

struct Described {
  std::unique_ptr<document::StoryDocument> doc;
  std::unique_ptr<render::MapScene> scene;
  render::MapView view;
};

Described bundled_at(const BoundsLonLat& box) {
  std::vector<std::string> warnings;
  auto scenario = story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023");
  auto doc = document::StoryDocument::open(*scenario, warnings);
  auto scene = std::make_unique<render::MapScene>((*doc)->atlas());
  auto projection = render::scenario_projection(*scenario);
  Described d{std::move(*doc), std::move(scene), render::MapView(*projection, 1200, 800, 1)};
  d.view.fit(box);
  d.scene->prepare(d.view.projection());
  return d;
}

bool has_label(const render::Frame& f, const std::string& part) {
  return std::any_of(f.labels.begin(), f.labels.end(), [&](const render::Label& l) {
    return l.text.find(part) != std::string::npos;
  });
}

}  // namespace

TEST(Describe, LabelsFollowTheDateAndQuoteTheLastReport) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  render::Frame before = d.scene->describe(d.view, *story::parse_moment("2023-09-20"), {});
  render::Frame after = d.scene->describe(d.view, *story::parse_moment("2023-10-01"), {});
  EXPECT_FALSE(has_label(before, "arrived in Armenia"));
  EXPECT_TRUE(has_label(after, "arrived in Armenia"));
  EXPECT_TRUE(has_label(after, "Stepanakert"));
}

TEST(Describe, FurnitureAndLayersFromTheOptions) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  const story::Days day = *story::parse_moment("2023-09-30");
  render::FurnitureOptions all;
  render::Frame f = d.scene->describe(d.view, day, all);
  EXPECT_EQ(f.furniture.date, "as of 30 September 2023");
  EXPECT_FALSE(f.furniture.title.empty());
  EXPECT_GT(f.furniture.scale_bar_px, 0);
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
TEST(Describe, ADateShowsTheStateAtTheEndOfThatDay) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  auto at = [&](const char* date) { return d.scene->describe(d.view, *story::parse_moment(date), {}); };
  EXPECT_TRUE(has_label(at("2020-11-20"), "1,960 Russian peacekeepers"));        // deployment complete that day
  EXPECT_TRUE(has_label(at("2023-09-30"), "100,417 arrived"));                   // reported on the day, no time
  EXPECT_TRUE(has_label(at("2023-04-23"), "Post No. 1"));                        // first mentioned that day
  EXPECT_TRUE(has_label(at("2023-10-01"), "1 Oct 2023, evening"));               // the source's words, no clock
  EXPECT_FALSE(has_label(at("2020-11-10"), "0 Russian"));                        // no unsourced zero
  EXPECT_TRUE(has_label(at("2020-11-11"), "414 Russian peacekeepers"));
  render::Frame withdrawal = at("2024-05-01");
  EXPECT_TRUE(has_label(withdrawal, "withdrawing since 17 Apr 2024: no figure"));
  EXPECT_FALSE(has_label(withdrawal, "1,960"));
  EXPECT_FALSE(has_label(at("2024-05-16"), "Post No. 1"));                       // checkpoints gone by 15 May 2024
}

TEST(Describe, AClockTimeIsThatMomentAndTheStampSaysSo) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  render::Frame morning = d.scene->describe(d.view, *story::parse_moment("2023-09-26T09:00"), {});
  EXPECT_EQ(morning.furniture.date, "26 September 2023, 09:00");
  EXPECT_TRUE(has_label(morning, "13,550 arrived in Armenia by 26 Sep 2023, 08:00"));
  EXPECT_FALSE(has_label(morning, "28,120"));
}

TEST(Describe, AHoverOverLachinTownNamesNoWrongDistrict) {
  // Natural Earth calls Lachin district "Lankaran" and stretches Şuşa over Lachin town; neither may reach a reader.
  Described d = bundled_at({46.35, 39.45, 46.75, 39.75});
  XY town;
  ASSERT_TRUE(d.view.projection().forward({46.5498, 39.6374}, town));
  auto pick = render::pick_feature(*d.scene, d.view, d.view.pixels().to_pixel(town), *story::parse_moment("2020-12-02"));
  if (!pick) return;  // nothing named there: fine
  const model::AtlasLayer& l = d.scene->atlas().layers()[pick->layer];
  for (const std::string& v : l.data->features[pick->feature].values) {
    EXPECT_EQ(v.find("Lankaran"), std::string::npos) << l.spec.id;
    EXPECT_NE(v, "Şuşa") << l.spec.id;
  }
}

TEST(BundledData, NaturalEarthsMislabelledLachinDistrictIsRenamed) {
  auto layer = geo::load_vector_source(std::string(GEODATA_DIR) + "/admin1-arm-aze.geojson");
  ASSERT_TRUE(layer);
  const geo::VectorLayer& l = layer->layers.front();
  int lankaran_west = 0, lachin = 0;
  for (const geo::Feature& f : l.features) {
    const std::string& name = l.value(f, "name_en");
    if (name == "Lankaran" && f.polygons.front().front().front().lon < 47) ++lankaran_west;
    if (name == "Lachin") ++lachin;
  }
  EXPECT_EQ(lankaran_west, 0);
  EXPECT_EQ(lachin, 1);
}

TEST(Describe, AWindowRedrawsOnlyWhileAFlowOnScreenMoves) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  const story::Days exodus = *story::parse_moment("2023-09-26"), before = *story::parse_moment("2021-06-01");
  EXPECT_TRUE(d.scene->animating(d.view, exodus)) << "the exodus flows on screen";
  EXPECT_FALSE(d.scene->animating(d.view, before)) << "no flow is live in 2021";
  // The same date with Bishkek in view, 2,000 km away: the flows are off screen.
  d.view.fit({74, 42.5, 75, 43.2});
  EXPECT_FALSE(d.scene->animating(d.view, exodus));
}

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
