// Chronoatlas benchmark: load, projection, tessellation, frame, scrub and export times for the bundled scenario, a
// generated layer of 100,000 time-stamped features and a large real layer. A program, not a test: it prints a table.
//
//   build/chronoatlas_bench [--large PATH] [--frames N] [--skip-large] [--no-peer]
//
// With Debian's python3-qgis installed it also times QGIS drawing the same layers (bench/peer_qgis.py).
//
// Frames are drawn offscreen at 1920x1080 with glFinish after each, so times include the GPU (llvmpipe here), the way
// the app draws them (MapRenderer::draw_cached: static layers reused while only the date changes or the view pans).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "build_config.h"
#include "processes.h"
#include "document/commands.h"
#include "document/story_document.h"
#include "gazetteer/gazetteer.h"
#include "export/render_job.h"
#include "geo/vector_source.h"
#include "platform/headless_context.h"
#include "platform/paths.h"
#include "render/offscreen.h"
#include "render/picking.h"

using namespace chronoatlas;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double time_ms(const std::function<void()>& f) {
  auto t0 = Clock::now();
  f();
  return ms_since(t0);
}

void row(const std::string& what, double ms) { std::printf("  %-58s %10.1f ms\n", what.c_str(), ms); }
void row_text(const std::string& what, const std::string& value) { std::printf("  %-58s %13s\n", what.c_str(), value.c_str()); }

struct Stats {
  double median, p95;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, static_cast<size_t>(v.size() * 0.95))]};
}

// GDAL alone: open and read every feature's geometry, no conversion. The floor our loader is compared with.
double gdal_bare_read_ms(const std::string& path, long long& vertices) {
  return time_ms([&] {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    vertices = 0;
    if (!ds) return;
    for (OGRLayer* layer : ds->GetLayers())
      for (auto& f : layer) {
        OGRGeometry* g = f->GetGeometryRef();
        if (!g) continue;
        OGREnvelope e;
        g->getEnvelope(&e);
        if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon)
          for (auto* p : *g->toMultiPolygon())
            for (auto* r : *p) vertices += r->getNumPoints();
        else if (wkbFlatten(g->getGeometryType()) == wkbPolygon)
          for (auto* r : *g->toPolygon()) vertices += r->getNumPoints();
      }
  });
}

// Frames at 1920x1080 while panning across the view: median and 95th percentile.
Stats pan_frames(render::MapScene& scene, render::MapRenderer& renderer, const render::OffscreenTarget& target,
                 render::MapView view, story::Days day, int frames) {
  std::vector<double> times;
  target.bind();
  for (int i = 0; i < frames; ++i) {
    view.pan_px(i < frames / 2 ? -4 : 4, 0);
    auto t0 = Clock::now();
    renderer.draw_cached(scene.frame(view, day, {}));
    glFinish();
    times.push_back(ms_since(t0));
  }
  return stats(times);
}

// Changing the date and drawing, across the whole time range.
Stats scrub_frames(render::MapScene& scene, render::MapRenderer& renderer, const render::OffscreenTarget& target,
                   const render::MapView& view, int frames) {
  const story::Scenario& sc = scene.scenario();
  std::vector<double> times;
  target.bind();
  for (int i = 0; i < frames; ++i) {
    story::Days day = std::floor(sc.start + (sc.end - sc.start) * i / frames);
    auto t0 = Clock::now();
    renderer.draw_cached(scene.frame(view, day, {}));
    glFinish();
    times.push_back(ms_since(t0));
  }
  return stats(times);
}

