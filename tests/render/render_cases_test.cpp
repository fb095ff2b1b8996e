// Render tests as folders (tests/render/<case>/): case.json says what to draw (a render request, as the render
// command takes it) and through which path; expected.png is the reference image. Each case is drawn offscreen and
// compared with its reference (a channel off by more than 2/255 on more than 0.1 % of pixels fails); on failure
// actual.png and diff.png are written to build/render-results/<case>/. CHRONOATLAS_UPDATE_EXPECTED=1 rewrites the
// references instead, deliberately. Cases may also list probes: colours expected at lon/lat places, located in the
// written image independently through PROJ with its .prj and world file. Images test regressions; probes test truth.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/colour.h"
#include "export/render_plan.h"
#include "image_compare.h"
#include "platform/headless_context.h"
#include "platform/paths.h"
#include "render/offscreen.h"
#include "render_support.h"

namespace fs = std::filesystem;
using namespace chronoatlas;
using nlohmann::json;

namespace {

std::vector<std::string> discover_cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(RENDER_CASES_DIR))
    if (fs::exists(entry.path() / "case.json")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The case's render request; "scenario" is relative to the case folder, "bundled" or "none"; "layers" are relative
// to the case folder.
exporting::RenderRequest request_of(const json& j, const fs::path& dir) {
  exporting::RenderRequest r;
  std::string scenario = j.value("scenario", ".");
  r.scenario = scenario == "bundled" ? platform::default_scenario_dir()
               : scenario == "none"  ? scenario
                                     : (dir / scenario).lexically_normal().string();
  for (const auto& layer : j.value("layers", json::array()))
    r.layers.push_back((dir / layer.get<std::string>()).lexically_normal().string());
  r.date = j.value("date", "");
  r.size = std::pair{j.at("size").at(0).get<int>(), j.at("size").at(1).get<int>()};
  if (j.contains("bbox")) {
    BoundsLonLat b;
    b.extend(LonLat{j["bbox"][0].get<double>(), j["bbox"][1].get<double>()});
    b.extend(LonLat{j["bbox"][2].get<double>(), j["bbox"][3].get<double>()});
    r.bbox = b;
  }
  r.crs = j.value("crs", "");
  if (j.contains("furniture")) r.furniture = j["furniture"].get<bool>();
  r.no_graticule = !j.value("graticule", true);
  r.no_basemap = !j.value("basemap", true);
  if (j.contains("scale")) r.scale = j["scale"].get<float>();
  r.overwrite = true;
  return r;
}

// Draws PLAN's frame the way the app's window does: through the screen cache, first at a view panned by a whole
// number of pixels (so the cached layers are reused at an offset), then at the frame's own view.
Result<render::Image> draw_through_screen_cache(exporting::RenderPlan& plan, render::MapRenderer& renderer) {
  const render::MapView& view = plan.job.view;
  auto target = render::OffscreenTarget::create(view.width_px(), view.height_px());
  if (!target) return Error{target.error()};
  target->bind();
  render::MapView panned = view;
  panned.pan_px(-37, -21);
  renderer.draw_cached(plan.scene->frame(panned, plan.job.day, plan.job.furniture));
  renderer.draw_cached(plan.scene->frame(view, plan.job.day, plan.job.furniture));
  render::Image img;
  img.width = view.width_px(), img.height = view.height_px();
  target->read(img.width, img.height, img.rgba);
  return img;
}

void check_probes(const json& probes, const std::string& png, int tolerance) {
  GeoImage image = read_georeferenced(png);
  for (const auto& check : probes) {
    auto px = image.pixel_of(check["lon"], check["lat"]);
    auto want = *parse_colour(check["rgb"].get<std::string>());
    auto got = image.rgb_at(px.x, px.y);
    int diff = std::max({std::abs(got[0] - int(want.r * 255 + 0.5f)), std::abs(got[1] - int(want.g * 255 + 0.5f)),
                         std::abs(got[2] - int(want.b * 255 + 0.5f))});
    EXPECT_LE(diff, tolerance) << check["name"] << " at pixel (" << px.x << ", " << px.y << "): got " << got[0] << ","
                               << got[1] << "," << got[2] << " want " << check["rgb"];
  }
}

void compare_with_reference(const render::Image& actual, const fs::path& expected_png, const fs::path& results,
                            const ImageTolerance& tolerance) {
  const char* update = std::getenv("CHRONOATLAS_UPDATE_EXPECTED");
  if (update && std::string(update) == "1") {
    ASSERT_TRUE(write_png(actual, expected_png.string()));
    std::cerr << "rewrote " << expected_png << "\n";
    return;
  }
  render::Image expected = read_image(expected_png.string());
  ASSERT_GT(expected.width, 0) << expected_png << " is missing or unreadable (CHRONOATLAS_UPDATE_EXPECTED=1 makes it)";
  ImageDiff d = compare_images(actual, expected, tolerance);
  if (d.passes(tolerance)) return;
  write_png(actual, (results / "actual.png").string());
  if (d.same_size) write_png(d.picture, (results / "diff.png").string());
  ADD_FAILURE() << expected_png.parent_path().filename() << ": "
                << (d.same_size ? std::to_string(d.differing) + " of " + std::to_string(d.total) +
                                      " pixels differ (worst channel " + std::to_string(d.worst) + "/255)"
                                : std::string("size differs"))
                << "; see " << (results / "actual.png") << " and " << (results / "diff.png");
}

}  // namespace

