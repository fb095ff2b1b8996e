#include "text/line_breaks.h"

#include <mutex>

#include <linebreak.h>

namespace chronoatlas::text {

std::vector<size_t> break_opportunities(const std::string& utf8) {
  static std::once_flag initialised;
  std::call_once(initialised, init_linebreak);
  std::vector<char> breaks(utf8.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(utf8.data()), utf8.size(), nullptr, breaks.data());
  // breaks[i] says whether a line may end after byte i.
  std::vector<size_t> out;
  for (size_t i = 0; i + 1 < utf8.size(); ++i)
    if (breaks[i] == LINEBREAK_ALLOWBREAK) out.push_back(i + 1);
  return out;
}

}  // namespace chronoatlas::text
