#pragma once
// A story opened as the app opens it, with a scene observing it and a view: what tests that describe frames share.
#include <algorithm>
#include <memory>
#include <string>

#include "document/story_document.h"
#include "render/map_scene.h"

namespace described {

using namespace chronoatlas;

struct Described {
  std::unique_ptr<document::StoryDocument> doc;
  std::unique_ptr<render::MapScene> scene;
  render::MapView view;
};

inline Described bundled_at(const BoundsLonLat& box) {
  std::vector<std::string> warnings;
  auto scenario = story::load_scenario(std::string(GEODATA_DIR) + "/karabakh-2023");
  auto doc = document::StoryDocument::open(*scenario, warnings);
  auto scene = std::make_unique<render::MapScene>((*doc)->atlas());
  auto projection = render::scenario_projection(*scenario);
  Described d{std::move(*doc), std::move(scene), render::MapView(*projection, 1200, 800, 1)};
  d.view.fit(box);
  d.scene->prepare(d.view.projection());
  return d;
}

inline bool has_label(const render::Frame& f, const std::string& part) {
  return std::any_of(f.labels.begin(), f.labels.end(), [&](const render::Label& l) {
    return l.text.find(part) != std::string::npos;
  });
}


}  // namespace described
