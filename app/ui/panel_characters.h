#pragma once
// The characters the panels will show that the UI font's fixed ranges lack (Chinese, Japanese, Korean, Ethiopic,
// ...): gathered from the open story and data, so the font can be rebuilt with just those glyphs rather than tens of
// thousands.
#include <optional>
#include <string>

#include "model/atlas.h"
#include "render/picking.h"
#include "story/scenario.h"

namespace chronoatlas::ui {

// Characters outside the UI font's fixed ranges in the story's title and events, the layers' titles, every feature's
// name and label fields, and all the values of the SELECTED feature (Details shows them), in the form the panels draw
// them (visual order, Arabic joined); ascending, at most MAX of them.
std::u32string characters_beyond_ui_ranges(const story::Scenario& scenario, const model::Atlas& atlas,
                                           const std::optional<render::Pick>& selected, size_t max = 8000);

// The same, kept, and looked for again only when the atlas or the selection changes.
class PanelCharacters {
 public:
  // True when the characters differ from the last call's (the UI font must then be rebuilt with chars()).
  bool update(const story::Scenario& scenario, const model::Atlas& atlas, const std::optional<render::Pick>& selected);
  const std::u32string& chars() const { return chars_; }

 private:
  uint64_t revision_ = ~uint64_t{0};
  std::optional<std::pair<size_t, size_t>> pick_;
  std::u32string chars_;
};

}  // namespace chronoatlas::ui
