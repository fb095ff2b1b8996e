#pragma once
// Prepare, then draw: the overlay of an image (labels placed without overlaps, title, date, legend, scale bar,
// sources and north arrow) laid out once per image as primitives a vector backend keeps as they are (text runs,
// rectangles, polylines, circles, polygons), each in a named group. Tiles of a large export draw the same layout, so
// labels and furniture never move between tiles, or between the screen and an export.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/frame.h"
#include "render/label_placement.h"

namespace chronoatlas::render {

// Every size, gap and colour of the overlay, in pixels at UI scale 1.
struct OverlayStyle {
  float pad_px = 14;                 // from the image's edges
  // The title is the largest text of the furniture; the date stamp stands out by its colour.
  TextStyle title{26, true, {0.12f, 0.12f, 0.14f, 1}, {1, 1, 1, 0.9f}};
  TextStyle date{20, true, {0.55f, 0.1f, 0.1f, 1}, {1, 1, 1, 0.9f}};
  TextStyle body{12.5f, false, {0.12f, 0.12f, 0.14f, 1}, {1, 1, 1, 0}};
  TextStyle small{11, false, {0.2f, 0.2f, 0.22f, 1}, {1, 1, 1, 0.9f}};
  Rgba ink{0.12f, 0.12f, 0.14f, 1};
  Rgba panel{1, 1, 1, 0.82f};        // behind the legend
  Rgba band{1, 1, 1, 0.88f};         // behind the sources line
  float above_band_px = 8;           // gap between the sources band and what sits above it
  float scale_bar_height_px = 6;
  float legend_row_px = 20, legend_swatch_px = 16, legend_gap_px = 6;
  float legend_max_share = 0.5f;     // of the image's width and height: a larger legend shrinks or goes
  float legend_text_px = 240;        // a layer's legend text wraps beyond this
  float north_arrow_length_px = 18;
  float caption_width_px = 560;      // widest the event caption gets
  float label_margin_px = 2;         // kept free around every label
  float leader_width_px = 1;
  Rgba leader{0.25f, 0.25f, 0.28f, 0.9f};
  Rgba inset_frame{0.25f, 0.25f, 0.28f, 1};
  Rgba inset_footprint{0.75f, 0.15f, 0.12f, 1};  // the main map's outline on the inset
  float fixed_label_gap_px = 6;      // around graticule degrees
};

enum class ShapeKind {
  Rect,      // POINTS: two opposite corners
  Polyline,  // POINTS: the vertices; SIZE_PX: its width
  Circle,    // POINTS: the centre; SIZE_PX: its radius
  Polygon,   // POINTS: the vertices of a filled polygon
};

// One shape of the overlay, in image pixels, filled with (or, a polyline, stroked in) COLOUR.
struct OverlayShape {
  ShapeKind kind = ShapeKind::Rect;
  std::vector<XY> points;
  float size_px = 0;
  Rgba colour;
  std::string group;  // what it is part of: "legend", "scale bar", "labels", ...
};

struct GlyphRun {
  std::string text;
  float x, y;  // baseline start, image pixels
  TextStyle style;
  std::string group;  // "title", "legend", "labels/<layer>", "graticule", ...
};

// Where the locator inset went, and what is drawn over its map: its frame and the main map's outline.
struct InsetPlacement {
  PixelBox box;
  std::vector<OverlayShape> over;
};

struct OverlayLayout {
  std::vector<GlyphRun> labels;          // map labels and graticule degrees, drawn first
  std::vector<OverlayShape> shapes;      // leader lines, furniture panels, bars and arrow, drawn over the labels
  std::vector<GlyphRun> furniture_text;  // drawn last
  std::vector<PixelBox> reserved;        // furniture boxes: labels keep out of them
  std::optional<InsetPlacement> inset;   // drawn after the shapes (its background is one, group "inset")
};

// Lays out FRAME's furniture, then its labels around it.
OverlayLayout layout_overlay(const Frame& frame, const MeasureText& measure, const OverlayStyle& style = {});

}  // namespace chronoatlas::render
