#include "ui/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "document/basemap.h"
#include "document/connections.h"
#include "export/render_plan.h"
#include "platform/paths.h"
#include "platform/window_glfw.h"
#include "text/bidi.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/panel_characters.h"
#include "ui/session.h"
#include "ui/window_layout.h"

namespace chronoatlas::ui {
namespace {

// With no display the app still shows something: the default view, rendered to a PNG whose path it prints.
int render_instead(const std::string& scenario_dir, const std::vector<std::string>& layers) {
  exporting::RenderRequest request;
  request.scenario = scenario_dir;
  request.layers = layers;
  request.out = platform::cache_dir() + "/default-view.png";
  request.overwrite = true;
  std::fprintf(stderr, "chronoatlas: no display; rendering the default view instead\n");
  auto done = exporting::run_render(request, [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); });
  if (!done) return std::fprintf(stderr, "chronoatlas: %s\n", done.error().c_str()), 1;
  std::printf("default view written to %s\n", request.out.c_str());
  return 0;
}

// Mouse position in map pixels, or nothing when it is over a panel or outside the map.
std::optional<XY> map_mouse(const AppState& s, const platform::Window& w) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return std::nullopt;
  const float ratio = w.pixel_ratio();
  XY p{(io.MousePos.x - s.map_area.x) * ratio, (io.MousePos.y - s.map_area.y) * ratio};
  if (p.x < 0 || p.y < 0 || p.x >= s.view.width_px() || p.y >= s.view.height_px()) return std::nullopt;
  return p;
}

void handle_map_input(AppState& s, const platform::Window& w) {
  ImGuiIO& io = ImGui::GetIO();
  s.cursor_valid = false;
  s.hovered.reset();
  auto mouse = map_mouse(s, w);
  s.mouse_px = mouse;
  // A click that closes a popup (a colour picker) lands on the map too: only a press that began there selects.
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) s.press_on_map = mouse.has_value() && !start_moving(s, *mouse);
  const bool dragged = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2).x != 0 ||
                       ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 2).y != 0;
  if (!mouse) {
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) s.authoring.moving.reset();  // let go off the map: stays put
    return;
  }
  const float ratio = w.pixel_ratio();
  LonLat ll;
  if (s.view.projection().inverse(s.view.pixels().to_world(*mouse), ll)) s.cursor = ll, s.cursor_valid = true;
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && s.authoring.moving) return finish_moving(s, dragged);
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
    if (!s.authoring.moving) s.view.pan_px(io.MouseDelta.x * ratio, io.MouseDelta.y * ratio);  // else it follows
    return;
  }
  if (io.MouseWheel != 0) s.view.zoom_about(*mouse, std::pow(1.25, io.MouseWheel));
  s.hovered = render::pick_feature(*s.scene, s.view, *mouse, s.day);
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && s.press_on_map && !dragged) {
    if (s.authoring.drawing && s.cursor_valid)
      return drawing_click(s, at_click_precision(s.cursor, s.view.degrees_per_px()));
    s.selected = s.hovered;
  }
}

void draw_status_bar(AppState& s) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  float h = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos({vp->Pos.x, vp->Pos.y + vp->Size.y - h});
  ImGui::SetNextWindowSize({vp->Size.x, h});
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (s.cursor_valid)
    ImGui::Text("%.4f°%c %.4f°%c", std::fabs(s.cursor.lat), s.cursor.lat < 0 ? 'S' : 'N', std::fabs(s.cursor.lon),
                s.cursor.lon < 0 ? 'W' : 'E');
  else
    ImGui::TextUnformatted("—");
  ImGui::SameLine(ImGui::GetFontSize() * 12);
  ImGui::Text("%s   |   drag: pan   wheel, +/-: zoom   R: reset view   Space: play   Left/Right: step   "
              "Home/End: loop start/end   Ctrl+F: find   Ctrl+B: sidebar   Ctrl+Q: quit",
              s.projection_name.c_str());
  ImGui::End();
}

// A sidebar section whose open state the session keeps.
bool section(AppState& s, const char* title, bool open_by_default) {
  auto [it, inserted] = s.layout.panels.try_emplace(title, open_by_default);
  ImGui::SetNextItemOpen(it->second);
  it->second = ImGui::CollapsingHeader(title);
  return it->second;
}

