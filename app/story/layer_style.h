#pragma once
// How a layer looks. Part of a scenario, editable in the UI, saved with views.
#include <map>
#include <string>
#include <vector>

#include "base/colour.h"

namespace chronoatlas::story {

struct LayerStyle {
  bool visible = true;
  float opacity = 1;                          // 0..1, whole layer
  // Defaults are whole bytes, as "#rrggbb" holds them, so a saved story draws exactly as the one it was saved from.
  Rgba fill{237 / 255.f, 232 / 255.f, 219 / 255.f, 1};
  Rgba stroke{115 / 255.f, 107 / 255.f, 97 / 255.f, 1};
  float stroke_width_px = 0.8f;               // at ui scale 1
  float point_radius_px = 5;
  std::string label_field;                    // "" for no labels
  std::string label_rank_field;               // a number (a population) that ranks labels within the layer
  float label_size_px = 13;
  bool label_bold = false;
  Rgba label_colour{0.2f, 0.2f, 0.2f, 1};
  std::string highlight_field;                // dates ("2023-10-12;2023-10-13"): features ringed on those days
  bool flow = false;                          // lines drawn as a stream moving from start to end
  std::string fill_by_field;                  // categorical colours: a field ...
  std::map<std::string, Rgba> fill_by_value;  // ... and a colour per value
  std::map<std::string, Rgba> stroke_by_value;  // ... and, optionally, an outline or line colour per value
  bool legend_by_value = false;               // the legend lists each value's colour (the layer's fill: "other")
  std::string size_by_field;                  // a number per feature: point symbols of proportional area ...
  double size_max = 0;                        // ... the largest value, drawn at SIZE_MAX_PX radius
  float size_max_px = 20;
  bool density = false;                       // points counted in hexagons instead of drawn one by one
  std::vector<std::string> tooltip_fields;    // what the map's tooltip shows, in order; empty: the layer's details
  bool operator==(const LayerStyle&) const = default;
};

}  // namespace chronoatlas::story
