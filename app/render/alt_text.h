#pragma once
// A first draft of a figure's alt text, from what the frame shows: the title and date, what each layer in the legend
// stands for, the caption, the places named, and the largest and smallest sized symbols. Written into every output
// (PNG Description, SVG <desc>, PDF Subject) for the user to edit, never left empty.
#include <string>

#include "render/frame.h"

namespace chronoatlas::render {

std::string draft_alt_text(const Frame& frame);

}  // namespace chronoatlas::render
