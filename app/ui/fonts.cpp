#include "ui/fonts.h"

#include <filesystem>

#include <imgui.h>
#include <imgui_freetype.h>

namespace chronoatlas::ui {

bool load_ui_fonts(const std::string& font_dir, float size_px) {
  const std::string latin = font_dir + "/NotoSans-Regular.ttf", armenian = font_dir + "/NotoSansArmenian-Regular.ttf";
  if (!std::filesystem::exists(latin) || !std::filesystem::exists(armenian)) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  // Basic Latin + Latin-1, Latin Extended-A/B, IPA (Azerbaijani ə is U+0259), Cyrillic, punctuation, euro, arrows.
  static const ImWchar latin_ranges[] = {0x0020, 0x02AF, 0x0400, 0x04FF, 0x2000, 0x206F, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0};
  static const ImWchar armenian_ranges[] = {0x0530, 0x058F, 0xFB13, 0xFB17, 0};
  io.Fonts->AddFontFromFileTTF(latin.c_str(), size_px, nullptr, latin_ranges);
  ImFontConfig merge;
  merge.MergeMode = true;
  io.Fonts->AddFontFromFileTTF(armenian.c_str(), size_px, &merge, armenian_ranges);
  return true;
}

}  // namespace chronoatlas::ui
