#include "render_support.h"

#include <cmath>
#include <fstream>
#include <sstream>


#include "document/story_document.h"
#include "platform/paths.h"
#include "export/render_job.h"
#include "image_compare.h"
#include "png_read.h"

using namespace chronoatlas;

chronoatlas::Status render_scenario(const std::string& dir, int width, int height, const std::string& date,
                                    const std::string& out_file, const RenderOptions& options) {
  auto scenario = story::load_scenario(dir);
  if (!scenario) return Error{scenario.error()};
  if (options.bbox) scenario->view = *options.bbox;
  if (!options.labels)
    for (auto& l : scenario->layers) l.style.label_field.clear();
  std::vector<std::string> warnings;
  auto doc = document::StoryDocument::open(*scenario, warnings);
  if (!doc) return Error{doc.error()};
  auto scene = std::make_unique<render::MapScene>((*doc)->atlas());
  auto projection = render::scenario_projection(*scenario);
  if (!projection) return Error{projection.error()};
  auto renderer = render::MapRenderer::create(platform::font_dir());
  if (!renderer) return Error{renderer.error()};
  exporting::RenderJob job;
  job.view = scene->default_view(*projection, width, height, 1);
  job.day = *story::parse_iso_date(date);
  if (!options.furniture) {
    auto& f = job.furniture;
    f.title = f.date = f.legend = f.scale_bar = f.north_arrow = f.attribution = f.graticule = false;
  }
  job.out_file = out_file;
  job.overwrite = true;
  return exporting::render_to_files(*scene, **renderer, job);
}

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

GeoImage read_georeferenced(const std::string& png_path) {
  GeoImage g;
  g.pixels = read_image(png_path);
  std::string base = png_path.substr(0, png_path.size() - 4);
  std::istringstream wld(slurp(base + ".pgw"));
  double b, d;
  wld >> g.a >> d >> b >> g.e >> g.c >> g.f;
  g.prj_wkt = slurp(base + ".prj");
  return g;
}

PixelPos GeoImage::pixel_of(double lon, double lat) const {
  const auto [x, y] = projected(prj_wkt, lon, lat);
  // The world file names the centre of the top-left pixel.
  return {static_cast<int>(std::lround((x - c) / a)), static_cast<int>(std::lround((y - f) / e))};
}

std::array<int, 4> GeoImage::rgb_at(int x, int y) const {
  if (x < 0 || y < 0 || x >= pixels.width || y >= pixels.height) return {-1000, -1000, -1000, -1000};
  const uint8_t* p = &pixels.rgba[(static_cast<size_t>(y) * pixels.width + x) * 4];
  return {p[0], p[1], p[2], p[3]};
}
