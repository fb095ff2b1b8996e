#pragma once
// The one path from a scene to files on disk, shared by the render command and the app's Export dialog.
#include <string>
#include <vector>

#include "base/result.h"
#include "export/map_export.h"
#include "render/map_renderer.h"
#include "render/map_scene.h"

namespace chronoatlas::exporting {

struct RenderJob {
  render::MapView view;                 // CRS, full output size and extent
  story::Days day = 0;                  // days since 1970
  render::FurnitureOptions furniture;
  std::string out_file;                 // .png (with .pgw, .prj, and .tif if asked), .svg or .pdf
  bool overwrite = false;
  bool geotiff = false;  // also FILE.tif
  int dpi = 0;           // the print resolution the files state; 0: none
  std::string alt_text;  // the figure's description for screen readers; "": drafted from the frame
  bool outline_complex = false;  // SVG: Arabic, Indic, Thai... runs as glyph outlines
  std::vector<std::string> inputs;      // files the map was read from: refused as outputs
};

// Every file SCENE was read from: the scenario's manifest and sources and each layer's data (sidecars are added
// when outputs are checked).
std::vector<std::string> input_files(const render::MapScene& scene);

// Draws JOB's frame and writes its files atomically: a PNG offscreen (tiled if large) with its .pgw and .prj, which
// needs the GL context; an SVG or PDF with the renderer's shaper, as render_vector_figure does.
Status render_to_files(render::MapScene& scene, render::MapRenderer& renderer, const RenderJob& job);
// JOB's frame as an SVG or PDF: no GL needed, only the fonts SHAPER sets text with.
Status render_vector_figure(render::MapScene& scene, text::Shaper& shaper, const RenderJob& job);

}  // namespace chronoatlas::exporting
