#include "ui/panel_characters.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "model/place_search.h"
#include "text/bidi.h"
#include "ui/fonts.h"

namespace chronoatlas::ui {
namespace {

void add_characters(const std::string& utf8, std::set<char32_t>& out) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return;
  for (char32_t c : decode_utf8(text::display_order(utf8)).chars)
    if (!in_fixed_ui_ranges(c)) out.insert(c);
}

}  // namespace

std::u32string characters_beyond_ui_ranges(const story::Scenario& scenario, const model::Atlas& atlas,
                                           const std::optional<render::Pick>& selected, size_t max) {
  std::set<char32_t> found;
  add_characters(scenario.title, found);
  for (const story::Event& e : scenario.events) add_characters(e.title, found), add_characters(e.detail, found);
  for (const model::AtlasLayer& l : atlas.layers()) {
    add_characters(l.spec.title, found);
    std::vector<size_t> named;
    for (size_t f = 0; f < l.data->fields.size(); ++f)
      if (l.data->fields[f] == l.spec.style.label_field || l.data->fields[f] == model::name_field(*l.data))
        named.push_back(f);
    for (const geo::Feature& feature : l.data->features)
      for (size_t f : named)
        if (f < feature.values.size()) add_characters(feature.values[f], found);
  }
  if (selected && selected->layer < atlas.layers().size()) {
    const auto& features = atlas.layers()[selected->layer].data->features;
    if (selected->feature < features.size())
      for (const std::string& v : features[selected->feature].values) add_characters(v, found);
  }
  std::u32string out;
  for (char32_t c : found)
    if (out.size() < max) out.push_back(c);
  return out;
}

bool PanelCharacters::update(const story::Scenario& scenario, const model::Atlas& atlas,
                             const std::optional<render::Pick>& selected) {
  std::optional<std::pair<size_t, size_t>> pick;
  if (selected) pick = std::pair{selected->layer, selected->feature};
  if (atlas.revision() == revision_ && pick == pick_) return false;
  revision_ = atlas.revision(), pick_ = pick;
  std::u32string now = characters_beyond_ui_ranges(scenario, atlas, selected);
  if (now == chars_) return false;
  chars_ = std::move(now);
  return true;
}

}  // namespace chronoatlas::ui
