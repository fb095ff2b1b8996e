#include "export/geo_pdf.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include <gdal_priv.h>

#include "export/output_files.h"
#include "export/svg_canvas.h"
#include "geo/gdal_setup.h"

namespace chronoatlas::exporting {

LayeredPdfCanvas::LayeredPdfCanvas(std::string folder, int width_px, int height_px, double pt_per_px)
    : folder_(std::move(folder)), width_px_(width_px), height_px_(height_px), pt_per_px_(pt_per_px) {}

void LayeredPdfCanvas::open(const std::string& name) {
  close();
  if (!status_) return;
  const std::string file = (std::filesystem::path(folder_) / ("layer-" + std::to_string(layers_.size()) + ".pdf")).string();
  auto made = PdfCanvas::create(file, width_px_, height_px_, pt_per_px_, {name, ""});
  if (!made) {
    status_ = Error{made.error()};
    return;
  }
  canvas_ = std::move(*made);
  layers_.push_back({name, file});
}

void LayeredPdfCanvas::close() {
  if (!canvas_) return;
  if (auto s = canvas_->finish(); !s && status_) status_ = s;
  canvas_.reset();
}

// Drawing outside any group (none of the walk's does) goes to a layer of its own rather than being lost.
render::VectorCanvas* LayeredPdfCanvas::current() {
  if (!canvas_ && status_) open("Map");
  return canvas_.get();
}

void LayeredPdfCanvas::begin_group(const std::string& name) {
  if (depth_++ == 0) open(name);
}

void LayeredPdfCanvas::end_group() {
  if (depth_ > 0 && --depth_ == 0) close();
}

void LayeredPdfCanvas::path(const render::PathData& p, const render::Paint& paint) {
  if (auto* c = current()) c->path(p, paint);
}
void LayeredPdfCanvas::circle(XY centre, float r, const render::Paint& paint) {
  if (auto* c = current()) c->circle(centre, r, paint);
}
void LayeredPdfCanvas::text(const render::TextPiece& t, const render::Paint& paint) {
  if (auto* c = current()) c->text(t, paint);
}

std::string composition_xml(const GeoPage& page, const std::vector<LayeredPdfCanvas::Layer>& layers,
                            const std::vector<StructureFile>& structure) {
  const render::View& v = page.view;
  // To the hundredth of a point, as cairo writes the layers' pages: GDAL wants the sizes equal.
  const double w_pt = std::round(v.width_px * page.pt_per_px * 100) / 100;
  const double h_pt = std::round(v.height_px * page.pt_per_px * 100) / 100;
  auto number = [](double x) {
    char b[40];
    std::snprintf(b, sizeof b, "%.17g", x);
    return std::string(b);
  };
  // In the schema's order: Creator, Subject, Title.
  std::string x = "<PDFComposition>\n  <Metadata>\n    <Creator>Chronoatlas</Creator>\n";
  if (!page.text.description.empty()) x += "    <Subject>" + xml_escaped(page.text.description) + "</Subject>\n";
  x += "    <Title>" + xml_escaped(page.text.title) + "</Title>\n  </Metadata>\n  <LayerTree>\n";
  for (size_t i = 0; i < layers.size(); ++i)
    x += "    <Layer id=\"layer" + std::to_string(i) + "\" name=\"" + xml_escaped(layers[i].name) + "\"/>\n";
  char size[64];
  std::snprintf(size, sizeof size, "<Width>%.2f</Width>\n    <Height>%.2f</Height>", w_pt, h_pt);
  x += "  </LayerTree>\n  <Page>\n    <DPI>72</DPI>\n    " + std::string(size) + "\n    <Georeferencing id=\"map\">\n      <SRS>" + xml_escaped(page.crs_wkt) + "</SRS>\n";
  // PDF coordinates run up from the bottom-left corner; the image's pixels down from the top-left.
  for (const auto& [px, py] : {std::pair{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
    const XY world = v.to_world({static_cast<double>(px * v.width_px), static_cast<double>((1 - py) * v.height_px)});
    x += "      <ControlPoint x=\"" + number(px * w_pt) + "\" y=\"" + number(py * h_pt) + "\" GeoX=\"" +
         number(world.x) + "\" GeoY=\"" + number(world.y) + "\"/>\n";
  }
  x += "    </Georeferencing>\n    <Content>\n";
  for (size_t i = 0; i < layers.size(); ++i) {
    x += "      <IfLayerOn layerId=\"layer" + std::to_string(i) + "\"><PDF dataset=\"" + xml_escaped(layers[i].file) + "\"/>";
    for (const StructureFile& s : structure)
      if (s.layer == layers[i].name)
        x += "<Vector dataset=\"" + xml_escaped(s.file) + "\" layer=\"" + xml_escaped(s.ogr_layer) +
             "\" georeferencingId=\"map\" visible=\"false\"><LogicalStructure displayLayerName=\"" + xml_escaped(s.layer) +
             "\"" + (s.name_field.empty() ? "" : " fieldToDisplay=\"" + xml_escaped(s.name_field) + "\"") +
             "/></Vector>";
    x += "</IfLayerOn>\n";
  }
  x += "    </Content>\n  </Page>\n</PDFComposition>\n";
  return x;
}

Status compose_pdf(const GeoPage& page, const std::vector<LayeredPdfCanvas::Layer>& layers,
                   const std::vector<StructureFile>& structure, const std::string& folder, const std::string& path) {
  geo::init_gdal();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("PDF");
  if (!driver) return Error{"GDAL has no PDF driver"};
  const std::string xml_path = (std::filesystem::path(folder) / "composition.xml").string();
  if (auto s = write_file(xml_path, path, composition_xml(page, layers, structure)); !s) return s;
  const std::string option = "COMPOSITION_FILE=" + xml_path;
  const char* options[] = {option.c_str(), nullptr};
  // GDAL's words are kept for the message, not printed: a render's output is its own lines.
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
  GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, const_cast<char**>(options));
  const std::string why = CPLGetLastErrorMsg();
  CPLPopErrorHandler();
  if (!ds) return Error{"GDAL could not compose the PDF: " + why};
  GDALClose(ds);
  return Ok{};
}

}  // namespace chronoatlas::exporting
