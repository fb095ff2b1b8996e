#pragma once
// The Unicode bidirectional algorithm (UAX #9) through FriBidi: which characters run right-to-left, and the order in
// which runs appear on a line.
#include <cstdint>
#include <string>
#include <vector>

namespace chronoatlas::text {

// The embedding level of each character of TEXT (odd: right-to-left), the paragraph's direction taken from its first
// strong character (left-to-right when it has none), brackets paired.
std::vector<uint8_t> embedding_levels(const std::u32string& text);

// The order, left to right on the line, of runs with these LEVELS, by rule L2: from the highest level down to the
// lowest odd one, every sequence of runs at that level or above is reversed.
std::vector<size_t> visual_order(const std::vector<uint8_t>& levels);

// UTF8 as it must be drawn by a renderer that neither reorders nor shapes (Dear ImGui): characters in visual order,
// Arabic letters joined into their presentation forms. Left-to-right text comes back unchanged.
std::string display_order(const std::string& utf8);

}  // namespace chronoatlas::text
