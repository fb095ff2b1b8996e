// The bundled story as it is drawn: its figures, dates and places, audited against its sources (the facts file).
// Editing the story's data is expected to change these; the renderer's own rules are tested on fixtures of their own
// (tests/unit/render/describe_test.cpp).
#include <algorithm>

#include <gtest/gtest.h>

#include "document/story_document.h"
#include "geo/vector_source.h"
#include "render/map_scene.h"
#include "render/picking.h"
#include "described_story.h"

using namespace chronoatlas;

using namespace described;

TEST(BundledStory, LabelsFollowTheDateAndQuoteTheLastReport) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  render::Frame before = d.scene->describe(d.view, *story::parse_moment("2023-09-20"), {});
  render::Frame after = d.scene->describe(d.view, *story::parse_moment("2023-10-01"), {});
  EXPECT_FALSE(has_label(before, "arrived in Armenia"));
  EXPECT_TRUE(has_label(after, "arrived in Armenia"));
  EXPECT_TRUE(has_label(after, "Stepanakert"));
}

TEST(BundledStory, ADateShowsTheStateAtTheEndOfThatDay) {
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

TEST(BundledStory, AClockTimeIsThatMomentAndTheStampSaysSo) {
  Described d = bundled_at({44.5, 38.8, 48, 40.8});
  render::Frame morning = d.scene->describe(d.view, *story::parse_moment("2023-09-26T09:00"), {});
  EXPECT_EQ(morning.furniture.date, "26 September 2023, 09:00");
  EXPECT_TRUE(has_label(morning, "13,550 arrived in Armenia by 26 Sep 2023, 08:00"));
  EXPECT_FALSE(has_label(morning, "28,120"));
}

TEST(BundledStory, AHoverOverLachinTownNamesNoWrongDistrict) {
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

TEST(BundledStory, NaturalEarthsMislabelledLachinDistrictIsRenamed) {
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