class RenderCase : public testing::TestWithParam<std::string> {};

TEST_P(RenderCase, MatchesItsReferenceImage) {
  const fs::path dir = fs::path(RENDER_CASES_DIR) / GetParam();
  std::ifstream in(dir / "case.json");
  const json spec = json::parse(in);
  const fs::path results = fs::path(RENDER_RESULTS_DIR) / GetParam();
  fs::remove_all(results);
  fs::create_directories(results);
  auto context = platform::HeadlessContext::create();
  ASSERT_TRUE(context) << context.error();
  auto renderer = render::MapRenderer::create(platform::font_dir());
  ASSERT_TRUE(renderer) << renderer.error();

  exporting::RenderRequest request = request_of(spec.at("render"), dir);
  request.out = (results / "export.png").string();
  std::vector<std::string> warnings;
  auto plan = exporting::prepare_render(request, warnings);
  ASSERT_TRUE(plan) << plan.error();
  auto status = exporting::render_to_files(*plan->scene, **renderer, plan->job);
  ASSERT_TRUE(status) << status.error();
  render::Image exported = read_image(request.out);

  ImageTolerance tolerance;
  if (spec.contains("tolerance")) {
    tolerance.channel = spec["tolerance"].value("channel", tolerance.channel);
    tolerance.max_share = spec["tolerance"].value("share", tolerance.max_share);
  }
  if (spec.value("path", "export") == "screen") {
    auto screen = draw_through_screen_cache(*plan, **renderer);
    ASSERT_TRUE(screen) << screen.error();
    ImageDiff same = compare_images(*screen, exported, tolerance);
    if (!same.passes(tolerance)) write_png(*screen, (results / "screen.png").string());
    EXPECT_TRUE(same.passes(tolerance)) << same.differing << " pixels differ between the screen path and the export ("
                                        << results / "screen.png" << " vs " << request.out << ")";
    compare_with_reference(*screen, dir / "expected.png", results, tolerance);
  } else {
    compare_with_reference(exported, dir / "expected.png", results, tolerance);
  }
  if (spec.contains("probes")) check_probes(spec["probes"], request.out, spec.value("probe_tolerance", 3));
}

INSTANTIATE_TEST_SUITE_P(Folders, RenderCase, testing::ValuesIn(discover_cases()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });
