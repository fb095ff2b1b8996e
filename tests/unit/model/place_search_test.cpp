#include <gtest/gtest.h>

#include "model/name_folding.h"
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

TEST(PlaceSearch, FoldsWhatAWriterMayOrMayNotType) {
  // Arabic: vowel marks and tatweel dropped, alef's variants bare, Persian ye and kaf as the Arabic letters.
  EXPECT_EQ(model::fold_for_search("حَلَب"), model::fold_for_search("حلب"));
  EXPECT_EQ(model::fold_for_search("دمـــشق"), "دمشق");
  EXPECT_EQ(model::fold_for_search("أربيل"), model::fold_for_search("اربيل"));
  EXPECT_EQ(model::fold_for_search("إدلب"), "ادلب");
  EXPECT_EQ(model::fold_for_search("آمد"), "امد");
  EXPECT_EQ(model::fold_for_search("کرمانشاه"), model::fold_for_search("كرمانشاه"));
  EXPECT_EQ(model::fold_for_search("شیراز"), model::fold_for_search("شيراز"));
  // Hebrew: points and cantillation dropped, the maqaf kept.
  EXPECT_EQ(model::fold_for_search("יְרוּשָׁלַיִם"), "ירושלים");
  EXPECT_EQ(model::fold_for_search("תֵּל־אָבִיב"), "תל־אביב");
  // Full-width Latin and digits as ASCII, half-width katakana as full-width with voiced marks joined.
  EXPECT_EQ(model::fold_for_search("ＴＯＫＹＯ　２０２３"), "tokyo 2023");
  EXPECT_EQ(model::fold_for_search("ﾄｳｷｮｳ"), "トウキョウ");
  EXPECT_EQ(model::fold_for_search("ｶﾞｻﾞ"), "ガザ");
  EXPECT_EQ(model::fold_for_search("ﾊﾟﾘ ﾊﾞﾘ ﾊﾘ"), "パリ バリ ハリ");
  EXPECT_EQ(model::fold_for_search("ｳﾞｨ"), "ヴィ");
  EXPECT_EQ(model::fold_for_search("ﾞ"), "゛") << "a voiced mark with nothing before it stays a mark";
  // What has no folding comes back as it was, after case.
  EXPECT_EQ(model::fold_for_search("北京 Бишкек"), "北京 бишкек");
}

TEST(PlaceSearch, FindsNamesInTheirOwnScriptsAsAReaderTypesThem) {
  std::vector<std::string> warnings;
  model::Atlas atlas = *model::Atlas::load(story::no_scenario(), warnings);
  ASSERT_TRUE(atlas.add_file(std::string(TEST_DATA_DIR) + "/places-scripts.csv", warnings));
  EXPECT_TRUE(has(model::find_places(atlas, "حَلَب"), "حلب")) << "typed with its vowels";
  EXPECT_TRUE(has(model::find_places(atlas, "دمش"), "دمشق")) << "as the first letters are typed";
  EXPECT_TRUE(has(model::find_places(atlas, "تهران"), "تهران"));
  EXPECT_TRUE(has(model::find_places(atlas, "יְרוּשָׁלַיִם"), "ירושלים")) << "typed with niqqud";
  EXPECT_TRUE(has(model::find_places(atlas, "東京"), "東京都"));
  EXPECT_TRUE(has(model::find_places(atlas, "กรุงเทพ"), "กรุงเทพ"));
  EXPECT_TRUE(has(model::find_places(atlas, "ＡＬＥＰＰＯ"), "Aleppo")) << "typed in full-width letters";
  EXPECT_TRUE(model::find_places(atlas, "ح ل ب").empty()) << "spaced letters are another word";
}
