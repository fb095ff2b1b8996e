#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "model/place_search.h"
#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

// Shows the place and selects it, so the map outlines it and Details describes it.
void go_to(AppState& s, const model::PlaceHit& hit) {
  BoundsLonLat box = hit.extent;
  // A town is a point: show some country around it (about 40 km).
  const double pad = std::max(0.0, 0.2 - std::min(box.east - box.west, box.north - box.south) / 2);
  box.west -= pad, box.east += pad, box.south -= pad, box.north += pad;
  frame_box(s, box, 0.08);
  s.selected = render::Pick{hit.layer, hit.feature};
  s.info("Found " + hit.name + " (" + hit.layer_title + ")");
}

}  // namespace

void panel_search(AppState& s) {
  if (s.search.focus) ImGui::SetKeyboardFocusHere(), s.search.focus = false;
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##search", "Find a place (Ctrl+F): any name, any script", &s.search.typed,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  const bool typing = ImGui::IsItemActive();
  if (s.search.typed.empty()) return void(s.search.list = {});
  // Searched again only when the words or the layers change, not every frame while the list is open.
  SearchUi& c = s.search;
  if (c.query != s.search.typed || c.revision != s.scene->atlas().revision())
    c.query = c.typed, c.revision = s.scene->atlas().revision(), c.hits = model::find_places(s.scene->atlas(), c.typed, 12);
  const std::vector<model::PlaceHit>& hits = c.hits;
  if (enter) {
    if (hits.empty()) s.error("No place named '" + s.search.typed + "' in the visible layers");
    else go_to(s, hits.front()), s.search.typed.clear();
    return;
  }
  // The list stays while the box has the keyboard or the mouse is on the list (a click there ends the typing in the
  // same frame, so the list's place from the last frame decides).
  const ImVec2 m = ImGui::GetIO().MousePos;
  const ScreenRect& r = s.search.list;
  if (!typing && !(m.x >= r.x && m.y >= r.y && m.x < r.x + r.width && m.y < r.y + r.height)) return;
  // The hits under the box, as a list the mouse can pick from while the box keeps the keyboard.
  ImGui::SetNextWindowPos({ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y});
  ImGui::SetNextWindowSizeConstraints({ImGui::GetItemRectSize().x, 0}, {ImGui::GetItemRectSize().x * 1.5f, ImGui::GetFontSize() * 20});
  ImGui::Begin("##search-hits", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  // Over the sidebar without taking the keyboard from the box.
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());

  if (hits.empty()) ImGui::TextDisabled("No place of that name in the visible layers");
  for (size_t i = 0; i < hits.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(text::display_order(hits[i].name).c_str())) go_to(s, hits[i]), s.search.typed.clear();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", text::display_order(hits[i].layer_title).c_str());
    ImGui::PopID();
  }
  s.search.list = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowWidth(), ImGui::GetWindowHeight()};
  ImGui::End();
}

}  // namespace chronoatlas::ui
