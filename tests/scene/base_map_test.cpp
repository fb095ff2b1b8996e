// The base map of the bundled story at report zoom (the Karabakh region, 1200x800, as a report frames it), laid out
// without GL: the story's towns are named in their local official form or with the dual names the story needs, and
// a country's name sits inside its own polygon and off the disputed area drawn over it.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "document/story_document.h"
#include "geo/planar.h"
#include "render/map_scene.h"
#include "render/overlay_layout.h"

using namespace chronoatlas;

namespace {

// A stand-in for a font: 0.6 em a character, so the layout runs without any text renderer.
render::TextBox measure(const std::string& s, const render::TextStyle& st) {
  return {0.6f * st.size_px * static_cast<float>(s.size()), 0.8f * st.size_px, 0.2f * st.size_px};
}

struct ReportFrame {
  std::unique_ptr<document::StoryDocument> doc;
  std::unique_ptr<render::MapScene> scene;
  std::optional<render::MapView> view;
  render::OverlayLayout overlay;
};

// The bundled story at DAY in the box BBOX (west, south, east, north), as `render --bbox` frames it.
ReportFrame report_frame(const char* day, BoundsLonLat bbox) {
  ReportFrame r;
  std::vector<std::string> warnings;
  auto scenario = story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023");
  if (!scenario) return r;
  scenario->view = bbox;
  auto doc = document::StoryDocument::open(*scenario, warnings);
  if (!doc) return r;
  r.doc = std::move(*doc);
  r.scene = std::make_unique<render::MapScene>(r.doc->atlas());
  r.view.emplace(*render::scenario_projection(r.doc->atlas().scenario()), 1200, 800, 1.0f);
  r.view->fit(bbox);
  const render::Frame frame = r.scene->frame(*r.view, *story::parse_moment(day), {});
  r.overlay = render::layout_overlay(frame, measure);
  return r;
}

std::vector<std::string> label_texts(const render::OverlayLayout& overlay) {
  std::vector<std::string> out;
  for (const render::GlyphRun& g : overlay.labels) out.push_back(g.text);
  return out;
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

// The polygons of the feature of layer LAYER_ID whose FIELD is VALUE.
const std::vector<Polygon>* polygons_of(const model::Atlas& atlas, const std::string& layer_id, const std::string& field,
                                        const std::string& value) {
  for (const model::AtlasLayer& l : atlas.layers())
    if (l.spec.id == layer_id)
      for (const geo::Feature& f : l.data->features)
        if (l.data->value(f, field) == value) return &f.polygons;
  return nullptr;
}

bool in_any(const std::vector<Polygon>& polygons, LonLat p) {
  return std::any_of(polygons.begin(), polygons.end(), [&](const Polygon& q) { return geo::inside_even_odd(q, p); });
}

// Where a placed label's text lies, in lon/lat, at ALONG of its width (0.5: its middle), half way up its letters.
LonLat point_of(const render::GlyphRun& g, const render::MapView& view, float along) {
  const float width = 0.6f * g.style.size_px * static_cast<float>(g.text.size());
  const XY world = view.pixels().to_world({g.x + width * along, g.y - 0.3 * g.style.size_px});
  LonLat out{NAN, NAN};
  view.projection().inverse(world, out);
  return out;
}

LonLat middle_of(const render::GlyphRun& g, const render::MapView& view) { return point_of(g, view, 0.5f); }

constexpr BoundsLonLat kReportZoom{45.9, 39.3, 47.4, 40.5};

}  // namespace

TEST(BaseMap, TheStorysTownsAreNamedAtReportZoomInTheirLocalFormsAndDualNames) {
  const ReportFrame r = report_frame("2023-09-26", kReportZoom);
  ASSERT_TRUE(r.view) << "the bundled story opens";
  const std::vector<std::string> texts = label_texts(r.overlay);
  // Hidden before at about 150 m a pixel, while bigger towns elsewhere were named.
  for (const char* name : {"Lachin / Berdzor", "Martakert / Ağdərə", "Khojaly", "Shusha / Shushi"})
    EXPECT_TRUE(has(texts, name)) << name;
  // GeoNames' main names are Russian transliterations; the local official names are drawn.
  for (const char* name : {"Tərtər", "Füzuli", "Ağcabədi", "Beyləqan"}) EXPECT_TRUE(has(texts, name)) << name;
  for (const char* name : {"Terter", "Fizuli", "Agdzhabedy", "Beylagan", "Shushi", "Laçın"}) EXPECT_FALSE(has(texts, name)) << name;
}

TEST(BaseMap, ACountrysNameSitsInsideItAndOffTheDisputedAreaDrawnOverIt) {
  for (const BoundsLonLat box : {kReportZoom, BoundsLonLat{44.5, 38.8, 48, 40.8}}) {
    const ReportFrame r = report_frame("2023-09-30", box);
    ASSERT_TRUE(r.view);
    const model::Atlas& atlas = r.doc->atlas();
    const auto* azerbaijan = polygons_of(atlas, "countries", "name", "Azerbaijan");
    const auto* karabakh = polygons_of(atlas, "karabakh", "name", "Nagorno-Karabakh (approx.)");
    ASSERT_TRUE(azerbaijan && karabakh);
    const auto run = std::find_if(r.overlay.labels.begin(), r.overlay.labels.end(),
                                  [](const render::GlyphRun& g) { return g.text == "Azerbaijan"; });
    ASSERT_NE(run, r.overlay.labels.end()) << "Azerbaijan is named at " << box.west << "-" << box.east << " E";
    const LonLat at = middle_of(*run, *r.view);
    EXPECT_TRUE(in_any(*azerbaijan, at)) << at.lon << ", " << at.lat;
    EXPECT_FALSE(in_any(*karabakh, at)) << "on the Nagorno-Karabakh outline at " << at.lon << ", " << at.lat;
  }
}

TEST(BaseMap, EveryCountrysNameSitsInsideItsOwnPolygon) {
  // "Iran" was placed over Nakhchivan: a country's label is checked where its middle and its ends fall.
  // At 45.2-46.2 E "Armenia" was centred on the strip of it in view and lay over Nakhchivan.
  for (const BoundsLonLat box : {kReportZoom, BoundsLonLat{44.5, 38.8, 48, 40.8}, BoundsLonLat{44, 38.3, 50, 41.5},
                                 BoundsLonLat{43, 37.5, 50.5, 42.5}, BoundsLonLat{45.2, 38.7, 46.2, 39.3}}) {
    const ReportFrame r = report_frame("2023-09-30", box);
    ASSERT_TRUE(r.view);
    size_t checked = 0;
    for (const render::GlyphRun& g : r.overlay.labels) {
      const auto* own = polygons_of(r.doc->atlas(), "countries", "name", g.text);
      if (!own || g.group != "labels/Countries") continue;  // the countries layer's title
      for (float along : {0.05f, 0.5f, 0.95f}) {
        const LonLat at = point_of(g, *r.view, along);
        EXPECT_TRUE(in_any(*own, at)) << g.text << " at " << at.lon << ", " << at.lat << " in the view " << box.west
                                      << "-" << box.east << " E";
      }
      ++checked;
    }
    EXPECT_GE(checked, 1u) << "country names at " << box.west << "-" << box.east << " E";
  }
}