// COUNT small squares (or points) over the region, each shown for 1 to 90 days from a random date of the scenario's
// range, like the incidents of an event database.
geo::VectorLayer timed_features(const story::Scenario& sc, int count, bool squares) {
  geo::VectorLayer l;
  l.name = "timed";
  l.fields = {"start", "end"};
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> lon(36, 60), lat(36, 50), t(sc.start, sc.end), length(1, 90);
  for (int i = 0; i < count; ++i) {
    geo::Feature f;
    f.fid = i;
    double x = lon(rng), y = lat(rng), a = t(rng), b = a + length(rng);
    if (squares) f.polygons.push_back({{{x, y}, {x + 0.05, y}, {x + 0.05, y + 0.05}, {x, y + 0.05}, {x, y}}});
    else f.points.push_back({x, y});
    f.values = {story::format_date(std::min(a, b)), story::format_date(std::max(a, b) + 1)};
    l.extent.extend(LonLat{x, y});
    l.features.push_back(std::move(f));
  }
  return l;
}

// Hovering: what the feature under the cursor is, asked at 200 places over VIEW, as the app asks on every mouse move;
// HITS counts the places where something was found.
Stats hover_picks(const render::MapScene& scene, const render::MapView& view, story::Days day, int& hits) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> x(0, view.width_px()), y(0, view.height_px());
  std::vector<double> ms;
  hits = 0;
  for (int i = 0; i < 200; ++i) {
    const XY pixel{x(rng), y(rng)};
    ms.push_back(time_ms([&] { hits += render::pick_feature(scene, view, pixel, day).has_value(); }));
  }
  return stats(ms);
}

// An event export in ACLED's layout: COUNT rows over the region through 2023, half with ISO dates and half with
// written ones, six event types, a fatalities count and a quoted note with commas. Returns the file's path.
std::string acled_csv(int count) {
  const std::string path = platform::cache_dir() + "/bench-events.csv";
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return path;
  std::fprintf(f, "event_id_cnty,event_date,event_type,actor1,latitude,longitude,fatalities,notes\n");
  const char* types[] = {"Battles", "Explosions/Remote violence", "Protests", "Riots", "Strategic developments",
                         "Violence against civilians"};
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(43.5, 48.5), lat(38.5, 41.5);
  std::uniform_int_distribution<int> day(0, 364), type(0, 5), dead(0, 30);
  const story::Days jan1 = story::days_from_civil(2023, 1, 1);
  for (int i = 0; i < count; ++i) {
    const story::Days d = jan1 + day(rng);
    const std::string date = i % 2 ? story::format_date(d) : story::format_date_long(d);
    std::fprintf(f, "EV%d,%s,%s,Actor %d,%.4f,%.4f,%d,\"Note %d, with a comma, and another\"\n", i, date.c_str(),
                 types[type(rng)], i % 40, lat(rng), lon(rng), dead(rng), i);
  }
  std::fclose(f);
  return path;
}

// The command that has QGIS draw the scene's layers in the view's projection and extent (bench/peer_qgis.py, run by
// Debian's python3-qgis).
std::vector<std::string> qgis_command(const std::string& crs, BoundsXY extent, int width, int height,
                                      const std::vector<std::string>& layers) {
  std::vector<std::string> argv = {"/usr/bin/python3", std::string(BENCH_SOURCE_DIR) + "/bench/peer_qgis.py", crs,
                                   std::to_string(extent.min_x), std::to_string(extent.min_y),
                                   std::to_string(extent.max_x), std::to_string(extent.max_y), std::to_string(width),
                                   std::to_string(height), "/tmp/chronoatlas-qgis.png"};
  argv.insert(argv.end(), layers.begin(), layers.end());
  return argv;
}

std::vector<std::string> qgis_command(const render::MapScene& scene, const render::MapView& map_view) {
  const render::View& view = map_view.pixels();
  BoundsXY extent;
  extent.extend(view.to_world({0, 0}));
  extent.extend(view.to_world({double(view.width_px), double(view.height_px)}));
  std::vector<std::string> layers;
  for (const model::AtlasLayer& l : scene.atlas().layers()) layers.push_back(l.spec.source);
  return qgis_command(map_view.projection().definition(), extent, view.width_px, view.height_px, layers);
}

