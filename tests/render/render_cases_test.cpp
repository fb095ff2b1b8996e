// Render tests: each folder here holds a scenario and case.json with colours expected at lon/lat points. The map is
// drawn offscreen; each point is placed in the image independently, through PROJ with the written .prj and the world
// file, as a GIS would place the image.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <proj.h>

#include "base/colour.h"
#include "build_config.h"
#include "export/render_job.h"
#include "platform/headless_context.h"
#include "render_support.h"

namespace fs = std::filesystem;
using namespace chronoatlas;

class RenderCase : public testing::TestWithParam<std::string> {};

TEST_P(RenderCase, ColoursAtProjectedPlaces) {
  fs::path dir = fs::path(RENDER_CASES_DIR) / GetParam();
  std::ifstream in(dir / "case.json");
  auto spec = nlohmann::json::parse(in);
  auto context = platform::HeadlessContext::create();
  ASSERT_TRUE(context) << context.error();
  fs::path out = fs::path(testing::TempDir()) / ("case-" + GetParam() + ".png");
  auto rendered = render_scenario(dir.string(), spec["size"][0], spec["size"][1], spec["date"], out.string());
  ASSERT_TRUE(rendered) << rendered.error();
  GeoImage image = read_georeferenced(out.string());
  ASSERT_EQ(image.pixels.width, spec["size"][0].get<int>());
  int tolerance = spec["tolerance"];
  bool failed = false;
  for (const auto& check : spec["checks"]) {
    auto px = image.pixel_of(check["lon"], check["lat"]);
    auto want = *parse_colour(check["rgb"].get<std::string>());
    auto got = image.rgb_at(px.x, px.y);
    int diff = std::max({std::abs(got[0] - int(want.r * 255 + 0.5f)), std::abs(got[1] - int(want.g * 255 + 0.5f)),
                         std::abs(got[2] - int(want.b * 255 + 0.5f))});
    EXPECT_LE(diff, tolerance) << check["name"] << " at pixel (" << px.x << ", " << px.y << "): got " << got[0] << ","
                               << got[1] << "," << got[2] << " want " << check["rgb"];
    failed |= diff > tolerance;
  }
  if (failed) std::cerr << "actual image kept at " << out << "\n";
}

INSTANTIATE_TEST_SUITE_P(Cases, RenderCase, testing::Values("caucasus-fills", "artsvashen", "world-seam"));
