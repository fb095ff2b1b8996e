// Rules of truth checked on the bundled story's files: no path outside the project, quotes verbatim in the source.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> out;
  for (const fs::path& dir : {fs::path(GEODATA_DIR) / "karabakh-2023", fs::path(TEST_DATA_DIR) / "../scenarios"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) out.push_back(e.path());
  return out;
}

}  // namespace

TEST(Truth, NoStoryFileNamesAPathOutsideTheProject) {
  // Absolute paths, home folders and the authors' working notes (shared/...) mean nothing to a reader.
  const std::regex outside(R"((^|[\s"'(])(/(home|work|tmp|root|usr|mnt|opt)/|~/|shared/facts))");
  size_t files = 0;
  for (const fs::path& p : scenario_files()) {
    ++files;
    std::istringstream lines(slurp(p));
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n)
      EXPECT_FALSE(std::regex_search(line, outside)) << p.filename() << ":" << n << ": " << line.substr(0, 160);
  }
  EXPECT_GE(files, 8u);
}

TEST(Truth, EveryLayerSourceResolvesInsideTheProject) {
  const std::string root = fs::weakly_canonical(fs::path(GEODATA_DIR).parent_path()).string() + "/";
  for (const fs::path& p : scenario_files()) {
    if (p.filename() != "scenario.json") continue;
    auto j = nlohmann::json::parse(slurp(p));
    for (const auto& layer : j["layers"]) {
      const std::string resolved = fs::weakly_canonical(p.parent_path() / layer["source"].get<std::string>()).string();
      EXPECT_EQ(resolved.rfind(root, 0), 0u) << p << ": " << layer["source"] << " resolves to " << resolved;
    }
  }
}

TEST(Truth, EveryQuoteIsVerbatimInTheArticleWithCutsMarked) {
  const std::string article = slurp(fs::path(GEODATA_DIR) / "karabakh-2023/article-excerpts.md");
  ASSERT_FALSE(article.empty());
  auto places = nlohmann::json::parse(slurp(fs::path(GEODATA_DIR) / "karabakh-2023/places.geojson"));
  const std::string cut = "[…]";
  for (const auto& f : places["features"]) {
    const auto& p = f["properties"];
    const std::string quote = p.value("article_it", "");
    ASSERT_FALSE(quote.empty()) << p["id"];
    EXPECT_FALSE(p.value("quote_by", "").empty()) << p["id"] << ": every quote names its speaker and agency";
    EXPECT_EQ(quote.find("[...]"), std::string::npos) << p["id"] << ": cuts are marked with […]";
    // Each piece between cuts appears word for word; a quote that does not end a sentence must end with a cut.
    size_t at = 0;
    while (at < quote.size()) {
      size_t next = quote.find(cut, at);
      std::string piece = quote.substr(at, next == std::string::npos ? std::string::npos : next - at);
      while (!piece.empty() && piece.back() == ' ') piece.pop_back();
      if (!piece.empty()) {
        EXPECT_NE(article.find(piece), std::string::npos) << p["id"] << ": not verbatim: " << piece;
      }
      if (next == std::string::npos) break;
      at = next + cut.size();
    }
    const char last = quote.back();
    const bool ends_with_cut =
        quote.size() >= cut.size() && quote.compare(quote.size() - cut.size(), cut.size(), cut) == 0;
    const bool ends_sentence = last == '.' || ends_with_cut;
    const bool ends_in_quote = article.find(quote + "»") != std::string::npos;
    EXPECT_TRUE(ends_sentence || ends_in_quote) << p["id"] << ": cut mid-sentence without […]";
  }
}

TEST(Truth, EveryFeatureFigureAndEventCitesAShippedSource) {
  const fs::path dir = fs::path(GEODATA_DIR) / "karabakh-2023";
  auto sources = nlohmann::json::parse(slurp(dir / "sources.json"));
  std::set<std::string> ids;
  for (const auto& s : sources["sources"]) {
    ids.insert(s["id"].get<std::string>());
    EXPECT_EQ(s["url"].get<std::string>().rfind("https://", 0), 0u) << s["id"];
  }
  size_t cited = 0;
  auto check = [&](const std::string& where, const std::vector<std::string>& list) {
    EXPECT_FALSE(list.empty()) << where << " cites no source";
    for (const std::string& id : list) {
      EXPECT_TRUE(ids.count(id)) << where << ": unknown source " << id;
      ++cited;
    }
  };
  auto scenario = nlohmann::json::parse(slurp(dir / "scenario.json"));
  for (const auto& e : scenario["events"]) check("event " + e["title"].get<std::string>(), e["sources"]);
  for (const auto& l : scenario["layers"])
    for (const auto& series : l.value("series", nlohmann::json::array()))
      for (const auto& smp : series.value("samples", nlohmann::json::array()))
        check("figure of " + smp["date"].get<std::string>(), smp["sources"]);
  for (const char* file : {"deployment.geojson", "displacement.geojson", "nagorno-karabakh.geojson", "places.geojson",
                           "towns-major.geojson", "towns-minor.geojson"}) {
    const auto collection = nlohmann::json::parse(slurp(dir / file));  // kept: the loop must not outlive it
    for (const auto& f : collection["features"]) {
      std::vector<std::string> list;
      std::stringstream text(f["properties"].value("source_ids", ""));
      for (std::string id; std::getline(text, id, ';');) list.push_back(id);
      check(std::string(file) + " " + f["properties"].value("id", f["properties"].value("name", "?")), list);
    }
  }
  EXPECT_GT(cited, 100u);
}
