#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "export/figure_presets.h"
#include "export/output_files.h"
#include "export/render_job.h"
#include "export/video.h"
#include "export/view_file.h"
#include "render/alt_text.h"
#include "render/colour_check.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

struct Preset {
  std::string name;
  int width, height;  // width 0: the screen's size times HEIGHT; -1: the custom size
  int dpi = 0;        // the print resolution the files state
  float scale = 0;    // lines, symbols and text; 0: the screen's
};

// The window's size and multiples of it, the sizes desks publish at (shared with render --preset), and a custom size.
const std::vector<Preset>& presets() {
  static const std::vector<Preset> all = [] {
    std::vector<Preset> p = {{"Window size", 0, 1}, {"2x window", 0, 2}, {"4x window", 0, 4}};
    for (const exporting::FigurePreset& f : exporting::figure_presets())
      p.push_back({f.name, f.width_px, f.height_px, f.dpi, f.scale});
    p.push_back({"Custom", -1, -1});
    return p;
  }();
  return all;
}

// The scenario's folder name and the date shown, in the last folder exported to: karabakh-2023_2023-09-26.png.
std::string default_path(const AppState& s, const char* suffix) {
  const char* home = std::getenv("HOME");
  const std::string folder = !s.exporting.folder.empty() ? s.exporting.folder : home ? home : ".";
  const std::string& dir = s.scene->scenario().dir;
  const std::string name = dir.empty() ? "map" : std::filesystem::path(dir).lexically_normal().filename().string();
  return folder + "/" + name + "_" + story::format_date(s.day) + suffix;
}

// A path box that follows the date and scenario until the user types in it; after each export it follows again.
void path_box(AppState& s, const char* id, OutputPath& out, const char* suffix) {
  if (!out.typed) out.path = default_path(s, suffix);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText(id, &out.path)) out.typed = true;
}

// Exports go on to the folder of the last one, and names follow the date again.
void used(AppState& s, OutputPath& out) {
  std::error_code ec;
  s.exporting.folder = std::filesystem::absolute(out.path, ec).parent_path().string();
  out.typed = false;
}

// The chosen preset; an index from an edited session file outside the list means the first.
const Preset& preset_of(const ExportSettings& e) {
  return e.preset >= 0 && e.preset < static_cast<int>(presets().size()) ? presets()[static_cast<size_t>(e.preset)]
                                                                        : presets()[0];
}

// The size the chosen preset gives for the current screen.
std::pair<int, int> export_size(const AppState& s) {
  const ExportSettings& e = s.exporting;
  const Preset& p = preset_of(e);
  if (p.width == 0) return {s.view.width_px() * p.height, s.view.height_px() * p.height};
  if (p.width < 0) return {e.width, e.height};
  return {p.width, p.height};
}

exporting::RenderJob job_for(const AppState& s, const std::string& path, story::Days day) {
  auto [w, h] = export_size(s);
  exporting::RenderJob job;
  job.view = s.view.scaled(w, h);
  if (const float scale = preset_of(s.exporting).scale; scale > 0) job.view.resize(w, h, scale);
  job.day = day;
  job.furniture = s.furniture;
  job.furniture.transparent = s.exporting.transparent;
  job.out_file = path;
  job.geotiff = s.exporting.geotiff;
  job.dpi = preset_of(s.exporting).dpi;
  job.overwrite = true;  // the dialog asked already
  job.inputs = exporting::input_files(*s.scene);
  job.alt_text = s.exporting.alt_text;
  return job;
}

// The figure formats, by their names' endings: PNG for the web, SVG for Illustrator or Inkscape, PDF for print.
constexpr const char* kFormatSuffixes[] = {".png", ".svg", ".pdf"};
constexpr const char* kFormatNames = "PNG, with world file and .prj\0SVG, layered for Illustrator and Inkscape\0"
                                     "PDF, georeferenced and layered\0";

const char* format_suffix(const ExportSettings& e) {
  return kFormatSuffixes[e.format >= 0 && e.format < 3 ? e.format : 0];
}

