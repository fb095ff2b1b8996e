#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "geo/gdal_setup.h"
#include "platform/folder_listing.h"
#include "platform/paths.h"
#include "text/bidi.h"
#include "ui/app_state.h"

namespace chronoatlas::ui {
namespace {

namespace fs = std::filesystem;

std::string size_text(std::uintmax_t bytes) {
  char buf[32];
  if (bytes >= (1u << 30)) std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1073741824.0);
  else if (bytes >= (1u << 20)) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  else std::snprintf(buf, sizeof buf, "%.0f kB", std::ceil(bytes / 1024.0));
  return buf;
}

void enter(FileBrowser& b, const std::string& folder) {
  b.folder = fs::path(platform::absolute_path(platform::expand_home(folder))).lexically_normal().string();
  b.typed_folder = b.folder;
  b.chosen.clear();
  b.listed.reset();
}

void remember(FileBrowser& b) {
  auto& r = b.recent;
  r.erase(std::remove(r.begin(), r.end(), b.folder), r.end());
  r.insert(r.begin(), b.folder);
  if (r.size() > 8) r.resize(8);
}

void add_chosen(AppState& s) {
  FileBrowser& b = s.browser;
  add_layer_file(s, (fs::path(b.folder) / b.chosen).string());
  remember(b);
  b.open = false;
  ImGui::CloseCurrentPopup();
}

void folder_bar(FileBrowser& b) {
  if (ImGui::Button("Up")) enter(b, fs::path(b.folder).parent_path().string());
  ImGui::SameLine();
  if (ImGui::Button("Home")) enter(b, "~");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (ImGui::BeginCombo("##recent", "Recent folders")) {
    for (const std::string& r : b.recent)
      if (ImGui::Selectable(r.c_str())) enter(b, r);
    if (b.recent.empty()) ImGui::TextDisabled("none yet");
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Checkbox("all files", &b.all_files);
  if (ImGui::IsItemEdited()) b.listed.reset();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputText("##folder", &b.typed_folder, ImGuiInputTextFlags_EnterReturnsTrue)) enter(b, b.typed_folder);
}

void listing(AppState& s) {
  FileBrowser& b = s.browser;
  if (!b.listed) {
    auto entries = platform::list_folder(b.folder, b.all_files ? std::vector<std::string>{} : geo::vector_file_extensions());
    b.error = entries ? "" : entries.error();
    b.listed = entries ? std::move(*entries) : std::vector<platform::FolderEntry>{};
  }
  ImGui::BeginChild("##entries", {0, -ImGui::GetFrameHeightWithSpacing() * 1.2f}, true);
  if (!b.error.empty()) ImGui::TextColored({1, 0.5f, 0.4f, 1}, "%s", b.error.c_str());
  std::string go_into;
  for (const platform::FolderEntry& e : *b.listed) {
    const std::string label = text::display_order(e.folder ? e.name + "/" : e.name);
    if (ImGui::Selectable(label.c_str(), !e.folder && e.name == b.chosen, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.folder) go_into = e.name;
      else b.chosen = e.name;
      if (!e.folder && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) add_chosen(s);
    }
    if (!e.folder) {
      ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 5);
      ImGui::TextDisabled("%s", size_text(e.bytes).c_str());
    }
  }
  if (b.listed->empty() && b.error.empty()) ImGui::TextDisabled("No folders or readable files here");
  ImGui::EndChild();
  if (!go_into.empty()) enter(b, (fs::path(b.folder) / go_into).string());
}

}  // namespace

void open_file_browser(AppState& s) {
  FileBrowser& b = s.browser;
  if (b.folder.empty() || !fs::is_directory(b.folder)) enter(b, b.recent.empty() ? "~" : b.recent.front());
  b.listed.reset();
  b.open = true;
}

void file_browser(AppState& s) {
  FileBrowser& b = s.browser;
  if (b.open && !ImGui::IsPopupOpen("Add a layer")) ImGui::OpenPopup("Add a layer");
  const ImVec2 size = ImGui::GetMainViewport()->Size;
  ImGui::SetNextWindowSize({std::min(size.x * 0.8f, ImGui::GetFontSize() * 48), size.y * 0.7f}, ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Add a layer", &b.open)) return;
  folder_bar(b);
  listing(s);
  ImGui::BeginDisabled(b.chosen.empty());
  if (ImGui::Button("Add")) add_chosen(s);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) b.open = false, ImGui::CloseCurrentPopup();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", b.chosen.empty() ? "Double-click a file, or choose one and press Add" : b.chosen.c_str());
  ImGui::EndPopup();
}

}  // namespace chronoatlas::ui
