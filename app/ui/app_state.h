#pragma once
// What the panels share: the scene, the view, the date and the messages. Only ui/ sees this.
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "base/job_pool.h"
#include "document/commands.h"
#include "document/story_document.h"
#include "export/frame_sequence.h"
#include "render/map_renderer.h"
#include "render/map_scene.h"
#include "render/picking.h"
#include "story/timeline.h"
#include "ui/background_work.h"
#include "ui/message_log.h"
#include "ui/panel_state.h"
#include "ui/screen_rect.h"

namespace chronoatlas::ui {


// An output path the user may type; until then it follows the date and scenario.
struct OutputPath {
  std::string path;
  bool typed = false;
};

struct ExportSettings {
  int preset = 0;                 // index into the export dialog's size presets
  int format = 0;                 // PNG, SVG or PDF: the suffix the path box follows
  std::string alt_text;           // the figure's description: the draft for the map shown until the user edits it
  bool alt_typed = false;
  int width = 2400, height = 1600;  // custom size
  bool transparent = false;
  bool geotiff = false;           // also a GeoTIFF beside the PNG
  bool shortcut = false;          // Ctrl+E asked for an export
  std::string folder;             // of the last export; empty: the home folder
  OutputPath image, frames_path, view_path;
  std::string frames_from, frames_to, video_path;
  int frames_step = 1;
  std::optional<exporting::FrameSequence> frames;  // a frame sequence being written, one frame per UI frame
};

// How the window is laid out, kept between sessions.
struct Layout {
  float sidebar_em = 24;              // sidebar width in font heights, so it follows the UI scale
  bool sidebar_open = true;
  float ui_scale = 1;                 // the user's factor on top of the monitor's content scale
  std::map<std::string, bool> panels; // sidebar sections by title: open or not
};

// The selected feature's outline in projected units, kept while the selection, projection and atlas stay the same.
struct SelectionOutline {
  std::optional<render::Pick> pick;
  std::string crs;
  uint64_t revision = 0;
  std::vector<std::vector<XY>> parts;
  std::vector<XY> points;
};

struct AppState {
  std::unique_ptr<document::StoryDocument> document;  // the story; changed only through edit(), undo() and redo()
  bool keep_session_file = false;     // session.json could not be read (too big, not a file): never saved over
  std::unique_ptr<render::MapScene> scene;            // observes the document's atlas
  std::unique_ptr<render::MapRenderer> renderer;
  render::MapView view;               // what the map shows, in its CRS
  render::FurnitureOptions furniture;
  story::Days day = 0;                // current date, days since 1970 (whole days while scrubbing)
  story::Playback playback;
  story::Window axis{0, 1};           // what the timeline's axis shows: zoomed with the wheel, apart from the loop
  TimelineUi timeline;
  story::Window known_range{0, 1};    // the scenario's time range as the timeline last followed it
  FileBrowser browser;
  ScreenRect map_area;
  ExportSettings exporting;
  std::optional<render::Pick> hovered;
  std::optional<render::Pick> selected;
  SelectionOutline selection_outline;
  bool press_on_map = false;          // the mouse button went down on the map (not on a panel or a popup)
  std::optional<XY> mouse_px;         // the mouse on the map, map pixels; nothing when over a panel
  bool quit = false;                  // Ctrl+Q
  BackgroundWork background;          // files being read, database layers being fetched
  bool frame_first_files = false;     // no scenario: the first files read choose the view, projection and date
  bool frame_when_laid_out = false;   // the story's view, framed once the map has its size (unless a session restored one)
  MessageLog log;
  double now_s = 0;                   // the UI clock this frame
  Layout layout;
  LayersUi layers;
  SearchUi search;
  AuthoringUi authoring;
  SourcesUi sources;
  // The offline gazetteer (gazetteer/gazetteer.h), mapped at the first search; why it is missing when it is.
  std::unique_ptr<gazetteer::Gazetteer> gazetteer;
  std::string gazetteer_error;
  std::string projection_name;        // menu label of the current projection
  std::string typed_crs;              // the view panel's CRS box
  bool cursor_valid = false;
  LonLat cursor{0, 0};

