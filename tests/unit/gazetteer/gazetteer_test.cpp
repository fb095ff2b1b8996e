#include "gazetteer/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/files.h"
#include "gazetteer/gazetteer_format.h"
#include "gazetteer/gazetteer_pack.h"
#include "required_tool.h"
#include "temp_dir.h"

using namespace chronoatlas;
using gazetteer::Gazetteer;

namespace {

// Built with AddressSanitizer (GCC says so one way, clang another).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// The gazetteer the build packed from the npm data packages: the one the app searches.
const Gazetteer* world() {
  static const std::unique_ptr<Gazetteer> g = [] {
    auto opened = Gazetteer::open(GAZETTEER_FILE);
    return opened ? std::move(*opened) : nullptr;
  }();
  return g.get();
}

#define REQUIRE_WORLD() REQUIRE_TOOL(world() != nullptr, "the packed gazetteer " GAZETTEER_FILE)

gazetteer::Place top(const Gazetteer& g, const std::string& name, const std::string& hint = "") {
  auto hits = g.lookup(name, {hint, 5});
  EXPECT_FALSE(hits.empty()) << name;
  return hits.empty() ? gazetteer::Place{} : g.place(hits.front().place);
}

std::string fixture(const std::string& name) { return std::string(TEST_DATA_DIR) + "/gazetteer/" + name; }

}  // namespace

TEST(Gazetteer, FindsMoscowByItsNamesInOtherLanguagesAndScriptsAsOnePlace) {
  REQUIRE_WORLD();
  const Gazetteer& g = *world();
  const auto moscow = top(g, "Moscow");
  EXPECT_EQ(moscow.country, "RU");
  EXPECT_GT(moscow.population, 10'000'000u);
  EXPECT_NEAR(moscow.point.lat, 55.75, 0.05);
  for (const char* name : {"Mosca", "Москва", "Moscou", "moskau", "موسكو"}) {
    const auto p = top(g, name);
    EXPECT_EQ(p.source, moscow.source) << name << " is " << Gazetteer::describe(p);
  }
}

TEST(Gazetteer, FindsTownsByTheirOtherNames) {
  REQUIRE_WORLD();
  const Gazetteer& g = *world();
  const auto lachin = top(g, "Berdzor");
  EXPECT_EQ(lachin.name, "Laçın");
  EXPECT_EQ(lachin.country, "AZ");
  EXPECT_EQ(top(g, "Бердзор").source, lachin.source);
  EXPECT_EQ(top(g, "حلب").name, "Aleppo");
  EXPECT_EQ(top(g, "Gaziantep").country, "TR");
  EXPECT_EQ(top(g, "Antep", "TR").name, "Gaziantep");
}

TEST(Gazetteer, TellsTheTownNearestAPointForTheCountryAViewIsIn) {
  REQUIRE_WORLD();
  const Gazetteer& g = *world();
  const auto lachin = g.nearest_town({46.551, 39.599});
  ASSERT_TRUE(lachin);
  EXPECT_EQ(g.place(*lachin).name, "Laçın");
  const auto idaho = g.nearest_town({-117.0, 46.73});
  ASSERT_TRUE(idaho);
  EXPECT_EQ(Gazetteer::describe(g.place(*idaho)), "Moscow — Idaho, United States");
  // Across the antimeridian: Fiji's Levuka side, not a town at 179 W mistaken for far away.
  const auto fiji = g.nearest_town({179.99, -16.5});
  ASSERT_TRUE(fiji);
  EXPECT_EQ(g.place(*fiji).country, "FJ");
}

