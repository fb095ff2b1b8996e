// The overlay is laid out without GL, with a stand-in for the fonts: 0.6 em a character, 0.8 em up, 0.2 em down.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "render/overlay_layout.h"

using namespace chronoatlas;
using render::PixelBox;

namespace {

render::TextBox measure(const std::string& s, const render::TextStyle& st) {
  return {0.6f * st.size_px * static_cast<float>(s.size()), 0.8f * st.size_px, 0.2f * st.size_px};
}

render::Frame empty_frame(int w, int h) {
  render::Frame f;
  f.view.width_px = w, f.view.height_px = h, f.view.units_per_px = 1;
  f.view.centre = {w / 2.0, h / 2.0};  // world = pixels, y up
  return f;
}

render::Label label(const std::string& text, double x, double y_up, double rank, float offset = 0) {
  render::Label l;
  l.text = text;
  l.world = {x, y_up};
  l.rank = rank;
  l.offset_px = offset;
  return l;
}

PixelBox box_of(const render::GlyphRun& g) {
  render::TextBox b = measure(g.text, g.style);
  return {g.x, g.y - b.ascent, g.x + b.width, g.y + b.descent};
}

}  // namespace

TEST(OverlayLayout, HigherRankWinsAndPlacedLabelsNeverOverlap) {
  render::Frame f = empty_frame(400, 300);
  f.labels = {label("Kornidzor", 200, 150, 1), label("Post No. 1", 205, 152, 5), label("Goris", 60, 60, 2)};
  render::OverlayLayout o = render::layout_overlay(f, measure);
  ASSERT_EQ(o.labels.size(), 2u);
  EXPECT_EQ(o.labels[0].text, "Post No. 1");
  EXPECT_EQ(o.labels[1].text, "Goris");
  EXPECT_FALSE(box_of(o.labels[0]).overlaps(box_of(o.labels[1])));
}

TEST(OverlayLayout, APointLabelMovesToTheLeftAtTheRightEdge) {
  render::Frame f = empty_frame(400, 300);
  f.labels = {label("Stepanakert", 390, 150, 1, 8)};
  render::OverlayLayout o = render::layout_overlay(f, measure);
  ASSERT_EQ(o.labels.size(), 1u);
  EXPECT_LT(box_of(o.labels[0]).x1, 390 - 8 + 0.01);
}

TEST(OverlayLayout, FurnitureKeepsLabelsOutAndTheLegendSitsAboveTheSources) {
  render::Frame f = empty_frame(800, 500);
  f.furniture.title = "Title";
  f.furniture.date = "30 September 2023";
  f.furniture.attribution = "Sources";
  render::LegendEntry layer;
  layer.text = "Layer";
  f.furniture.legend = {layer};
  f.labels = {label("Under the title", 40, 485, 9)};  // would sit on the title
  render::OverlayLayout o = render::layout_overlay(f, measure);
  for (const auto& l : o.labels)
    for (const PixelBox& r : o.reserved) EXPECT_FALSE(box_of(l).overlaps(r)) << l.text;
  const float band_top = 500 - render::attribution_band_px(1);
  for (const auto& t : o.furniture_text) {
    if (t.text == "Layer") {
      EXPECT_LT(t.y, band_top);
    }
  }
  EXPECT_EQ(o.furniture_text.size(), 4u);  // title, date, sources, legend entry
}

TEST(OverlayLayout, TheSameFrameGivesTheSameLayout) {
  render::Frame f = empty_frame(600, 400);
  f.furniture.title = "T";
  for (int i = 0; i < 40; ++i) f.labels.push_back(label("L" + std::to_string(i), 20 + i * 13, 30 + i * 8, i % 7, 4));
  render::OverlayLayout a = render::layout_overlay(f, measure), b = render::layout_overlay(f, measure);
  ASSERT_EQ(a.labels.size(), b.labels.size());
  for (size_t i = 0; i < a.labels.size(); ++i) {
    EXPECT_EQ(a.labels[i].text, b.labels[i].text);
    EXPECT_EQ(a.labels[i].x, b.labels[i].x);
    for (size_t j = i + 1; j < a.labels.size(); ++j) EXPECT_FALSE(box_of(a.labels[i]).overlaps(box_of(a.labels[j])));
  }
}

