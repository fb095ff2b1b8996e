// A story made in memory through the document's commands draws exactly as the folder it saves to, redrawn by the
// render command's own path: nothing of the figure lives only in the app.
#include <gtest/gtest.h>

#include "document/commands.h"
#include "document/story_document.h"
#include "export/render_plan.h"
#include "image_compare.h"
#include "platform/headless_context.h"
#include "platform/paths.h"
#include "render_support.h"
#include "story_steps.h"
#include "temp_dir.h"

using namespace chronoatlas;

namespace {

std::unique_ptr<document::StoryDocument> made_story() {
  std::vector<std::string> warnings;
  auto doc = std::move(*document::StoryDocument::open(story::no_scenario(), warnings));
  run(*doc, document::set_title("Two capitals"));
  run(*doc, document::set_time_range(*story::parse_iso_date("2023-02-01"), *story::parse_iso_date("2023-03-01"),
                                     *story::parse_iso_date("2023-02-10")));
  EXPECT_TRUE(document::add_file(*doc, std::string(TEST_DATA_DIR) + "/caucasus.geojson", warnings));
  run(*doc, document::add_marker({{44.5152, 40.1872}, "Yerevan", "test fixture"}));
  run(*doc, document::add_marker({{44.7833, 41.7167}, "Tbilisi", "test fixture"}));
  run(*doc, document::add_event(sourced_event("2023-02-08", "A dated event", {44.6, 40.9})));
  fill_and_label(*doc, 0, "#d8e2dc");
  run(*doc, document::fit_view_to_layers());
  return doc;
}

}  // namespace

TEST(DocumentRender, ASavedStoryRendersPixelForPixelAsTheLiveDocument) {
  auto context = platform::HeadlessContext::create();
  ASSERT_TRUE(context) << context.error();
  auto renderer = render::MapRenderer::create(platform::font_dir());
  ASSERT_TRUE(renderer) << renderer.error();
  TempDir tmp;

  auto doc = made_story();
  render::MapScene scene(doc->atlas());
  exporting::RenderJob live;
  live.view = scene.default_view(*render::scenario_projection(doc->scenario()), 1000, 700, 1);
  live.day = story::end_of_day(doc->scenario().initial);
  live.out_file = tmp.path() + "/live.png";
  const Status drawn = exporting::render_to_files(scene, **renderer, live);
  ASSERT_TRUE(drawn) << drawn.error();

  const std::string dir = tmp.path() + "/two-capitals";
  const Status saved = doc->save(dir);
  ASSERT_TRUE(saved) << saved.error();
  exporting::RenderRequest request;  // what `chronoatlas render --scenario DIR --size 1000x700` asks
  request.scenario = dir;
  request.size = std::pair{1000, 700};
  request.out = tmp.path() + "/saved.png";
  std::vector<std::string> warnings;
  auto plan = exporting::prepare_render(request, warnings);
  ASSERT_TRUE(plan) << plan.error();
  const Status redrawn = exporting::render_to_files(*plan->scene, **renderer, plan->job);
  ASSERT_TRUE(redrawn) << redrawn.error();

  const render::Image a = read_image(live.out_file), b = read_image(request.out);
  const ImageDiff diff = compare_images(a, b, ImageTolerance{0, 0});
  EXPECT_TRUE(diff.passes(ImageTolerance{0, 0})) << diff.differing << " pixels differ, worst by " << diff.worst;
  // And the markers are on it, where PROJ puts them from the written .prj and world file.
  const GeoImage img = read_georeferenced(request.out);
  const PixelPos yerevan = img.pixel_of(44.5152, 40.1872);
  const auto c = img.rgb_at(yerevan.x, yerevan.y);
  EXPECT_GT(c[0], 150);  // the marker's red (#c0392b)
  EXPECT_LT(c[1], 90);
  EXPECT_LT(c[2], 90);
}
