// Fuzz target: a session.json from anyone (hand-edited, damaged, another version). The app's own restore runs on it
// over an opened story without a scenario, then the session is saved and restored again: never a crash, and what was
// restored is written back as a session that reads without error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "own_folder.h"

#include "document/story_document.h"
#include "render/map_scene.h"
#include "story/scenario.h"
#include "ui/app_state.h"
#include "ui/session.h"

namespace {

std::unique_ptr<chronoatlas::ui::AppState> fresh_state() {
  auto s = std::make_unique<chronoatlas::ui::AppState>();
  std::vector<std::string> warnings;
  auto doc = chronoatlas::document::StoryDocument::open(chronoatlas::story::no_scenario(), warnings, nullptr);
  if (!doc) std::abort();
  s->document = std::move(*doc);
  s->scene = std::make_unique<chronoatlas::render::MapScene>(s->document->atlas());
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string session = own_folder("chronoatlas-session-fuzz") + "/session.json";
  std::ofstream(session, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                   static_cast<std::streamsize>(size));
  auto first = fresh_state();
  chronoatlas::ui::load_session(*first, session);
  if (!chronoatlas::ui::save_session(*first, session)) return 0;
  auto second = fresh_state();
  chronoatlas::ui::load_session(*second, session);
  for (const chronoatlas::ui::Message& m : second->log.messages())
    if (m.error) std::abort();
  return 0;
}
