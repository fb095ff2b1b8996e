#pragma once
#include <string>

namespace chronoatlas::ui {

// Loads Noto Sans (Latin, Greek, Cyrillic), merged with Noto Sans Armenian, Arabic, Hebrew, Georgian, Devanagari and
// Thai, through FreeType at SIZE_PX pixels; then the glyphs of EXTRA from whichever installed face has each
// (fontconfig's choice, as the map's text makes it). False if the fonts are missing (ImGui's default font is kept).
bool load_ui_fonts(const std::string& font_dir, float size_px, const std::u32string& extra = {});

// Whether C is in the ranges load_ui_fonts always loads.
bool in_fixed_ui_ranges(char32_t c);

}  // namespace chronoatlas::ui
