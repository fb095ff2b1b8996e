// The text pipeline against HarfBuzz's own command-line shaper: every run the project shapes (its face, direction and
// script as the pipeline chose them) gets the same glyph ids, clusters, offsets and advances from hb-shape given the
// same font file. Then the order bidi sets runs in, for mixed-direction strings.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/paths.h"
#include "required_tool.h"
#include "temp_dir.h"
#include "text/font_set.h"
#include "text/shaper.h"

using namespace chronoatlas;

namespace {

const char* const kStrings[] = {
    "حلب", "دمشق", "تهران", "ירושלים", "თბილისი", "दिल्ली", "กรุงเทพ", "北京", "東京都",
    "حلب (Aleppo)", "Stepanakert / Ստեփանակերտ", "Αθήνα", "Бишкек", "Երևան",
};

std::string script_tag(uint32_t tag) {
  std::string s(4, ' ');
  for (int i = 0; i < 4; ++i) s[static_cast<size_t>(i)] = static_cast<char>((tag >> (24 - 8 * i)) & 0xFF);
  return s;
}

std::string run_command(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  if (!pipe) return out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  return out;
}

// hb-shape's glyphs for TEXT shaped with FACE in one direction and script, at a scale of one font unit.
nlohmann::json hb_shape(const text::Face& face, const std::string& text, bool rtl, const std::string& script,
                        const TempDir& dir) {
  const std::string file = dir.path() + "/run.txt";
  std::ofstream(file, std::ios::binary) << text;
  const std::string command = "LC_ALL=C hb-shape --font-funcs=ot --output-format=json --no-glyph-names --utf8-clusters"
                              " --face-index=" + std::to_string(face.index) + " --direction=" + (rtl ? "rtl" : "ltr") +
                              " --script=" + script + " --text-file='" + file + "' '" + face.path + "'";
  return nlohmann::json::parse(run_command(command), nullptr, false);
}

class ShaperTest : public testing::Test {
 protected:
  void SetUp() override {
    auto fonts = text::FontSet::open(platform::font_dir());
    ASSERT_TRUE(fonts) << fonts.error();
    fonts_ = std::move(*fonts);
    shaper_ = std::make_unique<text::Shaper>(*fonts_);
  }
  std::unique_ptr<text::FontSet> fonts_;
  std::unique_ptr<text::Shaper> shaper_;
};

// The cluster (a byte offset in the string) of the glyph leftmost on the line, and of the rightmost.
std::pair<uint32_t, uint32_t> ends(const text::ShapedText& t) {
  return {t.runs.front().glyphs.front().cluster, t.runs.back().glyphs.back().cluster};
}

// The x, ems from the start of the line, of the first glyph made from the byte at CLUSTER.
float x_of(const text::ShapedText& t, uint32_t cluster) {
  for (const auto& run : t.runs)
    for (const auto& g : run.glyphs)
      if (g.cluster == cluster) return g.x_em;
  ADD_FAILURE() << "no glyph for byte " << cluster;
  return -1;
}

}  // namespace

TEST_F(ShaperTest, EveryRunMatchesHbShapeWithTheSameFont) {
  REQUIRE_TOOL(missing_tools("hb-shape").empty(), "hb-shape (Debian's libharfbuzz-bin)");
  TempDir dir;
  for (const std::string s : kStrings) {
    const text::ShapedText& shaped = shaper_->shape(s, false);
    EXPECT_TRUE(shaped.missing.empty()) << s << ": characters no font has";
    ASSERT_FALSE(shaped.runs.empty()) << s;
    for (const text::ShapedRun& run : shaped.runs) {
      const text::Face& face = fonts_->face(run.face);
      const std::string part = s.substr(run.begin, run.end - run.begin);
      const nlohmann::json want = hb_shape(face, part, run.right_to_left, script_tag(run.script), dir);
      ASSERT_TRUE(want.is_array()) << "hb-shape gave no glyphs for \"" << part << "\" in " << face.path;
      ASSERT_EQ(want.size(), run.glyphs.size()) << "\"" << part << "\" in " << face.path;
      for (size_t i = 0; i < run.glyphs.size(); ++i) {
        const text::ShapedGlyph& g = run.glyphs[i];
        const std::string where = "\"" + part + "\" glyph " + std::to_string(i) + " in " + face.path;
        EXPECT_EQ(want[i]["g"].get<uint32_t>(), g.id) << where;
        EXPECT_EQ(want[i]["cl"].get<uint32_t>(), g.cluster - run.begin) << where;
        EXPECT_EQ(want[i]["ax"].get<int32_t>(), g.advance_units) << where;
        EXPECT_EQ(want[i]["dx"].get<int32_t>(), g.x_offset_units) << where;
        EXPECT_EQ(want[i]["dy"].get<int32_t>(), g.y_offset_units) << where;
      }
    }
  }
}

