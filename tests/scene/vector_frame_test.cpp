// The vector walker on frames made by hand: what it hands a canvas (groups, paths, their sizes, clipping and dates),
// recorded instead of written.
#include <cmath>

#include <gtest/gtest.h>

#include "render/colour_check.h"
#include "render/vector_frame.h"

using namespace chronoatlas;

namespace {

struct Recorded {
  std::vector<std::string> groups;
  std::vector<std::pair<render::PathData, render::Paint>> paths;
};

class RecordingCanvas : public render::VectorCanvas {
 public:
  Recorded r;
  void begin_group(const std::string& name) override { r.groups.push_back(name); }
  void end_group() override {}
  void path(const render::PathData& p, const render::Paint& paint) override { r.paths.push_back({p, paint}); }
  void circle(XY, float, const render::Paint&) override {}
  void text(const render::TextPiece&, const render::Paint&) override {}
};

double ring_area(const std::vector<XY>& pts, size_t from, size_t to) {
  double a = 0;
  for (size_t i = from; i < to; ++i) {
    const XY p = pts[i], q = pts[i + 1 < to ? i + 1 : from];
    a += p.x * q.y - q.x * p.y;
  }
  return std::fabs(a) / 2;
}

// A 400 x 300 image with world units of one pixel and the origin at its centre (y up, as projected).
render::Frame frame_on(float day) {
  render::Frame f;
  f.view.centre = {0, 0};
  f.view.units_per_px = 1;
  f.view.width_px = 400;
  f.view.height_px = 300;
  f.day = day;
  f.background = {0, 0, 0, 0};
  return f;
}

// Feature 0: a disc of N points and radius R at the centre (an area: it has a fill vertex); feature 1: a line across
// the whole image and far beyond it, shown on days [10, 20).
std::shared_ptr<render::ProjectedLayer> disc_and_line(size_t n, double radius) {
  auto g = std::make_shared<render::ProjectedLayer>();
  render::ProjectedPaths& p = g->levels.emplace_back().paths;
  p.starts.push_back(0);
  p.feature.push_back(0);
  for (size_t i = 0; i < n; ++i) {
    const double a = 2 * M_PI * static_cast<double>(i) / static_cast<double>(n);
    p.xy.insert(p.xy.end(), {static_cast<float>(radius * std::cos(a)), static_cast<float>(radius * std::sin(a))});
  }
  p.starts.push_back(static_cast<uint32_t>(p.xy.size() / 2));
  p.feature.push_back(1);
  for (float x : {-5000.0f, -100.0f, 100.0f, 5000.0f}) p.xy.insert(p.xy.end(), {x, 20});
  p.starts.push_back(static_cast<uint32_t>(p.xy.size() / 2));
  g->fill = {0, 0, 0, -1e30f, 1e30f};
  g->label_anchors.assign(2, XY{NAN, NAN});
  g->feature_days = {-1e30f, 1e30f, 10, 20};
  return g;
}

Recorded walk(const render::Frame& f, const render::VectorLimits& limits) {
  auto fonts = text::FontSet::open(FONT_DIR);
  EXPECT_TRUE(fonts) << fonts.error();
  text::Shaper shaper(**fonts);
  RecordingCanvas c;
  render::draw_vector_frame(f, {}, shaper, c, limits);
  return c.r;
}

render::LayerDraw layer_of(std::shared_ptr<render::ProjectedLayer> g) {
  render::LayerDraw d;
  d.title = "Disc";
  d.geometry = std::move(g);
  model::FeatureStyle s;
  s.fill = {0.8f, 0.2f, 0.2f, 1};
  s.stroke = {0.1f, 0.1f, 0.1f, 1};
  d.styles = std::make_shared<std::vector<model::FeatureStyle>>(2, s);
  d.points = false;
  return d;
}

}  // namespace

TEST(VectorFrame, AnAreaLongerThanTheLimitIsHalvedIntoPathsThatFillTheSameArea) {
  render::Frame f = frame_on(0);
  render::LayerDraw d = layer_of(disc_and_line(4000, 120));
  d.stroke = false;
  f.layers.push_back(d);
  const Recorded r = walk(f, {300, 0.01f});
  ASSERT_EQ(r.groups, std::vector<std::string>{"Disc"});
  double area = 0;
  for (const auto& [p, paint] : r.paths) {
    EXPECT_TRUE(p.closed);
    EXPECT_LE(p.points.size(), 300u);
    EXPECT_GT(paint.fill.a, 0);
    for (size_t k = 0; k + 1 < p.starts.size(); ++k) area += ring_area(p.points, p.starts[k], p.starts[k + 1]);
  }
  EXPECT_GE(r.paths.size(), 4000u / 300);
  EXPECT_NEAR(area, M_PI * 120 * 120, 0.002 * M_PI * 120 * 120);
}

TEST(VectorFrame, ALineIsDrawnOnlyOnItsDaysAndClippedToTheImage) {
  render::LayerDraw d = layer_of(disc_and_line(64, 50));
  d.fill = false;
  auto strokes_of_line = [&](float day) {
    render::Frame f = frame_on(day);
    f.layers.push_back(d);
    std::vector<render::PathData> out;
    for (const auto& [p, paint] : walk(f, {}).paths)
      if (!p.closed && p.points.size() < 64) out.push_back(p);  // the disc's outline has all 64 points
    return out;
  };
  EXPECT_TRUE(strokes_of_line(5).empty());
  EXPECT_TRUE(strokes_of_line(20).empty());
  const std::vector<render::PathData> shown = strokes_of_line(15);
  ASSERT_EQ(shown.size(), 1u);
  for (XY p : shown[0].points) {
    EXPECT_GE(p.x, -10);
    EXPECT_LE(p.x, 410);
    EXPECT_NEAR(p.y, 150 - 20, 1e-6);
  }
}

TEST(VectorFrame, OverlayGroupsAreNamedForADrawingProgram) {
  EXPECT_EQ(render::group_title("labels/Towns"), "Labels: Towns");
  EXPECT_EQ(render::group_title("scale bar"), "Scale bar");
  EXPECT_EQ(render::group_title("north arrow"), "North arrow");
}

TEST(ColourCheck, ARedGreenPairIsNamedAndAnOkabeItoPairIsNot) {
  auto entry = [](const char* text, Rgba fill) {
    render::LegendEntry e;
    e.text = text;
    e.kind = render::SwatchKind::Point;
    e.fill = fill;
    return e;
  };
  const Rgba red{0xd6 / 255.f, 0x27 / 255.f, 0x28 / 255.f, 1}, green{0x2c / 255.f, 0xa0 / 255.f, 0x2c / 255.f, 1};
  const Rgba orange{0xe6 / 255.f, 0x9f / 255.f, 0, 1}, blue{0, 0x72 / 255.f, 0xb2 / 255.f, 1};
  const auto clash = render::colour_vision_warnings({entry("Shelling", red), entry("Ceasefire", green)});
  ASSERT_EQ(clash.size(), 1u);
  EXPECT_NE(clash[0].find("\"Shelling\" and \"Ceasefire\" look alike with deuteranopia"), std::string::npos) << clash[0];
  EXPECT_TRUE(render::colour_vision_warnings({entry("Shelling", orange), entry("Ceasefire", blue)}).empty());
  // Normal vision first: a pair alike for everyone is a design choice (shades of one hue), not this check's warning.
  EXPECT_LT(render::seen_distance(red, green, 2), render::seen_distance(red, green, 0) / 4);
}
