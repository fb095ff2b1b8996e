#pragma once
#include <string>

namespace chronoatlas::ui {

// Loads Noto Sans with Latin Extended, Cyrillic and Armenian (merged from Noto Sans Armenian) through FreeType, at
// SIZE_PX pixels. False if the fonts are missing (ImGui's default font is kept).
bool load_ui_fonts(const std::string& font_dir, float size_px);

}  // namespace chronoatlas::ui