// One render per process, headless; GDAL's limit on a GeoJSON object's size lifted as Chronoatlas lifts it.
const std::vector<std::string> kQgisEnv = {"QGIS_PEER_RUNS=1", "QT_QPA_PLATFORM=offscreen", "OGR_GEOJSON_MAX_OBJ_SIZE=0"};

bool qgis_available() { return std::filesystem::exists("/usr/lib/python3/dist-packages/qgis"); }

// The same layers and extent drawn by QGIS inside one process: median ms of three, or -1.
double qgis_export_ms(const render::MapScene& scene, const render::MapView& map_view) {
  std::string cmd = "QT_QPA_PLATFORM=offscreen OGR_GEOJSON_MAX_OBJ_SIZE=0";  // GDAL refuses big GeoJSON objects by default
  for (const std::string& a : qgis_command(scene, map_view)) cmd += " '" + a + "'";
  cmd += " 2>/dev/null";
  FILE* f = popen(cmd.c_str(), "r");
  double ms = -1;
  if (f && std::fscanf(f, "%lf", &ms) != 1) ms = -1;
  if (f) pclose(f);
  return ms;
}

// Median wall time (and the largest peak memory) of RUNS runs.
bench::ProcessRun median_run(int runs, const std::function<bench::ProcessRun()>& once) {
  std::vector<double> walls;
  bench::ProcessRun worst;
  for (int i = 0; i < runs; ++i) {
    bench::ProcessRun r = once();
    walls.push_back(r.wall_ms);
    worst.peak_mb = std::max(worst.peak_mb, r.peak_mb);
    worst.exit_code = std::max(worst.exit_code, r.exit_code);
  }
  worst.wall_ms = stats(walls).median;
  return worst;
}

void process_row(const std::string& what, const bench::ProcessRun& r) {
  char value[64];
  std::snprintf(value, sizeof value, "%.0f ms %5ld MB%s", r.wall_ms, r.peak_mb, r.exit_code == 0 ? "" : " FAILED");
  row_text(what, value);
}

void ratio_row(const std::string& what, double theirs, double ours) {
  char value[32];
  std::snprintf(value, sizeof value, "%.2fx", theirs / ours);
  row_text(what, value);
}

// `chronoatlas render` of the bundled scenario from process start to exit with an empty cache and a warm one, next to
// a QGIS process drawing the same layers (python3-qgis: interpreter start, QGIS init, one render, PNG).
void whole_process_rows(const std::string& exe, const render::MapScene& scene, const geo::Projection& conic,
                        const std::string& cache_home, bool peer) {
  // Mesa keeps compiled shaders under XDG_CACHE_HOME too: keep using the user's, so that "cold" is our cache alone.
  const std::vector<std::string> env = {"XDG_CACHE_HOME=" + cache_home,
                                        "MESA_SHADER_CACHE_DIR=" +
                                            std::filesystem::path(platform::cache_dir()).parent_path().string()};
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{3840, 2160}}) {
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    const std::vector<std::string> ours = {exe, "render", "--size", size, "--scale", std::to_string(w / 1920),
                                           "--out", cache_home + "/out.png", "--overwrite"};
    std::filesystem::remove_all(cache_home + "/chronoatlas/prepared");
    const bench::ProcessRun cold = bench::run_process(ours, env);
    const bench::ProcessRun warm = median_run(3, [&] { return bench::run_process(ours, env); });
    process_row("render " + size + ", whole process, empty cache", cold);
    process_row("render " + size + ", whole process, warm cache (median of 3)", warm);
    if (!peer || !qgis_available()) continue;
    const std::vector<std::string> theirs = qgis_command(scene, scene.default_view(conic, w, h, w / 1920.f));
    const bench::ProcessRun qgis = median_run(3, [&] {
      return bench::run_process(theirs, kQgisEnv);
    });
    process_row("  QGIS 3.22 " + size + ", whole process (median of 3)", qgis);
    ratio_row("  Chronoatlas faster by, empty cache", qgis.wall_ms, cold.wall_ms);
    ratio_row("  Chronoatlas faster by, warm cache", qgis.wall_ms, warm.wall_ms);
  }
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