TEST_F(ShaperTest, ScriptsAreShapedInTheirOwnFaces) {
  // Each string's runs, left to right: which face files they use. Arabic joins (the three letters of حلب are three
  // glyphs that differ from their isolated forms), Devanagari forms its conjunct.
  const auto face_of = [&](const std::string& s, size_t run) {
    return fonts_->face(shaper_->shape(s, false).runs.at(run).face).path;
  };
  EXPECT_NE(face_of("حلب", 0).find("Arabic"), std::string::npos) << face_of("حلب", 0);
  EXPECT_NE(face_of("ירושלים", 0).find("Hebrew"), std::string::npos) << face_of("ירושלים", 0);
  EXPECT_NE(face_of("北京", 0).find("CJK"), std::string::npos) << face_of("北京", 0);
  const text::ShapedText& joined = shaper_->shape("حلب", false);
  const text::ShapedText& isolated = shaper_->shape("ح ل ب", false);
  EXPECT_NE(joined.runs[0].glyphs.back().id, isolated.runs[0].glyphs.back().id) << "ح has no initial form here";
  // दिल्ली: द ि ल ् ल ी, six characters; the conjunct ल्ल and the vowel signs make fewer glyphs than characters.
  EXPECT_LT(shaper_->shape("दिल्ली", false).runs[0].glyphs.size(), 6u);
}

TEST_F(ShaperTest, ArabicWithLatinInBracketsReadsRightToLeft) {
  // حلب (Aleppo): the paragraph is right-to-left (its first strong letter is Arabic), so the Arabic name is at the
  // right, "Aleppo" keeps its own order, and the brackets around it are mirrored into place.
  const std::string s = "حلب (Aleppo)";
  const text::ShapedText& t = shaper_->shape(s, false);
  const uint32_t close = static_cast<uint32_t>(s.size() - 1), open = static_cast<uint32_t>(s.find('('));
  const uint32_t a = static_cast<uint32_t>(s.find('A')), o = static_cast<uint32_t>(s.rfind('o'));
  EXPECT_EQ(ends(t).first, close) << "the closing bracket comes first, drawn as an opening one";
  EXPECT_EQ(ends(t).second, 0u) << "ح, the first letter, is rightmost";
  EXPECT_LT(x_of(t, a), x_of(t, o)) << "Aleppo reads left to right inside";
  EXPECT_LT(x_of(t, o), x_of(t, open));
  EXPECT_LT(x_of(t, open), x_of(t, 0));
  for (const auto& run : t.runs)
    EXPECT_EQ(run.right_to_left, run.begin != a) << "only Aleppo's run is left to right, at bytes " << run.begin;
  // The bracket's glyph is the mirror of itself: ")" shaped right-to-left is "(" to the eye.
  const text::ShapedText& latin_open = shaper_->shape("(", false);
  EXPECT_EQ(t.runs[0].glyphs.front().id, latin_open.runs[0].glyphs.front().id);
}

TEST_F(ShaperTest, HebrewWithDigitsKeepsTheNumberLeftToRight) {
  // "ירושלים 2023": the number stays 2023 to the eye, and sits left of the Hebrew word it follows.
  const std::string s = "ירושלים 2023";
  const text::ShapedText& t = shaper_->shape(s, false);
  const uint32_t two = static_cast<uint32_t>(s.find('2')), three = static_cast<uint32_t>(s.size() - 1);
  EXPECT_EQ(ends(t).first, two) << "the number is leftmost, its first digit first";
  EXPECT_EQ(ends(t).second, 0u) << "י, the first letter, is rightmost";
  EXPECT_LT(x_of(t, two), x_of(t, three));
  EXPECT_LT(x_of(t, three), x_of(t, 0));
  // A Latin paragraph with a Hebrew word in it keeps its own direction: the Hebrew word is where it was typed.
  const std::string mixed = "Jerusalem (ירושלים) 1948";
  const text::ShapedText& m = shaper_->shape(mixed, false);
  EXPECT_EQ(ends(m).first, 0u);
  EXPECT_EQ(ends(m).second, static_cast<uint32_t>(mixed.size() - 1));
  const uint32_t yod = static_cast<uint32_t>(mixed.find("י")), mem = static_cast<uint32_t>(mixed.find("ם"));
  EXPECT_LT(x_of(m, mem), x_of(m, yod)) << "inside the brackets the Hebrew reads right to left";
}

TEST_F(ShaperTest, MissingCharactersAreReportedOnceAndLeftOut) {
  // U+10FFFD is a private-use character no installed font draws.
  const std::string s = "Shusha \xF4\x8F\xBF\xBD";
  const text::ShapedText& t = shaper_->shape(s, false);
  EXPECT_EQ(t.missing, std::u32string(1, U'\U0010FFFD'));
  shaper_->shape("again \xF4\x8F\xBF\xBD", false);
  const std::vector<std::string> warnings = shaper_->take_warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("U+10FFFD"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("Shusha"), std::string::npos) << warnings[0];
}
