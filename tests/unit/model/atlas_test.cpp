#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "model/atlas.h"
#include "model/feature_summary.h"
#include "story/layer_style_json.h"
#include "document/story_document.h"
#include "render/map_scene.h"

using namespace chronoatlas;

namespace {

story::Scenario bundled() { return *story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023"); }

size_t layer_index(const model::Atlas& atlas, const std::string& id) {
  for (size_t i = 0; i < atlas.layers().size(); ++i)
    if (atlas.layers()[i].spec.id == id) return i;
  return atlas.layers().size();
}

}  // namespace

TEST(Atlas, MalformedDateSkipsTheFeatureAndNamesIt) {
  auto scenario = story::load_scenario(std::string(TEST_DATA_DIR) + "/../scenarios/time-boundaries");
  ASSERT_TRUE(scenario) << scenario.error();
  std::vector<std::string> warnings;
  auto atlas = model::Atlas::load(*scenario, warnings);
  ASSERT_TRUE(atlas) << atlas.error();
  const auto& layer = atlas->layers()[0];
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("feature 2"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("2020-02-30"), std::string::npos) << warnings[0];
  ASSERT_EQ(layer.times.size(), 3u);
  EXPECT_EQ(story::format_date(layer.times[0].start), "2020-01-10");
  EXPECT_EQ(story::format_date(layer.times[0].end), "2020-01-20");
  // The feature with the impossible date is never shown, on any day.
  for (double day : {-1e9, 0.0, 18300.0, 1e9}) EXPECT_FALSE(model::live(layer, 2, day));
  EXPECT_FALSE(std::isfinite(layer.times[1].end));  // open end
}

TEST(PreparedLayer, DetailLevelsSimplifyButKeepEveryCountry) {
  std::vector<std::string> warnings;
  auto doc = document::StoryDocument::open(bundled(), warnings);
  ASSERT_TRUE(doc);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  auto scene = std::make_unique<render::MapScene>((*doc)->atlas());  // CPU only: no GL context here
  const auto& countries = scene->prepared(0)->geometry;
  ASSERT_GE(countries.levels.size(), 3u);
  for (size_t i = 1; i < countries.levels.size(); ++i)
    EXPECT_LT(countries.levels[i].line_points.size(), countries.levels[i - 1].line_points.size());
  // Even the coarsest level still draws Armenia and Azerbaijan.
  std::set<uint32_t> features(countries.levels.back().fill_feature.begin(), countries.levels.back().fill_feature.end());
  const auto& data = *scene->atlas().layers()[0].data;
  for (const char* name : {"Armenia", "Azerbaijan"}) {
    bool found = false;
    for (uint32_t f : features) found |= data.value(data.features[f], "name") == name;
    EXPECT_TRUE(found) << name;
  }
}

TEST(Atlas, NamedOperationsChangeTheRevisionAndKeepIdentities) {
  std::vector<std::string> warnings;
  auto atlas = model::Atlas::load(bundled(), warnings);
  ASSERT_TRUE(atlas);
  const uint64_t first_id = atlas->layers()[0].id, r0 = atlas->revision();
  story::LayerStyle same = atlas->layers()[0].spec.style;
  atlas->set_style(0, same);
  EXPECT_EQ(atlas->revision(), r0);  // no change, no new revision
  same.opacity = 0.5f;
  atlas->set_style(0, same);
  EXPECT_GT(atlas->revision(), r0);
  EXPECT_EQ(atlas->layers()[0].style_revision, 1u);
  atlas->move_layer(0, 2);
  EXPECT_EQ(atlas->layers()[2].id, first_id);
  const size_t before = atlas->layers().size();
  ASSERT_TRUE(atlas->add_file(std::string(TEST_DATA_DIR) + "/multi.gpkg", warnings));
  EXPECT_GT(atlas->layers().size(), before);
  const uint64_t top = atlas->layers().back().id, r1 = atlas->revision();
  auto removed = atlas->remove_layer(atlas->layers().size() - 1);
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->id, top);
  EXPECT_GT(atlas->layers().back().id, first_id);
  EXPECT_FALSE(atlas->remove_layer(atlas->layers().size()));  // out of range: nothing
  atlas->restore_layer(atlas->layers().size(), std::move(*removed));  // undo
  EXPECT_EQ(atlas->layers().back().id, top);
  EXPECT_GT(atlas->revision(), r1);
}

TEST(Atlas, StylesAreAPureFunctionOfLayerAndDate) {
  std::vector<std::string> warnings;
  auto atlas = model::Atlas::load(bundled(), warnings);
  ASSERT_TRUE(atlas);
  const model::AtlasLayer& exodus = atlas->layers()[layer_index(*atlas, "displacement")];
  const story::Days d = *story::parse_iso_date("2023-09-30");
  auto a = model::evaluate_styles(exodus, d), b = model::evaluate_styles(exodus, d);
  ASSERT_EQ(a.size(), b.size());
  float largest = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].radius_px, b[i].radius_px);
    largest = std::max(largest, a[i].radius_px);
  }
  auto later = model::evaluate_styles(exodus, *story::parse_iso_date("2023-10-10"));
  float largest_later = 0;
  for (const auto& s : later) largest_later = std::max(largest_later, s.radius_px);
  EXPECT_GT(largest_later, largest);  // the arrivals symbol grows with the reported count
}

