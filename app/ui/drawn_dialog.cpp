#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/app_state.h"
#include "ui/dialog.h"

namespace chronoatlas::ui {
namespace {

const char* noun(DrawnKind kind) {
  switch (kind) {
    case DrawnKind::Marker: return "marker";
    case DrawnKind::Area: return "area";
    case DrawnKind::Route: return "route";
  }
  return "marker";
}

// "a marker", "an area": what messages call it.
std::string a_noun(DrawnKind kind) { return std::string(kind == DrawnKind::Area ? "an " : "a ") + noun(kind); }

size_t min_points(DrawnKind kind) { return kind == DrawnKind::Area ? 3 : kind == DrawnKind::Route ? 2 : 1; }

// "37.0594° N, 37.3825° E": where a marker goes, as the status bar writes it; an area or route by its corners.
std::string where(const Draft& d) {
  if (d.kind != DrawnKind::Marker) return std::to_string(d.points.size()) + (d.kind == DrawnKind::Area ? " corners" : " points");
  const LonLat p = d.points.front();
  char text[64];
  std::snprintf(text, sizeof text, "%.4f° %c, %.4f° %c", std::fabs(p.lat), p.lat < 0 ? 'S' : 'N', std::fabs(p.lon),
                p.lon < 0 ? 'W' : 'E');
  return text;
}

std::unique_ptr<document::Command> command_for(const Draft& d) {
  switch (d.kind) {
    case DrawnKind::Marker: return document::add_marker({d.points.front(), d.label, d.source, {d.from, d.until}});
    case DrawnKind::Area: return document::add_area({d.points, d.label, d.source, {d.from, d.until}});
    case DrawnKind::Route: return document::add_route({d.points, d.label, d.source, {d.from, d.until}});
  }
  return nullptr;
}

// The draft as typed, made a story command; the dialog closes when the story takes it.
void add(AppState& s) {
  const Draft& d = *s.authoring.draft;
  if (d.label.empty()) return s.error("Give " + a_noun(d.kind) + " a label: what the map calls it");
  if (d.source.empty()) return s.error("Give " + a_noun(d.kind) + " a source: who reports it there");
  if (edit(s, command_for(d))) s.authoring.draft.reset();
}

}  // namespace

LonLat at_click_precision(LonLat p, double degrees_per_px) {
  const double unit = std::pow(10.0, std::floor(std::log10(std::max(degrees_per_px, 1e-7))));
  return {std::round(p.lon / unit) * unit, std::round(p.lat / unit) * unit};
}

void start_draft(AppState& s, Draft draft) {
  draft.focus = true;
  s.authoring.draft = std::move(draft);
  s.authoring.drawing.reset();
  s.authoring.corners.clear();
}

void toggle_drawing(AppState& s, DrawnKind kind) {
  AuthoringUi& a = s.authoring;
  a.corners.clear();
  if (a.drawing == kind) return a.drawing.reset();
  a.drawing = kind;
  s.info(kind == DrawnKind::Marker ? "Click the map where the marker goes (Esc: cancel)"
                                   : std::string("Click the map at each ") + (kind == DrawnKind::Area ? "corner of the area" : "point of the route, from its start") +
                                         "; Enter ends it, Backspace takes back a point, Esc cancels");
}

void drawing_click(AppState& s, LonLat place) {
  AuthoringUi& a = s.authoring;
  if (a.drawing == DrawnKind::Marker) {
    Draft d;
    d.points = {place};
    return start_draft(s, std::move(d));
  }
  a.corners.push_back(place);
}

void drawing_keys(AppState& s) {
  AuthoringUi& a = s.authoring;
  if (!a.drawing) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return a.drawing.reset(), a.corners.clear();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !a.corners.empty()) a.corners.pop_back();
  if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) || *a.drawing == DrawnKind::Marker) return;
  if (a.corners.size() < min_points(*a.drawing))
    return s.error("Draw " + a_noun(*a.drawing) + " with " + std::to_string(min_points(*a.drawing)) +
                   " points or more: click the map to add them");
  Draft d;
  d.kind = *a.drawing;
  d.points = a.corners;
  start_draft(s, std::move(d));
}

