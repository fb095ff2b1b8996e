// The frame is plain data: this program links the scene and the document, and no GL loader, context or window. A
// frame of the bundled story is described and laid out here, and what a vector backend needs is in it as primitives.
#include <algorithm>

#include <gtest/gtest.h>

#include "document/story_document.h"
#include "render/map_scene.h"
#include "render/overlay_layout.h"

using namespace chronoatlas;

namespace {

// A stand-in for a font: 0.6 em a character, so the layout runs without any text renderer.
render::TextBox measure(const std::string& s, const render::TextStyle& st) {
  return {0.6f * st.size_px * static_cast<float>(s.size()), 0.8f * st.size_px, 0.2f * st.size_px};
}

// The layer whose series SERIES sizes its symbols by a count, and the feature the series names.
std::pair<size_t, size_t> sized_feature(const model::Atlas& atlas, const std::string& series) {
  for (size_t li = 0; li < atlas.layers().size(); ++li) {
    const model::AtlasLayer& l = atlas.layers()[li];
    for (const story::Series& s : l.spec.series)
      if (s.id == series && s.radius_px_per_sqrt > 0 && !s.label.empty())
        for (size_t f = 0; f < l.data->features.size(); ++f)
          if (l.data->value(l.data->features[f], l.spec.key_field) == s.feature_key) return {li, f};
  }
  return {SIZE_MAX, SIZE_MAX};
}

}  // namespace

TEST(FramePrimitives, TheBundledStoryAtADateIsDescribedAndLaidOutWithoutGl) {
  std::vector<std::string> warnings;
  auto scenario = story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023");
  ASSERT_TRUE(scenario) << scenario.error();
  auto doc = document::StoryDocument::open(*scenario, warnings);
  ASSERT_TRUE(doc) << doc.error();
  const model::Atlas& atlas = (*doc)->atlas();
  render::MapScene scene(atlas);
  const story::Days day = *story::parse_moment("2023-09-26");
  render::MapView view = scene.default_view(*render::scenario_projection(atlas.scenario()), 1600, 1000, 1);
  const render::Frame frame = scene.frame(view, day, {});

  // Every layer drawn carries its projected geometry and its styles evaluated for the date.
  ASSERT_FALSE(frame.layers.empty());
  for (const render::LayerDraw& d : frame.layers) {
    ASSERT_TRUE(d.geometry);
    ASSERT_TRUE(d.styles);
  }

  // The arrivals symbol: a point symbol at the feature's projected place, sized as the series gives it.
  const std::pair<size_t, size_t> found = sized_feature(atlas, "arrivals");
  const size_t li = found.first, feature = found.second;  // named, not bound: lambdas below capture them
  ASSERT_NE(li, SIZE_MAX) << "the bundled story sizes the arrivals' symbol by their count";
  const model::AtlasLayer& layer = atlas.layers()[li];
  const LonLat place = layer.data->features[feature].points.at(0);
  XY at;
  ASSERT_TRUE(view.projection().forward(place, at));
  const model::FeatureStyle look = model::StyleEvaluator(layer, day)(feature);
  const auto symbol = std::find_if(frame.symbols.begin(), frame.symbols.end(), [&](const render::Symbol& s) {
    return std::hypot(s.world.x - at.x, s.world.y - at.y) < 1 && s.layer == static_cast<int>(li);
  });
  ASSERT_NE(symbol, frame.symbols.end());
  EXPECT_FLOAT_EQ(symbol->radius_px, look.radius_px);
  EXPECT_GT(symbol->radius_px, 3);
  // Its styles in the frame are the evaluated ones.
  const render::LayerDraw* drawn = nullptr;
  for (const render::LayerDraw& d : frame.layers) drawn = d.source == layer.id ? &d : drawn;
  ASSERT_NE(drawn, nullptr);
  EXPECT_FLOAT_EQ(drawn->styles->at(feature).radius_px, look.radius_px);

  // Its label: the series' own words for the last reported figure, placed as a text run in the layer's group.
  const std::string text = model::series_label_of(layer, feature, day);
  ASSERT_FALSE(text.empty());
  const render::OverlayLayout overlay = render::layout_overlay(frame, measure);
  const auto label = std::find_if(overlay.labels.begin(), overlay.labels.end(),
                                  [&](const render::GlyphRun& g) { return g.text == text; });
  ASSERT_NE(label, overlay.labels.end()) << text;
  EXPECT_EQ(label->group, "labels/" + layer.spec.title);

  // The legend: a row naming the layer, as text in the legend group, with a circle for its symbol.
  const bool row = std::any_of(frame.furniture.legend.begin(), frame.furniture.legend.end(),
                               [&](const render::LegendEntry& e) { return e.text == layer.spec.title; });
  EXPECT_TRUE(row) << layer.spec.title;
  const auto legend_text = std::count_if(overlay.furniture_text.begin(), overlay.furniture_text.end(),
                                         [](const render::GlyphRun& g) { return g.group == "legend"; });
  EXPECT_GE(legend_text, static_cast<long>(frame.furniture.legend.size()));
  const bool circle = std::any_of(overlay.shapes.begin(), overlay.shapes.end(), [](const render::OverlayShape& s) {
    return s.group == "legend" && s.kind == render::ShapeKind::Circle;
  });
  EXPECT_TRUE(circle);
  const bool title = std::any_of(overlay.furniture_text.begin(), overlay.furniture_text.end(), [&](const render::GlyphRun& g) {
    return g.group == "title" && g.text == atlas.scenario().title;
  });
  EXPECT_TRUE(title);
}