// The offline gazetteer the build packed: mapped and checked once, then prefix searches in several scripts (the
// median of 50 each, the file paged in), an exact lookup, the town nearest a point.
void bench_gazetteer() {
  const std::string path = platform::gazetteer_path();
  std::printf("\nGazetteer (%s)\n", path.empty() ? "not built" : std::filesystem::path(path).filename().c_str());
  if (path.empty()) return;
  Result<std::unique_ptr<gazetteer::Gazetteer>> g = Error{""};
  row("open: map the file, check every offset", time_ms([&] { g = gazetteer::Gazetteer::open(path); }));
  if (!g) return void(std::printf("  %s\n", g.error().c_str()));
  row_text("  places", std::to_string((*g)->size()));
  auto median_ms = [](const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < 50; ++i) ms.push_back(time_ms(work));
    std::nth_element(ms.begin(), ms.begin() + 25, ms.end());
    return ms[25];
  };
  for (const char* prefix : {"mos", "san", "кар", "بغد", "東京", "Երև"})
    row(std::string("prefix search '") + prefix + "', 10 hits (median)", median_ms([&] { (*g)->search(prefix); }));
  row("lookup 'Moscow' with a country hint (median)", median_ms([&] { (*g)->lookup("Moscow", {"US", 10}); }));
  row("town nearest a point (median)", median_ms([&] { (*g)->nearest_town({46.55, 39.6}); }));
}

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // rows appear as they are measured
  GDALAllRegister();
  std::string large = std::filesystem::path(argv[0]).parent_path().string() + "/../bench/data/countries-land-10m.geojson";
  int frames = 300;
  bool skip_large = false, peer = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--large" && i + 1 < argc) large = argv[++i];
    else if (a == "--frames" && i + 1 < argc) frames = std::atoi(argv[++i]);
    else if (a == "--skip-large") skip_large = true;
    else if (a == "--no-peer") peer = false;
    else return std::fprintf(stderr, "usage: chronoatlas_bench [--large PATH] [--frames N] [--skip-large] [--no-peer]\n"), 2;
  }
  Result<std::unique_ptr<platform::HeadlessContext>> context = Error{""};
  const double context_ms = time_ms([&] { context = platform::HeadlessContext::create(); });
  if (!context) return std::fprintf(stderr, "%s\n", context.error().c_str()), 1;
  Result<std::unique_ptr<render::MapRenderer>> renderer = Error{""};
  const double renderer_ms = time_ms([&] { renderer = render::MapRenderer::create(platform::font_dir()); });
  if (!renderer) return std::fprintf(stderr, "%s\n", renderer.error().c_str()), 1;
  auto target = render::OffscreenTarget::create(1920, 1080);
  if (!target) return std::fprintf(stderr, "%s\n", target.error().c_str()), 1;
  std::printf("Chronoatlas %s benchmark on %s\n", CHRONOATLAS_VERSION, (*context)->description().c_str());

  // --- The bundled scenario.
  std::printf("\nBundled scenario (geodata/karabakh-2023)\n");
  auto scenario = story::load_scenario(platform::default_scenario_dir());
  if (!scenario) return std::fprintf(stderr, "%s\n", scenario.error().c_str()), 1;
  long long verts = 0;
  double bare = 0;
  for (const auto& l : scenario->layers) bare += gdal_bare_read_ms(l.source, verts);
  row("GDAL bare read of the scenario's files", bare);
  std::vector<std::string> warnings;
  std::unique_ptr<document::StoryDocument> doc;
  std::unique_ptr<render::MapScene> scene;
  auto open_story = [&](std::shared_ptr<const DiskCache> with) {
    scene.reset();
    doc = std::move(*document::StoryDocument::open(*scenario, warnings, std::move(with)));
    scene = std::make_unique<render::MapScene>(doc->atlas());
  };
  const std::string cache_home = "/tmp/chronoatlas-bench-" + std::to_string(getpid());
  auto cache = std::make_shared<const DiskCache>(cache_home + "/chronoatlas/prepared");
  std::printf("  startup, in process (what render and the app do before the first image):\n");
  row("  context (EGL surfaceless, llvmpipe)", context_ms);
  row("  renderer (fonts, shaders)", renderer_ms);
  row("  load + tessellate, no cache", time_ms([&] { open_story(nullptr); }));
  row("  load + tessellate, empty cache (filled as it goes)",
      time_ms([&] { open_story(cache); }));
  row("  load + tessellate, from the cache",
      time_ms([&] { open_story(cache); }));
  size_t fill_vertices = 0, segments = 0;
  for (size_t i = 0; i < scene->atlas().layers().size(); ++i) {
    const render::Shapes& full = scene->prepared(i)->geometry.levels[0];
    fill_vertices += full.fill_vertices.size(), segments += full.line_points.size();
  }
  row_text("  full detail: triangle vertices / line points", std::to_string(fill_vertices) + " / " + std::to_string(segments));
  const geo::Projection conic = *render::scenario_projection(*scenario);
  row("project (fitted conic)", time_ms([&] { scene->prepare(conic); }));
  row("evaluate styles", time_ms([&] { scene->style(scenario->initial); }));
  const geo::Projection mercator = *geo::Projection::create("EPSG:3857");
  row("switch projection to Web Mercator (project + upload)", time_ms([&] {
        scene->prepare(mercator);
        scene->style(scenario->initial);
      }));
  render::MapView view = scene->default_view(conic, 1920, 1080, 1);
  scene->prepare(conic);
  scene->style(scenario->initial);
  {
    std::vector<double> cpu;
    for (int i = 0; i < frames; ++i) {
      auto t0 = Clock::now();
      render::Frame f = scene->describe(view, scenario->initial, {});
      cpu.push_back(ms_since(t0));
    }
    row("frame description on the CPU (styles, labels, furniture): median", stats(cpu).median);
  }
  Stats pan = pan_frames(*scene, **renderer, *target, view, scenario->initial, frames);
  row("frame 1920x1080 panning, overview: median", pan.median);
  row("frame 1920x1080 panning, overview: p95", pan.p95);
  render::MapView region = view;
  region.fit(BoundsLonLat{44, 38.5, 48.5, 41});
  Stats pan_region = pan_frames(*scene, **renderer, *target, region, *story::parse_iso_date("2023-09-28"), frames);
  row("frame 1920x1080 panning, Karabakh region: median", pan_region.median);
  row("frame 1920x1080 panning, Karabakh region: p95", pan_region.p95);
  Stats scrub = scrub_frames(*scene, **renderer, *target, view, frames);
  row("scrub (change date + frame), overview: median", scrub.median);
  row("scrub (change date + frame), overview: p95", scrub.p95);
  Stats scrub_region = scrub_frames(*scene, **renderer, *target, region, frames);
  row("scrub (change date + frame), Karabakh region: median", scrub_region.median);
  row("scrub (change date + frame), Karabakh region: p95", scrub_region.p95);
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{3840, 2160}}) {
    exporting::RenderJob job;
    job.view = scene->default_view(conic, w, h, w / 1920.f);
    job.day = scenario->initial;
    job.out_file = "/tmp/chronoatlas-bench.png";
    job.overwrite = true;
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i)
      runs.push_back(time_ms([&] {
        if (auto s = exporting::render_to_files(*scene, **renderer, job); !s)
          std::fprintf(stderr, "%s\n", s.error().c_str());
      }));
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    double ours = stats(runs).median;
    row("export " + size + " (draw + read back + PNG + sidecars), median of 3", ours);
    if (peer) {
      double theirs = qgis_export_ms(*scene, job.view);
      if (theirs > 0) {
        row("  QGIS 3.22 headless, same layers and extent, default styles", theirs);
        row_text("  Chronoatlas faster by", std::to_string(theirs / ours).substr(0, 4) + "x");
      } else {
        row_text("  QGIS peer", "unavailable");
      }
    }
  }

  bench_gazetteer();

  std::printf("\nWhole process: chronoatlas render of the bundled scenario, start to exit\n");
  const std::string exe = std::filesystem::path(argv[0]).parent_path().string() + "/chronoatlas";
  whole_process_rows(exe, *scene, conic, cache_home, peer);

  // --- 100,000 time-stamped features: runs skipped by date on the CPU, the rest filtered per vertex on the GPU.
  for (bool squares : {false, true}) {
    std::printf("\nGenerated layer: 100,000 time-stamped %s\n", squares ? "squares (areas with outlines)" : "points");
    story::LayerSpec spec;
    spec.id = spec.title = "timed";
    spec.time.start_field = "start";
    spec.time.end_field = "end";
    spec.style.point_radius_px = 2;
    geo::VectorLayer generated = timed_features(*scenario, 100000, squares);
    (void)doc->execute(document::add_data_layer(spec, std::move(generated)), warnings);
    row("tessellate + project", time_ms([&] { scene->prepare(conic); }));
    row("evaluate styles", time_ms([&] { scene->style(scenario->initial); }));
    Stats s100k = scrub_frames(*scene, **renderer, *target, region, frames);
    row("scrub (change date + frame), Karabakh region: median", s100k.median);
    row("scrub (change date + frame), Karabakh region: p95", s100k.p95);
    doc->undo();
  }

  // --- Hovering over 300,000 points (undated, so every one is a candidate).
  {
    std::printf("\nGenerated layer: 300,000 points, hovered\n");
    story::LayerSpec spec;
    spec.id = spec.title = "points";
    spec.style.point_radius_px = 2;
    (void)doc->execute(document::add_data_layer(spec, timed_features(*scenario, 300000, false)), warnings);
    scene->prepare(conic);
    scene->style(scenario->initial);
    int hits = 0;
    Stats hover = hover_picks(*scene, region, scenario->initial, hits);
    char text[96];
    std::snprintf(text, sizeof text, "%.3f ms median, %.3f ms p95 (%d of 200 places hit a feature)", hover.median,
                  hover.p95, hits);
    row_text("hover (the feature under the cursor), Karabakh region", text);
    doc->undo();
  }

  // --- A dropped event export: read, time detection, colours by type, then scrubbing through the year.
  {
    std::printf("\nEvent export: 100,000 rows of an ACLED-style CSV (points, one day each, coloured by type)\n");
    const std::string csv = acled_csv(100000);
    const size_t before = scene->atlas().layers().size();
    Status added = Ok{};
    row("add the file (GDAL read + time detection + dates)", time_ms([&] { added = document::add_file(*doc, csv, warnings); }));
    if (added && scene->atlas().layers().size() > before) {
      const size_t i = scene->atlas().layers().size() - 1;
      story::LayerStyle st = scene->atlas().layers()[i].spec.style;
      st.fill_by_field = "event_type";
      for (const char* t : {"Battles", "Protests", "Riots"}) st.fill_by_value[t] = {0.9f, 0.6f, 0.0f, 0.8f};
      st.point_radius_px = 2.5f;
      (void)doc->execute(document::set_style(i, st), warnings);
      row_text("  time detected", story::time_mode_name(scene->atlas().layers()[i].spec.time.mode) +
                                      std::string(" on ") + scene->atlas().layers()[i].spec.time.start_field);
      row("tessellate + project", time_ms([&] { scene->prepare(conic); }));
      row("evaluate styles", time_ms([&] { scene->style(scenario->initial); }));
      Stats ev = scrub_frames(*scene, **renderer, *target, region, frames);
      row("scrub (change date + frame), Karabakh region: median", ev.median);
      row("scrub (change date + frame), Karabakh region: p95", ev.p95);
      // The density view bins the live events into hexagons on every frame.
      st.density = true;
      (void)doc->execute(document::set_style(i, st), warnings);
      scene->style(scenario->initial);
      Stats hex = scrub_frames(*scene, **renderer, *target, region, frames);
      row("density view (hexagons counted per frame): scrub median", hex.median);
      row("density view (hexagons counted per frame): scrub p95", hex.p95);
      story::LayerTime all_so_far = scene->atlas().layers()[i].spec.time;
      all_so_far.mode = story::TimeMode::Cumulative;
      (void)doc->execute(document::set_time(i, all_so_far), warnings);
      scene->prepare(conic);
      scene->style(scenario->initial);
      Stats cumulative = scrub_frames(*scene, **renderer, *target, region, frames);
      row("density view, cumulative (all events so far): scrub median", cumulative.median);
      row("density view, cumulative (all events so far): scrub p95", cumulative.p95);
      while (doc->atlas().layers().size() > before) (void)doc->execute(document::remove_layer(doc->atlas().layers().size() - 1), warnings);
    } else {
      row_text("  could not be added", added ? "no layer" : added.error());
    }
  }

  // --- A large real layer.
  if (!skip_large && std::filesystem::exists(large)) {
    std::printf("\nLarge layer: %s\n", large.c_str());
    {
      // Whole processes: the world at 1920x1080 in plain lon/lat, by us (empty cache, then warm) and by QGIS.
      const std::vector<std::string> env = {"XDG_CACHE_HOME=" + cache_home};
      const std::vector<std::string> ours = {exe, "render", "--scenario", "none", "--layer", large, "--crs", "EPSG:4326",
                                             "--bbox", "-180,-85,180,85", "--no-furniture", "--out",
                                             cache_home + "/large.png", "--overwrite"};
      std::filesystem::remove_all(cache_home + "/chronoatlas/prepared");
      const bench::ProcessRun cold = bench::run_process(ours, env);
      const bench::ProcessRun warm = bench::run_process(ours, env);
      process_row("render, whole process, empty cache", cold);
      process_row("render, whole process, warm cache", warm);
      if (peer && qgis_available()) {
        BoundsXY world;
        world.extend({-180, -85}), world.extend({180, 85});
        const bench::ProcessRun qgis = bench::run_process(qgis_command("EPSG:4326", world, 1920, 1080, {large}),
                                                          kQgisEnv);
        process_row("  QGIS 3.22, whole process", qgis);
        ratio_row("  Chronoatlas faster by, empty cache", qgis.wall_ms, cold.wall_ms);
        ratio_row("  Chronoatlas faster by, warm cache", qgis.wall_ms, warm.wall_ms);
      }
    }
    long long large_vertices = 0;
    double bare_large = gdal_bare_read_ms(large, large_vertices);
    row("GDAL bare read (open + every geometry)", bare_large);
    row_text("  polygon vertices", std::to_string(large_vertices));
    Result<geo::LoadReport> report = Error{""};
    double load = time_ms([&] { report = geo::load_vector_source(large); });
    row("our load (GDAL + checks + conversion to lon/lat)", load);
    row_text("  ratio to GDAL's bare read", std::to_string(load / bare_large).substr(0, 4) + "x");
    if (report) {
      story::LayerSpec ls;
      ls.id = ls.title = "large";
      (void)doc->execute(document::add_data_layer(ls, std::move(report->layers[0])), warnings);
      row("tessellate + project", time_ms([&] { scene->prepare(conic); }));
      row("evaluate styles", time_ms([&] { scene->style(scenario->initial); }));
      Stats big = pan_frames(*scene, **renderer, *target, view, scenario->initial, frames / 3);
      row("frame 1920x1080 panning with it: median", big.median);
      row("frame 1920x1080 panning with it: p95", big.p95);
    }
  } else if (!skip_large) {
    std::printf("\nLarge layer: %s missing; run bench/fetch_large.sh\n", large.c_str());
  }
  std::printf("\nPeak memory: %ld MB\n", peak_rss_mb());
  return 0;
}