  void info(const std::string& text) { log.post(text, false, now_s); }
  void error(const std::string& text) { log.post(text, true, now_s); }
};

// Switches to PROJECTION keeping the same place at the centre and about the same ground scale.
void switch_projection(AppState& state, geo::Projection projection, const std::string& name);
// Adds a vector file's layers; reports problems in the message area.
// Starts reading a file (or database connection) in the background; it is added when read.
void add_layer_file(AppState& state, const std::string& path);
// Adds files that finished reading, refetches database layers for a view that settled: once a frame.
void collect_background_work(AppState& state);
// Under a map without a story: the countries, so points are not set on a blank page (read in the background).
void start_basemap(AppState& state);
// True while something runs in the background, so the window keeps waking to collect it.
bool background_work(const AppState& state);
// Layers panel rows for the files being read: name, progress bar, Cancel.
void pending_file_rows(AppState& state);

// Without a scenario: the view, projection and date follow the files just read (their extent and first date).
void frame_first_files(AppState& state);
// Applies COMMAND to the story, reporting its warnings and any refusal in the message area; false when refused.
bool edit(AppState& state, std::unique_ptr<document::Command> command);
// Ctrl+Z and Ctrl+Shift+Z: the last edit taken back, or made again.
void undo(AppState& state);
void redo(AppState& state);
// Sets the moment shown, clamped to the scenario's range.
void set_day(AppState& state, story::Days day);
// Shows the date containing DAY: the state at the end of that day (the time rule in story/time.h).
void set_date(AppState& state, story::Days day);
// Centres the view on a place (degrees), keeping the zoom.
void centre_on(AppState& state, LonLat place);
// Shows the day of an event (the last that day with a place), centring on its place when it is off-screen.
void go_to_event_day(AppState& state, story::Days day);
// R: the story's default view in the current projection, or without a story the visible data in a projection fitted
// to it; either fitted into the part of the map the furniture leaves clear.
void reset_view(AppState& state);
// Fits BOX (degrees) into the part of the map the furniture leaves clear, MARGIN a fraction of that part each side.
void frame_box(AppState& state, const BoundsLonLat& box, double margin);
// A projection fitted to what the map shows (a conic for the view's latitudes), keeping the area shown.
void fit_projection_to_view(AppState& state);

// The gazetteer, mapped on first use; null (with s.gazetteer_error said once) when the build packed none.
const gazetteer::Gazetteer* world_gazetteer(AppState& state);
// Opens the dialog that names and sources DRAFT (a marker, an area, a route), its label and source filled in where
// known; drawing on the map ends.
void start_draft(AppState& state, Draft draft);
// A click knows a place to about a pixel: P rounded to the decimals of a degree that a pixel of DEGREES_PER_PX spans
// (a marker at 37.619 rather than 37.61899157568415 E), so a saved story claims no precision the reporter did not have.
LonLat at_click_precision(LonLat p, double degrees_per_px);
// A click on the map while drawing, at PLACE: a marker's dialog, or the next corner of an area or route.
void drawing_click(AppState& state, LonLat place);
// Keys while drawing: Enter ends an area or route (its dialog opens), Backspace takes back its last corner, Esc stops.
void drawing_keys(AppState& state);
// Starts drawing KIND on the map (or stops, when it is being drawn already), saying how.
void toggle_drawing(AppState& state, DrawnKind kind);
// A press on the map at PX: on one of the story's own markers (and not while drawing), that marker starts moving
// with the mouse; true when it did.
bool start_moving(AppState& state, XY px);
// The mouse let go: the marker being moved goes where it is (a command, one undo step), or, not dragged, is selected.
void finish_moving(AppState& state, bool dragged);
// Delete: the selected marker, area or route of the story's own, taken out (one undo step).
void remove_selected_drawn(AppState& state);
// The area or route being drawn, corner by corner, or the marker being moved, as the frame's highlight.
void add_drawing(AppState& state, render::Frame& frame);
// The dialog that names and sources what was drawn (drawn_dialog.cpp), shown while a draft is open.
void drawn_dialog(AppState& state);
// E, or Add event in Events: the New event dialog, its date the one shown.
void start_event(AppState& state);
// The New event dialog (event_dialog.cpp), shown while an event is being added.
void event_dialog(AppState& state);
// The point feature selected on the map and the name the map gives it: where an event or a quote can be placed.
std::optional<std::pair<LonLat, std::string>> selected_point(const AppState& state);
// The New quote dialog (quote_dialog.cpp, opened by Q or Add quote in Events), shown while a quote is being added.
void quote_dialog(AppState& state);
// The New marker, Save story and New story dialogs, over the map: drawn every frame, shown while open.
void authoring_dialogs(AppState& state);
// Ctrl+S: saves the story to its folder, or asks for one when it has none (a new story, the bundled one).
void save_story(AppState& state);
// Where new stories never saved are kept when the app quits (the config folder's unsaved-stories/, a folder each), so
// that no story is lost: the next launch reopens the last, and Save asks for a folder of the reporter's own.
std::string unsaved_story_dir();
// On quit: a new story with changes and no folder of its own is saved under unsaved_story_dir(), and said on stderr.
void keep_unsaved_story(AppState& state);

// Panels, one per file. The sidebar ones draw into the current ImGui window.
void panel_search(AppState& state);
// The modal "Add a layer" browser: opened by open_file_browser, drawn every frame.
void open_file_browser(AppState& state);
void file_browser(AppState& state);   // the place search box, with its list of places found
void panel_layers(AppState& state);
// A layer's Style by field section: colour by a category, size by a number, label by a field (edits STYLE).
void panel_layer_fields(AppState& state, size_t layer_index, story::LayerStyle& style);
// A layer's Time section: mode, fields, how long a moment shows, and the range the settings give.
void panel_layer_time(AppState& state, size_t layer_index);
void panel_view(AppState& state);
// Every source of the story with what cites it (unused ones flagged), the sources cited in words, and a form to add
// one (a URL or a document in the story folder).
void panel_sources(AppState& state);
// The story's title, default view and folder, with Save, Save as and New story.
void panel_story(AppState& state);
void panel_events(AppState& state);
void panel_details(AppState& state);
void panel_messages(AppState& state);
// The newest messages at the bottom right of the map, fading out; the full text stays in Messages.
void draw_notifications(AppState& state);
// True while a notification is on screen and fading, so the window must keep redrawing.
bool notifications_visible(const AppState& state);
// The selected feature outlined in FRAME (under its labels and furniture), when the map draws it on the current date.
void add_selection(AppState& state, render::Frame& frame);
void panel_timeline(AppState& state);   // its own window along the bottom of the map
void panel_export(AppState& state);
// Writes the next frame of a running frame export (one per UI frame, so the progress bar moves and Cancel works).
void advance_frame_export(AppState& state);
// A running frame export's progress bar and Cancel button, in the current window.
void frame_export_progress(AppState& state);
void load_view(AppState& state, const std::string& path);
void map_tooltip(AppState& state);
// Space, arrows, Home/End for time; +/-/R for the view.
void handle_shortcuts(AppState& state);

}  // namespace chronoatlas::ui