// A section with PANEL in it, the panel's widgets under an ID scope named for the section: two panels' boxes can
// never share an id (ImGui would give one's Enter to the other).
void sidebar_section(AppState& s, const char* title, bool open_by_default, void (*panel)(AppState&)) {
  if (!section(s, title, open_by_default)) return;
  ImGui::PushID(title);
  panel(s);
  ImGui::PopID();
}

// The window's sizes as the layout rules see them, in UI pixels.
WindowSizes window_sizes() {
  const ImGuiStyle& st = ImGui::GetStyle();
  return {ImGui::GetMainViewport()->Size.x, ImGui::GetMainViewport()->Size.y, ImGui::GetFontSize(),
          ImGui::GetFrameHeight(), st.WindowPadding.y};
}

// The sidebar on the left, WIDTH wide (its share of the window in window_layout.h), resizable from its right edge
// and collapsible to a strip.
void draw_sidebar(AppState& s, float width, float height) {
  const float em = ImGui::GetFontSize();
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;
  ImGui::SetNextWindowPos({0, 0});
  if (!s.layout.sidebar_open) {
    ImGui::SetNextWindowSize({width, height});
    ImGui::Begin("##sidebar-strip", nullptr, fixed | ImGuiWindowFlags_NoScrollbar);
    if (ImGui::Button(">", {-1, 0})) s.layout.sidebar_open = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the sidebar (Ctrl+B)");
    ImGui::End();
    return;
  }
  const float max_w = sidebar_max_width(window_sizes()), min_w = std::min(em * 12, max_w);
  ImGui::SetNextWindowSize({width, height});
  ImGui::Begin("##sidebar", nullptr, fixed);
  if (ImGui::SmallButton("<")) s.layout.sidebar_open = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide the sidebar (Ctrl+B)");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", text::display_order(s.scene->scenario().title).c_str());
  panel_search(s);
  // Making the story: a button on the search row opens its panel under it (a new story opens with it), so the
  // sections below keep their places while a reader only explores.
  ImGui::SameLine();
  bool& story_open = s.layout.panels["Story"];
  if (ImGui::Button(story_open ? "Story ^" : "Story")) story_open = !story_open;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Title, dates, save; draw markers, areas and routes; add events and quotes");
  if (story_open) {
    ImGui::PushID("Story");
    ImGui::Separator();
    panel_story(s);
    ImGui::Separator();
    ImGui::PopID();
  }
  sidebar_section(s, "Layers", true, panel_layers);
  sidebar_section(s, "Events", true, panel_events);
  sidebar_section(s, "Details", true, panel_details);
  sidebar_section(s, "View", false, panel_view);
  if (s.exporting.shortcut) s.layout.panels["Export"] = true;
  sidebar_section(s, "Export", false, panel_export);
  sidebar_section(s, "Messages", true, panel_messages);
  sidebar_section(s, "Sources", false, panel_sources);
  ImGui::End();
  // The right edge is a handle: dragging it sets the width.
  ImGui::SetNextWindowPos({width - 3, 0});
  ImGui::SetNextWindowSize({6, height});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::Begin("##sidebar-edge", nullptr, fixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  ImGui::InvisibleButton("##edge", {6, height});
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemActive()) s.layout.sidebar_em = std::clamp(width + ImGui::GetIO().MouseDelta.x, min_w, max_w) / em;
  ImGui::End();
  ImGui::PopStyleVar();
}

// A dated file may set or widen the time range: the axis and the loop range follow where they showed the whole range,
// and a map without a story gets its date once it has dated data.
void follow_time_range(AppState& s) {
  const story::Scenario& sc = s.scene->scenario();
  if (s.known_range.start == sc.start && s.known_range.end == sc.end) return;
  const story::Window old = s.known_range;
  s.known_range = {sc.start, sc.end};
  auto follow = [&](story::Window& w) {
    if (w.start == old.start && w.end == old.end) w = s.known_range;
  };
  follow(s.axis);
  follow(s.playback.window);
  if (sc.dir.empty() && s.scene->atlas().timed()) {
    s.furniture.date = true;
    if (old.end - old.start <= 1) set_date(s, sc.initial);  // the first dated file: show its first day
  }
  set_day(s, s.day);
}

