#include "render/alt_text.h"

#include <algorithm>
#include <set>

namespace chronoatlas::render {
namespace {

constexpr size_t kNamedPlaces = 8;  // a reader of alt text wants the gist, not every label

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// The figures labelling point symbols, largest symbol first.
std::vector<const Label*> sized_figures(const Frame& frame) {
  std::vector<const Label*> out;
  for (const Label& l : frame.labels)
    if (l.figure && l.symbol >= 0 && static_cast<size_t>(l.symbol) < frame.symbols.size()) out.push_back(&l);
  std::stable_sort(out.begin(), out.end(), [&](const Label* a, const Label* b) {
    return frame.symbols[static_cast<size_t>(a->symbol)].radius_px > frame.symbols[static_cast<size_t>(b->symbol)].radius_px;
  });
  return out;
}

}  // namespace

std::string draft_alt_text(const Frame& frame) {
  const Furniture& f = frame.furniture;
  std::vector<std::string> sentences;
  sentences.push_back("Map" + (f.title.empty() ? std::string() : ": " + f.title));
  if (!f.date.empty()) sentences.push_back(f.date.substr(0, 1) == "a" ? "Shown " + f.date : f.date);
  std::vector<std::string> legend;
  for (const LegendEntry& e : f.legend) legend.push_back(e.text);
  if (!legend.empty()) sentences.push_back("It shows " + joined(legend, "; "));
  if (f.caption) sentences.push_back(f.caption->title);
  // Named places by rank, each once; the figures come after, by the size of their symbols.
  std::vector<const Label*> ranked;
  for (const Label& l : frame.labels)
    if (!l.figure) ranked.push_back(&l);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Label* a, const Label* b) { return a->rank > b->rank; });
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const Label* l : ranked)
    if (names.size() < kNamedPlaces && seen.insert(l->text).second) names.push_back(l->text);
  if (!names.empty()) sentences.push_back("Named on the map: " + joined(names, ", "));
  const std::vector<const Label*> sized = sized_figures(frame);
  if (sized.size() == 1) sentences.push_back("Figure shown: " + sized.front()->text);
  if (sized.size() > 1)
    sentences.push_back("Largest symbol: " + sized.front()->text + "; smallest: " + sized.back()->text);
  std::string out;
  for (const std::string& s : sentences) out += (out.empty() ? "" : " ") + s + ".";
  return out;
}

}  // namespace chronoatlas::render
