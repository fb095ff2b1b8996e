#include <cstdio>
#include <cstdlib>
#include <functional>

#include "base/numbers.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "export/figure_presets.h"
#include "export/interrupt.h"
#include "export/render_plan.h"

namespace chronoatlas::cli {
namespace {

using exporting::RenderRequest;

// Each option once: its name, its value's name ("" for a switch), its help line and what it sets.
struct Option {
  const char* name;
  const char* value;
  const char* help;
  std::function<Status(RenderRequest&, const std::string&)> apply;  // sets what the option says
};

using Apply = std::function<Status(RenderRequest&, const std::string&)>;

// An option whose value is kept as text in FIELD.
Apply text(std::string RenderRequest::*field) {
  return [field](RenderRequest& r, const std::string& v) { return r.*field = v, Status{Ok{}}; };
}

// A switch that sets FIELD to VALUE.
template <class T>
Apply set(T RenderRequest::*field, T value) {
  return [field, value](RenderRequest& r, const std::string&) { return r.*field = value, Status{Ok{}}; };
}

const std::vector<Option>& options() {
  static const std::vector<Option> table = {
      {"--scenario", "DIR", "scenario folder (default: the bundled Karabakh scenario)",
       text(&RenderRequest::scenario)},
      {"--view", "FILE", "a view saved from the app: scenario, date, CRS, centre, scale, size, styles, furniture",
       text(&RenderRequest::view_file)},
      {"--layer", "PATH", "add a vector file's layers on top (repeatable)",
       [](RenderRequest& r, const std::string& v) { return r.layers.push_back(v), Status{Ok{}}; }},
      {"--crs", "CRS",
       "output projection: EPSG code, PROJ string or WKT, or 'fit' for a conic fitted to the area shown (default: the "
       "scenario's, as in the app: its view.projection, or the conic fitted to its default view; without a scenario, "
       "the conic fitted to the area shown)",
       text(&RenderRequest::crs)},
      {"--bbox", "W,S,E,N",
       "area to show, degrees; the image shows at least this (default: the scenario's view). It changes the area, not "
       "the projection, as zooming in the app does",
       [](RenderRequest& r, const std::string& v) -> Status {
         auto b = parse_bbox(v);
         if (!b) return Error{b.error()};
         return r.bbox = *b, Ok{};
       }},
      {"--size", "WxH", "image size in pixels, up to 16384 a side, drawn in tiles (default 1920x1080)",
       [](RenderRequest& r, const std::string& v) -> Status {
         auto wh = parse_size(v);
         if (!wh) return Error{wh.error()};
         return r.size = *wh, Ok{};
       }},
      {"--scale", "S", "line, symbol and text scale (default 1; 2 for a 2x export)",
       [](RenderRequest& r, const std::string& v) -> Status {
         const std::optional<double> s = parse_number(v);
         if (!s || !(*s > 0 && *s <= 16)) return Error{"--scale '" + v + "': expected a number in (0, 16]"};
         return r.scale = static_cast<float>(*s), Ok{};
       }},
      {"--preset", "NAME", "a size desks publish at, with type scaled to stay legible: web-600, web-1200 (2x), social "
                           "(1080x1350), video (1920x1080), print-1col, print-2col, a4, a3 (300 dpi); --size, "
                           "--scale and --dpi still win",
       [](RenderRequest& r, const std::string& v) -> Status {
         if (!exporting::find_preset(v)) {
           std::string ids;
           for (const exporting::FigurePreset& p : exporting::figure_presets()) ids += (ids.empty() ? "" : ", ") + p.id;
           return Error{"--preset '" + v + "': expected one of " + ids};
         }
         return r.preset = v, Ok{};
       }},
      {"--dpi", "N", "print resolution the PNG (pHYs) and GeoTIFF state, 1 to 2400; --size gives the pixels (A4 "
                     "landscape at 300 dpi: 3508x2480)",
       [](RenderRequest& r, const std::string& v) -> Status {
         const std::optional<long long> dpi = parse_integer(v, 1, 2400);
         if (!dpi) return Error{"--dpi '" + v + "': expected 1 to 2400"};
         return r.dpi = static_cast<int>(*dpi), Ok{};
       }},
      {"--date", "YYYY-MM-DD", "date to draw (default: the scenario's initial date)",
       text(&RenderRequest::date)},
      {"--frames", "S:E:STEP", "one image per STEP days from S to E: FILE-0001.png, FILE-0002.png, ...",
       text(&RenderRequest::frames)},
      {"--video", "FILE", "with --frames: encode them to FILE.mp4 or FILE.gif with ffmpeg",
       text(&RenderRequest::video)},
      {"--fps", "N", "frames per second of the video (default 8)",
       [](RenderRequest& r, const std::string& v) -> Status {
         const std::optional<long long> fps = parse_integer(v, 1, 120);
         if (!fps) return Error{"--fps '" + v + "': expected 1 to 120"};
         return r.fps = static_cast<int>(*fps), Ok{};
       }},
      {"--title", "TEXT", "title instead of the scenario's",
       text(&RenderRequest::title)},
      {"--furniture", "", "title, date, legend, scale bar, north arrow, event caption, inset and sources (the default)",
       set(&RenderRequest::furniture, std::optional<bool>(true))},
      {"--no-furniture", "", "none of them",
       set(&RenderRequest::furniture, std::optional<bool>(false))},
      {"--no-caption", "", "no caption for the event the date has reached",
       set(&RenderRequest::no_caption, true)},
      {"--outline-complex-scripts", "", "SVG: Arabic, Hebrew, Indic, Thai... labels as the shaped glyphs' outlines "
                                        "(exact in any program; the text kept in each path's <title>)",
       set(&RenderRequest::outline_complex, true)},
      {"--no-inset", "", "no locator inset (drawn when the map shows less than about 1,500 km across)",
       set(&RenderRequest::no_inset, true)},
      {"--allow-connections", "", "open the database connections the story or the --view file names (refused "
                                  "unless given: a file may come from anyone)",
       set(&RenderRequest::allow_connections, true)},
      {"--no-basemap", "", "with --scenario none: no countries under the layers",
       set(&RenderRequest::no_basemap, true)},
      {"--no-graticule", "", "no graticule",
       set(&RenderRequest::no_graticule, true)},
      {"--transparent", "", "transparent background",
       set(&RenderRequest::transparent, true)},
      {"--geotiff", "", "also write FILE.tif, a georeferenced GeoTIFF (GDAL)",
       set(&RenderRequest::geotiff, true)},
      {"--overwrite", "", "replace existing output files",
       set(&RenderRequest::overwrite, true)},
      {"--out", "FILE", "the figure to write (required): .png, .svg (layered) or .pdf",
       text(&RenderRequest::out)},
  };
  return table;
}

void print_help() {
  std::puts("Usage: chronoatlas render [options] --out FILE.png|FILE.svg|FILE.pdf\n"
            "Draws the map offscreen (no display needed) and writes FILE.png, FILE.pgw (world file) and FILE.prj;\n"
            "or the same view as a layered SVG, or a PDF with its fonts embedded.");
  for (const Option& o : options()) {
    std::string left = std::string(o.name) + (*o.value ? std::string(" ") + o.value : "");
    std::printf("  %-22s%s\n", left.c_str(), o.help);
  }
}

Result<RenderRequest> parse(const std::vector<std::string>& items) {
  RenderRequest r;
  Args a{items};
  while (!a.done()) {
    const std::string name = a.peek();
    const Option* o = nullptr;
    for (const Option& cand : options())
      if (name == cand.name) o = &cand;
    if (!o) return Error{"unknown option '" + name + "' (see chronoatlas render --help)"};
    std::string value;
    if (*o->value) {
      auto got = a.value(name);
      if (!got) return Error{got.error()};
      value = *got;
    } else {
      ++a.at;
    }
    if (auto s = o->apply(r, value); !s) return Error{s.error()};
  }
  return r;
}

}  // namespace

int run_render(const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a == "--help") return print_help(), 0;
  auto fail = [](const std::string& msg) {
    std::fprintf(stderr, "chronoatlas render: %s\n", msg.c_str());
    return 1;
  };
  auto request = parse(args);
  if (!request) return fail(request.error());
  exporting::stop_on_signals();
  auto done = exporting::run_render(*request, [](const std::string& line) {
    std::fprintf(line.rfind("warning: ", 0) == 0 ? stderr : stdout, "%s\n", line.c_str());
  });
  return done ? 0 : fail(done.error());
}

}  // namespace chronoatlas::cli
