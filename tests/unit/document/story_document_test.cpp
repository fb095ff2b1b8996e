// A story made from nothing through the document's commands, undone, redone, saved and opened again.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/files.h"
#include "document/commands.h"
#include "document/source_uses.h"
#include "document/story_document.h"
#include "model/layer_times.h"
#include "story/layer_style_json.h"
#include "story/scenario_json.h"
#include "story_steps.h"
#include "temp_dir.h"

using namespace chronoatlas;

namespace {

std::unique_ptr<document::StoryDocument> empty_story() {
  std::vector<std::string> warnings;
  return std::move(*document::StoryDocument::open(story::no_scenario(), warnings));
}

void add_file(document::StoryDocument& doc, const std::string& name) {
  std::vector<std::string> warnings;
  const Status done = document::add_file(doc, std::string(TEST_DATA_DIR) + "/" + name, warnings);
  ASSERT_TRUE(done) << done.error();
}

// Everything a reader of the story sees, as text: title, time, view, events, quotes, sources, and each layer's
// settings and features (coordinates to the last bit). Paths are left out: a saved story reads its files from its own folder.
std::string contents(const document::StoryDocument& doc) {
  const story::Scenario& s = doc.scenario();
  nlohmann::json j = story::scenario_json(s, std::vector<std::string>(s.layers.size(), ""));
  j.erase("layers");
  j["layers"] = nlohmann::json::array();
  for (const model::AtlasLayer& l : doc.atlas().layers()) {
    story::Scenario one;
    one.layers = {l.spec};
    nlohmann::json spec = story::scenario_json(one, {""})["layers"][0];
    spec.erase("source"), spec.erase("source_layer");
    std::ostringstream features;
    features.precision(17);
    for (const geo::Feature& f : l.data->features) {
      for (const Polygon& p : f.polygons)
        for (const Ring& r : p)
          for (LonLat q : r) features << q.lon << ',' << q.lat << ' ';
      for (const LineString& line : f.lines)
        for (LonLat q : line) features << q.lon << ',' << q.lat << ' ';
      for (LonLat q : f.points) features << q.lon << ',' << q.lat << ' ';
      for (const std::string& v : f.values) features << '[' << v << ']';
      features << '\n';
    }
    j["layers"].push_back({{"spec", spec}, {"fields", l.data->fields}, {"features", features.str()}});
  }
  j["sources"] = story::sources_json(s.sources);
  return j.dump(1);
}

}  // namespace

TEST(StoryDocument, IsMadeFromNothingThroughCommandsAndSavedAsAFolderThatOpensTheSame) {
  auto doc = empty_story();
  run(*doc, document::set_title("Caucasus test story"));
  run(*doc, document::set_time_range(*story::parse_iso_date("2023-02-01"), *story::parse_iso_date("2023-03-01"),
                                     *story::parse_iso_date("2023-02-06")));
  add_file(*doc, "caucasus.geojson");
  add_file(*doc, "caucasus.gpkg");
  ASSERT_EQ(doc->atlas().layers().size(), 2u);
  run(*doc, document::add_marker({{44.5152, 40.1872}, "Yerevan", "test fixture"}));
  run(*doc, document::add_marker({{44.7833, 41.7167}, "Tbilisi", "test fixture"}));
  ASSERT_EQ(doc->atlas().layers().size(), 3u);
  EXPECT_EQ(doc->atlas().layers()[2].spec.id, document::kMarkerLayerId);
  EXPECT_EQ(doc->atlas().layers()[2].data->features.size(), 2u);
  run(*doc, document::add_event(sourced_event("2023-02-06T04:17", "First shock", {37.0, 37.2})));
  fill_and_label(*doc, 0, "#336699cc");
  const uint64_t gpkg_id = doc->atlas().layers()[1].id;
  run(*doc, document::remove_layer(1));
  ASSERT_EQ(doc->atlas().layers().size(), 2u);

  EXPECT_EQ(doc->undo_name(), "Undo Remove caucasus.gpkg");
  doc->undo();
  ASSERT_EQ(doc->atlas().layers().size(), 3u);
  EXPECT_EQ(doc->atlas().layers()[1].id, gpkg_id);  // the same layer back, in its place
  std::vector<std::string> warnings;
  ASSERT_TRUE(doc->redo(warnings));
  ASSERT_EQ(doc->atlas().layers().size(), 2u);
  EXPECT_EQ(doc->atlas().layers()[1].spec.id, document::kMarkerLayerId);
  EXPECT_FALSE(doc->can_redo());
  EXPECT_TRUE(doc->modified());

  TempDir tmp;
  const std::string dir = tmp.path() + "/earthquake-story";
  ASSERT_TRUE(doc->save(dir));
  EXPECT_FALSE(doc->modified());
  EXPECT_EQ(doc->scenario().dir, dir);
  auto manifest = nlohmann::json::parse(*read_text_file(dir + "/scenario.json"));
  for (const auto& layer : manifest["layers"]) {
    const std::string source = layer["source"];
    EXPECT_NE(source[0], '/') << source;  // no path outside the folder
    EXPECT_EQ(source.find(".."), std::string::npos) << source;
    EXPECT_TRUE(std::filesystem::exists(dir + "/" + source)) << source;
  }

  auto scenario = story::load_scenario(dir);
  ASSERT_TRUE(scenario) << scenario.error();
  auto opened = document::StoryDocument::open(*scenario, warnings);
  ASSERT_TRUE(opened) << opened.error();
  EXPECT_EQ(contents(**opened), contents(*doc));
  EXPECT_EQ((*opened)->scenario().events.size(), 1u);
  EXPECT_EQ(story::format_date_time((*opened)->scenario().events[0].at), "2023-02-06 04:17");
}