TEST(OverlayLayout, LongSourcesWrapInsteadOfBeingCut) {
  render::Frame f = empty_frame(300, 400);
  f.furniture.attribution = "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0) · Arrivals: Armenian government "
                            "figures as reported by Armenpress, news.am and RFE/RL";
  render::OverlayLayout o = render::layout_overlay(f, measure);
  std::string joined;
  for (const auto& t : o.furniture_text) {
    joined += (joined.empty() ? "" : " ") + t.text;
    EXPECT_LE(box_of(t).x1, 300 - 14 + 0.01) << t.text;
    EXPECT_EQ(t.text.find("…"), std::string::npos);
  }
  EXPECT_EQ(joined, f.furniture.attribution);
  EXPECT_GT(o.furniture_text.size(), 2u);
}

TEST(OverlayLayout, ASmallImageShrinksOrDropsFurnitureRatherThanOverlapIt) {
  for (auto [w, h] : {std::pair{640, 480}, std::pair{320, 240}, std::pair{1280, 720}}) {
    render::Frame f = empty_frame(w, h);
    f.furniture.title = "Karabakh 2020–2024: the peacekeepers and the exodus";
    f.furniture.date = "as of 28 September 2023";
    f.furniture.date_note = "state at the end of the day, local time (UTC+4)";
    f.furniture.attribution = "Natural Earth (public domain) · GeoNames (CC BY 4.0)";
    f.furniture.caption = render::Caption{"28 Sep 2023 · Artsakh decrees its dissolution", "All state institutions dissolve by 1 Jan 2024."};
    f.furniture.scale_bar_metres_per_px = 800;
    for (int i = 0; i < 4; ++i) {
      render::LegendEntry e;
      e.text = "A legend row of moderate length " + std::to_string(i);
      e.sizes = {{"100,000 arrivals", 38}, {"10,000 arrivals", 12}};
      f.furniture.legend.push_back(e);
    }
    render::OverlayLayout o = render::layout_overlay(f, measure);
    for (size_t i = 0; i < o.reserved.size(); ++i)
      for (size_t j = i + 1; j < o.reserved.size(); ++j)
        EXPECT_FALSE(o.reserved[i].overlaps(o.reserved[j])) << w << "x" << h << ": boxes " << i << " and " << j;
    bool date = false;
    for (const auto& t : o.furniture_text) date |= t.text == f.furniture.date;
    EXPECT_TRUE(date) << "the date is never dropped";
  }
}

TEST(OverlayLayout, ASymbolsLabelNeverSitsNearerAnotherSymbolNorCoversOne) {
  // Goris' large circle, and Kornidzor's dot 40 px to its right: Kornidzor's label may not go left (onto Goris).
  render::Frame f = empty_frame(600, 400);
  f.symbols = {{{300, 200}, 30}, {{370, 200}, 4}};
  render::Label goris = label("28,120 arrived", 300, 200, 1, 34);
  goris.symbol = 0;
  render::Label kornidzor = label("Kornidzor", 370, 200, 2, 8);
  kornidzor.symbol = 1;
  render::Label area = label("Armenia", 300, 200, 0);  // an area name centred on the big circle: not allowed there
  f.labels = {goris, kornidzor, area};
  render::OverlayLayout o = render::layout_overlay(f, measure);
  for (const auto& l : o.labels) {
    const PixelBox b = box_of(l);
    EXPECT_NE(l.text, "Armenia");
    for (const auto& s : f.symbols) {
      const double cx = std::clamp<double>(s.world.x, b.x0, b.x1), cy = std::clamp<double>(400 - s.world.y, b.y0, b.y1);
      EXPECT_GE(std::hypot(cx - s.world.x, cy - (400 - s.world.y)), s.radius_px) << l.text << " covers a symbol";
    }
    if (l.text == "Kornidzor") {
      EXPECT_GT(b.x0, 370) << "the label of Kornidzor went towards Goris";
    }
  }
}