TEST(FeatureSummary, TheTooltipShowsTheFieldsTheUserPicked) {
  model::AtlasLayer l;
  geo::VectorLayer data;
  data.fields = {"event_date", "event_type", "actor1", "fatalities", "notes"};
  l.data = std::make_shared<const geo::VectorLayer>(std::move(data));
  l.spec.details = {{"event_type", "Type"}, {"actor1", "Actor"}, {"fatalities", "Dead"}, {"notes", "Notes"},
                    {"event_date", "Date"}};
  using Fields = std::vector<std::pair<std::string, std::string>>;
  // Without a choice: the scenario's details, four of them in a tooltip, all in the details panel.
  EXPECT_EQ(model::summary_fields(l, true), Fields(l.spec.details.begin(), l.spec.details.begin() + 4));
  EXPECT_EQ(model::summary_fields(l, false), l.spec.details);
  // The user's pick, in the user's order, under the scenario's titles where it has them.
  l.spec.style.tooltip_fields = {"notes", "fatalities"};
  EXPECT_EQ(model::summary_fields(l, true), (Fields{{"notes", "Notes"}, {"fatalities", "Dead"}}));
  EXPECT_EQ(model::summary_fields(l, false), l.spec.details);
  // A dropped file without details: every field by name.
  l.spec.details.clear();
  l.spec.style.tooltip_fields.clear();
  EXPECT_EQ(model::summary_fields(l, false).size(), 5u);
  EXPECT_EQ(model::summary_fields(l, true).size(), 4u);
}

TEST(LayerStyleJson, TooltipFieldsAreKeptAndCheckedInSavedStyles) {
  story::LayerStyle st;
  st.tooltip_fields = {"notes", "fatalities"};
  const nlohmann::json j = story::editable_style_json(st);
  auto back = story::read_layer_style(story::Reader("view.json"), j, "layers.x.", story::LayerStyle{});
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->tooltip_fields, st.tooltip_fields);
  auto bad = story::read_layer_style(story::Reader("view.json"), nlohmann::json{{"tooltip_fields", {1, 2}}},
                                     "layers.x.", story::LayerStyle{});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("layers.x.tooltip_fields"), std::string::npos) << bad.error();
}

namespace {

// Checks for_each_live and any_live against live() on every quarter day around ROWS' dates.
void expect_start_order_matches(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<std::string> warnings;
  auto loaded = model::Atlas::load(story::no_scenario(), warnings);
  ASSERT_TRUE(loaded) << loaded.error();
  model::Atlas& atlas = *loaded;
  geo::VectorLayer data;
  data.name = "events";
  data.fields = {"start", "end"};
  for (size_t i = 0; i < rows.size(); ++i) {
    geo::Feature f;
    f.fid = static_cast<long long>(i);
    f.points.push_back({46.0 + 0.1 * static_cast<double>(i), 40.0});
    f.values = {rows[i].first, rows[i].second};
    data.extent.extend(f.points.back());
    data.features.push_back(std::move(f));
  }
  story::LayerSpec spec;
  spec.id = spec.title = "events";
  spec.time.start_field = "start";
  spec.time.end_field = "end";
  atlas.add_layer(spec, std::move(data), warnings);
  const model::AtlasLayer& l = atlas.layers().back();
  ASSERT_EQ(l.times.size(), rows.size());
  for (double day = *story::parse_iso_date("2023-09-15"); day < *story::parse_iso_date("2023-10-02"); day += 0.25) {
    std::set<size_t> brute, indexed;
    for (size_t i = 0; i < l.data->features.size(); ++i)
      if (model::live(l, i, day)) brute.insert(i);
    model::for_each_live(l, day, [&](size_t i) { EXPECT_TRUE(indexed.insert(i).second) << "visited twice: " << i; });
    EXPECT_EQ(indexed, brute) << story::format_date(day);
    EXPECT_EQ(model::any_live(l, day), !brute.empty());
  }
}

}  // namespace

TEST(Atlas, TheStartOrderFindsExactlyTheFeaturesLiveOnADate) {
  // Instants of a day, a week-long interval, an open end and an unreadable date, in no order; then with an open
  // start too, which makes every scan begin at the first feature.
  std::vector<std::pair<std::string, std::string>> rows = {{"2023-09-25", "2023-09-26"}, {"2023-09-19", "2023-09-26"},
                                                           {"2023-09-22", "2023-09-23"}, {"soon", "2023-09-30"},
                                                           {"2023-09-19", "2023-09-20"}};
  expect_start_order_matches(rows);
  rows.push_back({"2023-09-20", ""});
  expect_start_order_matches(rows);
  rows.push_back({"", "2023-09-21"});
  expect_start_order_matches(rows);
}