TEST(Gazetteer, RanksByPopulationAndThenWithinTheHintedCountry) {
  REQUIRE_WORLD();
  const Gazetteer& g = *world();
  const auto hits = g.lookup("Moscow", {"", 10});
  ASSERT_GE(hits.size(), 3u);
  EXPECT_EQ(g.place(hits[0].place).country, "RU");
  EXPECT_EQ(Gazetteer::describe(g.place(hits[0].place)), "Moscow — Moscow, Russia");
  // With a hint (the story's other places are in the US), the largest US Moscow leads: Idaho's, not Tennessee's.
  const auto us = g.lookup("Moscow", {"US", 10});
  ASSERT_FALSE(us.empty());
  EXPECT_EQ(Gazetteer::describe(g.place(us[0].place)), "Moscow — Idaho, United States");
  std::vector<uint32_t> populations;
  for (const auto& h : us)
    if (g.place(h.place).country == "US") populations.push_back(g.place(h.place).population);
  EXPECT_GE(populations.size(), 3u);
  EXPECT_TRUE(std::is_sorted(populations.rbegin(), populations.rend()));
}

TEST(Gazetteer, NamesCountriesInEveryLanguageAndTheRegionsNoGazetteerHas) {
  REQUIRE_WORLD();
  const Gazetteer& g = *world();
  for (const char* name : {"Armenia", "Հայաստան", "Arménie", "Армения", "Azerbaigian", "Kirghizistan"}) {
    const auto p = top(g, name);
    EXPECT_EQ(p.kind, gazetteer::PlaceKind::Country) << name << " is " << Gazetteer::describe(p);
  }
  EXPECT_EQ(top(g, "Kirghizistan").country, "KG");
  EXPECT_EQ(top(g, "Georgia").country, "GE");  // the country before the US state and the towns
  for (const char* name : {"Nagorno-Karabakh", "Artsakh", "Qarabağ", "Լեռնային Ղարաբաղ"}) {
    const auto p = top(g, name);
    EXPECT_EQ(p.kind, gazetteer::PlaceKind::Region) << name;
    EXPECT_TRUE(p.approximate) << name << ": no agreed outline, so it is placed as approximate";
    EXPECT_NE(p.source.find("nagorno-karabakh.geojson"), std::string::npos) << p.source;
  }
  const auto corridor = g.search("Lachin corr");
  ASSERT_FALSE(corridor.empty());
  EXPECT_EQ(g.place(corridor.front().place).name, "Lachin corridor");
}

TEST(Gazetteer, AnswersAThreeLetterPrefixInAnyScriptWithinTenMilliseconds) {
  REQUIRE_WORLD();
  const Gazetteer& g = *world();
  double worst_ms = 0;
  for (const char* prefix : {"mos", "san", "ber", "кар", "بغد", "東京", "Երև"}) {
    double best = 1e9;  // the best of three: the first run pages the file in
    for (int run = 0; run < 3; ++run) {
      const auto start = std::chrono::steady_clock::now();
      const auto hits = g.search(prefix);
      best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      EXPECT_FALSE(hits.empty()) << prefix;
    }
    worst_ms = std::max(worst_ms, best);
  }
  const double limit_ms = kAddressSanitizer ? 50 : 10;  // ASan checks every access
  EXPECT_LT(worst_ms, limit_ms);
  EXPECT_EQ(g.place(g.search("mos").front().place).name, "Moscow");
}

TEST(GazetteerPack, PacksTheDataPackagesFormatsAndSkipsDamagedLines) {
  TempDir dir;
  const std::string out = dir.path() + "/g.cagz";
  auto counts = gazetteer::pack_gazetteer({fixture("cities.txt"), fixture("admin1.geojson"), fixture("cldr"),
                                           std::string(GEODATA_DIR) + "/gazetteer-regions.json"},
                                          out);
  ASSERT_TRUE(counts) << counts.error();
  EXPECT_EQ(counts->skipped_lines, 2u);  // a line without columns, a latitude of 91.5
  auto g = Gazetteer::open(out);
  ASSERT_TRUE(g) << g.error();
  const auto idaho = (*g)->lookup("Moscow", {"US", 3});
  ASSERT_FALSE(idaho.empty());
  EXPECT_EQ(Gazetteer::describe((*g)->place(idaho.front().place)), "Moscow — Idaho, United States");
  const auto turkey = (*g)->lookup("Turchia");  // CLDR's Italian name
  ASSERT_FALSE(turkey.empty());
  EXPECT_EQ((*g)->place(turkey.front().place).kind, gazetteer::PlaceKind::Country);
  EXPECT_EQ((*g)->place(turkey.front().place).country, "TR");
  EXPECT_FALSE((*g)->lookup("Aleppo").empty());
  EXPECT_TRUE((*g)->lookup("Nowhere").empty());
}

