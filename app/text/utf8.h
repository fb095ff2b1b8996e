#pragma once
// UTF-8 decoded with the byte offset of every code point, so shaped glyphs can point back into the string as written.
#include <cstddef>
#include <string>
#include <vector>

namespace chronoatlas::text {

struct CodePoints {
  std::u32string chars;         // invalid bytes become U+FFFD
  std::vector<size_t> offsets;  // byte offset of each char in the UTF-8 text, plus the text's length at the end
};

CodePoints decode(const std::string& utf8);
void append_utf8(std::string& out, char32_t c);
std::string encode(const std::u32string& text);

}  // namespace chronoatlas::text