TEST(StoryDocument, UndoTakesBackEachCommandInTurnAndADragIsOneStep) {
  auto doc = empty_story();
  add_file(*doc, "caucasus.geojson");
  const std::string before = contents(*doc);
  story::LayerStyle style = doc->atlas().layers()[0].spec.style;
  for (float opacity : {0.9f, 0.8f, 0.7f}) {  // a slider dragged over three frames
    style.opacity = opacity;
    run(*doc, document::set_style(0, style));
  }
  run(*doc, document::add_marker({{44.5, 40.2}, "Yerevan", "test fixture"}));
  doc->undo();  // the marker
  EXPECT_FLOAT_EQ(doc->atlas().layers()[0].spec.style.opacity, 0.7f);
  doc->undo();  // the whole drag
  EXPECT_EQ(contents(*doc), before);
  doc->undo();  // the file
  EXPECT_TRUE(doc->atlas().layers().empty());
  EXPECT_FALSE(doc->can_undo());
  std::vector<std::string> warnings;
  while (doc->can_redo()) ASSERT_TRUE(doc->redo(warnings));
  EXPECT_EQ(doc->atlas().layers().size(), 2u);
  EXPECT_FLOAT_EQ(doc->atlas().layers()[0].spec.style.opacity, 0.7f);
}

TEST(StoryDocument, RefusesWhatWouldBreakTheRulesOfTruthAndChangesNothing) {
  auto doc = empty_story();
  std::vector<std::string> warnings;
  const uint64_t revision = doc->revision();
  auto unsourced = doc->execute(document::add_marker({{44.5, 40.2}, "Yerevan", ""}), warnings);
  ASSERT_FALSE(unsourced);
  EXPECT_NE(unsourced.error().find("source"), std::string::npos) << unsourced.error();
  story::Event event;
  event.title = "Unsourced";
  EXPECT_FALSE(doc->execute(document::add_event(event), warnings));
  EXPECT_FALSE(doc->execute(document::add_marker({{200, 40}, "Nowhere", "x"}), warnings));
  EXPECT_FALSE(doc->execute(document::remove_layer(3), warnings));
  EXPECT_EQ(doc->revision(), revision);
  EXPECT_FALSE(doc->can_undo());
}

TEST(StoryDocument, SavingRefusesAFolderOfOtherFilesAndLeavesNothingHalfWritten) {
  auto doc = empty_story();
  add_file(*doc, "caucasus.geojson");
  TempDir tmp;
  const std::string busy = tmp.path() + "/photos";
  std::filesystem::create_directory(busy);
  ASSERT_TRUE(write_text_file(busy + "/holiday.jpg", "not a story"));
  auto refused = doc->save(busy);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("no scenario.json"), std::string::npos) << refused.error();
  EXPECT_FALSE(doc->save(tmp.path() + "/no/such/parent"));
  // Saved twice to the same folder: replaced whole, with nothing left beside it.
  const std::string dir = tmp.path() + "/story";
  ASSERT_TRUE(doc->save(dir));
  ASSERT_TRUE(doc->save(dir));
  size_t entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path())) entries += e.path().filename() != "photos";
  EXPECT_EQ(entries, 1u);
}

