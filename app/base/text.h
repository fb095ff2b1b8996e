#pragma once
// Small text helpers shared by every module.
#include <string>
#include <vector>

namespace chronoatlas {

// TEXT cut at every SEPARATOR; empty parts are dropped ("a;;b" gives a, b).
std::vector<std::string> split(const std::string& text, char separator);

// TEXT with ASCII capitals made small (field names, file name endings, English month names); other bytes kept.
std::string ascii_lower(std::string text);

// TEXT as valid UTF-8: each byte that does not belong to a well-formed sequence becomes U+FFFD. Every string read from
// a file passes through this before it reaches JSON, ImGui or FreeType, which all assume valid UTF-8.
std::string valid_utf8(const std::string& text);

// UTF-8 decoded, with the byte offset of every code point (shaped glyphs point back into the string as written).
struct CodePoints {
  std::u32string chars;         // each byte outside a well-formed sequence becomes U+FFFD, as in valid_utf8
  std::vector<size_t> offsets;  // byte offset of each char, plus the text's length at the end
};
CodePoints decode_utf8(const std::string& text);
void append_utf8(std::string& out, char32_t c);
std::string encode_utf8(const std::u32string& text);

// TEXT cut to at most MAX_BYTES, at a character boundary, with "…" when cut: labels and names from files are shown,
// never laid out at any length.
std::string clipped(const std::string& text, size_t max_bytes);

}  // namespace chronoatlas
