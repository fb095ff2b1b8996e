#include "export/pdf_canvas.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <vector>

namespace chronoatlas::exporting {
namespace {

void set_colour(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

// Clusters of PIECE as cairo wants them: in the text's order, each naming its bytes and glyphs. HarfBuzz keeps a run's
// clusters monotonic (rising left to right, or falling in a right-to-left run, which cairo then reads backward).
std::vector<cairo_text_cluster_t> clusters_of(const render::TextPiece& t) {
  std::vector<uint32_t> order = t.glyph_clusters;
  if (t.right_to_left) order.assign(t.glyph_clusters.rbegin(), t.glyph_clusters.rend());
  std::vector<cairo_text_cluster_t> out;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && order[j] == order[i]) ++j;
    const uint32_t end = j < order.size() ? order[j] : static_cast<uint32_t>(t.text.size());
    if (end < order[i] || (i == 0 && order[i] != 0)) return {};  // not monotonic: one cluster for the whole run
    out.push_back({static_cast<int>(end - order[i]), static_cast<int>(j - i)});
    i = j;
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<PdfCanvas>> PdfCanvas::create(const std::string& path, int width_px, int height_px,
                                                     double pt_per_px, const FigureText& meta) {
  std::unique_ptr<PdfCanvas> c(new PdfCanvas);
  c->surface_ = cairo_pdf_surface_create(path.c_str(), width_px * pt_per_px, height_px * pt_per_px);
  if (cairo_surface_status(c->surface_) != CAIRO_STATUS_SUCCESS)
    return Error{cairo_status_to_string(cairo_surface_status(c->surface_))};
  cairo_pdf_surface_set_metadata(c->surface_, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  if (!meta.description.empty())
    cairo_pdf_surface_set_metadata(c->surface_, CAIRO_PDF_METADATA_SUBJECT, meta.description.c_str());
  cairo_pdf_surface_set_metadata(c->surface_, CAIRO_PDF_METADATA_CREATOR, "Chronoatlas");
  c->cr_ = cairo_create(c->surface_);
  cairo_scale(c->cr_, pt_per_px, pt_per_px);
  cairo_set_line_cap(c->cr_, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(c->cr_, CAIRO_LINE_JOIN_ROUND);
  return c;
}

PdfCanvas::~PdfCanvas() {
  if (cr_) cairo_destroy(cr_);
  for (auto& [face, font] : fonts_) cairo_font_face_destroy(font);
  if (surface_) cairo_surface_destroy(surface_);
}

void PdfCanvas::fill_and_stroke(const render::Paint& p, bool even_odd) {
  if (p.fill.a > 0) {
    cairo_set_fill_rule(cr_, even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
    set_colour(cr_, p.fill);
    cairo_fill_preserve(cr_);
  }
  if (p.stroke.a > 0 && p.stroke_width_px > 0) {
    set_colour(cr_, p.stroke);
    cairo_set_line_width(cr_, p.stroke_width_px);
    cairo_stroke_preserve(cr_);
  }
  cairo_new_path(cr_);
}

void PdfCanvas::path(const render::PathData& p, const render::Paint& paint) {
  for (size_t k = 0; k + 1 < p.starts.size(); ++k) {
    for (size_t i = p.starts[k]; i < p.starts[k + 1]; ++i)
      (i == p.starts[k] ? cairo_move_to : cairo_line_to)(cr_, p.points[i].x, p.points[i].y);
    if (p.closed) cairo_close_path(cr_);
  }
  fill_and_stroke(paint, p.closed);
}

void PdfCanvas::circle(XY c, float r, const render::Paint& paint) {
  cairo_new_sub_path(cr_);
  cairo_arc(cr_, c.x, c.y, r, 0, 2 * M_PI);
  fill_and_stroke(paint, false);
}

cairo_font_face_t* PdfCanvas::font(const text::Face& face) {
  auto it = fonts_.find(&face);
  if (it != fonts_.end()) return it->second;
  cairo_font_face_t* f = cairo_ft_font_face_create_for_ft_face(face.ft, 0);
  fonts_[&face] = f;
  return f;
}

void PdfCanvas::text(const render::TextPiece& t, const render::Paint& paint) {
  if (!t.face || t.glyph_ids.empty()) return;
  std::vector<cairo_glyph_t> glyphs;
  for (size_t i = 0; i < t.glyph_ids.size(); ++i)
    glyphs.push_back({t.glyph_ids[i], t.glyph_origins[i].x, t.glyph_origins[i].y});
  cairo_set_font_face(cr_, font(*t.face));
  cairo_set_font_size(cr_, t.size_px);
  if (paint.stroke.a > 0) {  // the halo: outlines, not text, so the words are found once
    cairo_glyph_path(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
    fill_and_stroke(render::stroked(paint.stroke, paint.stroke_width_px), false);
  }
  if (paint.fill.a <= 0) return;
  set_colour(cr_, paint.fill);
  std::vector<cairo_text_cluster_t> clusters = clusters_of(t);
  if (clusters.empty()) clusters = {{static_cast<int>(t.text.size()), static_cast<int>(glyphs.size())}};
  cairo_show_text_glyphs(cr_, t.text.data(), static_cast<int>(t.text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                         t.right_to_left ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0));
}

Status PdfCanvas::finish() {
  cairo_show_page(cr_);
  cairo_surface_finish(surface_);
  const cairo_status_t s = cairo_surface_status(surface_);
  if (s != CAIRO_STATUS_SUCCESS) return Error{cairo_status_to_string(s)};
  return Ok{};
}

}  // namespace chronoatlas::exporting