TEST(OverlayLayout, ASymbolInsideALargerOneIsLabelledOutsideItWithALeaderLine) {
  // A town's dot 10 px inside a circle of 60 px: no spot beside the dot is clear of the circle.
  render::Frame f = empty_frame(600, 400);
  f.symbols = {{{300, 200}, 60, 1}, {{310, 200}, 3, 1}};
  render::Label town = label("Kornidzor", 310, 200, 2, 6);
  town.symbol = 1;
  f.labels = {town};
  render::OverlayLayout o = render::layout_overlay(f, measure);
  ASSERT_EQ(o.labels.size(), 1u);
  const PixelBox b = box_of(o.labels[0]);
  const double cx = std::clamp(300.0, double(b.x0), double(b.x1)), cy = std::clamp(200.0, double(b.y0), double(b.y1));
  EXPECT_GE(std::hypot(cx - 300, cy - 200), 60) << "the label sits on the circle";
  ASSERT_EQ(o.shapes.size(), 1u) << "one leader line";
  EXPECT_EQ(o.shapes[0].kind, render::ShapeKind::Polyline);
  EXPECT_EQ(o.shapes[0].group, "labels");
  // The leader starts at the dot's edge and ends on the label's box.
  const auto start = o.shapes[0].points.front();
  EXPECT_NEAR(std::hypot(start.x - 310, start.y - 200), 3, 1);
}

TEST(OverlayLayout, ALabelThatOnlyLostToAnotherLabelGetsNoLeader) {
  render::Frame f = empty_frame(600, 400);
  f.symbols = {{{300, 200}, 3, 1}, {{306, 200}, 3, 1}};
  render::Label a = label("Stepanakert", 300, 200, 5, 6), b = label("Khojaly", 306, 200, 1, 6);
  a.symbol = 0, b.symbol = 1;
  f.labels = {a, b};
  render::OverlayLayout o = render::layout_overlay(f, measure);
  EXPECT_TRUE(o.shapes.empty());
  // The winner is placed, beside its own dot.
  const auto winner = std::find_if(o.labels.begin(), o.labels.end(), [](const auto& g) { return g.text == "Stepanakert"; });
  ASSERT_NE(winner, o.labels.end());
  const PixelBox w = box_of(*winner);
  EXPECT_LT(std::hypot(std::clamp(300.0, double(w.x0), double(w.x1)) - 300, std::clamp(200.0, double(w.y0), double(w.y1)) - 200), 15)
      << "the winner is not beside its dot";
}

TEST(OverlayLayout, AStoryPlaceIsNamedOverContextDotsAroundIt) {
  // A capital (layer 2) ringed by suburbs' dots (layer 1) on all four sides, 14 px out.
  render::Frame f = empty_frame(600, 400);
  f.symbols = {{{300, 200}, 4, 2}, {{314, 200}, 2, 1}, {{286, 200}, 2, 1}, {{300, 214}, 2, 1}, {{300, 186}, 2, 1}};
  render::Label capital = label("Yerevan", 300, 200, 9, 8);
  capital.symbol = 0;
  f.labels = {capital};
  EXPECT_EQ(render::layout_overlay(f, measure).labels.size(), 1u);
}

TEST(OverlayLayout, TheTitleIsTheLargestTextOfTheFurniture) {
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}, std::pair{900, 600}, std::pair{640, 480}}) {
    render::Frame f = empty_frame(w, h);
    f.furniture.title = "Karabakh 2020–2024: the peacekeepers and the exodus";
    f.furniture.date = "as of 28 September 2023";
    f.furniture.date_note = "state at the end of the day, local time (UTC+4)";
    f.furniture.caption = render::Caption{"28 Sep 2023 · Artsakh decrees its dissolution", "Institutions dissolve."};
    f.furniture.scale_bar_metres_per_px = 800;
    const render::OverlayLayout o = render::layout_overlay(f, measure);
    float title = 0, largest_other = 0;
    for (const render::GlyphRun& g : o.furniture_text)
      (g.text == f.furniture.title ? title : largest_other) =
          std::max(g.text == f.furniture.title ? title : largest_other, g.style.size_px);
    ASSERT_GT(title, 0) << w << "x" << h << ": no title";
    EXPECT_GT(title, largest_other) << w << "x" << h;
  }
}
