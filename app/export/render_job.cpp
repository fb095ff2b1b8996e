#include "export/render_job.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "build_config.h"
#include "export/vector_figure.h"
#include "model/layer_times.h"
#include "render/alt_text.h"
#include "render/offscreen.h"

namespace chronoatlas::exporting {

namespace {

std::string alt_text(const render::Frame& frame, const RenderJob& job) {
  return job.alt_text.empty() ? render::draft_alt_text(frame) : job.alt_text;
}

// Layers with more features than this are left out of a PDF's logical structure: listed there, a huge layer would
// make the file many times larger than its drawing.
constexpr size_t kStructureFeatures = 20000;

// The features each drawn layer shows on the frame's date, at their label points, for the PDF's logical structure.
std::vector<FeatureTable> feature_tables(const render::MapScene& scene, const render::Frame& frame, story::Days day) {
  std::vector<FeatureTable> out;
  const std::vector<model::AtlasLayer>& layers = scene.atlas().layers();
  for (size_t li = 0; li < layers.size(); ++li) {
    const model::AtlasLayer& l = layers[li];
    const render::PreparedLayer* p = scene.prepared(li);
    const bool drawn = p && std::any_of(frame.layers.begin(), frame.layers.end(),
                                        [&](const render::LayerDraw& d) { return d.source == p->atlas_id; });
    if (!drawn || l.data->features.size() > kStructureFeatures) continue;
    FeatureTable t{l.spec.title, {}, l.spec.style.label_field};
    t.points.name = "features";
    t.points.fields = l.data->fields;
    model::for_each_live(l, day, [&](size_t i) {
      const LonLat at = i < p->geometry.label_anchor.size() ? p->geometry.label_anchor[i] : LonLat{NAN, NAN};
      if (std::isfinite(at.lon) && std::isfinite(at.lat))
        t.points.features.push_back({l.data->features[i].fid, {}, {}, {at}, l.data->features[i].values});
    });
    if (!t.points.features.empty()) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::vector<std::string> input_files(const render::MapScene& scene) {
  const std::filesystem::path dir(scene.scenario().dir);
  std::vector<std::string> out;
  if (!dir.empty()) out = {(dir / "scenario.json").string(), (dir / "sources.json").string()};
  for (const model::AtlasLayer& l : scene.atlas().layers())
    if (!l.spec.source.empty()) out.push_back(l.spec.source);
  return out;
}

Status render_to_files(render::MapScene& scene, render::MapRenderer& renderer, const RenderJob& job) {
  auto format = figure_format(job.out_file);
  if (!format) return Error{format.error()};
  if (*format != FigureFormat::Png) return render_vector_figure(scene, renderer.shaper(), job);
  render::Frame frame = scene.frame(job.view, job.day, job.furniture);
  auto image = render::render_image(renderer, frame);
  if (!image) return Error{image.error()};
  const render::View& v = job.view.pixels();
  XY tl = v.to_world({0, 0}), br = v.to_world({static_cast<double>(v.width_px), static_cast<double>(v.height_px)});
  char extent[160];
  std::snprintf(extent, sizeof extent, "%.3f,%.3f,%.3f,%.3f", tl.x, br.y, br.x, tl.y);
  ExportRequest req;
  req.png_path = job.out_file;
  req.overwrite = job.overwrite;
  req.geotiff = job.geotiff;
  req.dpi = job.dpi;
  req.crs_wkt = job.view.projection().wkt();
  req.inputs = job.inputs;
  req.text = {{"Title", scene.scenario().title},
              {"Software", std::string("Chronoatlas ") + CHRONOATLAS_VERSION},
              {"Scenario", std::filesystem::path(scene.scenario().dir).filename().string()},
              {"Date", story::format_date(job.day)},
              {"CRS", job.view.projection().definition()},
              {"Extent", extent},
              {"Source", scene.scenario().attribution},
              {"Description", alt_text(frame, job)}};
  return write_map_files(*image, v, req);
}

Status render_vector_figure(render::MapScene& scene, text::Shaper& shaper, const RenderJob& job) {
  const render::Frame frame = scene.frame(job.view, job.day, job.furniture);
  VectorFigure figure{job.out_file, job.overwrite, job.inputs, job.dpi, {scene.scenario().title, alt_text(frame, job)},
                      job.view.projection().wkt(), job.outline_complex, {}};
  if (auto format = figure_format(job.out_file); format && *format == FigureFormat::Pdf)
    figure.features = feature_tables(scene, frame, job.day);
  return write_vector_figure(frame, shaper, figure);
}

}  // namespace chronoatlas::exporting
