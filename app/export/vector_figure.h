#pragma once
// A frame written as an SVG or a PDF: laid out with the same faces and measure as the PNG of the frame (so labels
// stand where they stand on screen), drawn by the vector walker, and published atomically.
#include <string>
#include <vector>

#include "base/result.h"
#include "export/svg_canvas.h"
#include "geo/vector_data.h"
#include "render/frame.h"
#include "text/shaper.h"

namespace chronoatlas::exporting {

enum class FigureFormat { Png, Svg, Pdf };
// By the name's extension (any case); an extension that is none of them is an error naming the ones there are.
Result<FigureFormat> figure_format(const std::string& path);

// A drawn layer's features as a georeferenced PDF's logical structure lists them (Acrobat's Model Tree, ogrinfo): one
// point a feature, where its label goes, with every attribute.
struct FeatureTable {
  std::string layer;                 // the drawn layer's title: the PDF layer it is filed under
  geo::VectorLayer points;           // WGS84
  std::string name_field;            // what names a feature in the tree; "": its number
};

struct VectorFigure {
  std::string path;                  // .svg or .pdf
  bool overwrite = false;
  std::vector<std::string> inputs;   // never overwritten
  int dpi = 0;                       // printed size: pixels per inch; 0: 96, a CSS pixel
  FigureText text;
  std::string crs_wkt;               // the view's CRS: a PDF is georeferenced and layered (GDAL); "": plain cairo
  bool outline_complex = false;      // SVG: complex scripts as glyph outlines instead of <text>
  std::vector<FeatureTable> features;  // PDF: what its logical structure lists
};

Status write_vector_figure(const render::Frame& frame, text::Shaper& shaper, const VectorFigure& figure);

}  // namespace chronoatlas::exporting
