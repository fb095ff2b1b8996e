#include "document/story_document.h"

#include "document/commands.h"
#include "document/story_folder.h"

namespace chronoatlas::document {

Result<std::unique_ptr<StoryDocument>> StoryDocument::open(const story::Scenario& scenario,
                                                           std::vector<std::string>& warnings,
                                                           std::shared_ptr<const DiskCache> cache) {
  auto atlas = model::Atlas::load(scenario, warnings, std::move(cache));
  if (!atlas) return Error{atlas.error()};
  auto doc = std::make_unique<StoryDocument>(std::move(*atlas));
  doc->saved_revision_ = doc->atlas_.revision();
  return doc;
}

Status StoryDocument::execute(std::unique_ptr<Command> command, std::vector<std::string>& warnings) {
  if (auto s = command->apply(atlas_, warnings); !s) return s;
  undone_.clear();
  if (done_.empty() || !done_.back()->absorb(*command))
    done_.push_back(std::move(command));
  return Ok{};
}

std::string StoryDocument::undo_name() const { return done_.empty() ? "" : "Undo " + done_.back()->name(); }
std::string StoryDocument::redo_name() const { return undone_.empty() ? "" : "Redo " + undone_.back()->name(); }

void StoryDocument::undo() {
  if (done_.empty()) return;
  done_.back()->revert(atlas_);
  undone_.push_back(std::move(done_.back()));
  done_.pop_back();
}

Status StoryDocument::redo(std::vector<std::string>& warnings) {
  if (undone_.empty()) return Ok{};
  if (auto s = undone_.back()->apply(atlas_, warnings); !s) return s;
  done_.push_back(std::move(undone_.back()));
  undone_.pop_back();
  return Ok{};
}

void StoryDocument::refresh_features(size_t index, geo::VectorLayer data, const model::FetchedView& view,
                                     std::vector<std::string>& warnings) {
  atlas_.replace_features(index, std::move(data), view, warnings);
}

Status StoryDocument::save(const std::string& dir) {
  auto saved = save_story(atlas_, dir);
  if (!saved) return Error{saved.error()};
  atlas_.saved_as(saved->dir, saved->layers);
  saved_revision_ = atlas_.revision();
  return Ok{};
}

Status add_file(StoryDocument& document, const std::string& path, std::vector<std::string>& warnings) {
  const model::Atlas& atlas = document.atlas();
  auto file = model::Atlas::read_file(path, atlas.cache(), atlas.scenario().view);
  if (!file) return Error{file.error()};
  return document.execute(add_file_layers(std::move(*file)), warnings);
}

}  // namespace chronoatlas::document
