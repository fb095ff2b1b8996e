#include "text/line_breaks.h"

#include <algorithm>
#include <mutex>

#include <linebreak.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include "base/text.h"

namespace chronoatlas::text {
namespace {

bool is_thai(char32_t c) { return c >= 0x0E01 && c <= 0x0E5B; }

// Thai writes no spaces between words, and UAX #14 leaves its breaks to a dictionary: libthai's. Adds to OUT the byte
// offsets between the words of each run of Thai letters in CPS.
void add_thai_word_breaks(const CodePoints& cps, std::vector<size_t>& out) {
  static std::mutex guard;  // one dictionary, loaded once; libthai does not say it may be shared between threads
  static ThBrk* dictionary = th_brk_new(nullptr);
  if (!dictionary) return;  // no libthai-data: Thai lines break at spaces only
  const std::lock_guard lock(guard);
  for (size_t i = 0; i < cps.chars.size();) {
    if (!is_thai(cps.chars[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < cps.chars.size() && is_thai(cps.chars[end])) ++end;
    const std::wstring word(cps.chars.begin() + static_cast<ptrdiff_t>(i),
                            cps.chars.begin() + static_cast<ptrdiff_t>(end));
    std::vector<int> at(word.size());
    const int n = std::max(0, th_brk_wc_find_breaks(dictionary, word.c_str(), at.data(), at.size()));
    for (size_t k = 0; k < static_cast<size_t>(n); ++k)
      if (at[k] > 0) out.push_back(cps.offsets[i + static_cast<size_t>(at[k])]);
    i = end;
  }
}

}  // namespace

std::vector<size_t> break_opportunities(const std::string& utf8) {
  static std::once_flag initialised;
  std::call_once(initialised, init_linebreak);
  std::vector<char> breaks(utf8.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(utf8.data()), utf8.size(), nullptr, breaks.data());
  // breaks[i] says whether a line may end after byte i.
  std::vector<size_t> out;
  for (size_t i = 0; i + 1 < utf8.size(); ++i)
    if (breaks[i] == LINEBREAK_ALLOWBREAK) out.push_back(i + 1);
  const CodePoints cps = decode_utf8(utf8);
  if (std::any_of(cps.chars.begin(), cps.chars.end(), is_thai)) {
    add_thai_word_breaks(cps, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

}  // namespace chronoatlas::text