// One pass of the UI: input, panels, then the map drawn through the screen cache.
void run_frame(AppState& s, platform::Window& w) {
  s.now_s = ImGui::GetTime();
  for (const std::string& path : w.take_dropped_paths()) add_layer_file(s, path);
  // Before the panels, so that they show what has just arrived.
  collect_background_work(s);
  s.scene->prepare(s.view.projection(), true);  // new layers are prepared off this thread
  const float ratio = w.pixel_ratio();
  if (s.search.focus) s.layout.sidebar_open = true;
  const WindowLayout layout = lay_out_window(window_sizes(), s.layout.sidebar_em, s.layout.sidebar_open);
  draw_sidebar(s, layout.sidebar_width, layout.map.height + layout.timeline_height);
  s.map_area = layout.map;
  const int map_w = std::max(1, static_cast<int>(s.map_area.width * ratio));
  const int map_h = std::max(1, static_cast<int>(s.map_area.height * ratio));
  s.view.resize(map_w, map_h, map_ui_scale(w.content_scale() * s.layout.ui_scale, map_w, map_h));
  if (s.playback.playing) set_day(s, story::advance(s.playback, s.day, ImGui::GetIO().DeltaTime));
  if (s.frame_when_laid_out) s.frame_when_laid_out = false, reset_view(s);
  handle_map_input(s, w);
  handle_shortcuts(s);
  if (s.quit) w.request_close();
  advance_frame_export(s);
  follow_time_range(s);
  ImGui::SetNextWindowPos({layout.map.x, layout.map.y + layout.map.height});
  ImGui::SetNextWindowSize({layout.map.width, layout.timeline_height});
  panel_timeline(s);
  map_tooltip(s);
  draw_status_bar(s);
  file_browser(s);
  authoring_dialogs(s);
  draw_notifications(s);
  render::Frame frame = s.scene->frame(s.view, s.day, s.furniture);
  add_selection(s, frame);
  add_drawing(s, frame);
  for (const std::string& warning : s.scene->take_warnings()) s.error(warning);
  for (const std::string& warning : s.renderer->take_text_warnings()) s.error(warning);
  // Flows move only while the story plays; paused, their chevrons stand still and show the direction, as exports do.
  frame.seconds = s.playback.playing ? static_cast<float>(ImGui::GetTime()) : 0;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, w.framebuffer_width(), w.framebuffer_height());
  glClearColor(0.1f, 0.1f, 0.11f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  s.renderer->draw_cached(frame, static_cast<int>(s.map_area.x * ratio),
                          w.framebuffer_height() - static_cast<int>((s.map_area.y + s.map_area.height) * ratio));
}

// Fonts and widget sizes for SCALE (the monitor's content scale times the user's UI scale), the font with EXTRA_CHARS.
void use_ui_scale(platform::Window& w, float scale, const std::u32string& extra_chars) {
  w.replace_fonts([&] { load_ui_fonts(platform::font_dir(), std::round(16 * scale), extra_chars); });
  ImGui::GetStyle() = ImGuiStyle();
  ImGui::StyleColorsDark();
  ImGui::GetStyle().ScaleAllSizes(scale);
}

// The files named at launch, after the session is restored: each once, and none the session brought back already
// (with its styles), so a file named again is one layer, not two.
void add_launch_files(AppState& s, const std::vector<std::string>& layers) {
  std::vector<std::string> present = s.scene->atlas().added_files();
  for (const std::string& typed : layers) {
    const std::string path = platform::absolute_path(platform::expand_home(typed));
    if (std::find(present.begin(), present.end(), path) != present.end()) continue;
    present.push_back(path);
    add_layer_file(s, path);
  }
}

