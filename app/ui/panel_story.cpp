#include <cstdio>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "platform/paths.h"
#include "text/bidi.h"
#include "ui/app_state.h"
#include "ui/dialog.h"

namespace chronoatlas::ui {
namespace {

// A folder name from TITLE: its letters and digits (any script), words joined by '-'.
std::string folder_name(const std::string& title) {
  std::string name;
  for (unsigned char c : title) {
    if (c >= 0x80 || std::isalnum(c)) name += static_cast<char>(c);
    else if (!name.empty() && name.back() != '-') name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "story" : name;
}

// True for a folder a new story was kept in when the app quit before it was saved.
bool kept_unsaved(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::equivalent(std::filesystem::path(dir).parent_path(), unsaved_story_dir(), ec);
}

// The story's own folder when it has one the user chose: not the bundled story, which an update replaces, nor the
// folder a new story was kept in when the app quit before it was saved.
std::string own_folder(const AppState& s) {
  const std::string& dir = s.scene->scenario().dir;
  std::error_code ec;
  if (dir.empty() || std::filesystem::equivalent(dir, platform::default_scenario_dir(), ec) || kept_unsaved(dir)) return "";
  return dir;
}

void write_story(AppState& s, const std::string& typed) {
  if (typed.empty()) return s.error("Type a folder to save the story in");
  const std::string dir = platform::absolute_path(platform::expand_home(typed));
  // A story without a view of its own (a new one) opens where the reporter made it.
  if (s.scene->scenario().dir.empty() && !edit(s, document::set_default_view(s.view.lonlat_bounds()))) return;
  if (Status saved = s.document->save(dir); !saved) return s.error("Not saved: " + saved.error());
  s.authoring.saving = false;
  // The folder's name only, as everywhere on screen: a full path means nothing in a screenshot.
  s.info("Saved the story to " + std::filesystem::path(dir).filename().string());
}

void save_dialog(AppState& s) {
  if (!s.authoring.saving) return;
  bool open = true;
  begin_dialog(s.map_area, "Save story", open);
  ImGui::TextUnformatted("The story is saved as a folder: scenario.json, sources.json, its own layers and copies of\n"
                         "the files it shows, so it opens on another machine.");
  if (s.authoring.focus) ImGui::SetKeyboardFocusHere(), s.authoring.focus = false;
  const bool enter = text_box("Folder", "~/Chronoatlas/story", s.authoring.save_path, ImGui::GetFontSize() * 24);
  if (ImGui::Button("Save") || enter) write_story(s, s.authoring.save_path);
  if (cancel_button()) open = false;
  ImGui::End();
  if (!open) s.authoring.saving = false;
}

void new_story_dialog(AppState& s) {
  if (!s.authoring.naming) return;
  bool open = true;
  begin_dialog(s.map_area, "New story", open);
  if (s.document->modified())
    ImGui::TextColored({1, 0.75f, 0.3f, 1}, "This story has changes that are not saved: Cancel, then Save (Ctrl+S),\n"
                                            "or Create to leave them.");
  if (s.authoring.focus) ImGui::SetKeyboardFocusHere(), s.authoring.focus = false;
  const bool enter = text_box("Title", "what the story is about", s.authoring.new_title, ImGui::GetFontSize() * 24);
  if (ImGui::Button("Create") || enter) {
    if (s.authoring.new_title.empty()) s.error("A story needs a title");
    else s.authoring.new_story = true, s.authoring.naming = false;
  }
  if (cancel_button()) open = false;
  ImGui::End();
  if (!open) s.authoring.naming = false;
}

// From and To, the story's time range as dates (YYYY-MM-DD, To the last day shown): a command when either box lets
// go with both dates valid. Empty for a story of places alone, which states no date.
void time_range_boxes(AppState& s) {
  const story::Scenario& sc = s.scene->scenario();
  AuthoringUi& a = s.authoring;
  if (!a.range_active) {
    a.typed_from = sc.dated ? story::format_date(sc.start) : "";
    a.typed_to = sc.dated ? story::format_date(sc.end - 1) : "";
  }
  const float w = ImGui::GetFontSize() * 6.5f;
  ImGui::SetNextItemWidth(w);
  ImGui::InputTextWithHint("From", "YYYY-MM-DD", &a.typed_from);
  bool active = ImGui::IsItemActive(), done = ImGui::IsItemDeactivatedAfterEdit();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  ImGui::InputTextWithHint("To", "YYYY-MM-DD", &a.typed_to);
  a.range_active = active || ImGui::IsItemActive();
  done |= ImGui::IsItemDeactivatedAfterEdit();
  if (!done || a.typed_from.empty() || a.typed_to.empty()) return;
  auto from = story::parse_iso_date(a.typed_from), to = story::parse_iso_date(a.typed_to);
  if (!from || !to) return s.error("The story's dates: " + (!from ? from.error() : to.error()));
  if (*to < *from) return s.error("The story's dates: To (" + a.typed_to + ") is before From (" + a.typed_from + ")");
  if (edit(s, document::set_time_range(*from, *to + 1, *from))) set_date(s, *from);
}

// What local time means in the story, as its sources give it ("UTC+3"): a command when the box lets go.
void time_zone_box(AppState& s) {
  AuthoringUi& a = s.authoring;
  if (!a.zone_active) a.typed_zone = s.scene->scenario().time_zone;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
  ImGui::InputTextWithHint("Time zone", "UTC+3", &a.typed_zone);
  a.zone_active = ImGui::IsItemActive();
  if (ImGui::IsItemDeactivatedAfterEdit() && a.typed_zone != s.scene->scenario().time_zone)
    edit(s, document::set_time_zone(a.typed_zone));
}

}  // namespace

void save_story(AppState& s) {
  const std::string folder = own_folder(s);
  if (!folder.empty()) return write_story(s, folder);
  s.authoring.saving = true, s.authoring.focus = true;
  if (s.authoring.save_path.empty())
    s.authoring.save_path = "~/Chronoatlas/" + folder_name(s.scene->scenario().title);
}

std::string unsaved_story_dir() { return platform::config_dir() + "/unsaved-stories"; }

void keep_unsaved_story(AppState& s) {
  const story::Scenario& sc = s.scene->scenario();
  const bool kept_before = !sc.dir.empty() && kept_unsaved(sc.dir);
  // A story (it has a title: a map of files alone has none) that is new or was kept before, and has changes.
  if (sc.title.empty() || !s.document->modified() || !(sc.dir.empty() || kept_before)) return;
  // Each new story in a folder of its own: one kept before is never replaced by another.
  std::string dir = sc.dir;
  if (!kept_before) {
    const std::string base = unsaved_story_dir() + "/" + folder_name(sc.title);
    std::error_code ec;
    dir = base;
    for (int n = 2; std::filesystem::exists(dir, ec); ++n) dir = base + "-" + std::to_string(n);
    std::filesystem::create_directories(unsaved_story_dir(), ec);
  }
  if (Status saved = s.document->save(dir); !saved)
    return void(std::fprintf(stderr, "chronoatlas: the unsaved story could not be kept: %s\n", saved.error().c_str()));
  std::fprintf(stderr, "chronoatlas: the story '%s' was not saved; it was kept in the config folder (unsaved-stories/%s) "
                       "and opens next time\n", sc.title.c_str(), std::filesystem::path(dir).filename().c_str());
}

void authoring_dialogs(AppState& s) {
  drawn_dialog(s);
  event_dialog(s);
  quote_dialog(s);
  save_dialog(s);
  new_story_dialog(s);
}

void panel_story(AppState& s) {
  const story::Scenario& sc = s.scene->scenario();
  // The title is edited in a copy and made a command when the box lets go, so one edit is one undo step.
  AuthoringUi& a = s.authoring;
  if (!a.title_active) a.typed_title = sc.title;
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 3);
  ImGui::InputText("Title", &a.typed_title);
  a.title_active = ImGui::IsItemActive();
  if (ImGui::IsItemDeactivatedAfterEdit() && a.typed_title != sc.title) edit(s, document::set_title(a.typed_title));
  time_range_boxes(s);
  if (s.scene->scenario().dated) time_zone_box(s);
  const std::string folder = own_folder(s);
  ImGui::TextDisabled("%s", folder.empty() ? "Not saved yet (Ctrl+S)"
                                           : ("Folder: " + std::filesystem::path(folder).filename().string() +
                                              (s.document->modified() ? " (changed)" : ""))
                                                 .c_str());
  if (ImGui::Button("Save")) save_story(s);
  ImGui::SameLine();
  if (ImGui::Button("Save as…")) {
    s.authoring.saving = true, s.authoring.focus = true;
    s.authoring.save_path = folder.empty() ? "~/Chronoatlas/" + folder_name(sc.title) : folder + "-copy";
  }
  ImGui::SameLine();
  if (ImGui::Button("New story")) s.authoring.naming = true, s.authoring.focus = true;
  if (ImGui::Button("Use this view as the story's view"))
    edit(s, document::set_default_view(s.view.lonlat_bounds()));
  ImGui::Separator();
  // One button per kind: pressed, the map takes clicks for it; pressed again (or Esc), it stops.
  const struct {
    DrawnKind kind;
    const char* idle;
    const char* tip;
  } tools[] = {{DrawnKind::Marker, "Marker (M)", "Click the map where it goes, or pick a place from Find (Ctrl+F)"},
               {DrawnKind::Area, "Area (A)", "Click each corner of the area to highlight, then Enter"},
               {DrawnKind::Route, "Route (P)", "Click each point of the route from its start, then Enter"}};
  ImGui::TextUnformatted("Draw:");
  for (const auto& t : tools) {
    ImGui::SameLine();
    const bool on = s.authoring.drawing == t.kind;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(t.idle)) toggle_drawing(s, t.kind);
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.tip);
  }
  ImGui::TextUnformatted("Add:");
  ImGui::SameLine();
  if (ImGui::Button("Event (E)")) start_event(s);
  ImGui::SameLine();
  if (ImGui::Button("Quote (Q)")) s.authoring.quote = QuoteDraft{};
}

}  // namespace chronoatlas::ui
