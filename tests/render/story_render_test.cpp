// The bundled story drawn at two dates: the arrivals symbol at Goris (placed with PROJ from the written .prj and
// world file) is absent before the exodus, then present with the size its sourced figures give.
#include <cmath>
#include <filesystem>

#include <gtest/gtest.h>

#include "temp_dir.h"

#include "export/render_plan.h"
#include "platform/headless_context.h"
#include "platform/paths.h"
#include "render/map_renderer.h"
#include "render/offscreen.h"
#include "render_support.h"
#include "story/scenario.h"

namespace fs = std::filesystem;
using namespace chronoatlas;

namespace {

const double kGorisLon = 46.3417, kGorisLat = 39.5111;

bool orange(std::array<int, 4> c) { return c[0] > 200 && c[1] > 95 && c[1] < 190 && c[2] < 140; }
bool ring_red(std::array<int, 4> c) { return c[0] > 150 && c[1] < 100 && c[2] < 90; }

// Distance north from the centre to the symbol's red outline, or -1 within 80 pixels.
int ring_distance(const GeoImage& img, PixelPos c) {
  for (int r = 0; r < 80; ++r)
    if (ring_red(img.rgb_at(c.x, c.y - r))) return r;
  return -1;
}

GeoImage draw(const std::string& scenario, const std::string& date, int w, int h, const RenderOptions& o = {}) {
  std::string name = date;
  for (char& ch : name)
    if (ch == ':') ch = '-';
  std::string out = (fs::path(scratch_dir()) / ("story-" + name + ".png")).string();
  auto r = render_scenario(scenario, w, h, date, out, o);
  EXPECT_TRUE(r) << r.error();
  return read_georeferenced(out);
}

}  // namespace

TEST(StoryRender, ArrivalsSymbolAtGorisAppearsAndGrows) {
  auto context = platform::HeadlessContext::create();
  ASSERT_TRUE(context) << context.error();
  const std::string dir = std::string(GEODATA_DIR) + "/karabakh-2023";
  RenderOptions region;
  region.labels = false;
  region.bbox = BoundsLonLat{44.5, 38.8, 48, 40.8};
  GeoImage before = draw(dir, "2023-09-20", 1200, 800, region);
  GeoImage early = draw(dir, "2023-09-26", 1200, 800, region);
  GeoImage after = draw(dir, "2023-10-01", 1200, 800, region);
  PixelPos g = after.pixel_of(kGorisLon, kGorisLat);
  ASSERT_GE(g.x, 0);
  EXPECT_EQ(ring_distance(before, g), -1);
  EXPECT_FALSE(orange(before.rgb_at(g.x, g.y - 10)));
  int r_early = ring_distance(early, early.pixel_of(kGorisLon, kGorisLat));
  int r_after = ring_distance(after, g);
  EXPECT_GT(r_early, 3);
  EXPECT_GT(r_after, r_early + 5);
  EXPECT_TRUE(orange(after.rgb_at(g.x, g.y - r_after / 2)));

  // The radius follows k * sqrt(cumulative arrivals) from the scenario's own samples; the outline is the outer 1.5 px.
  auto scenario = story::load_scenario(dir);
  ASSERT_TRUE(scenario);
  const story::Series* arrivals = nullptr;
  for (const auto& l : scenario->layers)
    for (const auto& s : l.series)
      if (s.id == "arrivals") arrivals = &s;
  ASSERT_NE(arrivals, nullptr);
  double v = *story::series_value(*arrivals, *story::parse_iso_date("2023-10-01"));
  EXPECT_NEAR(r_after, arrivals->radius_px_per_sqrt * std::sqrt(v) - 1.5, 2.5);
}

TEST(StoryRender, TheSecondScenarioDrawsItsOwnMarkersFromTheirDate) {
  auto context = platform::HeadlessContext::create();
  ASSERT_TRUE(context) << context.error();
  const std::string dir = std::string(TEST_DATA_DIR) + "/../scenarios/channel-tunnel";
  GeoImage before = draw(dir, "1994-03-01", 900, 600);
  GeoImage open = draw(dir, "1994-05-06", 900, 600);
  for (auto [lon, lat] : {std::pair{1.16734, 51.08169}, std::pair{1.7988, 50.93461}}) {
    PixelPos p = open.pixel_of(lon, lat);
    auto c = open.rgb_at(p.x, p.y);
    EXPECT_NEAR(c[0], 0x6a, 3);
    EXPECT_NEAR(c[1], 0x1b, 3);
    EXPECT_NEAR(c[2], 0x9a, 3);
    auto b = before.rgb_at(p.x, p.y);
    EXPECT_GT(std::abs(b[0] - 0x6a) + std::abs(b[1] - 0x1b) + std::abs(b[2] - 0x9a), 100);
  }
}

