#pragma once
// A string made into positioned glyphs: split into runs of one direction, script and face (bidi by FriBidi, faces by
// the font chain), each run shaped by HarfBuzz, the runs set out left to right in visual order. Positions are in ems,
// so one shaping serves every size; the raw font units are kept for checking against hb-shape.
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/font_set.h"

namespace chronoatlas::text {

struct ShapedGlyph {
  uint32_t id = 0;       // glyph index in the run's face
  uint32_t cluster = 0;  // byte offset in the string of the character it came from
  int32_t advance_units = 0, x_offset_units = 0, y_offset_units = 0;  // as HarfBuzz gave them, font units
  float x_em = 0, y_em = 0;  // where the glyph's origin sits from the string's start, ems (y up)
};

struct ShapedRun {
  int face = -1;
  uint32_t script = 0;  // ISO 15924 tag, as HarfBuzz spells it
  bool right_to_left = false;
  size_t begin = 0, end = 0;          // bytes of the string
  std::vector<ShapedGlyph> glyphs;    // left to right
};

struct ShapedText {
  std::vector<ShapedRun> runs;  // left to right on the line
  float advance_em = 0;
  float ink_top_em = 0, ink_bottom_em = 0;  // how far ink rises above and falls below the baseline, ems
  std::u32string missing;                   // characters no installed face has, left out
};

class Shaper {
 public:
  explicit Shaper(FontSet& fonts) : fonts_(fonts) {}
  // UTF8 shaped in the regular or the bold chain. Kept for reuse: labels are measured and drawn every frame.
  const ShapedText& shape(const std::string& utf8, bool bold);
  FontSet& fonts() { return fonts_; }
  // Each character no face has, once per process run, with the first string it was met in.
  std::vector<std::string> take_warnings();

 private:
  ShapedText shape_uncached(const std::string& utf8, bool bold);
  void note_missing(const std::string& utf8, char32_t cp);

  FontSet& fonts_;
  // Least recently used first; at most kKept strings, so a scrolling search box cannot grow it without bound.
  static constexpr size_t kKept = 4096;
  std::list<std::pair<std::string, ShapedText>> kept_;
  std::unordered_map<std::string, std::list<std::pair<std::string, ShapedText>>::iterator> index_;
  std::u32string reported_;
  std::vector<std::string> warnings_;
};

}  // namespace chronoatlas::text
