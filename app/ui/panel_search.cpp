#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "model/layer_times.h"
#include "model/place_search.h"
#include "platform/paths.h"
#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// BOX grown evenly to at least HALF degrees each side of its centre on its shorter side: a point becomes a view.
BoundsLonLat at_least(BoundsLonLat box, double half) {
  const double pad = std::max(0.0, half - std::min(box.east - box.west, box.north - box.south) / 2);
  box.west -= pad, box.east += pad, box.south -= pad, box.north += pad;
  return box;
}

// Whether the map draws HIT on the current date.
bool drawn_now(const AppState& s, const model::PlaceHit& hit) {
  return model::live(s.scene->atlas().layers()[hit.layer], hit.feature, s.day);
}

// The moment nearest the current one at which the map draws HIT (dated features only).
story::Days nearest_shown(const AppState& s, const model::PlaceHit& hit) {
  const story::Interval& when = s.scene->atlas().layers()[hit.layer].times[hit.feature];
  if (s.day >= when.end) return when.end - 1.0 / 1440;  // its last minute
  return when.contains(story::end_of_day(when.start)) ? story::end_of_day(when.start) : when.start;
}

// What a hit the current date does not draw says in the list: when the map has it.
std::string outside_the_date(const AppState& s, const model::PlaceHit& hit) {
  const story::Days at = nearest_shown(s, hit);
  return "not on the map on " + story::format_date(s.day) + "; shown " + (at > s.day ? "from " : "until ") +
         story::format_date(at);
}

// Shows the place and selects it, so the map outlines it and Details describes it; a place the current date does not
// draw moves the date to the nearest moment that does, and says so.
void go_to(AppState& s, const model::PlaceHit& hit) {
  if (!drawn_now(s, hit)) {
    const std::string why = outside_the_date(s, hit);
    set_day(s, nearest_shown(s, hit));
    s.info(hit.name + " was " + why + ": the date moved to " + story::format_moment(s.day));
  }
  frame_box(s, at_least(hit.extent, 0.2), 0.08);  // a town of a layer: some country around it (about 40 km)
  s.selected = render::Pick{hit.layer, hit.feature};
  s.info("Found " + hit.name + " (" + hit.layer_title + ")");
}

// A place of the world: shown with some country around it, and a marker offered there, its label and the source of
// its position filled in from the gazetteer.
void go_to_world(AppState& s, const gazetteer::Gazetteer& g, const gazetteer::Hit& hit) {
  const gazetteer::Place p = g.place(hit.place);
  // A town of the world has no layer of towns around it: show enough of its country (about 250 km) to place it.
  frame_box(s, at_least(p.extent, 1.2), 0.08);
  Draft draft;
  draft.points = {p.point};
  draft.label = p.approximate ? p.name + " (approx.)" : p.name;
  draft.source = p.source;
  draft.approximate = p.approximate;
  start_draft(s, std::move(draft));
  s.info("Found " + gazetteer::Gazetteer::describe(p) + " (" + gazetteer::kind_name(p.kind) + ")");
}

// The country the map is looking at, for ranking places of the world ("Moscow" near Idaho is Idaho's): that of the
// town nearest the view's centre, once the view is closer than a continent; none for a wider view.
std::string country_hint(const AppState& s, const gazetteer::Gazetteer& g) {
  const BoundsLonLat b = s.view.lonlat_bounds();
  LonLat centre;
  if (b.empty() || b.east - b.west > 25 || !s.view.centre(centre)) return "";
  const auto town = g.nearest_town(centre);
  return town ? g.place(*town).country : "";
}

// The places of the world under the layers' hits: name and where it is, on two lines.
void world_hits(AppState& s, const gazetteer::Gazetteer& g) {
  if (s.search.world.empty()) return;
  ImGui::Separator();
  ImGui::TextDisabled("Places of the world (GeoNames, CLDR, Natural Earth)");
  for (size_t i = 0; i < s.search.world.size(); ++i) {
    const gazetteer::Hit& hit = s.search.world[i];
    const gazetteer::Place p = g.place(hit.place);
    ImGui::PushID(static_cast<int>(1000 + i));
    ImGui::Separator();
    const std::string name = hit.matched == p.name ? p.name : hit.matched + " (" + p.name + ")";
    if (ImGui::Selectable(text::display_order(name).c_str())) go_to_world(s, g, hit), s.search.typed.clear();
    ImGui::Indent();
    ImGui::TextDisabled("%s", text::display_order(p.area.empty() ? gazetteer::kind_name(p.kind) : p.area).c_str());
    ImGui::Unindent();
    ImGui::PopID();
  }
}

}  // namespace

