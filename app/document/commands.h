#pragma once
// The story's edits as commands (see command.h): each names what it does, applies it, and takes it back.
#include <memory>
#include <string>
#include <vector>

#include "document/command.h"
#include "model/atlas.h"
#include "story/scenario.h"

namespace chronoatlas::document {

// The layers of a file read off the UI thread (model::Atlas::read_file), added on top.
std::unique_ptr<Command> add_file_layers(model::Atlas::ReadFile file);
// DATA (already read or made) as a layer on top, as SPEC says.
std::unique_ptr<Command> add_data_layer(story::LayerSpec spec, geo::VectorLayer data);
std::unique_ptr<Command> remove_layer(size_t index);
std::unique_ptr<Command> move_layer(size_t from, size_t to);
// STYLE for layer INDEX, its colours kept at the precision a saved story holds (whole bytes).
std::unique_ptr<Command> set_style(size_t index, story::LayerStyle style);
std::unique_ptr<Command> set_time(size_t index, story::LayerTime time);

// A point the reporter places: where, what the map calls it, and the source that puts it there.
// When something drawn is on the map: from a day, until a day (the first day it is gone), either open. ISO dates
// (YYYY-MM-DD), or "" for an open end: undated, it is on the map on every date.
struct Shown {
  std::string from, until;
};

struct Marker {
  LonLat place;
  std::string label;
  std::string source;  // as cited ("AFAD, 6 Feb 2023"); a marker without one is refused
  Shown shown = {};
};
// Adds MARKER to the story's own marker layer (made, on top, by the first marker).
std::unique_ptr<Command> add_marker(Marker marker);
// A shape the reporter draws on the map, corner by corner: an area highlighted (a polygon, its ring closed here) or a
// route (a line that shows its direction), named, and citing the source that reports it.
struct Drawn {
  std::vector<LonLat> points;
  std::string label;
  std::string source;
  Shown shown = {};
};
// Adds AREA (three corners or more) to the story's own area layer, drawn as a tint with its edge.
std::unique_ptr<Command> add_area(Drawn area);
// Adds ROUTE (two points or more, from its start) to the story's own route layer, drawn with its direction.
std::unique_ptr<Command> add_route(Drawn route);
// Moves marker FEATURE of the story's own layer LAYER to TO (a drag); refused for a layer read from a file.
std::unique_ptr<Command> move_marker(size_t layer, size_t feature, LonLat to);
// Takes FEATURE (a marker, an area, a route) out of the story's own layer LAYER.
std::unique_ptr<Command> remove_drawn(size_t layer, size_t feature);
// The ids of the story's own layers of markers, areas and routes.
inline constexpr const char* kMarkerLayerId = "markers";
inline constexpr const char* kAreaLayerId = "areas";
inline constexpr const char* kRouteLayerId = "routes";
// True for the story's own layers of markers, areas and routes (drawn in the app).
bool drawn(const model::AtlasLayer& layer);
// True for a layer whose features are made in the app (drawn, or made in memory), not read from a file: saved from
// memory.
bool authored(const model::AtlasLayer& layer);

// Adds EVENT to the timeline; an event needs a title and a source.
std::unique_ptr<Command> add_event(story::Event event);
std::unique_ptr<Command> remove_event(size_t index);
// Adds QUOTE to the story; refused unless it keeps the rules of a quote (story::quote_problem) and its source ids are
// the story's.
std::unique_ptr<Command> add_quote(story::Quote quote);
std::unique_ptr<Command> remove_quote(size_t index);
// Adds SOURCE to the story's list of sources (sources.json), its id made from its address when it has none: a URL,
// or a document inside the story folder (a path relative to it). Refused without a publisher or an address.
std::unique_ptr<Command> add_source(story::Source source);
std::unique_ptr<Command> set_title(std::string title);
// What local time means in the story ("UTC+3", "Europe/Istanbul"), stated on the map with the time rule.
std::unique_ptr<Command> set_time_zone(std::string zone);
// The timeline runs from START to END (days since 1970, END after START) and opens on INITIAL.
std::unique_ptr<Command> set_time_range(story::Days start, story::Days end, story::Days initial);
// Makes the story's default view the extent of its layers at the indices ONLY, or of all of them when it is empty
// (a map of added files alone).
std::unique_ptr<Command> fit_view_to_layers(std::vector<size_t> only = {});
// Makes BOX (degrees) the story's default view: what it opens on and what `render --scenario` draws.
std::unique_ptr<Command> set_default_view(BoundsLonLat box);

}  // namespace chronoatlas::document
