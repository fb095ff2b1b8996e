#pragma once
// A story as a document: the scenario, its layers and data (the atlas), events and sources, changed only through
// commands that can be undone and redone, and saved as a scenario folder that opens (and renders) the same anywhere.
// The renderer observes the atlas by revision; it never owns or changes it.
#include <memory>
#include <string>
#include <vector>

#include "base/disk_cache.h"
#include "base/result.h"
#include "document/command.h"
#include "model/atlas.h"

namespace chronoatlas::document {

class StoryDocument {
 public:
  // Reads SCENARIO's layers (through CACHE when given); warnings name skipped features and layers. The document
  // stays at one address (the scene observes its atlas), hence the pointer.
  static Result<std::unique_ptr<StoryDocument>> open(const story::Scenario& scenario, std::vector<std::string>& warnings,
                                                     std::shared_ptr<const DiskCache> cache = nullptr);
  explicit StoryDocument(model::Atlas atlas) : atlas_(std::move(atlas)) {}
  StoryDocument(const StoryDocument&) = delete;
  StoryDocument& operator=(const StoryDocument&) = delete;

  const model::Atlas& atlas() const { return atlas_; }
  const story::Scenario& scenario() const { return atlas_.scenario(); }
  // Changes with every edit, undo and redo, and every refresh.
  uint64_t revision() const { return atlas_.revision(); }

  // Applies COMMAND and keeps it for undo (dropping what was undone). An error changes nothing.
  Status execute(std::unique_ptr<Command> command, std::vector<std::string>& warnings);
  bool can_undo() const { return !done_.empty(); }
  bool can_redo() const { return !undone_.empty(); }
  // "Undo Add marker 'Gaziantep'"; "" when there is nothing to undo (or redo).
  std::string undo_name() const;
  std::string redo_name() const;
  void undo();
  Status redo(std::vector<std::string>& warnings);
  // True when the story differs from what was opened or last saved.
  bool modified() const { return atlas_.revision() != saved_revision_ && !done_.empty(); }

  // Database layer INDEX brought up to date for the view (fetched for VIEW): the same data, so not an edit.
  void refresh_features(size_t index, geo::VectorLayer data, const model::FetchedView& view,
                        std::vector<std::string>& warnings);
  // Writes the story to folder DIR (see story_folder.h); the document then lives there.
  Status save(const std::string& dir);

 private:
  model::Atlas atlas_;
  std::vector<std::unique_ptr<Command>> done_, undone_;
  uint64_t saved_revision_ = 0;
};

// Reads PATH on this thread (a CLI, a test) and adds its layers as one undoable command.
Status add_file(StoryDocument& document, const std::string& path, std::vector<std::string>& warnings);

}  // namespace chronoatlas::document