const gazetteer::Gazetteer* world_gazetteer(AppState& s) {
  if (s.gazetteer || !s.gazetteer_error.empty()) return s.gazetteer.get();
  const std::string path = platform::gazetteer_path();
  auto opened = path.empty() ? Result<std::unique_ptr<gazetteer::Gazetteer>>(Error{
                                   "no gazetteer was built (run .ci/setup, which installs its data packages)"})
                             : gazetteer::Gazetteer::open(path);
  if (opened) s.gazetteer = std::move(*opened);
  else s.gazetteer_error = opened.error(), s.error("Places of the world cannot be searched: " + s.gazetteer_error);
  return s.gazetteer.get();
}

void panel_search(AppState& s) {
  if (s.search.focus) ImGui::SetKeyboardFocusHere(), s.search.focus = false;
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4.5f);  // room for the Story button beside it
  const bool enter = ImGui::InputTextWithHint("##search", "Find a place (Ctrl+F): any name, any script", &s.search.typed,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  const bool typing = ImGui::IsItemActive();
  if (s.search.typed.empty()) return void(s.search.list = {});
  // Searched again only when the words or the layers change, not every frame while the list is open.
  SearchUi& c = s.search;
  const gazetteer::Gazetteer* world = world_gazetteer(s);
  if (c.query != s.search.typed || c.revision != s.scene->atlas().revision()) {
    c.query = c.typed, c.revision = s.scene->atlas().revision(), c.hits = model::find_places(s.scene->atlas(), c.typed, 12);
    c.world = world ? world->search(c.typed, {country_hint(s, *world), 8}) : std::vector<gazetteer::Hit>{};
  }
  const std::vector<model::PlaceHit>& hits = c.hits;
  if (enter) {
    if (!hits.empty()) go_to(s, hits.front()), s.search.typed.clear();
    else if (!c.world.empty()) go_to_world(s, *world, c.world.front()), s.search.typed.clear();
    else s.error("No place named '" + s.search.typed + "' in the visible layers or the world's gazetteer");
    return;
  }
  // The list stays while the box has the keyboard or the mouse is on the list (a click there ends the typing in the
  // same frame, so the list's place from the last frame decides).
  const ImVec2 m = ImGui::GetIO().MousePos;
  const ScreenRect& r = s.search.list;
  if (!typing && !(m.x >= r.x && m.y >= r.y && m.x < r.x + r.width && m.y < r.y + r.height)) return;
  // The hits under the box, as a list the mouse can pick from while the box keeps the keyboard.
  ImGui::SetNextWindowPos({ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y});
  ImGui::SetNextWindowSizeConstraints({ImGui::GetItemRectSize().x, 0},
                                      {std::max(ImGui::GetItemRectSize().x * 1.5f, ImGui::GetFontSize() * 25),
                                       ImGui::GetFontSize() * 20});
  ImGui::SetNextWindowBgAlpha(1);  // over the sidebar's text: opaque, or both read as one
  ImGui::Begin("##search-hits", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  // Over the sidebar without taking the keyboard from the box.
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());

  if (hits.empty() && c.world.empty()) ImGui::TextDisabled("No place of that name in the visible layers or the world");
  // Each hit on two lines, its layer's whole title under its name; a hit the date does not draw says when it is drawn.
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
  for (size_t i = 0; i < hits.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) ImGui::Separator();
    const bool now = drawn_now(s, hits[i]);
    if (!now) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (ImGui::Selectable(text::display_order(hits[i].name).c_str())) go_to(s, hits[i]), s.search.typed.clear();
    if (!now) ImGui::PopStyleColor();
    ImGui::Indent();
    ImGui::TextDisabled("%s", text::display_order(hits[i].layer_title).c_str());
    if (!now) ImGui::TextDisabled("%s", outside_the_date(s, hits[i]).c_str());
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (world) world_hits(s, *world);
  ImGui::PopTextWrapPos();
  s.search.list = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()};
  ImGui::End();
}

}  // namespace chronoatlas::ui