// Each kind of story-wide command, applied, undone (the story as before, to the last bit) and redone.
TEST(StoryDocument, EachStoryCommandKindRoundTripsThroughUndoAndRedo) {
  auto doc = empty_story();
  add_file(*doc, "caucasus.geojson");
  story::Event event;
  event.at = story::days_from_civil(2023, 2, 6);
  event.title = "Earthquake";
  event.source = "AFAD";
  BoundsLonLat view{36, 36, 38.5, 37.5};
  std::vector<std::unique_ptr<document::Command>> commands;
  commands.push_back(document::set_title("Earthquakes"));
  commands.push_back(document::set_time_range(story::days_from_civil(2023, 2, 1), story::days_from_civil(2023, 3, 1),
                                              story::days_from_civil(2023, 2, 6)));
  commands.push_back(document::set_time_zone("UTC+3"));
  commands.push_back(document::set_default_view(view));
  commands.push_back(document::add_marker({{37.3825, 37.0594}, "Gaziantep", "GeoNames"}));
  commands.push_back(document::add_marker({{37.16, 36.20}, "حلب", "AFAD"}));  // the second joins the first's layer
  commands.push_back(document::add_area({{{36.5, 37.5}, {37.5, 37.6}, {37.2, 36.9}}, "Worst hit", "AFAD"}));
  commands.push_back(document::add_route({{{37.38, 37.06}, {37.16, 36.20}}, "Aid convoy", "UN OCHA"}));
  commands.push_back(document::move_marker(1, 0, {37.4, 37.1}));  // layers: the file, markers, areas, routes
  commands.push_back(document::remove_drawn(1, 1));
  commands.push_back(document::remove_drawn(2, 0));
  commands.push_back(document::add_event(event));
  story::Quote quote;
  quote.text = "We are searching the rubble";
  quote.speaker = "Yunus Sezer";
  quote.via = "Reuters";
  quote.source = "reuters.com, 7 Feb 2023";
  quote.at = event.at;
  commands.push_back(document::add_quote(quote));
  commands.push_back(document::remove_quote(0));
  commands.push_back(document::add_quote(quote));
  commands.push_back(document::remove_event(0));
  story::Source afad;
  afad.publisher = "AFAD";
  afad.url = "https://www.afad.gov.tr";
  commands.push_back(document::add_source(afad));
  story::LayerStyle style = doc->atlas().layers()[0].spec.style;
  style.opacity = 0.5f;
  commands.push_back(document::set_style(0, style));
  commands.push_back(document::move_layer(0, 1));
  commands.push_back(document::remove_layer(3));
  commands.push_back(document::fit_view_to_layers());
  std::vector<std::string> warnings;
  for (auto& command : commands) {
    const std::string name = command->name(), before = contents(*doc);
    ASSERT_TRUE(doc->execute(std::move(command), warnings)) << name;
    const std::string after = contents(*doc);
    EXPECT_NE(after, before) << name << " changed nothing";
    doc->undo();
    EXPECT_TRUE(contents(*doc) == before) << name << " is not taken back whole";
    ASSERT_TRUE(doc->redo(warnings)) << name;
    EXPECT_TRUE(contents(*doc) == after) << name << " is not made again the same";
  }
  EXPECT_FALSE(doc->execute(document::set_default_view({10, 0, 5, 1}), warnings)) << "west of its east";
  EXPECT_FALSE(doc->execute(document::add_area({{{36.5, 37.5}, {37.5, 37.6}}, "Two corners", "x"}), warnings));
  EXPECT_FALSE(doc->execute(document::add_route({{{37.38, 37.06}}, "One point", "x"}), warnings));
  EXPECT_FALSE(doc->execute(document::add_route({{{37.38, 37.06}, {37.1, 36.2}}, "Unsourced", ""}), warnings));
  // The layers now: markers, the file, areas (routes removed).
  EXPECT_FALSE(doc->execute(document::move_marker(1, 0, {44, 40}), warnings)) << "a file's feature is not the story's";
  EXPECT_FALSE(doc->execute(document::remove_drawn(1, 0), warnings));
  EXPECT_FALSE(doc->execute(document::move_marker(2, 0, {44, 40}), warnings)) << "no area left there";
  quote.via = "";
  EXPECT_FALSE(doc->execute(document::add_quote(quote), warnings)) << "a quote without the outlet that carried it";
}

