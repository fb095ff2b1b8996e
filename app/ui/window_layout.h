#pragma once
// How the window is shared between the sidebar, the timeline, the status bar and the map, and which toolbar items
// keep their place on one row: plain arithmetic on sizes, so the rules hold at every window size and UI scale and
// can be tested without a window.
#include <vector>

#include "ui/screen_rect.h"

namespace chronoatlas::ui {

// The largest shares of the window the panels take; the map has the rest, so it keeps most of a small window at
// a large UI scale.
constexpr float kSidebarMaxShare = 0.3f;   // of the window's width
constexpr float kTimelineMaxShare = 0.25f; // of the window's height

struct WindowSizes {
  float width = 0, height = 0;  // the window, in UI pixels
  float em = 16;                // the UI font's height
  float frame_height = 22;      // a button's height
  float padding = 8;            // a panel's inner margin
};

struct WindowLayout {
  float sidebar_width = 0, timeline_height = 0, status_height = 0;
  ScreenRect map;
};

// The sidebar's width for the user's choice in font heights (SIDEBAR_EM), or a strip when it is closed.
float sidebar_width(const WindowSizes& w, float sidebar_em, bool open);
// The widest the user may drag the sidebar.
float sidebar_max_width(const WindowSizes& w);
// The timeline: its toolbar row, the event marks and the axis always, the charts where there is room (13 em), and no
// more than its share of the window unless the row and the axis need it.
float timeline_height(const WindowSizes& w);
WindowLayout lay_out_window(const WindowSizes& w, float sidebar_em, bool sidebar_open);
// The axis strip at the bottom of the timeline, tall enough for one row of tick labels.
float axis_height(float em);

// The map's own scale (its text, symbols and furniture, in a map of W x H framebuffer pixels) for the UI's SCALE:
// the same, but never more than the map has room for (one unit per 450 pixels of its shorter side), so on a small
// map at a large UI scale the furniture shrinks before it covers the story.
float map_ui_scale(float scale, float w_px, float h_px);

struct ToolbarItem {
  float width = 0;   // UI pixels
  int priority = 0;  // the lowest leave the row first
};

// Which ITEMS (in their order on the row) stay on a row of AVAILABLE pixels, SPACING apart; the others go behind a
// menu button MORE_WIDTH wide, which then takes its own place on the row. The row never wraps.
std::vector<bool> items_on_row(const std::vector<ToolbarItem>& items, float available, float spacing, float more_width);

}  // namespace chronoatlas::ui
