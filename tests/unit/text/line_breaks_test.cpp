// Where wrapped text (captions, legend rows, the sources line) may start a new line, script by script.
#include <gtest/gtest.h>

#include "text/line_breaks.h"

using chronoatlas::text::break_opportunities;
using Offsets = std::vector<size_t>;

namespace {
// The byte offset in S of the start of its PART.
size_t at(const std::string& s, const std::string& part) { return s.find(part); }
}  // namespace

TEST(LineBreaks, LatinBreaksAfterSpacesOnly) {
  const std::string s = "Stepanakert / Ստեփանակերտ, 2023";
  EXPECT_EQ(break_opportunities(s), (Offsets{at(s, "Ս"), at(s, "2023")})) << "no line starts with the slash";
  EXPECT_TRUE(break_opportunities("Nagorno-Karabakh").size() <= 1) << "at most after the hyphen";
  EXPECT_TRUE(break_opportunities("").empty());
}

TEST(LineBreaks, ChineseAndJapaneseBreakBetweenCharactersButNotBeforeClosingPunctuation) {
  const std::string s = "北京東京";
  EXPECT_EQ(break_opportunities(s), (Offsets{3, 6, 9}));
  const std::string p = "北京。東京」";
  EXPECT_EQ(break_opportunities(p), (Offsets{3, at(p, "東"), at(p, "京」")})) << "no line starts with 。 or 」";
}

TEST(LineBreaks, ThaiBreaksBetweenWords) {
  // ฉันรักภาษาไทย, "I love the Thai language": four words and no spaces.
  const std::string s = "ฉันรักภาษาไทย";
  EXPECT_EQ(break_opportunities(s), (Offsets{at(s, "รัก"), at(s, "ภาษา"), at(s, "ไทย")}));
  const std::string mixed = "Bangkok กรุงเทพมหานคร";
  const Offsets cuts = break_opportunities(mixed);
  ASSERT_FALSE(cuts.empty());
  EXPECT_EQ(cuts.front(), at(mixed, "ก"));
  for (size_t c : cuts) EXPECT_NE(c, at(mixed, "รุง")) << "not inside กรุง";
}

TEST(LineBreaks, ArabicAndHebrewBreakAtSpaces) {
  const std::string a = "حلب ودمشق";
  EXPECT_EQ(break_opportunities(a), (Offsets{at(a, "ودمشق")}));
  const std::string h = "ירושלים תל אביב";
  EXPECT_EQ(break_opportunities(h), (Offsets{at(h, "תל"), at(h, "אביב")}));
}
