#pragma once
// What the panels share: the scene, the view, the date and the messages. Only ui/ sees this.
#include <deque>
#include <memory>
#include <string>

#include "render/map_renderer.h"
#include "render/map_scene.h"

namespace chronoatlas::ui {

struct Message {
  std::string text;
  bool error = false;
};

struct AppState {
  std::unique_ptr<render::MapScene> scene;
  std::unique_ptr<render::MapRenderer> renderer;
  render::View view;
  render::FurnitureOptions furniture;
  story::Days day = 0;
  std::deque<Message> messages;       // newest last
  int selected_layer = -1;
  std::string projection_name;        // menu label of the current projection
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

// Panels, one per file.
void panel_layers(AppState& state);
void panel_view(AppState& state);
void panel_messages(AppState& state);

}  // namespace chronoatlas::ui
