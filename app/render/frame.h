#pragma once
// Everything one image shows, as plain data: built by the scene, drawn by any backend (the GL one for screen and PNG,
// vector ones for figures), for screen and export alike. No GL here: a backend resolves what it needs from it.
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/colour.h"
#include "model/feature_style.h"
#include "render/projected_layer.h"
#include "render/text_style.h"
#include "render/view.h"

namespace chronoatlas::render {

// A hexagon of a density view, in image pixels, coloured by its count's class.
struct DensityCell {
  XY centre;
  float radius_px;  // centre to corner
  Rgba colour;
};

// The corners a cell is drawn with, a little inset so neighbouring cells stay apart.
inline std::array<XY, 6> drawn_corners(const DensityCell& c) {
  std::array<XY, 6> corner;
  for (size_t k = 0; k < 6; ++k) {
    const double a = (60.0 * static_cast<double>(k) + 30) * M_PI / 180;
    corner[k] = {c.centre.x + 0.92 * c.radius_px * std::cos(a), c.centre.y + 0.92 * c.radius_px * std::sin(a)};
  }
  return corner;
}

struct LayerDraw {
  // What the geometry belongs to (an atlas layer's id, or a graticule): a backend keeps its own copy of it by this key
  // and replaces it when GEOMETRY or STYLES is another object than the one it copied.
  uint64_t source = 0;
  std::string title;                                              // what outputs with named layers call it
  std::shared_ptr<const ProjectedLayer> geometry;                 // in the view's CRS
  std::shared_ptr<const std::vector<model::FeatureStyle>> styles; // per feature, for the frame's date; null: not drawn
  float opacity = 1;
  float stroke_width_px = 1;  // before ui_scale
  bool fill = true, stroke = true, points = true;
  size_t level = 0;           // level of detail: index into geometry->levels
  bool cacheable = false;     // looks the same on every date, so the screen may reuse its pixels
  float fade_days = 0;        // >0: features fade to a quarter of their strength over this many days after their start
  std::vector<DensityCell> cells;  // a density view: drawn instead of the layer's point symbols
};

struct Label {
  XY world;            // projected anchor
  XY alternate{NAN, NAN}; // second anchor, tried when the first gives no place (a huge feature's part in view)
  // The second anchor's distance to its area's edge, pixels: a label wider or taller than twice this would lie over
  // a neighbour (a country's name on the strip of it inside the view, spilling onto the next country).
  float alternate_clear_px = INFINITY;
  std::string text;
  double rank = 0;     // larger wins when labels collide
  size_t tie = 0;      // equal ranks: the lower wins (the feature's index), whatever order labels were listed in
  TextStyle style;
  float offset_px = 0; // >0: placed beside a point symbol this far right of the anchor; 0: centred on it
  float min_width_px = 0; // >0: dropped when the text is wider than this (the feature's size on screen)
  int symbol = -1;     // the point symbol this label names (index into Frame::symbols), or -1
  int layer = -1;      // the layer it names a feature of: index into Frame::layer_titles
  bool figure = false; // states a reported figure (a series' label on this date), not a name
};

// A point symbol on the map, as labels must see it: no label may cover one, nor sit nearer another symbol than its own.
struct Symbol {
  XY world;            // projected centre
  float radius_px;     // drawn radius, ui_scale included
  int layer = 0;       // index of its layer, bottom first: a story layer's labels outrank the context below them
};

enum class SwatchKind { Area, Line, Point };

// A size key of a proportional symbol or line: "10,000 arrivals" drawn at the size the map gives that figure.
struct SizeKey {
  std::string text;
  float size_px;                     // symbol radius or line width, before ui_scale
};

// A legend row drawn the way the layer is drawn: its fill, stroke, opacity and symbol.
struct LegendEntry {
  std::string text;
  SwatchKind kind = SwatchKind::Area;
  Rgba fill, stroke;
  float opacity = 1;
  float stroke_width_px = 1;         // before ui_scale
  float radius_px = 5;               // point symbols, before ui_scale
  std::vector<SizeKey> sizes;        // proportional symbols: a few figures at their drawn size
};

// The event the date has reached, as a caption on the map.
struct Caption {
  std::string title;                 // "20 Sep 2023 · Ceasefire mediated by the peacekeepers"
  std::string line;                  // one line of detail
};

// A locator inset: the wider area around the map, its context layers drawn in a view of their own, with the map's
// frame outlined on it. The layout chooses where the inset's box goes; its pixels count from the box's top-left.
struct InsetMap {
  View view;                         // the wider area, in the frame's CRS, at the inset's size in pixels
  std::vector<LayerDraw> layers;     // context layers (the bottom area layer), in VIEW
  std::vector<XY> footprint;         // the main map's edge as VIEW's pixels, closed
  Rgba background{0.80f, 0.87f, 0.92f, 1};
};

struct Furniture {
  std::string title;
  std::string date;                  // large date stamp; "" for none
  std::string date_note;             // the time rule under the stamp ("state at the end of the day, local time")
  std::vector<LegendEntry> legend;   // top layer first; empty: no legend
  double scale_bar_metres_per_px = 0;  // at the map centre, for the scale bar; 0: no scale bar
  std::string attribution;           // sources of the layers shown, wrapped along the bottom; "" for none
  float north_arrow_deg = 0;         // where north points, clockwise from up; NaN for no arrow
  bool show_north_arrow = false;
  std::optional<Caption> caption;
  std::optional<InsetMap> inset;
};

// Height of one line of the sources band along the bottom of the image.
inline float attribution_band_px(float ui_scale) { return 22 * ui_scale; }

// The screen's mark on what the user picked, in projected units: drawn over the layers and under the labels and the
// furniture, so it never covers the legend, a caption or the picked place's own name. Exports leave it empty.
struct Highlight {
  std::vector<std::vector<XY>> lines;  // outlines
  std::vector<XY> rings;               // points, each ringed
};

struct Frame {
  View view;
  float day = 0;                     // days since the scenario origin
  float seconds = 0;                 // wall clock driving animated flows; 0 in exports, so they repeat exactly
  uint64_t generation = 0;           // changes whenever any layer's geometry or styles change
  Rgba background{0.80f, 0.87f, 0.92f, 1};
  std::vector<LayerDraw> layers;     // bottom first
  std::vector<uint64_t> resident;    // every source the scene still holds, drawn in this frame or not: a backend may
                                     // drop its copies of the others
  std::vector<Label> labels;         // candidates: placed by rank, higher first; those that would overlap are dropped
  std::vector<std::string> layer_titles;  // of every atlas layer, bottom first: what labels and symbols belong to
  std::vector<Label> fixed_labels;   // drawn where given (graticule degrees), pixel anchors in world = pixels
  std::vector<Symbol> symbols;       // every point symbol drawn
  Furniture furniture;
  Highlight highlight;
};

}  // namespace chronoatlas::render