// Scenario, atlas, renderer and the first view; false (with a message printed) when any fails.
bool open_scenario(AppState& s, const platform::Window& w, const story::Scenario& scenario) {
  std::vector<std::string> warnings;
  auto doc = document::StoryDocument::open(document::without_connections(scenario, warnings), warnings,
                                           platform::prepared_data_cache());
  if (!doc) return std::fprintf(stderr, "chronoatlas: %s\n", doc.error().c_str()), false;
  s.scene.reset();  // observes the old document: goes first
  s.document = std::move(*doc);
  s.scene = std::make_unique<render::MapScene>(s.document->atlas());
  s.day = story::end_of_day(scenario.initial);
  for (const std::string& text : warnings) s.error(text);
  auto renderer = render::MapRenderer::create(platform::font_dir());
  if (!renderer) return std::fprintf(stderr, "chronoatlas: %s\n", renderer.error().c_str()), false;
  s.renderer = std::move(*renderer);
  // Without a scenario, the map opens on the world and moves to the first files once they are read (dropped ones too).
  s.frame_first_files = scenario.dir.empty();
  auto projection = render::scenario_projection(s.scene->scenario());
  if (!projection) return std::fprintf(stderr, "chronoatlas: %s\n", projection.error().c_str()), false;
  s.projection_name = scenario.projection.empty() ? geo::default_projection(s.scene->scenario().view).name
                                                  : scenario.projection;
  s.view = s.scene->default_view(*projection, w.framebuffer_width() * 3 / 4, w.framebuffer_height() * 3 / 4,
                                 w.content_scale());
  s.frame_when_laid_out = !scenario.dir.empty();  // once the map's size is known, clear of the furniture
  s.axis = s.playback.window = s.known_range = {s.scene->scenario().start, s.scene->scenario().end};
  if (scenario.dir.empty()) {
    // No story: no caption, and a date only for dated files, which also chose the first date.
    s.furniture.caption = false;
    s.furniture.date = s.scene->atlas().timed();
    set_date(s, s.scene->scenario().initial);
    s.info("Opened without a scenario: " + std::to_string(s.scene->atlas().layers().size()) + " layer(s)");
    return true;
  }
  // The folder's name only: a full path means nothing to a reader of a screenshot.
  s.info("Loaded scenario '" + scenario.title + "' (" + std::filesystem::path(scenario.dir).filename().string() + ")");
  return true;
}

// Ctrl+N's story: empty but for its title, over the basemap, saved only when the reporter saves it.
bool open_new_story(AppState& s, const platform::Window& w) {
  s.authoring.new_story = false;
  s.selected.reset(), s.hovered.reset();
  if (!open_scenario(s, w, story::no_scenario())) return false;
  s.furniture.caption = true;  // a story: its events' captions show on their dates
  s.layout.panels["Story"] = true;
  start_basemap(s);
  edit(s, document::set_title(s.authoring.new_title));
  s.authoring.new_title.clear();
  s.info("New story '" + s.scene->scenario().title + "': add markers (M, or Find), then save it (Ctrl+S)");
  return true;
}

}  // namespace

