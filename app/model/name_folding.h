#pragma once
// Names made comparable as a reader types them: case ignored, and the marks and variant forms a writer may or may not
// type left out or made one.
#include <string>

namespace chronoatlas::model {

// TEXT lower-cased for matching: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic and Armenian capitals.
std::string fold_case(const std::string& text);

// TEXT as search compares it: case folded as above; Arabic without its optional vowel marks and tatweel, with alef's
// variants (آ أ إ ٱ) as bare alef and Persian ye and kaf as the Arabic letters; Hebrew without niqqud or cantillation;
// full-width Latin, digits and punctuation as ASCII, half-width katakana as full-width (voiced marks joined).
std::string fold_for_search(const std::string& text);

}  // namespace chronoatlas::model
