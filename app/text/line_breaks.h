#pragma once
// Where a line of text may be broken, by the Unicode line breaking algorithm (UAX #14, libunibreak): at spaces in
// most scripts, between characters in Chinese and Japanese, between words in Thai (libthai's dictionary), never
// inside a word or before closing punctuation.
#include <string>
#include <vector>

namespace chronoatlas::text {

// The byte offsets in UTF8 where a new line may start, ascending; never 0 or the text's length.
std::vector<size_t> break_opportunities(const std::string& utf8);

}  // namespace chronoatlas::text
