#pragma once
// Work that must not freeze the window, as the UI tracks it: files being read on the job pool (Layers shows each with
// its progress and Cancel), and database layers being fetched for the view once it settles (the map keeps the old
// features meanwhile).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/job_pool.h"
#include "base/progress.h"
#include "document/basemap.h"
#include "model/atlas.h"
#include "render/map_view.h"

namespace chronoatlas::ui {

struct BackgroundWork {
  struct PendingFile {
    std::string path;
    std::shared_ptr<Progress> progress;
    Job<Result<model::Atlas::ReadFile>> result;
  };
  struct PendingFetch {
    uint64_t layer_id;
    model::FetchedView view;
    Job<Result<geo::VectorLayer>> result;
  };
  std::vector<PendingFile> files;
  std::optional<Job<Result<document::Basemap>>> basemap;  // countries for a map opened on files alone
  std::vector<PendingFetch> fetches;
  double view_changed_s = 0;  // when the view last moved (fetches wait for it to settle)
  render::MapView last_view;
};

}  // namespace chronoatlas::ui