void export_now(AppState& s) {
  auto status = exporting::render_to_files(*s.scene, *s.renderer, job_for(s, s.exporting.image.path, s.day));
  if (!status) return s.error(status.error());
  const bool png = std::filesystem::path(s.exporting.image.path).extension() == ".png";
  s.info("Exported " + s.exporting.image.path + (png ? " with .pgw and .prj" : ""));
  for (const std::string& w : render::colour_vision_warnings(s.scene->frame(s.view, s.day, s.furniture).furniture.legend))
    s.error(w);
  used(s, s.exporting.image);
  s.exporting.alt_typed = false;  // the next figure gets its own draft
}

void start_frames(AppState& s) {
  ExportSettings& e = s.exporting;
  auto frames = exporting::FrameSequence::create(e.frames_from + ":" + e.frames_to + ":" + std::to_string(e.frames_step),
                                                 e.frames_path.path);
  if (!frames) return s.error(frames.error());
  if (auto ok = exporting::check_outputs(frames->outputs(s.exporting.geotiff), exporting::input_files(*s.scene), false);
      !ok)
    return s.error(ok.error());
  e.frames = std::move(*frames);
  used(s, e.frames_path);
}

void settings(AppState& s) {
  ExportSettings& e = s.exporting;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##size", preset_of(e).name.c_str())) {
    for (int i = 0; i < static_cast<int>(presets().size()); ++i)
      if (ImGui::Selectable(presets()[static_cast<size_t>(i)].name.c_str(), i == e.preset)) e.preset = i;
    ImGui::EndCombo();
  }
  if (preset_of(e).width < 0) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputInt2("px", &e.width);
    e.width = std::clamp(e.width, 1, render::kMaxImageSide);
    e.height = std::clamp(e.height, 1, render::kMaxImageSide);
  }
  auto [w, h] = export_size(s);
  ImGui::TextDisabled("%d x %d px%s", w, h, w > 4096 || h > 4096 ? ", drawn in tiles" : "");
  if (w > render::kMaxImageSide || h > render::kMaxImageSide)
    ImGui::TextColored({1, 0.5f, 0.4f, 1}, "Too large: at most %d px a side", render::kMaxImageSide);
  auto& f = s.furniture;
  ImGui::Checkbox("title", &f.title);
  ImGui::SameLine();
  ImGui::Checkbox("date", &f.date);
  ImGui::SameLine();
  ImGui::Checkbox("legend", &f.legend);
  ImGui::Checkbox("scale bar", &f.scale_bar);
  ImGui::SameLine();
  ImGui::Checkbox("north arrow", &f.north_arrow);
  ImGui::SameLine();
  ImGui::Checkbox("sources", &f.attribution);
  ImGui::Checkbox("graticule", &f.graticule);
  ImGui::SameLine();
  ImGui::Checkbox("event caption", &f.caption);
  ImGui::SameLine();
  ImGui::Checkbox("locator inset", &f.inset);
  ImGui::Checkbox("transparent background", &e.transparent);
  ImGui::Checkbox("also GeoTIFF", &e.geotiff);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##title", "title (empty: the scenario's)", &f.title_override);
}

