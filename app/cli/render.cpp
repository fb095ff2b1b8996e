#include <cstdio>

#include "build_config.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/render_job.h"
#include "export/video.h"
#include "export/view_file.h"
#include "platform/headless_context.h"

namespace chronoatlas::cli {
namespace {

const char* kHelp = R"(Usage: chronoatlas render [options] --out FILE.png
Draws the map offscreen (no display needed) and writes FILE.png, FILE.pgw (world file) and FILE.prj.
  --scenario DIR        scenario folder (default: the bundled Karabakh scenario)
  --view FILE           a view saved from the app: scenario, date, CRS, centre, scale, size, styles, furniture
  --layer PATH          add a vector file's layers on top (repeatable)
  --crs CRS             output projection: EPSG code, PROJ string or WKT (default: the scenario's)
  --bbox W,S,E,N        area to show, degrees; the image shows at least this (default: the scenario's view)
  --size WxH            image size in pixels, up to 16384 a side, drawn in tiles (default 1920x1080)
  --scale S             line, symbol and text scale (default 1; 2 for a 2x export)
  --date YYYY-MM-DD     date to draw (default: the scenario's initial date)
  --frames S:E:STEP     one image per STEP days from S to E: FILE-0001.png, FILE-0002.png, ...
  --video FILE          with --frames: encode them to FILE.mp4 or FILE.gif with ffmpeg
  --fps N               frames per second of the video (default 8)
  --title TEXT          title instead of the scenario's
  --furniture           title, date, legend, scale bar, north arrow and sources (the default)
  --no-furniture        none of them
  --no-graticule        no graticule
  --transparent         transparent background
  --geotiff             also write FILE.tif, a georeferenced GeoTIFF (GDAL)
  --overwrite           replace existing output files
)";

struct RenderOptions {
  std::string scenario;
  std::string view_file;
  std::vector<std::string> layers;
  std::string crs;
  std::optional<BoundsLonLat> bbox;
  std::optional<std::pair<int, int>> size;
  std::optional<float> scale;
  std::string date;
  std::string frames;
  std::string video;
  int fps = 8;
  std::string out;
  bool overwrite = false, geotiff = false;
  std::optional<bool> furniture;
  bool no_graticule = false, transparent = false;
  std::string title;
};

Result<RenderOptions> parse(const std::vector<std::string>& items) {
  RenderOptions o;
  Args a{items};
  while (!a.done()) {
    const std::string opt = a.peek();
    std::string* text = opt == "--scenario" ? &o.scenario : opt == "--view" ? &o.view_file : opt == "--crs" ? &o.crs
                        : opt == "--out" ? &o.out : opt == "--date" ? &o.date : opt == "--title" ? &o.title
                        : opt == "--frames" ? &o.frames : opt == "--video" ? &o.video : nullptr;
    bool valued = text || opt == "--layer" || opt == "--bbox" || opt == "--size" || opt == "--scale" || opt == "--fps";
    std::string v;
    if (valued) {
      auto got = a.value(opt);
      if (!got) return Error{got.error()};
      v = *got;
    } else {
      ++a.at;
    }
    if (text) *text = v;
    else if (opt == "--layer") o.layers.push_back(v);
    else if (opt == "--bbox") {
      auto b = parse_bbox(v);
      if (!b) return Error{b.error()};
      o.bbox = *b;
    } else if (opt == "--size") {
      auto wh = parse_size(v);
      if (!wh) return Error{wh.error()};
      o.size = *wh;
    } else if (opt == "--scale") {
      float s = std::strtof(v.c_str(), nullptr);
      if (!(s > 0 && s <= 16)) return Error{"--scale '" + v + "': expected a number in (0, 16]"};
      o.scale = s;
    } else if (opt == "--fps") {
      o.fps = std::atoi(v.c_str());
      if (o.fps < 1 || o.fps > 120) return Error{"--fps '" + v + "': expected 1 to 120"};
    } else if (opt == "--overwrite") o.overwrite = true;
    else if (opt == "--geotiff") o.geotiff = true;
    else if (opt == "--transparent") o.transparent = true;
    else if (opt == "--no-graticule") o.no_graticule = true;
    else if (opt == "--furniture") o.furniture = true;
    else if (opt == "--no-furniture") o.furniture = false;
    else return Error{"unknown option '" + opt + "' (see chronoatlas render --help)"};
  }
  if (o.out.empty()) return Error{"--out FILE.png is required"};
  if (!o.video.empty() && o.frames.empty()) return Error{"--video needs --frames START:END:STEP"};
  return o;
}

struct Prepared {
  std::unique_ptr<render::MapScene> scene;
  exporting::RenderJob job;
  std::optional<exporting::SavedView> saved;
};

// Scenario, layers, projection, view and furniture from the options (and the saved view, where given).
Result<Prepared> prepare(const RenderOptions& o) {
  Prepared p;
  if (!o.view_file.empty()) {
    auto saved = exporting::read_view_file(o.view_file);
    if (!saved) return Error{saved.error()};
    p.saved = *saved;
  }
  std::string dir = !o.scenario.empty() ? o.scenario : p.saved ? p.saved->scenario_dir : default_scenario_dir();
  auto scenario = story::load_scenario(dir);
  if (!scenario) return Error{scenario.error()};
  std::string date = !o.date.empty() ? o.date : p.saved ? p.saved->date : "";
  p.job.day = scenario->initial;
  if (!date.empty()) {
    auto d = story::parse_iso_date(date);
    if (!d) return Error{"--date: " + d.error()};
    p.job.day = *d;
  }
  if (o.bbox) scenario->view = *o.bbox;
  if (!o.crs.empty()) scenario->projection = o.crs;
  else if (p.saved) scenario->projection = p.saved->crs;
  auto projection = render::scenario_projection(*scenario);
  if (!projection) return Error{projection.error()};
  std::vector<std::string> warnings;
  auto scene = render::MapScene::load(*scenario, warnings);
  if (!scene) return Error{scene.error()};
  p.scene = std::move(*scene);
  for (const std::string& path : o.layers)
    if (auto s = p.scene->add_file(path, warnings); !s) return Error{s.error()};
  for (const std::string& w : warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  p.scene->use_projection(std::move(*projection));  // GL from here on

  auto size = o.size.value_or(p.saved ? std::pair{p.saved->width_px, p.saved->height_px} : std::pair{1920, 1080});
  if (p.saved && !o.bbox) {
    render::View v;
    v.width_px = p.saved->width_px, v.height_px = p.saved->height_px, v.ui_scale = p.saved->ui_scale;
    v.units_per_px = p.saved->units_per_px;
    p.scene->projection().forward(p.saved->centre, v.centre);
    p.job.view = exporting::scaled_view(v, size.first, size.second);
    p.job.furniture = p.saved->furniture;
    exporting::apply_styles(*p.saved, *p.scene, p.job.day);
  } else {
    p.job.view = p.scene->default_view(size.first, size.second, 1);
  }
  if (o.scale) p.job.view.ui_scale = *o.scale;
  auto& f = p.job.furniture;
  if (o.furniture) f.title = f.date = f.legend = f.scale_bar = f.north_arrow = f.attribution = *o.furniture;
  if (o.no_graticule) f.graticule = false;
  if (o.transparent) f.transparent = true;
  if (!o.title.empty()) f.title_override = o.title;
  p.job.out_png = o.out;
  p.job.overwrite = o.overwrite;
  p.job.geotiff = o.geotiff;
  return p;
}

}  // namespace

int run_render(const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a == "--help") return std::fputs(kHelp, stdout), 0;
  auto fail = [](const std::string& msg) {
    std::fprintf(stderr, "chronoatlas render: %s\n", msg.c_str());
    return 1;
  };
  auto opts = parse(args);
  if (!opts) return fail(opts.error());
  std::vector<story::Days> frames;
  if (!opts->frames.empty()) {
    auto f = exporting::parse_frame_range(opts->frames);
    if (!f) return fail(f.error());
    frames = *f;
  }
  auto context = platform::HeadlessContext::create();
  if (!context) return fail(context.error());
  auto renderer = render::MapRenderer::create(CHRONOATLAS_FONT_DIR);
  if (!renderer) return fail(renderer.error());
  auto prepared = prepare(*opts);
  if (!prepared) return fail(prepared.error());
  render::MapScene& scene = *prepared->scene;
  exporting::RenderJob& job = prepared->job;

  if (frames.empty()) {
    if (auto s = exporting::render_to_files(scene, **renderer, job); !s) return fail(s.error());
    std::printf("wrote %s (%dx%d, %s)\n", job.out_png.c_str(), job.view.width_px, job.view.height_px,
                story::format_date(job.day).c_str());
    return 0;
  }
  const std::string pattern = job.out_png;
  for (size_t i = 0; i < frames.size(); ++i) {
    job.day = frames[i];
    job.out_png = exporting::frame_path(pattern, i + 1);
    if (auto s = exporting::render_to_files(scene, **renderer, job); !s) return fail(s.error());
  }
  std::printf("wrote %zu frames %s ... %s (%s to %s)\n", frames.size(), exporting::frame_path(pattern, 1).c_str(),
              exporting::frame_path(pattern, frames.size()).c_str(), story::format_date(frames.front()).c_str(),
              story::format_date(frames.back()).c_str());
  if (!opts->video.empty()) {
    if (auto s = exporting::encode_video(pattern, frames.size(), opts->fps, opts->video); !s) return fail(s.error());
    std::printf("wrote %s\n", opts->video.c_str());
  }
  return 0;
}

}  // namespace chronoatlas::cli
