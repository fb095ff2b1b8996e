#include "export/render_plan.h"

#include <filesystem>

#include "document/basemap.h"
#include "document/commands.h"
#include "document/connections.h"
#include "export/figure_presets.h"
#include "export/interrupt.h"
#include "export/output_files.h"
#include "export/vector_figure.h"
#include "export/video.h"
#include "platform/headless_context.h"
#include "render/colour_check.h"
#include "platform/paths.h"

namespace chronoatlas::exporting {
namespace {

// The scenario with the request's overrides of view and projection.
Result<story::Scenario> requested_scenario(const RenderRequest& r, const std::optional<SavedView>& saved) {
  // A view saved from a map without a scenario names none ("").
  std::string dir = !r.scenario.empty() ? r.scenario
                    : saved             ? (saved->scenario_dir.empty() ? story::kNoScenario : saved->scenario_dir)
                                        : platform::default_scenario_dir();
  auto scenario = dir == story::kNoScenario ? Result<story::Scenario>(story::no_scenario()) : story::load_scenario(dir);
  if (!scenario) return Error{scenario.error()};
  // One framing rule with the app: a story keeps its projection (the conic fitted to its own default view when it
  // names none) whatever area is shown; only --crs changes it, and "fit" fits a conic to the area shown.
  if (scenario->projection.empty() && !scenario->dir.empty())
    scenario->projection = geo::default_projection(scenario->view).definition;
  if (r.bbox) scenario->view = *r.bbox;
  // Without a story the projection is fitted to the area shown anyway (the layers' extent when there is no --bbox).
  if (r.crs == kFitCrs) scenario->projection = scenario->dir.empty() ? "" : geo::default_projection(scenario->view).definition;
  else if (!r.crs.empty()) scenario->projection = r.crs;
  else if (saved) scenario->projection = saved->crs;
  return scenario;
}

Result<story::Days> requested_day(const RenderRequest& r, const std::optional<SavedView>& saved,
                                  const story::Scenario& scenario) {
  std::string date = !r.date.empty() ? r.date : saved ? saved->date : "";
  if (date.empty()) return story::end_of_day(scenario.initial);
  auto d = story::parse_moment(date);
  if (!d) return Error{"--date: " + d.error()};
  return *d;
}

// What an interrupted frame run leaves: complete frames only (the one being written when the signal came was finished).
std::string stopped(const FrameSequence& frames) {
  if (frames.written() == 0) return "interrupted: no frame was written";
  return "interrupted: " + std::to_string(frames.written()) + " of " + std::to_string(frames.size()) +
         " frames are complete (" + frames.path(0) + " to " + frames.path(frames.written() - 1) + ")";
}

// Without a scenario the map shows the added layers' extent (or --bbox, or the saved view), in a projection chosen for it.
Status fit_to_layers(const RenderRequest& r, bool saved_view, story::Scenario& scenario, document::StoryDocument& doc) {
  if (doc.atlas().layers().empty()) return Error{"--scenario none needs at least one --layer"};
  if (r.bbox || saved_view) return Ok{};
  std::vector<std::string> none;
  if (!doc.execute(document::fit_view_to_layers(), none)) return Error{"--scenario none: the layers have no features to draw"};
  scenario.view = doc.scenario().view;
  return Ok{};
}

void apply_furniture_options(const RenderRequest& r, render::FurnitureOptions& f) {
  if (r.furniture)
    f.title = f.date = f.legend = f.scale_bar = f.north_arrow = f.attribution = f.caption = f.inset = *r.furniture;
  if (r.no_caption) f.caption = false;
  if (r.no_graticule) f.graticule = false;
  if (r.no_inset) f.inset = false;
  if (r.transparent) f.transparent = true;
  if (!r.title.empty()) f.title_override = r.title;
}

}  // namespace

// Database layers fetched again for the image's own area and resolution (they were fetched for the scenario's view).
Status fetch_database_layers(RenderPlan& p, std::vector<std::string>& warnings) {
  const model::Atlas& atlas = p.document->atlas();
  const model::FetchedView want = model::fetch_for(p.job.view.lonlat_bounds(), p.job.view.degrees_per_px());
  for (size_t i = 0; i < atlas.layers().size(); ++i) {
    const model::AtlasLayer& l = atlas.layers()[i];
    if (!l.fetched) continue;
    geo::FetchStats stats;
    auto data = model::fetch_features(l.spec.source, l.spec.source_layer, want, stats);
    if (!data) return Error{data.error()};
    p.notes.push_back(l.spec.title + ": " + std::to_string(stats.features) + " features, " +
                      std::to_string(stats.vertices) + " vertices (" + std::to_string(stats.bytes / 1024) +
                      " KiB) fetched from the database for this view");
    p.document->refresh_features(i, std::move(*data), want, warnings);
  }
  return Ok{};
}

Result<RenderPlan> prepare_render(const RenderRequest& r, std::vector<std::string>& warnings) {
  RenderPlan p;
  std::optional<SavedView> saved;
  if (!r.view_file.empty()) {
    auto read = read_view_file(r.view_file);
    if (!read) return Error{read.error()};
    saved = *read;
  }
  auto scenario = requested_scenario(r, saved);
  if (!scenario) return Error{scenario.error()};
  if (const auto named = document::connecting_layers(*scenario); !named.empty() && !r.allow_connections)
    return Error{std::filesystem::path(scenario->dir).filename().string() + "/scenario.json: layer " + named.front() +
                 " connects to a server; a story may not open connections by itself (pass --allow-connections if you "
                 "trust it, or name the connection with --layer)"};
  auto doc = document::StoryDocument::open(*scenario, warnings, platform::prepared_data_cache());
  if (!doc) return Error{doc.error()};
  p.document = std::move(*doc);
  for (const std::string& path : r.layers)
    if (auto s = document::add_file(*p.document, path, warnings); !s) return Error{s.error()};
  if (saved) {
    // A figure drawn without one of its layers would mislead: the CLI refuses, where the app reports and goes on.
    const Connections connections = r.allow_connections ? Connections::Allowed : Connections::Refused;
    if (auto failed = add_saved_files(*saved, *p.document, warnings, connections); !failed.empty())
      return Error{r.view_file + ": " + failed.front()};
  }
  if (scenario->dir.empty()) {
    if (auto s = fit_to_layers(r, saved.has_value(), *scenario, *p.document); !s) return Error{s.error()};
    // After the fit, which frames the user's layers, not the world's countries.
    if (!r.no_basemap) {
      auto basemap = document::read_basemap(platform::basemap_dir(), p.document->atlas().cache());
      if (!basemap) return Error{basemap.error()};
      if (auto s = document::add_basemap(*p.document, std::move(*basemap), warnings); !s) return Error{s.error()};
    }
  }
  p.scene = std::make_unique<render::MapScene>(p.document->atlas());
  // After the layers: dated files may have set or widened the time range, and the first date.
  auto day = requested_day(r, saved, p.scene->scenario());
  if (!day) return Error{day.error()};
  if (!r.date.empty() && scenario->dir.empty() && !p.scene->atlas().timed())
    warnings.push_back("--date " + r.date + ": no layer has dates, so the map is the same on every date (no date is "
                       "stamped on it)");
  p.job.day = *day;
  auto projection = render::scenario_projection(*scenario);
  if (!projection) return Error{projection.error()};

  const FigurePreset* preset = find_preset(r.preset);
  const std::pair<int, int> fallback_size = preset ? std::pair{preset->width_px, preset->height_px}
                                            : saved ? std::pair{saved->width_px, saved->height_px}
                                                    : std::pair{1920, 1080};
  auto size = r.size.value_or(fallback_size);
  if (saved && !r.bbox) {
    auto view = view_of(*saved);
    if (!view) return Error{r.view_file + ": " + view.error()};
    if (!r.crs.empty()) view->switch_projection(*projection, scenario->view);
    p.job.view = view->scaled(size.first, size.second);
    p.job.furniture = saved->furniture;
    apply_styles(*saved, *p.document);
    apply_times(*saved, *p.document, warnings);
  } else {
    if (render::project_bounds(*projection, scenario->view).empty())
      return Error{(r.crs.empty() ? std::filesystem::path(scenario->dir).filename().string() + "/scenario.json: view.projection" : "--crs '" + r.crs + "'") +
                   ": no part of the area to show can be drawn in this projection (for an orthographic or other "
                   "hemisphere projection, centre it on the area)"};
    p.job.view = p.scene->default_view(*projection, size.first, size.second, 1);
  }
  if (r.scale || preset)
    p.job.view.resize(p.job.view.width_px(), p.job.view.height_px(), r.scale ? *r.scale : preset->scale);
  if (auto s = fetch_database_layers(p, warnings); !s) return Error{s.error()};
  if (scenario->dir.empty()) p.job.furniture.caption = false;  // no story: no caption
  // A date on the map only when something on it changes with the date (a dated layer, an event): a story of places
  // alone has no "as of" to state, and would show its time range's first day as if it were reported.
  if (!p.scene->atlas().timed() && scenario->events.empty()) p.job.furniture.date = false;
  apply_furniture_options(r, p.job.furniture);
  p.job.out_file = r.out;
  p.job.overwrite = r.overwrite;
  p.job.geotiff = r.geotiff;
  p.job.outline_complex = r.outline_complex;
  p.job.dpi = r.dpi > 0 ? r.dpi : preset ? preset->dpi : 0;
  p.job.inputs = input_files(*p.scene);
  if (!r.view_file.empty()) p.job.inputs.push_back(r.view_file);
  if (!r.frames.empty()) {
    auto frames = FrameSequence::create(r.frames, r.out);
    if (!frames) return Error{frames.error()};
    p.frames = std::move(*frames);
  }
  // Every file of the job is checked before anything is drawn: "already exists" after minutes of rendering, or an
  // input overwritten, are worse than refusing at once.
  std::vector<std::string> outputs = p.frames ? p.frames->outputs(r.geotiff) : output_files(r.out, r.geotiff);
  if (!r.video.empty()) outputs.push_back(r.video);
  if (auto s = check_outputs(outputs, p.job.inputs, r.overwrite); !s) return Error{s.error()};
  return p;
}

Status run_render(const RenderRequest& r, const std::function<void(const std::string&)>& say) {
  if (r.out.empty()) return Error{"--out FILE.png (or FILE.svg, FILE.pdf) is required"};
  auto format = figure_format(r.out);
  if (!format) return Error{format.error()};
  if (!r.video.empty() && r.frames.empty()) return Error{"--video needs --frames START:END:STEP"};
  if (*format != FigureFormat::Png && (!r.video.empty() || r.geotiff))
    return Error{std::string(r.geotiff ? "--geotiff" : "--video") + " is made from PNG images: name FILE.png in --out"};
  // One vector figure needs fonts but no GL; PNGs, and frame runs, draw through the GL backend.
  std::unique_ptr<platform::HeadlessContext> context;
  std::unique_ptr<render::MapRenderer> renderer;
  std::unique_ptr<text::FontSet> fonts;
  std::unique_ptr<text::Shaper> own_shaper;
  if (*format != FigureFormat::Png && r.frames.empty()) {
    auto opened = text::FontSet::open(platform::font_dir());
    if (!opened) return Error{opened.error()};
    fonts = std::move(*opened);
    own_shaper = std::make_unique<text::Shaper>(*fonts);
  } else {
    auto made = platform::HeadlessContext::create();
    if (!made) return Error{made.error()};
    context = std::move(*made);
    auto created = render::MapRenderer::create(platform::font_dir());
    if (!created) return Error{created.error()};
    renderer = std::move(*created);
  }
  text::Shaper& shaper = renderer ? renderer->shaper() : *own_shaper;
  std::vector<std::string> warnings;
  auto plan = prepare_render(r, warnings);
  for (const std::string& w : warnings) say("warning: " + w);
  if (!plan) return Error{plan.error()};
  if (stop_requested()) return Error{"interrupted: nothing was written"};
  for (const std::string& note : plan->notes) say(note);
  const RenderJob& job = plan->job;
  auto say_scene_warnings = [&] {
    for (const std::string& w : plan->scene->take_warnings()) say("warning: " + w);
    for (const std::string& w : shaper.take_warnings()) say("warning: " + w);
  };
  if (!plan->frames) {
    auto drawn = renderer ? render_to_files(*plan->scene, *renderer, job) : render_vector_figure(*plan->scene, shaper, job);
    say_scene_warnings();
    if (!drawn) return drawn;
    for (const std::string& w : render::colour_vision_warnings(plan->scene->frame(job.view, job.day, job.furniture).furniture.legend))
      say("warning: " + w);
    const std::string date = plan->scene->scenario().dir.empty() ? "" : ", " + story::format_date(job.day);
    say("wrote " + job.out_file + " (" + std::to_string(job.view.width_px()) + "x" + std::to_string(job.view.height_px()) +
        date + ")");
    return Ok{};
  }
  FrameSequence& frames = *plan->frames;
  while (!frames.finished()) {
    if (stop_requested()) return Error{stopped(frames)};
    if (auto s = frames.write_next(*plan->scene, *renderer, job); !s) return s;
    say_scene_warnings();
  }
  if (stop_requested() && !r.video.empty()) return Error{"interrupted before the video: all " + std::to_string(frames.size()) + " frames are complete"};
  say("wrote " + std::to_string(frames.size()) + " frames " + frames.path(0) + " ... " +
      frames.path(frames.size() - 1) + " (" + story::format_date(frames.days().front()) + " to " +
      story::format_date(frames.days().back()) + ")");
  if (r.video.empty()) return Ok{};
  if (auto s = encode_video(r.out, frames.size(), r.fps, r.video); !s) return s;
  say("wrote " + r.video);
  return Ok{};
}

}  // namespace chronoatlas::exporting
