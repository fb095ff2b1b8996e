#include <cstdio>

#include "build_config.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/render_job.h"
#include "platform/headless_context.h"

namespace chronoatlas::cli {
namespace {

const char* kHelp = R"(Usage: chronoatlas render [options] --out FILE.png
Draws the map offscreen (no display needed) and writes FILE.png, FILE.pgw (world file) and FILE.prj.
  --scenario DIR      scenario folder (default: the bundled Karabakh scenario)
  --layer PATH        add a vector file's layers on top (repeatable)
  --crs CRS           output projection: EPSG code, PROJ string or WKT (default: the scenario's)
  --bbox W,S,E,N      area to show, degrees; the image shows at least this (default: the scenario's view)
  --size WxH          image size in pixels, up to 16384 a side (default 1920x1080)
  --scale S           line, symbol and text scale (default 1; 2 for a 2x export)
  --date YYYY-MM-DD   date to draw (default: the scenario's initial date)
  --title TEXT        title instead of the scenario's
  --no-furniture      no title, date, legend, scale bar, north arrow or sources
  --no-graticule      no graticule
  --transparent       transparent background
  --overwrite         replace existing output files
)";

struct RenderOptions {
  std::string scenario = default_scenario_dir();
  std::vector<std::string> layers;
  std::string crs;
  std::optional<BoundsLonLat> bbox;
  int width = 1920, height = 1080;
  float scale = 1;
  std::string date;
  std::string out;
  bool overwrite = false;
  render::FurnitureOptions furniture;
};

Result<RenderOptions> parse(const std::vector<std::string>& items) {
  RenderOptions o;
  Args a{items};
  while (!a.done()) {
    std::string opt = a.peek();
    auto need = [&](std::string& into) -> Status {
      auto v = a.value(opt);
      if (!v) return Error{v.error()};
      into = *v;
      return Ok{};
    };
    std::string v;
    if (opt == "--scenario") { if (auto s = need(o.scenario); !s) return Error{s.error()}; }
    else if (opt == "--layer") { if (auto s = need(v); !s) return Error{s.error()}; o.layers.push_back(v); }
    else if (opt == "--crs") { if (auto s = need(o.crs); !s) return Error{s.error()}; }
    else if (opt == "--out") { if (auto s = need(o.out); !s) return Error{s.error()}; }
    else if (opt == "--date") { if (auto s = need(o.date); !s) return Error{s.error()}; }
    else if (opt == "--title") { if (auto s = need(o.furniture.title_override); !s) return Error{s.error()}; }
    else if (opt == "--bbox") {
      if (auto s = need(v); !s) return Error{s.error()};
      auto b = parse_bbox(v);
      if (!b) return Error{b.error()};
      o.bbox = *b;
    } else if (opt == "--size") {
      if (auto s = need(v); !s) return Error{s.error()};
      auto wh = parse_size(v);
      if (!wh) return Error{wh.error()};
      o.width = wh->first, o.height = wh->second;
    } else if (opt == "--scale") {
      if (auto s = need(v); !s) return Error{s.error()};
      o.scale = std::strtof(v.c_str(), nullptr);
      if (!(o.scale > 0 && o.scale <= 16)) return Error{"--scale '" + v + "': expected a number in (0, 16]"};
    } else if (opt == "--overwrite") { o.overwrite = true; ++a.at; }
    else if (opt == "--transparent") { o.furniture.transparent = true; ++a.at; }
    else if (opt == "--no-graticule") { o.furniture.graticule = false; ++a.at; }
    else if (opt == "--no-furniture") {
      auto& f = o.furniture;
      f.title = f.date = f.legend = f.scale_bar = f.north_arrow = f.attribution = false;
      ++a.at;
    } else return Error{"unknown option '" + opt + "' (see chronoatlas render --help)"};
  }
  if (o.out.empty()) return Error{"--out FILE.png is required"};
  return o;
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
  auto scenario = story::load_scenario(opts->scenario);
  if (!scenario) return fail(scenario.error());
  story::Days day = scenario->initial;
  if (!opts->date.empty()) {
    auto d = story::parse_iso_date(opts->date);
    if (!d) return fail("--date: " + d.error());
    day = *d;
  }
  if (opts->bbox) scenario->view = *opts->bbox;
  if (!opts->crs.empty()) scenario->projection = opts->crs;
  auto projection = render::scenario_projection(*scenario);
  if (!projection) return fail(projection.error());

  std::vector<std::string> warnings;
  auto scene = render::MapScene::load(*scenario, warnings);
  if (!scene) return fail(scene.error());
  for (const std::string& path : opts->layers)
    if (auto s = (*scene)->add_file(path, warnings); !s) return fail(s.error());
  for (const std::string& w : warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());

  auto context = platform::HeadlessContext::create();
  if (!context) return fail(context.error());
  auto renderer = render::MapRenderer::create(CHRONOATLAS_FONT_DIR);
  if (!renderer) return fail(renderer.error());
  (*scene)->use_projection(std::move(*projection));

  exporting::RenderJob job;
  job.view = (*scene)->default_view(opts->width, opts->height, opts->scale);
  job.day = day;
  job.furniture = opts->furniture;
  job.out_png = opts->out;
  job.overwrite = opts->overwrite;
  if (auto s = exporting::render_to_files(**scene, **renderer, job); !s) return fail(s.error());
  std::printf("wrote %s (%dx%d, %s)\n", opts->out.c_str(), opts->width, opts->height,
              story::format_date(day).c_str());
  return 0;
}

}  // namespace chronoatlas::cli