TEST(GazetteerPack, RefusesInputsThatAreMissingOrNotTheirFormat) {
  TempDir dir;
  const std::string regions = std::string(GEODATA_DIR) + "/gazetteer-regions.json";
  auto no_cities = gazetteer::pack_gazetteer({dir.path() + "/none.txt", fixture("admin1.geojson"), fixture("cldr"), regions},
                                             dir.path() + "/g.cagz");
  ASSERT_FALSE(no_cities);
  EXPECT_NE(no_cities.error().find("none.txt"), std::string::npos) << no_cities.error();
  auto no_cldr = gazetteer::pack_gazetteer({fixture("cities.txt"), fixture("admin1.geojson"), dir.path(), regions},
                                           dir.path() + "/g.cagz");
  EXPECT_FALSE(no_cldr);
  ASSERT_TRUE(write_text_file(dir.path() + "/regions.json", R"({"regions": [{"names": ["X"], "lon": 1, "lat": 2}]})"));
  auto unsourced = gazetteer::pack_gazetteer({fixture("cities.txt"), fixture("admin1.geojson"), fixture("cldr"),
                                              dir.path() + "/regions.json"},
                                             dir.path() + "/g.cagz");
  ASSERT_FALSE(unsourced);
  EXPECT_NE(unsourced.error().find("source"), std::string::npos) << unsourced.error();
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/g.cagz"));
}

TEST(GazetteerFile, RefusesAFileCutShortOrPointingOutsideItself) {
  TempDir dir;
  const std::string good = dir.path() + "/g.cagz";
  ASSERT_TRUE(gazetteer::pack_gazetteer({fixture("cities.txt"), fixture("admin1.geojson"), fixture("cldr"),
                                         std::string(GEODATA_DIR) + "/gazetteer-regions.json"},
                                        good));
  auto bytes = read_text_file(good);
  ASSERT_TRUE(bytes);
  auto refused = [&](const std::string& name, const std::string& content) {
    const std::string path = dir.path() + "/" + name;
    EXPECT_TRUE(write_text_file(path, content));
    auto g = Gazetteer::open(path);
    EXPECT_FALSE(g) << name;
    return g ? std::string() : g.error();
  };
  EXPECT_NE(refused("cut.cagz", bytes->substr(0, bytes->size() - 7)).find("cut short"), std::string::npos);
  EXPECT_NE(refused("header.cagz", bytes->substr(0, 10)).find("too short"), std::string::npos);
  EXPECT_NE(refused("text.cagz", std::string(64, 'x')).find("no gazetteer header"), std::string::npos);
  // A place whose name points past the pool: refused when opened, so no search reads outside the mapping.
  std::string wild = *bytes;
  const uint32_t far = 0xFFFFFF00u;
  std::memcpy(wild.data() + sizeof(gazetteer::Header) + offsetof(gazetteer::PlaceRecord, name), &far, sizeof far);
  EXPECT_NE(refused("wild.cagz", wild).find("outside the file"), std::string::npos);
  std::string wild_key = *bytes;
  gazetteer::Header h;
  std::memcpy(&h, bytes->data(), sizeof h);
  const size_t keys = sizeof h + size_t{h.place_count} * sizeof(gazetteer::PlaceRecord);
  std::memcpy(wild_key.data() + keys + offsetof(gazetteer::KeyRecord, place), &far, sizeof far);
  EXPECT_NE(refused("wild-key.cagz", wild_key).find("outside the file"), std::string::npos);
  EXPECT_FALSE(Gazetteer::open(dir.path()));
  EXPECT_FALSE(Gazetteer::open(dir.path() + "/missing.cagz"));
}
