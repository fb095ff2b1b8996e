#pragma once
// The session: what the next launch restores (view and projection, date, added layers and styles, playback, layout,
// export options), kept in the user's config folder as JSON. Never in the working directory.
#include <string>

#include "ui/app_state.h"

namespace chronoatlas::ui {

// Restores what PATH holds. The view, date and layers come back only for the same scenario; preferences always.
// A damaged or partial file leaves the defaults in place; one that cannot be read at all (too big, not a file) is
// reported and left alone for good (save_session then writes nothing); a missing layer file is reported, not fatal.
void load_session(AppState& state, const std::string& path);
// The story folder the session at PATH had open ("" for none, the bundled story, or an unreadable file): the next
// launch without --scenario opens it.
std::string last_story(const std::string& path);
// Writes the session atomically (a new temporary beside it, then a rename), the old file kept as session.json.bak;
// false with a message on failure.
bool save_session(AppState& state, const std::string& path);

}  // namespace chronoatlas::ui
