#include "export/vector_figure.h"

#include <algorithm>
#include <filesystem>

#include "export/geo_pdf.h"
#include "export/output_files.h"
#include "export/pdf_canvas.h"
#include "geo/vector_write.h"
#include "render/overlay_layout.h"
#include "render/vector_frame.h"

namespace chronoatlas::exporting {

Result<FigureFormat> figure_format(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".png") return FigureFormat::Png;
  if (ext == ".svg") return FigureFormat::Svg;
  if (ext == ".pdf") return FigureFormat::Pdf;
  return Error{path + ": the output name must end in .png, .svg or .pdf"};
}

namespace {

// Points per image pixel: the stated print resolution, or a CSS pixel (96 to the inch).
double points_per_px(int dpi) { return 72.0 / (dpi > 0 ? dpi : 96); }

// The working folder of a georeferenced PDF: named like a temporary, so a later render removes it if this one dies.
std::string layers_folder(const std::string& path) { return temporary_name(path + ".layers"); }

// FRAME as a layered, georeferenced PDF at TEMP: a PDF per layer in a folder beside it, composed by GDAL, the folder
// removed whatever happens.
Status write_geo_pdf(const render::Frame& frame, const render::OverlayLayout& overlay, text::Shaper& shaper,
                     const VectorFigure& f, const std::string& temp) {
  const std::string folder = layers_folder(f.path);
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Error{f.path + ": cannot make a working folder beside it (" + ec.message() + ")"};
  const GeoPage page{frame.view, points_per_px(f.dpi), f.crs_wkt, f.text};
  LayeredPdfCanvas layers(folder, frame.view.width_px, frame.view.height_px, page.pt_per_px);
  render::draw_vector_frame(frame, overlay, shaper, layers);
  Status s = layers.status();
  std::vector<StructureFile> structure;
  for (size_t i = 0; i < f.features.size() && s; ++i) {
    const std::string file = (std::filesystem::path(folder) / ("features-" + std::to_string(i) + ".geojson")).string();
    s = geo::write_geojson(f.features[i].points, file);
    // GDAL names a GeoJSON file's layer after the file.
    structure.push_back({f.features[i].layer, file, std::filesystem::path(file).stem().string(), f.features[i].name_field});
  }
  if (!s) s = Error{f.path + ": " + s.error()};
  else s = compose_pdf(page, layers.layers(), structure, folder, temp);
  if (!s && s.error().rfind(f.path, 0) != 0) s = Error{f.path + ": " + s.error()};
  std::filesystem::remove_all(folder, ec);
  return s;
}

}  // namespace

Status write_vector_figure(const render::Frame& frame, text::Shaper& shaper, const VectorFigure& f) {
  auto format = figure_format(f.path);
  if (!format) return Error{format.error()};
  if (*format == FigureFormat::Png) return Error{f.path + ": a PNG is drawn by the GL backend"};
  if (auto s = check_outputs({f.path}, f.inputs, f.overwrite); !s) return s;
  remove_stale_temporaries({f.path, f.path + ".layers"});
  const render::OverlayLayout overlay = render::layout_overlay(
      frame, [&](const std::string& s, const render::TextStyle& st) { return render::shaped_box(shaper.shape(s, st.bold), st); });
  auto claimed = claim_temporary(f.path);
  if (!claimed) return Error{claimed.error()};
  const std::string temp = *claimed;
  const int width = frame.view.width_px, height = frame.view.height_px;
  Status written = Ok{};
  if (*format == FigureFormat::Svg) {
    SvgCanvas svg(width, height, f.dpi, f.text, f.outline_complex);
    render::draw_vector_frame(frame, overlay, shaper, svg);
    written = write_file(temp, f.path, svg.finish());
  } else if (f.crs_wkt.empty()) {
    auto pdf = PdfCanvas::create(temp, width, height, points_per_px(f.dpi), f.text);
    if (!pdf) return Error{f.path + ": " + pdf.error()};
    render::draw_vector_frame(frame, overlay, shaper, **pdf);
    written = (*pdf)->finish();
    if (!written) written = Error{f.path + ": " + written.error()};
  } else {
    written = write_geo_pdf(frame, overlay, shaper, f, temp);
  }
  if (!written) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    return written;
  }
  return publish({temp}, {f.path});
}

}  // namespace chronoatlas::exporting
