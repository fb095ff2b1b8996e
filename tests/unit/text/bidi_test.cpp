// The order runs are set out in (UAX #9 rule L2), and strings as the panels draw them: Dear ImGui neither reorders
// nor shapes, so names reach it in visual order with Arabic letters in their joined presentation forms.
#include <gtest/gtest.h>

#include "text/bidi.h"

using namespace chronoatlas::text;

TEST(Bidi, RunsAreReversedFromTheHighestLevelDown) {
  EXPECT_EQ(visual_order({0, 0, 0}), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(visual_order({1, 1, 1}), (std::vector<size_t>{2, 1, 0}));
  // An Arabic paragraph holding a Latin word with a number: the word keeps its order, and sits where it was written.
  EXPECT_EQ(visual_order({1, 2, 2, 1}), (std::vector<size_t>{3, 1, 2, 0}));
  EXPECT_EQ(visual_order({0, 1, 1, 2, 2, 1, 0}), (std::vector<size_t>{0, 5, 3, 4, 2, 1, 6}));
  EXPECT_TRUE(visual_order({}).empty());
}

TEST(Bidi, EmbeddingLevelsFollowTheFirstStrongCharacter) {
  EXPECT_EQ(embedding_levels(U"Aleppo"), (std::vector<uint8_t>(6, 0)));
  const std::vector<uint8_t> arabic = embedding_levels(U"حلب (Aleppo)");
  EXPECT_EQ(arabic.front(), 1);
  EXPECT_EQ(arabic[5], 2) << "A of Aleppo";
  EXPECT_EQ(arabic.back(), 1) << "the closing bracket pairs with the opening one, in the Arabic paragraph";
}

TEST(Bidi, PanelsGetArabicJoinedAndEverythingInVisualOrder) {
  EXPECT_EQ(display_order("Stepanakert / Ստեփանակերտ"), "Stepanakert / Ստեփանակերտ") << "left to right: unchanged";
  // حلب: hah initial, lam medial, beh final, drawn from the left beh first.
  EXPECT_EQ(display_order("حلب"), "\uFE90\uFEE0\uFEA3");
  EXPECT_EQ(display_order("حلب (Aleppo)"), "(Aleppo) \uFE90\uFEE0\uFEA3") << "brackets mirrored into place";
  EXPECT_EQ(display_order("ירושלים 2023"), "2023 םילשורי") << "the number reads left to right";
  EXPECT_EQ(display_order("Found ירושלים (places)"), "Found םילשורי (places)");
}
