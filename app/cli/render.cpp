#include <cstdio>
#include <cstdlib>
#include <functional>

#include "cli/commands.h"
#include "cli/options.h"
#include "export/render_plan.h"

namespace chronoatlas::cli {
namespace {

using exporting::RenderRequest;

// Each option once: its name, its value's name ("" for a switch), its help line and what it sets.
struct Option {
  const char* name;
  const char* value;
  const char* help;
  std::function<Status(RenderRequest&, const std::string&)> apply;
};

Status set_text(std::string& field, const std::string& v) { return field = v, Ok{}; }

const std::vector<Option>& options() {
  static const std::vector<Option> table = {
      {"--scenario", "DIR", "scenario folder (default: the bundled Karabakh scenario)",
       [](RenderRequest& r, const std::string& v) { return set_text(r.scenario, v); }},
      {"--view", "FILE", "a view saved from the app: scenario, date, CRS, centre, scale, size, styles, furniture",
       [](RenderRequest& r, const std::string& v) { return set_text(r.view_file, v); }},
      {"--layer", "PATH", "add a vector file's layers on top (repeatable)",
       [](RenderRequest& r, const std::string& v) { return r.layers.push_back(v), Status{Ok{}}; }},
      {"--crs", "CRS", "output projection: EPSG code, PROJ string or WKT (default: the scenario's)",
       [](RenderRequest& r, const std::string& v) { return set_text(r.crs, v); }},
      {"--bbox", "W,S,E,N", "area to show, degrees; the image shows at least this (default: the scenario's view)",
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
         float s = std::strtof(v.c_str(), nullptr);
         if (!(s > 0 && s <= 16)) return Error{"--scale '" + v + "': expected a number in (0, 16]"};
         return r.scale = s, Ok{};
       }},
      {"--date", "YYYY-MM-DD", "date to draw (default: the scenario's initial date)",
       [](RenderRequest& r, const std::string& v) { return set_text(r.date, v); }},
      {"--frames", "S:E:STEP", "one image per STEP days from S to E: FILE-0001.png, FILE-0002.png, ...",
       [](RenderRequest& r, const std::string& v) { return set_text(r.frames, v); }},
      {"--video", "FILE", "with --frames: encode them to FILE.mp4 or FILE.gif with ffmpeg",
       [](RenderRequest& r, const std::string& v) { return set_text(r.video, v); }},
      {"--fps", "N", "frames per second of the video (default 8)",
       [](RenderRequest& r, const std::string& v) -> Status {
         char* end = nullptr;
         long fps = std::strtol(v.c_str(), &end, 10);
         if (end == v.c_str() || *end || fps < 1 || fps > 120) return Error{"--fps '" + v + "': expected 1 to 120"};
         return r.fps = static_cast<int>(fps), Ok{};
       }},
      {"--title", "TEXT", "title instead of the scenario's",
       [](RenderRequest& r, const std::string& v) { return set_text(r.title, v); }},
      {"--furniture", "", "title, date, legend, scale bar, north arrow, event caption and sources (the default)",
       [](RenderRequest& r, const std::string&) { return r.furniture = true, Status{Ok{}}; }},
      {"--no-furniture", "", "none of them",
       [](RenderRequest& r, const std::string&) { return r.furniture = false, Status{Ok{}}; }},
      {"--no-caption", "", "no caption for the event the date has reached",
       [](RenderRequest& r, const std::string&) { return r.no_caption = true, Status{Ok{}}; }},
      {"--no-graticule", "", "no graticule",
       [](RenderRequest& r, const std::string&) { return r.no_graticule = true, Status{Ok{}}; }},
      {"--transparent", "", "transparent background",
       [](RenderRequest& r, const std::string&) { return r.transparent = true, Status{Ok{}}; }},
      {"--geotiff", "", "also write FILE.tif, a georeferenced GeoTIFF (GDAL)",
       [](RenderRequest& r, const std::string&) { return r.geotiff = true, Status{Ok{}}; }},
      {"--overwrite", "", "replace existing output files",
       [](RenderRequest& r, const std::string&) { return r.overwrite = true, Status{Ok{}}; }},
      {"--out", "FILE.png", "the image to write (required)",
       [](RenderRequest& r, const std::string& v) { return set_text(r.out, v); }},
  };
  return table;
}

void print_help() {
  std::puts("Usage: chronoatlas render [options] --out FILE.png\n"
            "Draws the map offscreen (no display needed) and writes FILE.png, FILE.pgw (world file) and FILE.prj.");
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
  auto done = exporting::run_render(*request, [](const std::string& line) {
    std::fprintf(line.rfind("warning: ", 0) == 0 ? stderr : stdout, "%s\n", line.c_str());
  });
  return done ? 0 : fail(done.error());
}

}  // namespace chronoatlas::cli
