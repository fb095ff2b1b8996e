#include "text/bidi.h"

#include <algorithm>

#include <fribidi.h>

#include "base/text.h"

namespace chronoatlas::text {
namespace {

struct Analysis {
  std::vector<FriBidiCharType> types;
  std::vector<FriBidiLevel> levels;
  FriBidiParType direction = FRIBIDI_PAR_ON;
};

Analysis analyse(const std::u32string& text) {
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  const auto* chars = reinterpret_cast<const FriBidiChar*>(text.data());
  Analysis a;
  a.types.resize(text.size());
  a.levels.assign(text.size(), 0);
  std::vector<FriBidiBracketType> brackets(text.size());
  fribidi_get_bidi_types(chars, n, a.types.data());
  fribidi_get_bracket_types(chars, n, a.types.data(), brackets.data());
  if (!fribidi_get_par_embedding_levels_ex(a.types.data(), brackets.data(), n, &a.direction, a.levels.data()))
    std::fill(a.levels.begin(), a.levels.end(), 0);
  return a;
}

bool any_right_to_left(const std::vector<FriBidiLevel>& levels) {
  return std::any_of(levels.begin(), levels.end(), [](FriBidiLevel l) { return l % 2 == 1; });
}

}  // namespace

std::vector<uint8_t> embedding_levels(const std::u32string& text) {
  const Analysis a = analyse(text);
  return {a.levels.begin(), a.levels.end()};
}

std::vector<size_t> visual_order(const std::vector<uint8_t>& levels) {
  std::vector<size_t> order(levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (levels.empty()) return order;
  const uint8_t highest = *std::max_element(levels.begin(), levels.end());
  uint8_t lowest_odd = 255;
  for (uint8_t l : levels)
    if (l % 2 == 1) lowest_odd = std::min(lowest_odd, l);
  for (int level = highest; level >= lowest_odd && level > 0; --level)
    for (size_t i = 0; i < order.size();) {
      if (levels[order[i]] < level) {
        ++i;
        continue;
      }
      size_t end = i;
      while (end < order.size() && levels[order[end]] >= level) ++end;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(end));
      i = end;
    }
  return order;
}

std::string display_order(const std::string& utf8) {
  std::u32string text = decode_utf8(utf8).chars;
  Analysis a = analyse(text);
  if (!any_right_to_left(a.levels)) return utf8;
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  auto* chars = reinterpret_cast<FriBidiChar*>(text.data());
  std::vector<FriBidiArabicProp> joining(text.size());
  fribidi_get_joining_types(chars, n, joining.data());
  fribidi_join_arabic(a.types.data(), n, a.levels.data(), joining.data());
  const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
  fribidi_shape(flags, a.levels.data(), n, joining.data(), chars);
  if (!fribidi_reorder_line(flags, a.types.data(), n, 0, a.direction, a.levels.data(), chars, nullptr)) return utf8;
  return encode_utf8(text);
}

}  // namespace chronoatlas::text
