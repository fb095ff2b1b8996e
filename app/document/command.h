#pragma once
// One change to a story, and its undoing: the only way the app, the CLI and the tests edit a document.
#include <string>
#include <vector>

#include "base/result.h"
#include "model/atlas.h"

namespace chronoatlas::document {

class Command {
 public:
  virtual ~Command() = default;
  // What Undo and Redo name: "Add marker 'Gaziantep'".
  virtual std::string name() const = 0;
  // Makes the change, the first time and on redo. An error leaves ATLAS as it was.
  virtual Status apply(model::Atlas& atlas, std::vector<std::string>& warnings) = 0;
  // Takes the change back, on the atlas exactly as apply() left it (undo runs in reverse order).
  virtual void revert(model::Atlas& atlas) = 0;
  // Takes in NEXT, applied just after this one, when it is a further change of the same thing (a slider dragged
  // over many frames), so that one undo takes back both; false when they stay two steps.
  virtual bool absorb(const Command& next) { (void)next; return false; }
};

}  // namespace chronoatlas::document
