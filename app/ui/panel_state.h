#pragma once
// Each panel's own state between frames: what is being typed, dragged or listed there. The panels' files use them;
// the rest of the app only holds them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/geometry_types.h"
#include "document/source_uses.h"
#include "gazetteer/gazetteer.h"
#include "model/place_search.h"
#include "platform/folder_listing.h"
#include "ui/screen_rect.h"

namespace chronoatlas::ui {

// The place search box (panel_search.cpp): the words typed, the places found for them in the atlas at a revision,
// where the list of places was drawn.
struct SearchUi {
  std::string typed;
  bool focus = false;  // Ctrl+F: the box takes the keyboard
  std::string query;
  uint64_t revision = 0;
  std::vector<model::PlaceHit> hits;
  std::vector<gazetteer::Hit> world;  // places of the world (the gazetteer) for the same words
  ScreenRect list;
};

// What the reporter draws on the map: a marker (one point), an area (three corners or more), a route (two points or
// more, from its start).
enum class DrawnKind { Marker, Area, Route };

// Something drawn, being named in its dialog (drawn_dialog.cpp): where, and what the reporter has typed so far.
struct Draft {
  DrawnKind kind = DrawnKind::Marker;
  std::vector<LonLat> points;
  std::string label, source;
  std::string from, until;   // the days it is first shown and first gone (YYYY-MM-DD), "" for open
  bool approximate = false;  // placed from a region without an agreed outline
  bool focus = true;         // the label box takes the keyboard when the dialog opens
};

// An event being added in its dialog (event_dialog.cpp), as typed.
struct EventDraft {
  std::string date;        // YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the source gives the clock time
  std::string time_text;   // the source's words for a time without a clock ("evening")
  std::string title, detail, source;
  bool at_selected = true;  // placed at the feature selected on the map, when it is a point
  bool focus = true;
};

// A quote being added in its dialog (quote_dialog.cpp), as typed.
struct QuoteDraft {
  std::string text, speaker, via, language, translation, source;
  bool on_event_day = true;  // attached to the day of the event shown, when there is one
  bool at_selected = true;   // placed at the point selected on the map, when there is one
  bool focus = true;
};

// The Sources panel (panel_sources.cpp): the new source being typed.
struct SourcesUi {
  std::string publisher, title, date, url, licence, note;
  // What cites each source, counted again only when the story changes (it walks every feature).
  uint64_t counted_revision = 0;
  std::vector<document::SourceUse> uses;
  std::vector<std::pair<std::string, size_t>> words;
};

// Making a story (panel_story.cpp, drawn_dialog.cpp, event_dialog.cpp, quote_dialog.cpp): the clicks that draw on the map, the dialogs open.
struct AuthoringUi {
  std::optional<DrawnKind> drawing;   // M, A, P: clicks on the map place a marker, or the corners of an area or route
  std::vector<LonLat> corners;        // of the area or route being drawn; Enter ends it
  std::optional<Draft> draft;         // the dialog naming what was drawn, open while set
  std::optional<std::pair<size_t, size_t>> moving;  // a marker being dragged: its layer and feature
  std::optional<EventDraft> event;    // the New event dialog, open while set
  std::optional<QuoteDraft> quote;    // the New quote dialog, open while set
  bool saving = false;                // the Save story dialog (Ctrl+S)
  std::string save_path;
  bool naming = false;                // the New story dialog (Ctrl+N)
  std::string new_title;
  bool focus = false;                 // a dialog just opened: its box takes the keyboard
  bool new_story = false;             // asked for: the app opens an empty story before the next frame
  std::string typed_title;            // the Story panel's title box, made a command when it lets go
  bool title_active = false;
  std::string typed_from, typed_to;   // its time range boxes (YYYY-MM-DD)
  bool range_active = false;
  std::string typed_zone;             // its time zone box
  bool zone_active = false;
};

// The timeline (panel_timeline.cpp).
struct TimelineUi {
  int dragging = 0;                 // a loop handle being dragged: 1 start, 2 end
  bool date_box_active = false;     // the user is typing a date: the box stops following the current one
  std::string typed_date;           // what the "go to" box holds
  std::vector<size_t> mark_events;  // the events of the mark whose list is open
};

// The file browser for adding layers (file_browser.cpp): where it is, what it lists, the folders used lately (kept
// in the session).
struct FileBrowser {
  bool open = false;
  bool all_files = false;  // else only what GDAL can read
  std::string folder, typed_folder, chosen, error;
  std::optional<std::vector<platform::FolderEntry>> listed;  // nothing: list again
  std::vector<std::string> recent;
};

// The layers panel (panel_layers.cpp): the path box and the row picked.
struct LayersUi {
  std::string typed_path;
  int selected = -1;
};

}  // namespace chronoatlas::ui
