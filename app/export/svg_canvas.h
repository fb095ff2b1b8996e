#pragma once
// An SVG a drawing program opens as layers: every top-level group an Inkscape layer (inkscape:groupmode) with the
// name as its id, which Illustrator shows as the layer's name; presentation attributes only (no CSS, no paint-order);
// one face per <text>, named by its PostScript name; a halo as a stroked copy under the text.
#include <set>
#include <string>

#include "render/vector_canvas.h"

namespace chronoatlas::exporting {

struct FigureText {
  std::string title;        // of the figure
  std::string description;  // alt text
};

// Whether a script's text needs shaping (joining, reordering, conjuncts) that a drawing program may not do as
// HarfBuzz did: Arabic, Hebrew, Syriac, Thaana, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer.
bool complex_script(uint32_t iso15924);

class SvgCanvas : public render::VectorCanvas {
 public:
  // An image of WIDTH x HEIGHT pixels; DPI > 0 also states its printed size (in mm).
  // OUTLINE_COMPLEX: runs of complex scripts become paths of the shaped glyphs, exact wherever the file is opened.
  SvgCanvas(int width_px, int height_px, int dpi, const FigureText& meta, bool outline_complex = false);
  void begin_group(const std::string& name) override;
  void end_group() override;
  void path(const render::PathData& path, const render::Paint& paint) override;
  void circle(XY centre, float radius_px, const render::Paint& paint) override;
  void text(const render::TextPiece& piece, const render::Paint& paint) override;
  // The document, every group closed.
  std::string finish();

 private:
  std::string unique_id(const std::string& name);
  void indent();
  void outlined(const render::TextPiece& piece, const render::Paint& paint);
  bool outline_complex_ = false;
  std::string out_;
  int depth_ = 0;
  std::set<std::string> ids_;
};

// TEXT with XML's five special characters escaped, and control characters XML cannot hold left out.
std::string xml_escaped(const std::string& text);

}  // namespace chronoatlas::exporting
