// Work that must not freeze the window: reading added files, and fetching database layers for the view shown.
#include <imgui.h>

#include <filesystem>

#include "platform/paths.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

constexpr double kSettleS = 0.3;  // a view unchanged this long has settled: database layers follow it

bool same_view(const render::View& a, const render::View& b) {
  return a.centre.x == b.centre.x && a.centre.y == b.centre.y && a.units_per_px == b.units_per_px &&
         a.width_px == b.width_px && a.height_px == b.height_px;
}

void collect_read_files(AppState& s) {
  for (auto it = s.background.files.begin(); it != s.background.files.end();) {
    if (!it->result.ready()) {
      ++it;
      continue;
    }
    auto file = std::move(*it->result.get());
    const std::string path = it->path;
    it = s.background.files.erase(it);
    if (!file) {
      s.error(file.error());
      continue;
    }
    const size_t before = s.document->atlas().layers().size();
    if (!edit(s, document::add_file_layers(std::move(*file)))) continue;
    s.info("Added " + std::to_string(s.document->atlas().layers().size() - before) + " layer(s) from " + path);
    if (s.frame_first_files) frame_first_files(s);
  }
}

}  // namespace

void start_basemap(AppState& s) {
  // Read off the UI thread, added when read.
  s.background.basemap = start_job(Priority::Interactive, [dir = platform::basemap_dir(), cache = s.document->atlas().cache_handle()] {
    return document::read_basemap(dir, cache.get());
  });
}

namespace {

void collect_basemap(AppState& s) {
  if (!s.background.basemap || !s.background.basemap->ready()) return;
  auto basemap = std::move(*s.background.basemap->get());
  s.background.basemap.reset();
  if (!basemap) return s.error(basemap.error());
  std::vector<std::string> warnings;
  const size_t layers = basemap->layers.size();
  if (auto added = document::add_basemap(*s.document, std::move(*basemap), warnings); !added) s.error(added.error());
  else s.info("Added the basemap under the layers (" + std::to_string(layers) + " layer(s); hide it in Layers)");
  for (const std::string& w : warnings) s.error(w);
}

// Database layers follow the view once it has settled: each asks for what it lacks, one query at a time.
void follow_database_layers(AppState& s) {
  if (!same_view(s.view.pixels(), s.background.last_view.pixels()) ||
      s.view.projection().definition() != s.background.last_view.projection().definition()) {
    s.background.last_view = s.view;
    s.background.view_changed_s = s.now_s;
  }
  const model::Atlas& atlas = s.document->atlas();
  for (auto it = s.background.fetches.begin(); it != s.background.fetches.end();) {
    if (!it->result.ready()) {
      ++it;
      continue;
    }
    auto data = std::move(*it->result.get());
    const auto layer = std::find_if(atlas.layers().begin(), atlas.layers().end(),
                                    [&](const model::AtlasLayer& l) { return l.id == it->layer_id; });
    if (!data) s.error(data.error());
    else if (layer != atlas.layers().end()) {
      std::vector<std::string> warnings;
      s.document->refresh_features(static_cast<size_t>(layer - atlas.layers().begin()), std::move(*data), it->view, warnings);
      for (const std::string& w : warnings) s.error(w);
      s.hovered.reset(), s.selected.reset();  // picks name features by index, and these are new features
    }
    it = s.background.fetches.erase(it);
  }
  if (s.now_s - s.background.view_changed_s < kSettleS || !s.background.fetches.empty()) return;
  const BoundsLonLat shown = s.view.lonlat_bounds();
  const double deg_per_px = s.view.degrees_per_px();
  for (const model::AtlasLayer& l : atlas.layers()) {
    if (!l.fetched || !l.spec.style.visible || !model::needs_fetch(*l.fetched, shown, deg_per_px)) continue;
    const model::FetchedView want = model::fetch_for(shown, deg_per_px);
    s.background.fetches.push_back({l.id, want, start_job(Priority::Background, [source = l.spec.source, table = l.spec.source_layer, want] {
                           geo::FetchStats stats;
                           return model::fetch_features(source, table, want, stats);
                         })});
    return;
  }
}

}  // namespace

void add_layer_file(AppState& s, const std::string& typed) {
  const std::string path = platform::absolute_path(platform::expand_home(typed));
  auto progress = std::make_shared<Progress>();
  auto read = [path, progress, cache = s.document->atlas().cache_handle(), view = s.document->scenario().view] {
    return model::Atlas::read_file(path, cache.get(), view, progress.get());
  };
  s.background.files.push_back({path, progress, start_job(Priority::Interactive, read)});
}

void collect_background_work(AppState& s) {
  collect_read_files(s);
  collect_basemap(s);
  follow_database_layers(s);
}

bool background_work(const AppState& s) {
  bool waiting_to_settle = false;
  for (const model::AtlasLayer& l : s.scene->atlas().layers()) waiting_to_settle |= l.fetched.has_value();
  return !s.background.files.empty() || !s.background.fetches.empty() || s.background.basemap || s.scene->loading() ||
         (waiting_to_settle && s.now_s - s.background.view_changed_s < kSettleS + 0.1);
}

void pending_file_rows(AppState& s) {
  for (auto it = s.background.files.begin(); it != s.background.files.end();) {
    ImGui::PushID(it->path.c_str());
    ImGui::TextUnformatted(("Reading " + std::filesystem::path(it->path).filename().string()).c_str());
    const float f = it->progress->fraction;
    ImGui::ProgressBar(f < 0 ? 0.f : f, ImVec2(-80, 0), f < 0 ? "opening..." : nullptr);
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel");
    ImGui::PopID();
    if (!cancel) {
      ++it;
      continue;
    }
    // A read not yet started never starts; one under way stops at GDAL's next feature.
    it->progress->cancelled = true;
    it->result.cancel();
    s.info("Cancelled reading " + it->path);
    it = s.background.files.erase(it);
  }
  for (const model::AtlasLayer& l : s.scene->atlas().layers())
    if (s.scene->is_loading(l.id)) ImGui::TextDisabled("Preparing %s for drawing...", l.spec.title.c_str());
}

}  // namespace chronoatlas::ui
