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
  // Scripts whose names the panels show: Arabic with the presentation forms that text::display_order() joins letters
  // into, Hebrew, Georgian, Devanagari (without conjuncts: ImGui cannot shape) and Thai. Each is optional.
  static const ImWchar arabic[] = {0x0600, 0x06FF, 0x0750, 0x077F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
  static const ImWchar hebrew[] = {0x0590, 0x05FF, 0xFB1D, 0xFB4F, 0};
  static const ImWchar georgian[] = {0x10A0, 0x10FF, 0};
  static const ImWchar devanagari[] = {0x0900, 0x097F, 0};
  static const ImWchar thai[] = {0x0E00, 0x0E7F, 0};
  const struct {
    const char* file;
    const ImWchar* ranges;
  } scripts[] = {{"NotoSansArabic-Regular.ttf", arabic},
                 {"NotoSansHebrew-Regular.ttf", hebrew},
                 {"NotoSansGeorgian-Regular.ttf", georgian},
                 {"NotoSansDevanagari-Regular.ttf", devanagari},
                 {"NotoSansThai-Regular.ttf", thai}};
  for (const auto& script : scripts) {
    const std::string path = font_dir + "/" + script.file;
    if (std::filesystem::exists(path)) io.Fonts->AddFontFromFileTTF(path.c_str(), size_px, &merge, script.ranges);
  }
  return true;
}

}  // namespace chronoatlas::ui
