#pragma once
// What a vector output (SVG, PDF) is asked to draw, in image pixels (y down): named groups, paths, circles and runs of
// shaped text. The frame walker (vector_frame.h) decides everything a picture needs; a canvas only writes it.
#include <string>
#include <vector>

#include "base/colour.h"
#include "base/geometry_types.h"
#include "text/font_set.h"
#include "text/shaper.h"

namespace chronoatlas::render {

// Alpha 0 means none: no fill, or no stroke.
constexpr Rgba kNoPaint{0, 0, 0, 0};
struct Paint {
  Rgba fill = kNoPaint;
  Rgba stroke = kNoPaint;
  float stroke_width_px = 0;
};
inline Paint filled(Rgba c) { return {c, kNoPaint, 0}; }
inline Paint stroked(Rgba c, float width_px) { return {kNoPaint, c, width_px}; }

// Polylines back to back: POINTS with STARTS (first point of each, and a final end marker).
struct PathData {
  std::vector<XY> points;
  std::vector<size_t> starts;
  bool closed = false;  // rings of one area, filled even-odd
};

// One run of one face: the string as written (logical order) and its glyphs as HarfBuzz placed them.
struct TextPiece {
  std::string text;
  const text::Face* face = nullptr;
  std::vector<uint32_t> glyph_ids;
  std::vector<XY> glyph_origins;  // image pixels, y down
  std::vector<uint32_t> glyph_clusters;  // byte offset in TEXT of the character each glyph came from
  XY start;                       // the baseline's left end
  float width_px = 0;
  float size_px = 13;
  bool right_to_left = false;
  uint32_t script = 0;            // ISO 15924 tag, as HarfBuzz spells it
};

class VectorCanvas {
 public:
  virtual ~VectorCanvas() = default;
  // Groups nest; a top-level group is a layer a drawing program lets one hide, lock and edit.
  virtual void begin_group(const std::string& name) = 0;
  virtual void end_group() = 0;
  virtual void path(const PathData& path, const Paint& paint) = 0;
  virtual void circle(XY centre, float radius_px, const Paint& paint) = 0;
  // PAINT's fill draws the glyphs, its stroke a halo: a canvas is called once for the halo and once for the ink.
  virtual void text(const TextPiece& piece, const Paint& paint) = 0;
};

}  // namespace chronoatlas::render
