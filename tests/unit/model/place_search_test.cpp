#include <gtest/gtest.h>

#include "model/place_search.h"

using namespace chronoatlas;

namespace {

const model::Atlas& bundled_atlas() {
  static const model::Atlas atlas = [] {
    std::vector<std::string> warnings;
    return *model::Atlas::load(*story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023"), warnings);
  }();
  return atlas;
}

bool has(const std::vector<model::PlaceHit>& hits, const std::string& name) {
  for (const auto& h : hits)
    if (h.name == name) return true;
  return false;
}

}  // namespace

TEST(PlaceSearch, FindsPlacesByNameInAnyScriptIgnoringCase) {
  const auto& atlas = bundled_atlas();
  auto latin = model::find_places(atlas, "bishkek");
  ASSERT_FALSE(latin.empty());
  EXPECT_EQ(latin.front().name, "Bishkek");
  EXPECT_NEAR(latin.front().extent.west, 74.61, 0.05);
  EXPECT_NEAR(latin.front().extent.north, 42.87, 0.05);
  EXPECT_TRUE(has(model::find_places(atlas, "бишкек"), "Бишкек"));    // Russian, typed in small letters
  EXPECT_TRUE(has(model::find_places(atlas, "ՍՏԵՓԱՆԱԿԵՐՏ"), "Ստեփանակերտ"));  // Armenian, typed in capitals
  EXPECT_TRUE(has(model::find_places(atlas, "şuşa"), "Şuşa"));        // an admin-1 unit, Azerbaijani letters
  EXPECT_TRUE(has(model::find_places(atlas, "KAZAKH"), "Kazakhstan")); // a country
}

TEST(PlaceSearch, NamesThatStartWithTheQueryComeFirstAndHiddenLayersAreNotSearched) {
  model::Atlas atlas = bundled_atlas();
  auto hits = model::find_places(atlas, "ar");
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(model::fold_case(hits.front().name).rfind("ar", 0), 0u) << hits.front().name;
  EXPECT_TRUE(model::find_places(atlas, "").empty());
  EXPECT_TRUE(model::find_places(atlas, "no such place anywhere").empty());
  for (size_t i = 0; i < atlas.layers().size(); ++i) {
    story::LayerStyle hidden = atlas.layers()[i].spec.style;
    hidden.visible = false;
    atlas.set_style(i, hidden);
  }
  EXPECT_TRUE(model::find_places(atlas, "bishkek").empty());
}

TEST(PlaceSearch, FoldsCaseAcrossScripts) {
  EXPECT_EQ(model::fold_case("İSTANBUL Ğ Ə Ş"), "istanbul ğ ə ş");
  EXPECT_EQ(model::fold_case("МОСКВА"), "москва");
  EXPECT_EQ(model::fold_case("ԵՐԵՎԱՆ"), "երեվան");
  EXPECT_EQ(model::fold_case("ΑΘΗΝΑ"), "αθηνα");
}
