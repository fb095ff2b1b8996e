#pragma once
// What the panels share: the scene, the view, the date and the messages. Only ui/ sees this.
#include <deque>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "export/frame_sequence.h"
#include "render/map_renderer.h"
#include "render/map_scene.h"
#include "render/picking.h"
#include "story/timeline.h"

namespace chronoatlas::ui {

struct Message {
  std::string text;
  bool error = false;
};

// Where the map sits in the window, in framebuffer pixels (top-left origin).
struct MapArea {
  float x = 0, y = 0, width = 0, height = 0;
};


struct ExportSettings {
  int preset = 0;                 // index into the export dialog's size presets
  int width = 2400, height = 1600;  // custom size
  bool transparent = false;
  bool geotiff = false;           // also a GeoTIFF beside the PNG
  bool shortcut = false;          // Ctrl+E asked for an export
  std::string path;               // PNG
  std::string frames_from, frames_to, frames_path, video_path;
  int frames_step = 1;
  std::string view_path;
  std::optional<exporting::FrameSequence> frames;  // a frame sequence being written, one frame per UI frame
};

struct AppState {
  std::unique_ptr<render::MapScene> scene;
  std::unique_ptr<render::MapRenderer> renderer;
  render::MapView view;               // what the map shows, in its CRS
  render::FurnitureOptions furniture;
  story::Days day = 0;                // current date, days since 1970 (whole days while scrubbing)
  story::Playback playback;
  MapArea map_area;
  ExportSettings exporting;
  std::optional<render::Pick> hovered;
  std::optional<render::Pick> selected;
  std::deque<Message> messages;       // newest last
  int selected_layer = -1;
  std::string projection_name;        // menu label of the current projection
  std::string typed_date;             // what is being typed in the timeline's "go to" box,
  std::string typed_layer_path;       // the layer panel's path box,
  std::string typed_crs;              // and the view panel's CRS box
  bool cursor_valid = false;
  LonLat cursor{0, 0};

  void info(const std::string& text) { push({text, false}); }
  void error(const std::string& text) { push({text, true}); }

 private:
  void push(Message m) {
    messages.push_back(std::move(m));
    if (messages.size() > 200) messages.pop_front();
  }
};

// Switches to PROJECTION keeping the same place at the centre and about the same ground scale.
void switch_projection(AppState& state, geo::Projection projection, const std::string& name);
// Adds a vector file's layers; reports problems in the message area.
void add_layer_file(AppState& state, const std::string& path);

// Sets the moment shown, clamped to the scenario's range.
void set_day(AppState& state, story::Days day);
// Shows the date containing DAY: the state at the end of that day (the time rule in story/time.h).
void set_date(AppState& state, story::Days day);
// Centres the view on a place (degrees), keeping the zoom.
void centre_on(AppState& state, LonLat place);
// Shows the day of an event (the last that day with a place), centring on its place when it is off-screen.
void go_to_event_day(AppState& state, story::Days day);
// The story's default view in the current projection.
void reset_view(AppState& state);

// Panels, one per file. The sidebar ones draw into the current ImGui window.
void panel_layers(AppState& state);
void panel_view(AppState& state);
void panel_events(AppState& state);
void panel_details(AppState& state);
void panel_messages(AppState& state);
void panel_timeline(AppState& state);   // its own window along the bottom of the map
void panel_export(AppState& state);
// Writes the next frame of a running frame export (one per UI frame, so the progress bar moves and Cancel works).
void advance_frame_export(AppState& state);
void load_view(AppState& state, const std::string& path);
void map_tooltip(AppState& state);
// Space, arrows, Home/End for time; +/-/R for the view.
void handle_shortcuts(AppState& state);

}  // namespace chronoatlas::ui
