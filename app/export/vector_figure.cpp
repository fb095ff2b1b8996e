#include "export/vector_figure.h"

#include <algorithm>
#include <filesystem>

#include "export/output_files.h"
#include "export/pdf_canvas.h"
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

Status write_vector_figure(const render::Frame& frame, text::Shaper& shaper, const VectorFigure& f) {
  auto format = figure_format(f.path);
  if (!format) return Error{format.error()};
  if (*format == FigureFormat::Png) return Error{f.path + ": a PNG is drawn by the GL backend"};
  if (auto s = check_outputs({f.path}, f.inputs, f.overwrite); !s) return s;
  remove_stale_temporaries({f.path});
  const render::OverlayLayout overlay = render::layout_overlay(
      frame, [&](const std::string& s, const render::TextStyle& st) { return render::shaped_box(shaper.shape(s, st.bold), st); });
  const std::string temp = temporary_name(f.path);
  const int width = frame.view.width_px, height = frame.view.height_px;
  Status written = Ok{};
  if (*format == FigureFormat::Svg) {
    SvgCanvas svg(width, height, f.dpi, f.text);
    render::draw_vector_frame(frame, overlay, shaper, svg);
    written = write_file(temp, f.path, svg.finish());
  } else {
    auto pdf = PdfCanvas::create(temp, width, height, 72.0 / (f.dpi > 0 ? f.dpi : 96), f.text);
    if (!pdf) return Error{f.path + ": " + pdf.error()};
    render::draw_vector_frame(frame, overlay, shaper, **pdf);
    written = (*pdf)->finish();
    if (!written) written = Error{f.path + ": " + written.error()};
  }
  if (!written) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    return written;
  }
  return publish({temp}, {f.path});
}

}  // namespace chronoatlas::exporting
