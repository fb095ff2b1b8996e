// The rules of a quote, kept by the story whoever types it: verbatim with cuts marked, speaker, agency, source; and the
// caption of its event's day carrying it.
#include <gtest/gtest.h>

#include "render/furniture_content.h"
#include "story/scenario.h"
#include "story/scenario_json.h"

using namespace chronoatlas;

namespace {

story::Quote ushakov() {
  story::Quote q;
  q.text = "naturalmente discuteranno le questioni legate alla situazione intorno al Karabakh";
  q.speaker = "Yuri Ushakov";
  q.via = "Tass";
  q.language = "it";
  q.source = "tio.ch, 11 Oct 2023";
  return q;
}

}  // namespace

TEST(Quote, NeedsItsWordsSpeakerAgencyAndSourceAndACutMarkedAsSuch) {
  EXPECT_EQ(story::quote_problem(ushakov()), "");
  story::Quote q = ushakov();
  q.via = "";
  EXPECT_NE(story::quote_problem(q).find("agency"), std::string::npos);
  q = ushakov(), q.speaker = "";
  EXPECT_NE(story::quote_problem(q).find("speaker"), std::string::npos);
  q = ushakov(), q.source = "";
  EXPECT_NE(story::quote_problem(q).find("document"), std::string::npos);
  for (const char* bare : {"discuteranno … del Karabakh", "discuteranno... del Karabakh"}) {
    q = ushakov(), q.text = bare;
    EXPECT_NE(story::quote_problem(q).find("[…]"), std::string::npos) << bare;
  }
  for (const char* marked : {"discuteranno […] del Karabakh", "discuteranno [...] del Karabakh"}) {
    q = ushakov(), q.text = marked;
    EXPECT_EQ(story::quote_problem(q), "") << marked;
  }
}

TEST(Quote, IsSavedAndReadBackWhole) {
  story::Scenario s = story::no_scenario();
  s.dated = true;
  s.start = story::days_from_civil(2023, 10, 1), s.end = story::days_from_civil(2023, 10, 31);
  story::Quote q = ushakov();
  q.translation = "they will of course discuss the situation around Karabakh";
  q.at = story::days_from_civil(2023, 10, 12);
  q.place = LonLat{74.59, 42.87};
  s.quotes.push_back(q);
  auto read = story::parse_scenario(story::scenario_json(s, {}).dump(), "/tmp");
  ASSERT_TRUE(read) << read.error();
  ASSERT_EQ(read->quotes.size(), 1u);
  const story::Quote& r = read->quotes[0];
  EXPECT_EQ(r.text, q.text);
  EXPECT_EQ(r.speaker, "Yuri Ushakov");
  EXPECT_EQ(r.via, "Tass");
  EXPECT_EQ(r.language, "it");
  EXPECT_EQ(r.translation, q.translation);
  ASSERT_TRUE(r.at);
  EXPECT_EQ(story::format_date(*r.at), "2023-10-12");
  ASSERT_TRUE(r.place);
  EXPECT_DOUBLE_EQ(r.place->lon, 74.59);
  // A file that breaks the rules is refused by the loader, naming the key.
  nlohmann::json j = story::scenario_json(s, {});
  j["quotes"][0]["text"] = "discuteranno ... del Karabakh";
  auto refused = story::parse_scenario(j.dump(), "/tmp");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("quotes[0].text"), std::string::npos) << refused.error();
}

TEST(Quote, OfAnEventsDayIsTheCaptionsLineOnThatDayOnly) {
  story::Scenario s = story::no_scenario();
  story::Event e;
  e.at = story::days_from_civil(2023, 10, 12);
  e.title = "Putin meets Aliyev in Bishkek";
  e.detail = "The CIS summit. More follows.";
  e.source = "tio.ch";
  s.events.push_back(e);
  story::Quote q = ushakov();
  q.at = e.at;
  s.quotes.push_back(q);
  auto caption = render::caption_for(s, story::end_of_day(e.at));
  ASSERT_TRUE(caption);
  EXPECT_EQ(caption->line, "«" + q.text + "» — Yuri Ushakov (Tass)");
  s.quotes[0].at = e.at + 1;  // another day's words: the event's own detail
  caption = render::caption_for(s, story::end_of_day(e.at));
  ASSERT_TRUE(caption);
  EXPECT_EQ(caption->line, "The CIS summit.");
}
