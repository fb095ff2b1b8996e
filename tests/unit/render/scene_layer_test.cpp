#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "render/map_scene.h"

using namespace chronoatlas;

TEST(SceneLayer, MalformedDateSkipsTheFeatureAndNamesIt) {
  auto scenario = story::load_scenario(std::string(TEST_DATA_DIR) + "/../scenarios/time-boundaries");
  ASSERT_TRUE(scenario) << scenario.error();
  std::vector<std::string> warnings;
  auto scene = render::MapScene::load(*scenario, warnings);  // CPU only: no GL context here
  ASSERT_TRUE(scene) << scene.error();
  const auto& layer = *(*scene)->layers()[0];
  EXPECT_EQ(layer.data.features.size(), 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("feature 2"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("2020-02-30"), std::string::npos) << warnings[0];
  ASSERT_EQ(layer.times.size(), 2u);
  EXPECT_EQ(story::format_date(layer.times[0].start), "2020-01-10");
  EXPECT_EQ(story::format_date(layer.times[0].end), "2020-01-20");
  EXPECT_FALSE(std::isfinite(layer.times[1].end));  // open end
}

TEST(SceneLayer, DetailLevelsSimplifyButKeepEveryCountry) {
  auto scenario = story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023");
  ASSERT_TRUE(scenario);
  std::vector<std::string> warnings;
  auto scene = render::MapScene::load(*scenario, warnings);
  ASSERT_TRUE(scene);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  const auto& countries = (*scene)->layers()[0]->geometry;
  ASSERT_GE(countries.levels.size(), 3u);
  for (size_t i = 1; i < countries.levels.size(); ++i)
    EXPECT_LT(countries.levels[i].line_points.size(), countries.levels[i - 1].line_points.size());
  // Even the coarsest level still draws Armenia and Azerbaijan.
  std::set<uint32_t> features(countries.levels.back().fill_feature.begin(), countries.levels.back().fill_feature.end());
  const auto& data = (*scene)->layers()[0]->data;
  for (const char* name : {"Armenia", "Azerbaijan"}) {
    bool found = false;
    for (uint32_t f : features) found |= data.value(data.features[f], "name") == name;
    EXPECT_TRUE(found) << name;
  }
}
