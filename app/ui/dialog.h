#pragma once
// The small dialogs of story making (New marker, New event, New quote, Save story, New story): one look, one place
// over the map, one way to type into them and to leave them.
#include <string>

#include "ui/screen_rect.h"

namespace chronoatlas::ui {

// Begins a dialog titled TITLE over the upper middle of the map AREA; OPEN goes false when its close box is clicked.
// Always pair with ImGui::End().
void begin_dialog(const ScreenRect& area, const char* title, bool& open);
// A labelled box WIDTH wide with HINT while empty; true when Enter was pressed in it.
bool text_box(const char* label, const char* hint, std::string& text, float width);
// A Cancel button beside the last item, or Esc: true when either asks to leave.
bool cancel_button();

}  // namespace chronoatlas::ui
