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

#include "document/story_document.h"
#include "render/map_scene.h"
#include "story/scenario.h"
#include "ui/app_state.h"
#include "ui/session.h"

namespace {

// A folder of this process's own for the session file (and its .bak), where the files a session names by relative
// path are looked for and not found. The working folder stays: libFuzzer reads its corpus through it.
const std::string& work_dir() {
  static const std::string dir = [] {
    std::string pattern = "/tmp/chronoatlas-session-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data())) std::abort();
    return pattern;
  }();
  return dir;
}

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
  const std::string session = work_dir() + "/session.json";
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
