#include "ui/session.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "export/view_file.h"
#include "render/image.h"

namespace chronoatlas::ui {
namespace {

// Far more than any session holds (a few KB; views name files, not their data): a bigger file is not ours to parse.
constexpr size_t kMaxSessionBytes = 16 << 20;

using nlohmann::json;

template <typename T>
void take(const json& j, const char* key, T& value) {
  if (!j.is_object() || !j.contains(key)) return;
  try {
    value = j[key].get<T>();
  } catch (const json::exception&) {
    // a value of the wrong type keeps the default
  }
}

story::Window window_in(const json& j, const char* key, story::Window fallback, story::Window limits) {
  std::vector<double> w;
  take(j, key, w);
  if (w.size() != 2 || !(w[0] >= limits.start && w[1] <= limits.end && w[1] > w[0])) return fallback;
  return {w[0], w[1]};
}

// A hand-edited or damaged session must not reach a font size, a division or an image size out of range.
void keep_in_range(AppState& s) {
  story::Playback& p = s.playback;
  if (!(p.days_per_second >= story::kMinSpeed && p.days_per_second <= story::kMaxSpeed)) p.days_per_second = 2;
  if (p.step_hours != 1 && p.step_hours != 3 && p.step_hours != 6 && p.step_hours != 12 && p.step_hours != 168)
    p.step_hours = 24;
  if (!(s.layout.ui_scale >= 0.5f && s.layout.ui_scale <= 3)) s.layout.ui_scale = 1;
  if (!(s.layout.sidebar_em >= 12 && s.layout.sidebar_em <= 200)) s.layout.sidebar_em = 24;
  s.exporting.width = std::clamp(s.exporting.width, 1, render::kMaxImageSide);
  s.exporting.height = std::clamp(s.exporting.height, 1, render::kMaxImageSide);
}

void restore_preferences(AppState& s, const json& j) {
  const json& p = j.value("playback", json::object());
  take(p, "days_per_second", s.playback.days_per_second);
  take(p, "loop", s.playback.loop);
  take(p, "step_hours", s.playback.step_hours);
  const json& l = j.value("layout", json::object());
  take(l, "sidebar_em", s.layout.sidebar_em);
  take(l, "sidebar_open", s.layout.sidebar_open);
  take(l, "ui_scale", s.layout.ui_scale);
  take(l, "panels", s.layout.panels);
  const json& e = j.value("export", json::object());
  take(e, "preset", s.exporting.preset);
  take(e, "width", s.exporting.width);
  take(e, "height", s.exporting.height);
  take(e, "transparent", s.exporting.transparent);
  take(e, "geotiff", s.exporting.geotiff);
  take(e, "folder", s.exporting.folder);
  if (j.contains("furniture")) s.furniture = exporting::read_furniture(j["furniture"], s.furniture);
  keep_in_range(s);
  const json& f = j.value("files", json::object());
  take(f, "folder", s.browser.folder);
  take(f, "recent", s.browser.recent);
  take(f, "all_files", s.browser.all_files);
}

void restore_map(AppState& s, const json& j, const std::string& path) {
  if (!j.contains("view")) return;
  auto saved = exporting::read_view_json(j["view"], path);
  if (!saved || saved->scenario_dir != s.scene->scenario().dir) return;
  std::vector<std::string> warnings;
  for (const std::string& failed : exporting::add_saved_files(*saved, *s.document, warnings, exporting::Connections::Allowed))
    s.error("Last session's layer not restored: " + failed);
  exporting::apply_styles(*saved, *s.document);
  exporting::apply_times(*saved, *s.document, warnings);
  for (const std::string& w : warnings) s.error(w);
  if (auto view = exporting::view_of(*saved)) {
    s.view = std::move(*view);
    s.frame_first_files = s.frame_when_laid_out = false;
    if (s.scene->scenario().dir.empty()) start_basemap(s);  // the view is the last session's; the countries come again
    take(j, "projection_name", s.projection_name);
  }
  const story::Scenario& sc = s.scene->scenario();
  double day = s.day;
  take(j, "day", day);
  set_day(s, day);
  s.playback.window = window_in(j.value("playback", json::object()), "window", s.playback.window, {sc.start, sc.end});
  s.axis = window_in(j, "axis", s.axis, {sc.start, sc.end});
  s.info("Restored the last session (" + story::format_moment(s.day) + ", " +
         std::to_string(saved->added_files.size()) + " added file(s))");
}

}  // namespace

void load_session(AppState& s, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return;  // a first launch
  auto text = read_text_file(path, kMaxSessionBytes);
  if (!text) {
    // Too big, a folder, a pipe: not this app's to replace. The session is not saved over it.
    s.keep_session_file = true;
    return s.error(text.error() + "; the session file was left as it is, and this session will not be saved");
  }
  const json j = json::parse(*text, nullptr, false);
  if (!j.is_object()) return s.error(path + ": not a session file; starting afresh (it is kept as session.json.bak on quit)");
  restore_preferences(s, j);
  restore_map(s, j, path);
}

std::string last_story(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "";
  auto text = read_text_file(path, kMaxSessionBytes);
  if (!text) return "";
  const json j = json::parse(*text, nullptr, false);
  return j.is_object() && j.contains("story") && j["story"].is_string() ? j["story"].get<std::string>() : "";
}

bool save_session(AppState& s, const std::string& path) {
  if (s.keep_session_file) return true;
  json j = {{"chronoatlas_session", 1},
            {"story", s.scene->scenario().dir},
            {"view", exporting::view_json(exporting::capture_view(*s.scene, s.view, s.day, s.furniture))},
            {"projection_name", s.projection_name},
            {"day", s.day},
            {"axis", {s.axis.start, s.axis.end}},
            {"playback",
             {{"days_per_second", s.playback.days_per_second},
              {"loop", s.playback.loop},
              {"step_hours", s.playback.step_hours},
              {"window", {s.playback.window.start, s.playback.window.end}}}},
            {"layout",
             {{"sidebar_em", s.layout.sidebar_em},
              {"sidebar_open", s.layout.sidebar_open},
              {"ui_scale", s.layout.ui_scale},
              {"panels", s.layout.panels}}},
            {"export",
             {{"preset", s.exporting.preset},
              {"width", s.exporting.width},
              {"height", s.exporting.height},
              {"transparent", s.exporting.transparent},
              {"geotiff", s.exporting.geotiff},
              {"folder", s.exporting.folder}}},
            {"files", {{"folder", s.browser.folder}, {"recent", s.browser.recent}, {"all_files", s.browser.all_files}}},
            {"furniture", exporting::furniture_json(s.furniture)}};
  const Status written = write_text_file(path, j.dump(2) + "\n", Backup::Keep);
  if (!written) s.error("The session could not be saved: " + written.error());
  return static_cast<bool>(written);
}

}  // namespace chronoatlas::ui