TEST(StoryDocument, DrawnAreasAndRoutesAreSavedAsTheStorysOwnLayersAndOpenTheSame) {
  auto doc = empty_story();
  run(*doc, document::add_area({{{36.5, 37.5}, {37.5, 37.6}, {37.2, 36.9}}, "Worst hit", "AFAD"}));
  run(*doc, document::add_route({{{37.38, 37.06}, {37.0, 36.6}, {37.16, 36.20}}, "Aid convoy", "UN OCHA"}));
  TempDir tmp;
  ASSERT_TRUE(doc->save(tmp.path() + "/drawn"));
  EXPECT_TRUE(std::filesystem::exists(tmp.path() + "/drawn/layers/areas.geojson"));
  EXPECT_TRUE(std::filesystem::exists(tmp.path() + "/drawn/layers/routes.geojson"));
  auto scenario = story::load_scenario(tmp.path() + "/drawn");
  ASSERT_TRUE(scenario) << scenario.error();
  std::vector<std::string> warnings;
  auto opened = document::StoryDocument::open(*scenario, warnings);
  ASSERT_TRUE(opened) << opened.error();
  EXPECT_TRUE(contents(**opened) == contents(*doc));
  const auto& area = *(*opened)->atlas().layers()[0].data;
  ASSERT_EQ(area.features.size(), 1u);
  ASSERT_EQ(area.features[0].polygons.size(), 1u);
  EXPECT_EQ(area.features[0].polygons[0][0].size(), 4u) << "three corners, the ring closed";
  // Saved again from where it opened, it is still the story's own: written from memory, not copied.
  ASSERT_TRUE((*opened)->save(tmp.path() + "/drawn"));
  EXPECT_FALSE(std::filesystem::exists(tmp.path() + "/drawn/data"));
}

TEST(StoryDocument, AStoryOfPlacesAloneIsSavedWithoutATimeRangeAndOpensUndated) {
  auto doc = empty_story();
  run(*doc, document::set_title("Places"));
  run(*doc, document::add_marker({{37.3825, 37.0594}, "Gaziantep", "GeoNames"}));
  TempDir tmp;
  ASSERT_TRUE(doc->save(tmp.path() + "/places"));
  auto text = read_text_file(tmp.path() + "/places/scenario.json");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->find("1970"), std::string::npos) << "no invented date: " << *text;
  auto scenario = story::load_scenario(tmp.path() + "/places");
  ASSERT_TRUE(scenario) << scenario.error();
  EXPECT_FALSE(scenario->dated);
  std::vector<std::string> warnings;
  EXPECT_FALSE(doc->execute(document::set_time_zone("UTC+3"), warnings)) << "a time zone for no dates would be lost";
  // Given dates, it is dated from then on, and saved with them.
  run(*doc, document::set_time_range(story::days_from_civil(2023, 2, 6), story::days_from_civil(2023, 2, 20),
                                     story::days_from_civil(2023, 2, 6)));
  ASSERT_TRUE(doc->save(tmp.path() + "/places"));
  auto dated = story::load_scenario(tmp.path() + "/places");
  ASSERT_TRUE(dated) << dated.error();
  EXPECT_TRUE(dated->dated);
  EXPECT_EQ(story::format_date(dated->start), "2023-02-06");
}

TEST(StorySources, AreAddedByAddressAndCountedByWhatCitesThem) {
  auto doc = empty_story();
  story::Source afad;
  afad.publisher = "AFAD";
  afad.url = "https://www.afad.gov.tr/kahramanmaras-depremleri";
  run(*doc, document::add_source(afad));
  ASSERT_EQ(doc->scenario().sources.count("afad-gov-tr-kahramanmaras-depremleri"), 1u);
  run(*doc, document::add_source(afad));  // the same address again: a second entry, its id made unique
  EXPECT_EQ(doc->scenario().sources.count("afad-gov-tr-kahramanmaras-depremleri-2"), 1u);
  story::Source report = afad;
  report.url = "documents/report.pdf";  // shipped in the story folder
  run(*doc, document::add_source(report));
  std::vector<std::string> warnings;
  for (const char* outside : {"/home/someone/report.pdf", "../report.pdf"}) {
    report.url = outside;
    EXPECT_FALSE(doc->execute(document::add_source(report), warnings)) << outside << ": outside the story folder";
  }
  story::Source nameless;
  nameless.url = "https://example.org";
  EXPECT_FALSE(doc->execute(document::add_source(nameless), warnings));

  story::Quote q;
  q.text = "We are searching the rubble";
  q.speaker = "Yunus Sezer";
  q.via = "AFAD";
  q.source = "AFAD press conference";
  q.source_ids = {"afad-gov-tr-kahramanmaras-depremleri"};
  run(*doc, document::add_quote(q));
  run(*doc, document::add_marker({{37.38, 37.06}, "Gaziantep", "AFAD press conference"}));
  const auto uses = document::source_uses(doc->atlas());
  ASSERT_EQ(uses.size(), 3u);
  EXPECT_EQ(uses[0].source.id, "afad-gov-tr-kahramanmaras-depremleri");
  EXPECT_EQ(uses[0].quotes, 1u);
  EXPECT_EQ(uses[1].total(), 0u) << "not cited: the panel flags it";
  const auto words = document::cited_in_words(doc->atlas());
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0], (std::pair<std::string, size_t>{"AFAD press conference", 2}));
  doc->undo(), doc->undo(), doc->undo();
  EXPECT_EQ(doc->scenario().sources.count("documents-report-pdf"), 0u) << "undone";
}

