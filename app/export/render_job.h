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
  std::string out_png;
  bool overwrite = false;
  bool geotiff = false;  // also FILE.tif
  int dpi = 0;           // the print resolution the files state; 0: none
  std::vector<std::string> inputs;      // files the map was read from: refused as outputs
};

// Every file SCENE was read from: the scenario's manifest and sources and each layer's data (sidecars are added
// when outputs are checked).
std::vector<std::string> input_files(const render::MapScene& scene);

// Draws JOB's frame offscreen (tiled if large) and writes PNG, .pgw and .prj atomically. Needs the GL context.
Status render_to_files(render::MapScene& scene, render::MapRenderer& renderer, const RenderJob& job);

}  // namespace chronoatlas::exporting
