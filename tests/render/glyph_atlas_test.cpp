// Thousands of distinct glyphs (a map of Chinese or Japanese names) through an atlas that holds far fewer: every
// shaped glyph is drawn, and a label whose glyphs were evicted and packed again draws exactly as it did the first
// time, so no queued glyph ever reads a page that was cleared under it.
#include <algorithm>

#include <gtest/gtest.h>

#include "base/text.h"
#include "platform/headless_context.h"
#include "platform/paths.h"
#include "render/offscreen.h"
#include "render/text_renderer.h"
#include "text/font_set.h"
#include "text/shaper.h"

using namespace chronoatlas;

namespace {

constexpr int kLabels = 300, kPerLabel = 10;  // 3,000 distinct CJK ideographs
constexpr int kColumns = 10, kCellW = 200, kCellH = 30;
constexpr int kWidth = kColumns * kCellW, kHeight = kLabels / kColumns * kCellH;

std::string label(int i) {
  std::u32string s;
  for (int k = 0; k < kPerLabel; ++k) s.push_back(static_cast<char32_t>(0x4E00 + i * kPerLabel + k));
  return encode_utf8(s);
}

float x_of(int i) { return static_cast<float>(i % kColumns * kCellW + 4); }
float y_of(int i) { return static_cast<float>(i / kColumns * kCellH + 22); }

class GlyphAtlas : public testing::Test {
 protected:
  void SetUp() override {
    auto context = platform::HeadlessContext::create();
    ASSERT_TRUE(context) << context.error();
    context_ = std::move(*context);
    // 256 px pages, two of them: about 120 glyphs at this size, so 3,000 go through eviction many times over.
    auto text = render::TextRenderer::create(platform::font_dir(), render::AtlasLimits{256, 2});
    ASSERT_TRUE(text) << text.error();
    text_ = std::move(*text);
    auto target = render::OffscreenTarget::create(kWidth, kHeight);
    ASSERT_TRUE(target) << target.error();
    target_ = std::make_unique<render::OffscreenTarget>(std::move(*target));
    auto fonts = text::FontSet::open(platform::font_dir());
    ASSERT_TRUE(fonts) << fonts.error();
    fonts_ = std::move(*fonts);
  }

  // Glyphs the text pipeline makes of LABEL, every one with ink (no spaces in it).
  size_t shaped_glyphs(const std::string& s) {
    text::Shaper shaper(*fonts_);
    const text::ShapedText& t = shaper.shape(s, false);
    EXPECT_TRUE(t.missing.empty()) << s;
    size_t n = 0;
    for (const auto& run : t.runs) n += run.glyphs.size();
    return n;
  }

  void clear() {
    target_->bind();
    glViewport(0, 0, kWidth, kHeight);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  }

  void add(int i) { text_->add(label(i), x_of(i), y_of(i), style_); }

  std::vector<uint8_t> pixels() {
    std::vector<uint8_t> rgba;
    target_->read(kWidth, kHeight, rgba);
    return rgba;
  }

  // LABEL I's cell, cut out of PIXELS.
  static std::vector<uint8_t> cell(const std::vector<uint8_t>& rgba, int i) {
    std::vector<uint8_t> out;
    const int x0 = i % kColumns * kCellW, y0 = i / kColumns * kCellH;
    for (int y = y0; y < y0 + kCellH; ++y)
      out.insert(out.end(), rgba.begin() + (static_cast<ptrdiff_t>(y) * kWidth + x0) * 4,
                 rgba.begin() + (static_cast<ptrdiff_t>(y) * kWidth + x0 + kCellW) * 4);
    return out;
  }

  static size_t differing(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
    size_t n = 0;
    for (size_t i = 0; i + 3 < std::min(a.size(), b.size()); i += 4)
      n += a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2];
    return n + (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) / 4;
  }

  static size_t inked(const std::vector<uint8_t>& rgba) {
    size_t n = 0;
    for (size_t i = 0; i < rgba.size(); i += 4) n += rgba[i] < 128;
    return n;
  }

  std::unique_ptr<platform::HeadlessContext> context_;
  std::unique_ptr<render::TextRenderer> text_;
  std::unique_ptr<render::OffscreenTarget> target_;
  std::unique_ptr<text::FontSet> fonts_;
  render::TextStyle style_{.size_px = 16, .colour = {0, 0, 0, 1}, .halo = {1, 1, 1, 0}};
};

}  // namespace

TEST_F(GlyphAtlas, ThreeThousandCjkGlyphsInOneFrameAreAllDrawn) {
  size_t shaped = 0;
  clear();
  for (int i = 0; i < kLabels; ++i) shaped += shaped_glyphs(label(i)), add(i);
  EXPECT_EQ(shaped, static_cast<size_t>(kLabels * kPerLabel));
  EXPECT_EQ(text_->flush(0, 0, kWidth, kHeight), shaped) << "every shaped glyph is drawn";
  const std::vector<uint8_t> all = pixels();

  // Each label alone, on a fresh target: the same pixels as in the crowded frame.
  for (int i : {0, 1, 150, 299}) {
    clear();
    add(i);
    EXPECT_EQ(text_->flush(0, 0, kWidth, kHeight), static_cast<size_t>(kPerLabel));
    const std::vector<uint8_t> alone = cell(pixels(), i);
    EXPECT_GT(inked(alone), 100u) << "label " << i << " has ink";
    EXPECT_EQ(differing(cell(all, i), alone), 0u) << "pixels of label " << i << " that differ between the crowded "
                                                    "frame and drawn alone";
  }
}

TEST_F(GlyphAtlas, GlyphsEvictedAndPackedAgainDrawTheSame) {
  clear();
  add(0);
  ASSERT_EQ(text_->flush(0, 0, kWidth, kHeight), static_cast<size_t>(kPerLabel));
  const std::vector<uint8_t> first = cell(pixels(), 0);
  // Frames of 30 labels each (300 glyphs, more than the two pages hold): pages are evicted between frames, never
  // under a queued glyph, and each frame draws all it shaped.
  for (int frame = 1; frame < kLabels / 30; ++frame) {
    clear();
    for (int i = frame * 30; i < frame * 30 + 30; ++i) add(i);
    EXPECT_EQ(text_->flush(0, 0, kWidth, kHeight), static_cast<size_t>(30 * kPerLabel)) << "frame " << frame;
  }
  clear();
  add(0);
  ASSERT_EQ(text_->flush(0, 0, kWidth, kHeight), static_cast<size_t>(kPerLabel));
  EXPECT_EQ(differing(cell(pixels(), 0), first), 0u) << "pixels of label 0, packed again after eviction, that differ";
}