TEST(StorySources, OfTheBundledStoryAreEachCitedBySomething) {
  std::vector<std::string> warnings;
  auto doc = document::StoryDocument::open(*story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023"), warnings);
  ASSERT_TRUE(doc) << doc.error();
  std::string uncited;
  for (const auto& u : document::source_uses((*doc)->atlas()))
    if (u.total() == 0) uncited += " " + u.source.id;
  EXPECT_EQ(uncited, "") << "sources.json lists sources nothing cites";
}

TEST(StoryDocument, ASaveKilledAtAnyMomentLeavesAWholeStoryInTheFolder) {
  TempDir tmp;
  const std::string dir = tmp.path() + "/story";
  auto old_story = empty_story();
  run(*old_story, document::set_title("Old"));
  run(*old_story, document::add_marker({{37.38, 37.06}, "Gaziantep", "GeoNames"}));
  ASSERT_TRUE(old_story->save(dir));
  // The new story ships a large document, which every save copies: long enough a save to be killed in the middle.
  const std::string source = tmp.path() + "/source";
  std::filesystem::create_directories(source);
  ASSERT_TRUE(write_text_file(source + "/scenario.json",
                              R"({"title": "New", "view": {"bbox": [36, 36, 38, 38]}, "layers": []})"));
  const size_t big = size_t{48} << 20;
  ASSERT_TRUE(write_text_file(source + "/footage.bin", std::string(big, 'x')));
  std::vector<std::string> warnings;
  auto new_story = document::StoryDocument::open(*story::load_scenario(source), warnings);
  ASSERT_TRUE(new_story) << new_story.error();
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE((*new_story)->save(tmp.path() + "/timing"));
  const double save_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  // Killed at moments spread over a whole save, and once not at all: the folder always opens, as one story or the
  // other, never a mixture or nothing.
  int old_seen = 0, new_seen = 0;
  for (int k = 0; k <= 10; ++k) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) _exit((*new_story)->save(dir) ? 0 : 1);
    if (k < 10) {
      std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(save_ms * 1000 * k / 10)));
      kill(child, SIGKILL);
    }
    int status = 0;
    waitpid(child, &status, 0);
    auto opened = story::load_scenario(dir);
    ASSERT_TRUE(opened) << "after a kill at " << k << "/10 of a save: " << opened.error();
    if (opened->title == "Old") {
      ++old_seen;
    } else {
      ASSERT_EQ(opened->title, "New");
      ++new_seen;
      EXPECT_EQ(std::filesystem::file_size(dir + "/footage.bin"), big) << "the new story, but its document cut short";
    }
  }
  EXPECT_GE(new_seen, 1) << "the save that was not killed";
  EXPECT_GE(old_seen + new_seen, 11);
}

TEST(StoryDocument, DrawnItemsWithDatesAreOnTheMapFromTheirFirstDayToTheirLast) {
  auto doc = empty_story();
  run(*doc, document::add_marker({{37.38, 37.06}, "Tent camp", "AFAD", {"2023-02-08", "2023-03-01"}}));
  run(*doc, document::add_marker({{37.16, 36.20}, "Aleppo", "GeoNames"}));  // undated: every day
  const model::AtlasLayer& markers = doc->atlas().layers()[0];
  auto live = [&](size_t feature, int y, int m, int d) {
    return model::live(markers, feature, story::end_of_day(story::days_from_civil(y, m, d)));
  };
  EXPECT_FALSE(live(0, 2023, 2, 7));
  EXPECT_TRUE(live(0, 2023, 2, 8));
  EXPECT_TRUE(live(0, 2023, 2, 28));
  EXPECT_FALSE(live(0, 2023, 3, 1)) << "gone from its until day";
  EXPECT_TRUE(live(1, 2000, 1, 1));
  EXPECT_TRUE(doc->atlas().timed()) << "the map now differs by date";
  std::vector<std::string> warnings;
  for (document::Shown bad : {document::Shown{"2023-02", ""}, document::Shown{"2023-03-01", "2023-02-08"},
                              document::Shown{"", "2023-02-08T10:00"}})
    EXPECT_FALSE(doc->execute(document::add_marker({{37.0, 37.0}, "X", "Y", bad}), warnings)) << bad.from << bad.until;
}
