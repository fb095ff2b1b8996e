#pragma once
// The app's settings (playback, map furniture, export size) kept between runs in the user's config folder.
#include <string>

#include "ui/app_state.h"

namespace chronoatlas::ui {

void load_settings(AppState& state, const std::string& path);
void save_settings(const AppState& state, const std::string& path);

}  // namespace chronoatlas::ui