TEST(TimeFilterRender, WindowsAreHalfOpenOnTheGpu) {
  auto context = platform::HeadlessContext::create();
  ASSERT_TRUE(context) << context.error();
  const std::string dir = std::string(TEST_DATA_DIR) + "/../scenarios/time-boundaries";
  RenderOptions plain;
  plain.labels = false;
  struct Case {
    const char* date;
    bool a, b;
  } cases[] = {{"2020-01-09T23:59", false, false}, {"2020-01-10", true, false}, {"2020-01-19T23:59", true, false},
               {"2020-01-20", false, true}, {"2020-02-28", false, true}};
  for (const Case& c : cases) {
    GeoImage img = draw(dir, c.date, 500, 200, plain);
    auto a = img.rgb_at(img.pixel_of(11, 11).x, img.pixel_of(11, 11).y);
    auto b = img.rgb_at(img.pixel_of(14, 11).x, img.pixel_of(14, 11).y);
    auto bad = img.rgb_at(img.pixel_of(17, 11).x, img.pixel_of(17, 11).y);
    EXPECT_EQ(a[0] == 255 && a[1] == 0 && a[2] == 0, c.a) << c.date;
    EXPECT_EQ(b[0] == 0 && b[1] == 0 && b[2] == 255, c.b) << c.date;
    EXPECT_NE(bad[1], 255) << "the feature with a malformed date is skipped, not drawn";
  }
}

TEST(HighlightRender, ThePickedFeaturesOutlineIsDrawnUnderTheFurniture) {
  // The screen's outline of a picked feature runs across the legend: on the map it shows, on the legend's panel not.
  auto context = platform::HeadlessContext::create();
  ASSERT_TRUE(context) << context.error();
  auto renderer = render::MapRenderer::create(platform::font_dir());
  ASSERT_TRUE(renderer) << renderer.error();
  exporting::RenderRequest request;
  request.size = std::pair{1000, 700};
  std::vector<std::string> warnings;
  auto plan = exporting::prepare_render(request, warnings);
  ASSERT_TRUE(plan) << plan.error();
  render::Frame frame = plan->scene->frame(plan->job.view, plan->job.day, plan->job.furniture);
  const render::OverlayLayout overlay = (*renderer)->layout(frame);
  // The furniture box with the most room: the legend's panel.
  const render::PixelBox* legend = nullptr;
  for (const render::PixelBox& b : overlay.reserved)
    if (!legend || (b.x1 - b.x0) * (b.y1 - b.y0) > (legend->x1 - legend->x0) * (legend->y1 - legend->y0)) legend = &b;
  ASSERT_NE(legend, nullptr);
  const float y = std::round((legend->y0 + legend->y1) / 2);
  const render::View& v = frame.view;
  frame.highlight.lines.push_back({v.to_world({0, y}), v.to_world({1000, y})});
  auto target = render::OffscreenTarget::create(1000, 700);
  ASSERT_TRUE(target) << target.error();
  target->bind();
  (*renderer)->draw(frame);
  render::Image img;
  img.width = 1000, img.height = 700;
  target->read(img.width, img.height, img.rgba);
  auto yellow_in = [&](int x0, int x1) {
    int n = 0;
    for (int x = std::max(0, x0); x < std::min(1000, x1); ++x) {
      const uint8_t* p = &img.rgba[(static_cast<size_t>(y) * 1000 + x) * 4];
      n += p[0] > 230 && p[1] > 200 && p[1] < 245 && p[2] < 130;
    }
    return n;
  };
  const int inside = yellow_in(static_cast<int>(legend->x0) + 2, static_cast<int>(legend->x1) - 2);
  const int outside = yellow_in(0, static_cast<int>(legend->x0) - 2) + yellow_in(static_cast<int>(legend->x1) + 2, 1000);
  EXPECT_GT(outside, 100) << "the outline is drawn on the map";
  EXPECT_EQ(inside, 0) << "the outline shows through the legend";
}