void single_image(AppState& s) {
  ExportSettings& e = s.exporting;
  // Alt text: drafted from what the map shows (date, layers, places, figures), for the user to finish.
  if (!e.alt_typed) e.alt_text = render::draft_alt_text(s.scene->frame(s.view, s.day, s.furniture));
  ImGui::TextDisabled("Alt text (written into the PNG, SVG and PDF)");
  if (ImGui::InputTextMultiline("##alt", &e.alt_text, {-1, ImGui::GetTextLineHeight() * 4}))
    e.alt_typed = true;
  ImGui::SetNextItemWidth(-1);
  ImGui::Combo("##format", &e.format, kFormatNames);
  path_box(s, "##path", e.image, format_suffix(e));
  if (ImGui::Button("Export (Ctrl+E)") || e.shortcut) {
    e.shortcut = false;
    if (std::filesystem::exists(e.image.path)) ImGui::OpenPopup("Overwrite?");
    else export_now(s);
  }
  if (ImGui::BeginPopupModal("Overwrite?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("%s already exists. Replace it?", e.image.path.c_str());
    if (ImGui::Button("Replace")) {
      export_now(s);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void animation(AppState& s) {
  ExportSettings& e = s.exporting;
  if (e.frames_from.empty()) e.frames_from = e.frames_to = story::format_date(s.day);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputText("from", &e.frames_from);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputText("to", &e.frames_to);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
  ImGui::InputInt("step (days)", &e.frames_step);
  e.frames_step = std::max(1, e.frames_step);
  path_box(s, "##frames", e.frames_path, "-frames.png");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##video", "video: .mp4 or .gif (optional; needs ffmpeg)", &e.video_path);
  if (!e.frames) {
    if (ImGui::Button("Export frames")) start_frames(s);
    return;
  }
  frame_export_progress(s);
}

void views(AppState& s) {
  ExportSettings& e = s.exporting;
  path_box(s, "##view", e.view_path, ".view.json");
  if (ImGui::Button("Save view")) {
    const std::string path = e.view_path.path;
    auto st = exporting::write_view_file(exporting::capture_view(*s.scene, s.view, s.day, s.furniture), path);
    if (!st) return s.error(st.error());
    s.info("Saved view " + path + " (chronoatlas render --view " + path + " redraws it)");
    used(s, e.view_path);
  }
  ImGui::SameLine();
  if (ImGui::Button("Load view")) load_view(s, e.view_path.path);
}

}  // namespace

void panel_export(AppState& s) {
  settings(s);
  ImGui::Separator();
  single_image(s);
  ImGui::Separator();
  ImGui::TextDisabled("Animation: one image per step");
  animation(s);
  ImGui::Separator();
  ImGui::TextDisabled("Saved views");
  views(s);
}

void frame_export_progress(AppState& s) {
  ExportSettings& e = s.exporting;
  const size_t done = e.frames->written(), total = e.frames->size();
  ImGui::ProgressBar(static_cast<float>(done) / total, {ImGui::GetFontSize() * 16, 0},
                     (std::to_string(done) + " / " + std::to_string(total) + " frames").c_str());
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    e.frames.reset();
    s.info("Frame export cancelled after " + std::to_string(done) + " frames");
  }
}

void advance_frame_export(AppState& s) {
  ExportSettings& e = s.exporting;
  if (!e.frames) return;
  exporting::FrameSequence& frames = *e.frames;
  if (!frames.finished()) {
    // The frame's own date and path replace the template's.
    if (auto status = frames.write_next(*s.scene, *s.renderer, job_for(s, frames.pattern(), s.day)); !status) {
      e.frames.reset();
      s.error(status.error());
    }
    return;
  }
  s.info("Exported " + std::to_string(frames.size()) + " frames to " + frames.path(0) + " ...");
  if (!e.video_path.empty()) {
    auto v = exporting::encode_video(frames.pattern(), frames.size(), 8, e.video_path);
    if (v) s.info("Encoded " + e.video_path);
    else s.error(v.error());
  }
  e.frames.reset();
}

void load_view(AppState& s, const std::string& path) {
  auto saved = exporting::read_view_file(path);
  if (!saved) return s.error(saved.error());
  if (saved->scenario_dir != s.scene->scenario().dir)
    s.error("The view was saved for scenario " + saved->scenario_dir + "; open it with --scenario to match it");
  auto view = exporting::view_of(*saved);
  if (!view) return s.error(path + ": " + view.error());
  if (saved->crs != s.view.projection().definition()) s.projection_name = saved->crs;
  const float screen_scale = s.view.ui_scale();
  s.view = view->scaled(s.view.width_px(), s.view.height_px());
  s.view.resize(s.view.width_px(), s.view.height_px(), screen_scale);
  set_day(s, *story::parse_moment(saved->date));
  s.furniture = saved->furniture;
  std::vector<std::string> warnings;
  for (const std::string& failed : exporting::add_saved_files(*saved, *s.document, warnings, exporting::Connections::Refused))
    s.error(failed);
  exporting::apply_styles(*saved, *s.document);
  exporting::apply_times(*saved, *s.document, warnings);
  for (const std::string& w : warnings) s.error(w);
  s.info("Loaded view " + path);
}

}  // namespace chronoatlas::ui
