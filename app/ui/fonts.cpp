#include "ui/fonts.h"

#include <filesystem>
#include <list>
#include <map>
#include <utility>

#include <imgui.h>
#include <imgui_freetype.h>

#include "text/font_set.h"

namespace chronoatlas::ui {
namespace {

// Basic Latin + Latin-1, Latin Extended-A/B, IPA (Azerbaijani ə is U+0259), Greek, Cyrillic, punctuation, euro.
// Only what Noto Sans has: anything else (arrows, say) comes in through the extra characters, from a face that has it.
const ImWchar kLatin[] = {0x0020, 0x02AF, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F, 0x20AC, 0x20AC, 0};
const ImWchar kArmenian[] = {0x0530, 0x058F, 0xFB13, 0xFB17, 0};
// Scripts whose names the panels show: Arabic with the presentation forms that text::display_order() joins letters
// into, Hebrew, Georgian, Devanagari (without conjuncts: ImGui cannot shape) and Thai. Each is optional.
const ImWchar kArabic[] = {0x0600, 0x06FF, 0x0750, 0x077F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
const ImWchar kHebrew[] = {0x0590, 0x05FF, 0xFB1D, 0xFB4F, 0};
const ImWchar kGeorgian[] = {0x10A0, 0x10FF, 0};
const ImWchar kDevanagari[] = {0x0900, 0x097F, 0};
const ImWchar kThai[] = {0x0E00, 0x0E7F, 0};

const struct {
  const char* file;
  const ImWchar* ranges;
} kFaces[] = {{"NotoSans-Regular.ttf", kLatin},         {"NotoSansArmenian-Regular.ttf", kArmenian},
              {"NotoSansArabic-Regular.ttf", kArabic},  {"NotoSansHebrew-Regular.ttf", kHebrew},
              {"NotoSansGeorgian-Regular.ttf", kGeorgian}, {"NotoSansDevanagari-Regular.ttf", kDevanagari},
              {"NotoSansThai-Regular.ttf", kThai}};

// ImGui reads glyph ranges when the atlas is built, and keeps pointing at them: they live until the next load.
std::list<ImVector<ImWchar>>& extra_ranges() {
  static std::list<ImVector<ImWchar>> ranges;
  return ranges;
}

// EXTRA merged into the font, each character from the face the text module picks for it.
void merge_extra(const std::string& font_dir, float size_px, const std::u32string& extra) {
  extra_ranges().clear();
  auto fonts = text::FontSet::open(font_dir);
  if (!fonts) return;
  std::map<std::pair<std::string, int>, ImFontGlyphRangesBuilder> by_face;
  for (char32_t c : extra) {
    if (c > IM_UNICODE_CODEPOINT_MAX) continue;  // beyond what this ImGui build's ImWchar holds
    const int face = (*fonts)->face_for(c, false);
    if (face < 0) continue;
    const text::Face& f = (*fonts)->face(face);
    by_face[{f.path, f.index}].AddChar(static_cast<ImWchar>(c));
  }
  ImFontConfig merge;
  merge.MergeMode = true;
  for (auto& [face, builder] : by_face) {
    ImVector<ImWchar>& ranges = extra_ranges().emplace_back();
    builder.BuildRanges(&ranges);
    merge.FontNo = static_cast<unsigned>(face.second);
    ImGui::GetIO().Fonts->AddFontFromFileTTF(face.first.c_str(), size_px, &merge, ranges.Data);
  }
}

}  // namespace

bool in_fixed_ui_ranges(char32_t c) {
  for (const auto& face : kFaces)
    for (const ImWchar* r = face.ranges; r[0]; r += 2)
      if (c >= r[0] && c <= r[1]) return true;
  return false;
}

bool load_ui_fonts(const std::string& font_dir, float size_px, const std::u32string& extra) {
  const std::string latin = font_dir + "/" + kFaces[0].file, armenian = font_dir + "/" + kFaces[1].file;
  if (!std::filesystem::exists(latin) || !std::filesystem::exists(armenian)) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  io.Fonts->AddFontFromFileTTF(latin.c_str(), size_px, nullptr, kFaces[0].ranges);
  ImFontConfig merge;
  merge.MergeMode = true;
  for (size_t i = 1; i < std::size(kFaces); ++i) {
    const std::string path = font_dir + "/" + kFaces[i].file;
    if (std::filesystem::exists(path)) io.Fonts->AddFontFromFileTTF(path.c_str(), size_px, &merge, kFaces[i].ranges);
  }
  merge_extra(font_dir, size_px, extra);
  return true;
}

}  // namespace chronoatlas::ui
