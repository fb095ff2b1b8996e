#include "export/render_job.h"

#include <cstdio>

#include "build_config.h"
#include "render/offscreen.h"

namespace chronoatlas::exporting {

render::View scaled_view(const render::View& screen, int width_px, int height_px) {
  render::View v = screen;
  double factor = static_cast<double>(width_px) / screen.width_px;
  v.width_px = width_px;
  v.height_px = height_px;
  v.units_per_px = screen.units_per_px / factor;
  v.ui_scale = static_cast<float>(screen.ui_scale * factor);
  return v;
}

Status render_to_files(render::MapScene& scene, render::MapRenderer& renderer, const RenderJob& job) {
  render::Frame frame = scene.frame(job.view, job.day, job.furniture);
  auto image = render::render_image(renderer, frame);
  if (!image) return Error{image.error()};
  const render::View& v = job.view;
  XY tl = v.to_world({0, 0}), br = v.to_world({static_cast<double>(v.width_px), static_cast<double>(v.height_px)});
  char extent[160];
  std::snprintf(extent, sizeof extent, "%.3f,%.3f,%.3f,%.3f", tl.x, br.y, br.x, tl.y);
  ExportRequest req;
  req.png_path = job.out_png;
  req.overwrite = job.overwrite;
  req.geotiff = job.geotiff;
  req.crs_wkt = scene.projection().wkt();
  req.text = {{"Title", scene.scenario().title},
              {"Software", std::string("Chronoatlas ") + CHRONOATLAS_VERSION},
              {"Scenario", scene.scenario().dir},
              {"Date", story::format_date(job.day)},
              {"CRS", scene.projection().definition()},
              {"Extent", extent},
              {"Source", scene.scenario().attribution}};
  return write_map_files(*image, v, req);
}

}  // namespace chronoatlas::exporting