int run_app(const std::vector<std::string>& args) {
  std::string scenario_dir = platform::default_scenario_dir();
  bool named = false;  // --scenario: that story, whatever the last session had open
  std::vector<std::string> layers;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--scenario" && i + 1 < args.size()) scenario_dir = args[++i], named = true;
    else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "chronoatlas: unknown option %s (see chronoatlas --help)\n", args[i].c_str());
      return 1;
    } else layers.push_back(args[i]);
  }
  if (!platform::display_available()) return render_instead(scenario_dir, layers);
  const std::string session_path = platform::config_dir() + "/session.json";
  // The story the reporter had open last time, unless one is named: a story folder that no longer opens is said,
  // and the bundled story opens instead.
  std::string not_reopened;
  Result<story::Scenario> scenario = Error{""};
  if (const std::string last = named ? "" : last_story(session_path); !last.empty()) {
    scenario = story::load_scenario(last);
    if (scenario) scenario_dir = last;
    else not_reopened = "The last session's story did not open (" + scenario.error() + "); the bundled story opened instead";
  }
  if (!scenario)
    scenario = scenario_dir == story::kNoScenario ? Result<story::Scenario>(story::no_scenario())
                                                  : story::load_scenario(scenario_dir);
  if (!scenario) return std::fprintf(stderr, "chronoatlas: %s\n", scenario.error().c_str()), 1;
  auto window = platform::Window::create("Chronoatlas — " + scenario->title, platform::config_dir() + "/imgui.ini");
  if (!window) {
    std::fprintf(stderr, "chronoatlas: %s\n", window.error().c_str());
    return render_instead(scenario_dir, layers);
  }
  platform::Window& w = **window;
  AppState s;
  if (!open_scenario(s, w, *scenario)) return 1;
  if (!not_reopened.empty()) s.error(not_reopened);
  load_session(s, session_path);
  add_launch_files(s, layers);
  float font_scale = 0;
  PanelCharacters panel_chars;
  // ImGui shows what a frame changed (a popup closed, a new UI scale's fonts and sizes) in the frames after it:
  // after input or a scale change the loop draws this many more before it waits, so the window never shows a stale
  // state until the next mouse move.
  constexpr int kSettleFrames = 3;
  int settle = kSettleFrames;
  while (!w.should_close()) {
    const bool new_chars = panel_chars.update(s.scene->scenario(), s.scene->atlas(), s.selected);
    if (const float scale = w.content_scale() * s.layout.ui_scale; scale != font_scale || new_chars) {
      use_ui_scale(w, scale, panel_chars.chars());
      font_scale = scale;
      settle = kSettleFrames;
    }
    // Idle: sleep until input. Playing: as fast as frames come (flows move then, and only then). A fading
    // notification on screen: 30 frames a second. Work in the background: 5 a second, to show progress and collect
    // results.
    const bool moving = notifications_visible(s);
    const double wait = s.playback.playing || s.exporting.frames || settle > 0 ? 0
                        : moving                                            ? 1.0 / 30
                        : background_work(s)                                ? 0.2
                                                                            : -1;
    settle = w.begin_frame(wait) ? kSettleFrames : std::max(0, settle - 1);
    if (s.authoring.new_story && !open_new_story(s, w)) return 1;
    run_frame(s, w);
    w.end_frame();
    if (static bool first = true; first && std::getenv("CHRONOATLAS_TIMING")) {
      first = false;  // for the benchmark: launch to the first map on screen
      std::fprintf(stderr, "chronoatlas: first map drawn %.0f ms after launch\n", platform::seconds_since_process_start() * 1000);
    }
  }
  // The window goes first, and the process ends without joining its workers: one blocked on a database that does not
  // answer (until its statement timeout) must not keep a closed window on the screen. Nothing a worker writes is
  // needed (cache entries go to temporary names first), and the session is saved before the end.
  w.hide();
  keep_unsaved_story(s);
  const int status = save_session(s, session_path) ? 0 : 1;
  std::fflush(nullptr);
  std::_Exit(status);
}

void switch_projection(AppState& s, geo::Projection projection, const std::string& name) {
  s.view.switch_projection(std::move(projection), s.scene->scenario().view);
  s.projection_name = name;
}

void set_day(AppState& s, story::Days day) {
  const story::Scenario& sc = s.scene->scenario();
  s.day = std::clamp(day, sc.start, sc.end - (1 - story::kEndOfDay));
}

bool edit(AppState& s, std::unique_ptr<document::Command> command) {
  std::vector<std::string> warnings;
  const Status done = s.document->execute(std::move(command), warnings);
  for (const std::string& w : warnings) s.error(w);
  if (!done) s.error(done.error());
  return static_cast<bool>(done);
}

void undo(AppState& s) {
  if (!s.document->can_undo()) return;
  s.info(s.document->undo_name());
  s.document->undo();
  s.selected.reset(), s.hovered.reset();  // picks are by index, and the indices may have moved
}

void redo(AppState& s) {
  if (!s.document->can_redo()) return;
  s.info(s.document->redo_name());
  std::vector<std::string> warnings;
  if (auto done = s.document->redo(warnings); !done) s.error(done.error());
  for (const std::string& w : warnings) s.error(w);
  s.selected.reset(), s.hovered.reset();
}

void set_date(AppState& s, story::Days day) { set_day(s, story::end_of_day(day)); }

void centre_on(AppState& s, LonLat place) { s.view.centre_on(place); }

void go_to_event_day(AppState& s, story::Days day) {
  set_date(s, day);
  const story::Event* last = nullptr;
  for (const story::Event& e : s.scene->scenario().events)
    if (std::floor(e.at) == std::floor(day) && e.place) last = &e;
  if (!last) return;
  XY p;
  const render::View& v = s.view.pixels();
  const bool on_screen = s.view.projection().forward(*last->place, p) && [&] {
    XY px = v.to_pixel(p);
    return px.x >= 0 && px.y >= 0 && px.x < v.width_px && px.y < v.height_px;
  }();
  if (!on_screen) centre_on(s, *last->place);
}

}  // namespace chronoatlas::ui