bool start_moving(AppState& s, XY px) {
  if (s.authoring.drawing) return false;
  const auto pick = render::pick_feature(*s.scene, s.view, px, s.day);
  if (!pick) return false;
  const model::AtlasLayer& l = s.scene->atlas().layers()[pick->layer];
  if (!document::drawn(l) || l.data->features[pick->feature].points.size() != 1) return false;
  s.authoring.moving = std::make_pair(pick->layer, pick->feature);
  return true;
}

void finish_moving(AppState& s, bool dragged) {
  const auto moving = s.authoring.moving;
  s.authoring.moving.reset();
  if (!moving) return;
  if (!dragged) return void(s.selected = render::Pick{moving->first, moving->second});  // a click: select it
  if (!s.cursor_valid) return;
  const LonLat to = at_click_precision(s.cursor, s.view.degrees_per_px());
  Draft at;
  at.points = {to};
  if (edit(s, document::move_marker(moving->first, moving->second, to)))
    s.info(s.document->undo_name().substr(5) + " to " + where(at));  // "Move 'حلب' to 36.5590° N, 38.6240° E"
  s.selected.reset();
}

void remove_selected_drawn(AppState& s) {
  if (!s.selected || s.selected->layer >= s.scene->atlas().layers().size()) return;
  if (!document::drawn(s.scene->atlas().layers()[s.selected->layer])) return;
  if (edit(s, document::remove_drawn(s.selected->layer, s.selected->feature))) s.selected.reset(), s.hovered.reset();
}

void add_drawing(AppState& s, render::Frame& frame) {
  const AuthoringUi& a = s.authoring;
  if (a.moving && s.cursor_valid) {  // where the dragged marker will go
    if (XY p; s.view.projection().forward(s.cursor, p)) frame.highlight = {{}, {p}};
    return;
  }
  std::vector<LonLat> shape = a.corners;
  if (a.draft && a.draft->kind != DrawnKind::Marker) shape = a.draft->points;  // still shown while it is named
  if (shape.empty()) return;
  const bool area = (a.draft ? a.draft->kind : a.drawing.value_or(DrawnKind::Route)) == DrawnKind::Area;
  if (area && shape.size() > 2) shape.push_back(shape.front());
  std::vector<XY> part;
  for (const LonLat& ll : shape)
    if (XY p; s.view.projection().forward(ll, p)) part.push_back(p);
  frame.highlight.rings = part;
  if (part.size() > 1) frame.highlight.lines = {part};
}

// Over the map's centre, where the reporter is looking; the label box takes the keyboard, Enter adds.
void drawn_dialog(AppState& s) {
  if (!s.authoring.draft) return;
  Draft& d = *s.authoring.draft;
  bool open = true;
  const std::string title = std::string("New ") + noun(d.kind) + "###drawn";
  begin_dialog(s.map_area, title.c_str(), open);
  ImGui::Text("At %s%s", where(d).c_str(), d.approximate ? " (approximate: an area without an agreed outline)" : "");
  const float width = ImGui::GetFontSize() * 22;
  if (d.focus) ImGui::SetKeyboardFocusHere(), d.focus = false;
  bool enter = text_box("Label", "what the map calls it, in any script", d.label, width);
  enter |= text_box("Source", "who reports it there (AFAD, 6 Feb 2023) or a URL", d.source, width);
  // Optional: on the map only while the source says it was there.
  enter |= text_box("Shown from", "YYYY-MM-DD, optional: the first day it is on the map", d.from, width);
  enter |= text_box("Gone from", "YYYY-MM-DD, optional: the first day it is no longer there", d.until, width);
  const std::string button = std::string("Add ") + noun(d.kind);
  if (ImGui::Button(button.c_str()) || enter) add(s);
  if (cancel_button()) open = false;
  ImGui::End();
  if (!open) s.authoring.draft.reset();
}

}  // namespace chronoatlas::ui
