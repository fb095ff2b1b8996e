#pragma once
// A georeferenced, layered PDF through GDAL's PDF composition: each top-level group of the vector walk drawn by cairo
// into a PDF of its own, then composed into one page where each is an optional-content layer a reader can hide, with
// control points that give the page the view's CRS and transform (gdalinfo reads them; Acrobat measures with them).
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "export/pdf_canvas.h"
#include "render/vector_canvas.h"
#include "render/view.h"

namespace chronoatlas::exporting {

// Splits a walk into one PDF per top-level group, written in FOLDER.
class LayeredPdfCanvas : public render::VectorCanvas {
 public:
  LayeredPdfCanvas(std::string folder, int width_px, int height_px, double pt_per_px);
  void begin_group(const std::string& name) override;
  void end_group() override;
  void path(const render::PathData& path, const render::Paint& paint) override;
  void circle(XY centre, float radius_px, const render::Paint& paint) override;
  void text(const render::TextPiece& piece, const render::Paint& paint) override;

  struct Layer {
    std::string name, file;
  };
  // The layers written, bottom first; the first failure to write one, if any.
  const std::vector<Layer>& layers() const { return layers_; }
  const Status& status() const { return status_; }

 private:
  VectorCanvas* current();
  void open(const std::string& name);
  void close();
  std::string folder_;
  int width_px_, height_px_;
  double pt_per_px_;
  int depth_ = 0;
  std::unique_ptr<PdfCanvas> canvas_;
  std::vector<Layer> layers_;
  Status status_ = Ok{};
};

struct GeoPage {
  render::View view;     // what the page shows: its pixel size and the projected extent
  double pt_per_px = 0.75;
  std::string crs_wkt;
  FigureText text;
};

// Features listed in the PDF's logical structure under a layer: a file GDAL reads, its layer, the naming field.
struct StructureFile {
  std::string layer, file, ogr_layer, name_field;
};

// The composition GDAL's PDF driver is given: one page, its georeferencing, a layer per element of LAYERS, and
// under each the features of STRUCTURE filed under it, not drawn (the layer's PDF draws them).
std::string composition_xml(const GeoPage& page, const std::vector<LayeredPdfCanvas::Layer>& layers,
                            const std::vector<StructureFile>& structure);

// Composes LAYERS (and STRUCTURE) into the PDF at PATH, the composition written in FOLDER; an error says what GDAL
// reported.
Status compose_pdf(const GeoPage& page, const std::vector<LayeredPdfCanvas::Layer>& layers,
                   const std::vector<StructureFile>& structure, const std::string& folder, const std::string& path);

}  // namespace chronoatlas::exporting
