// The screen's framing rule on the bundled story: its view fitted where the furniture leaves room, at the map sizes
// the window's layout gives on 1280x720 and 1920x1080 screens at UI scales 100 % and 200 %. The story's places stay
// out from under the title, the caption, the legend, the scale bar and the sources band.
#include <gtest/gtest.h>

#include "document/story_document.h"
#include "render/clear_area.h"
#include "render/map_scene.h"
#include "render/overlay_layout.h"
#include "ui/window_layout.h"

using namespace chronoatlas;

namespace {

// A stand-in for a font: 0.6 em a character, so the layout runs without any text renderer.
render::TextBox measure(const std::string& s, const render::TextStyle& st) {
  return {0.6f * st.size_px * static_cast<float>(s.size()), 0.8f * st.size_px, 0.2f * st.size_px};
}

struct Place {
  const char* name;
  LonLat at;
};
// The places the story happens in (GeoNames 174972 Stepanakert, 616052 Yerevan, 587084 Baku).
const Place kFocus[] = {{"Stepanakert", {46.7525, 39.8153}}, {"Yerevan", {44.5136, 40.1811}}, {"Baku", {49.8920, 40.3777}}};

struct Screen {
  float width, height, scale;
};

class StoryFraming : public testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> warnings;
    auto scenario = story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023");
    ASSERT_TRUE(scenario) << scenario.error();
    auto doc = document::StoryDocument::open(*scenario, warnings);
    ASSERT_TRUE(doc) << doc.error();
    doc_ = std::move(*doc);
    scene_ = std::make_unique<render::MapScene>(doc_->atlas());
    day_ = story::end_of_day(doc_->atlas().scenario().initial);
  }
  // The map of SCREEN's window (nine tenths of the screen), as the app lays it out.
  render::MapView map_of(const Screen& screen) const {
    const ui::WindowSizes sizes{std::round(screen.width * 0.9f), std::round(screen.height * 0.9f), 16 * screen.scale,
                                22 * screen.scale, 8 * screen.scale};
    const ui::WindowLayout l = ui::lay_out_window(sizes, 24, true);
    const int w = static_cast<int>(l.map.width), h = static_cast<int>(l.map.height);
    return render::MapView(*render::scenario_projection(doc_->atlas().scenario()), w, h, ui::map_ui_scale(screen.scale, w, h));
  }
  std::vector<render::PixelBox> furniture(const render::MapView& view) const {
    return render::layout_overlay(scene_->frame(view, day_, {}), measure).reserved;
  }
  // The story's places under a piece of furniture in VIEW.
  std::vector<std::string> covered(const render::MapView& view) const {
    std::vector<std::string> out;
    const std::vector<render::PixelBox> boxes = furniture(view);
    for (const Place& p : kFocus) {
      XY world;
      if (!view.projection().forward(p.at, world)) continue;
      const XY px = view.pixels().to_pixel(world);
      const render::PixelBox dot{float(px.x) - 4, float(px.y) - 4, float(px.x) + 4, float(px.y) + 4};
      const bool outside = px.x < 0 || px.y < 0 || px.x > view.width_px() || px.y > view.height_px();
      if (outside || std::any_of(boxes.begin(), boxes.end(), [&](const render::PixelBox& b) { return b.overlaps(dot); }))
        out.push_back(p.name);
    }
    return out;
  }
  std::unique_ptr<document::StoryDocument> doc_;
  std::unique_ptr<render::MapScene> scene_;
  story::Days day_ = 0;
};

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

TEST_F(StoryFraming, TheStorysPlacesAreClearOfTheFurnitureAtEveryScreenAndScale) {
  const BoundsLonLat story_view = doc_->atlas().scenario().view;
  int covered_by_a_plain_fit = 0;
  for (const Screen& screen : {Screen{1280, 720, 1}, Screen{1280, 720, 2}, Screen{1920, 1080, 1}, Screen{1920, 1080, 2}}) {
    SCOPED_TRACE(testing::Message() << screen.width << "x" << screen.height << " at " << screen.scale * 100 << " %");
    render::MapView plain = map_of(screen);
    plain.fit(story_view);
    covered_by_a_plain_fit += !covered(plain).empty();
    render::MapView framed = map_of(screen);
    render::fit_clear_of_furniture(framed, story_view, 0, [&](const render::MapView& v) { return furniture(v); });
    EXPECT_EQ(joined(covered(framed)), "") << "under the furniture or off the map";
    EXPECT_GE(framed.metres_per_px(), plain.metres_per_px()) << "the clear area is part of the map";
    EXPECT_LE(framed.metres_per_px(), plain.metres_per_px() * 2.5) << "the story keeps most of the map";
  }
  EXPECT_GT(covered_by_a_plain_fit, 0) << "the test's premise: fitted to the whole map, furniture covers the story";
}

TEST(ClearArea, TheSubjectGoesWhereItShowsLargest) {
  // A title band across the top and a legend on the left: a wide subject goes right of the legend, where it shows
  // 750/4 px tall, not in the full-width strip under the legend (100 px).
  const std::vector<render::PixelBox> taken{{0, 0, 1000, 80}, {0, 100, 250, 500}};
  const render::PixelBox wide = render::clear_area(taken, 1000, 600, 4.0);
  for (const render::PixelBox& t : taken) EXPECT_FALSE(t.overlaps(wide));
  EXPECT_EQ(wide.x0, 250);
  EXPECT_EQ(wide.y0, 80);
  EXPECT_EQ(wide.x1, 1000);
  // A very wide one shows larger in that strip (83 px tall against 62.5).
  const render::PixelBox strip = render::clear_area(taken, 1000, 600, 12.0);
  EXPECT_EQ(strip.x0, 0);
  EXPECT_EQ(strip.y0, 500);
  // A tall subject goes right of the legend, under the band.
  const render::PixelBox tall = render::clear_area(taken, 1000, 600, 0.5);
  EXPECT_EQ(tall.x0, 250);
  EXPECT_EQ(tall.y0, 80);
  EXPECT_EQ(tall.y1, 600);
  // Nothing taken: the whole image.
  const render::PixelBox all = render::clear_area({}, 1000, 600, 1);
  EXPECT_EQ(all.x1, 1000);
  EXPECT_EQ(all.y1, 600);
}
