#pragma once
// A PDF drawn through cairo: paths and circles as vector paths, text as the very glyphs HarfBuzz chose, in their fonts
// (cairo subsets and embeds them), each run mapped back to its characters so the text can be searched and copied.
#include <memory>
#include <string>
#include <unordered_map>

#include "base/result.h"
#include "export/svg_canvas.h"
#include "render/vector_canvas.h"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _cairo_font_face cairo_font_face_t;

namespace chronoatlas::exporting {

class PdfCanvas : public render::VectorCanvas {
 public:
  // A one-page PDF at PATH of WIDTH x HEIGHT image pixels, each PT_PER_PX points wide, with META as its metadata. Errors
  // are cairo's words, for the caller to put after the file's name.
  static Result<std::unique_ptr<PdfCanvas>> create(const std::string& path, int width_px, int height_px,
                                                   double pt_per_px, const FigureText& meta);
  ~PdfCanvas() override;
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  void begin_group(const std::string&) override {}  // layers come from the georeferenced composition, not cairo
  void end_group() override {}
  void path(const render::PathData& path, const render::Paint& paint) override;
  void circle(XY centre, float radius_px, const render::Paint& paint) override;
  void text(const render::TextPiece& piece, const render::Paint& paint) override;
  // Completes the file; an error says what cairo reported.
  Status finish();

 private:
  PdfCanvas() = default;
  void fill_and_stroke(const render::Paint& paint, bool even_odd);
  cairo_font_face_t* font(const text::Face& face);

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  std::unordered_map<const text::Face*, cairo_font_face_t*> fonts_;
};

}  // namespace chronoatlas::exporting
