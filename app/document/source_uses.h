#pragma once
// What cites each of a story's sources: its features (a "source_ids" field, ids joined by ';'), figures, events and
// quotes, so the Sources panel can list every source with its uses and flag the ones nothing cites.
#include <string>
#include <vector>

#include "model/atlas.h"

namespace chronoatlas::document {

struct SourceUse {
  story::Source source;
  size_t features = 0, figures = 0, events = 0, quotes = 0;
  size_t total() const { return features + figures + events + quotes; }
};

// Every source in the story's list, in id order, with how many of each kind cite it.
std::vector<SourceUse> source_uses(const model::Atlas& atlas);

// The sources as cited in words (a marker's "AFAD, 6 Feb 2023", an event's or quote's source), each once with how
// many items give it, most cited first: what a story made in the app cites before its list has entries.
std::vector<std::pair<std::string, size_t>> cited_in_words(const model::Atlas& atlas);

}  // namespace chronoatlas::document
