#include "model/name_folding.h"

#include "base/text.h"

namespace chronoatlas::model {
namespace {

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;                   // Latin-1
  if (c == 0x130) return 'i';                                                  // Turkish/Azerbaijani dotted İ
  // Latin Extended-A: capital and small letters alternate, the capital even in some runs and odd in others.
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c % 2 == 0 ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1 ? c + 1 : c;
  if (c == 0x178) return 0xFF;
  if (c == 0x18F) return 0x259;                                                // Azerbaijani Ə
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;                  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                                 // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x531 && c <= 0x556) return c + 48;                                 // Armenian
  return c;
}

// Marks a name may be written with or without: Arabic harakat, superscript alef and Quranic signs, tatweel; Hebrew
// points and cantillation (U+05BE maqaf and U+05C0, U+05C3, U+05C6 are punctuation, and kept).
bool is_optional_mark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED && c != 0x06DE && c != 0x06E9) ||
         c == 0x0640 || (c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 ||
         c == 0x05C5 || c == 0x05C7;
}

char32_t base_letter(char32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // alef with madda, hamza above or below, wasla
    case 0x06CC: return 0x064A;                                         // Persian ye, as Arabic ya
    case 0x06A9: return 0x0643;                                         // Persian kaf, as Arabic kaf
    case 0x3000: return ' ';                                            // ideographic space
    default: break;
  }
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;  // full-width ASCII
  return c;
}

// Half-width katakana U+FF61..U+FF9F as their full-width forms, in code point order.
constexpr char32_t kHalfWidthKana[] = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7,
    0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7,
    0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF,
    0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA,
    0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C};

// KANA with a half-width voiced (U+FF9E) or semi-voiced (U+FF9F) mark after it, as one full-width letter; 0 when the
// pair has no such letter.
char32_t voiced(char32_t kana, char32_t mark) {
  if (mark == 0xFF9E) {
    if (kana == 0x30A6) return 0x30F4;  // ヴ
    // カ..チ take the mark on odd code points, ツ..ト on even ones (ッ, the small tsu, between them takes none).
    const bool k_to_t = kana >= 0x30AB && kana <= 0x30C8 && kana != 0x30C3 && kana % 2 == (kana <= 0x30C1 ? 1u : 0u);
    const bool h_row = kana >= 0x30CF && kana <= 0x30DB && (kana - 0x30CF) % 3 == 0;
    if (k_to_t || h_row) return kana + 1;
  }
  if (mark == 0xFF9F && kana >= 0x30CF && kana <= 0x30DB && (kana - 0x30CF) % 3 == 0) return kana + 2;
  return 0;
}

}  // namespace

std::string fold_case(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : decode_utf8(text).chars) append_utf8(out, lower(c));
  return out;
}

std::string fold_for_search(const std::string& text) {
  std::u32string out;
  for (char32_t c : decode_utf8(text).chars) {
    if (is_optional_mark(c)) continue;
    if (c >= 0xFF61 && c <= 0xFF9F) {
      if (!out.empty())
        if (const char32_t v = voiced(out.back(), c)) {
          out.back() = v;
          continue;
        }
      c = kHalfWidthKana[c - 0xFF61];
    }
    out.push_back(lower(base_letter(c)));
  }
  return encode_utf8(out);
}

}  // namespace chronoatlas::model
