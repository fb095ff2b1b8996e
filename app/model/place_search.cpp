#include "model/place_search.h"

#include <algorithm>

namespace chronoatlas::model {
namespace {

// Decodes one UTF-8 sequence at I (advancing I); invalid bytes come back as themselves.
char32_t next_code_point(const std::string& s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) return s[i++];
  char32_t c = len == 1 ? b : b & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) out += static_cast<char>(c);
  else if (c < 0x800) out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
  else if (c < 0x10000)
    out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
        out += static_cast<char>(0x80 | (c & 0x3F));
  else
    out += static_cast<char>(0xF0 | (c >> 18)), out += static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), out += static_cast<char>(0x80 | (c & 0x3F));
}

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

bool is_name_field(const std::string& field) {
  std::string f = fold_case(field);
  return f == "name" || f.rfind("name_", 0) == 0 || f.rfind("name:", 0) == 0 || f == "title" || f == "label";
}

BoundsLonLat extent_of(const geo::Feature& f) {
  BoundsLonLat b;
  for (const Polygon& p : f.polygons)
    if (!p.empty())
      for (const LonLat& ll : p[0]) b.extend(ll);
  for (const LineString& l : f.lines)
    for (const LonLat& ll : l) b.extend(ll);
  for (const LonLat& ll : f.points) b.extend(ll);
  return b;
}

}  // namespace

std::string name_field(const geo::VectorLayer& layer) {
  std::string first;
  for (const std::string& f : layer.fields) {
    if (fold_case(f) == "name") return f;
    if (first.empty() && is_name_field(f)) first = f;
  }
  return first;
}

std::string fold_case(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) append_utf8(out, lower(next_code_point(text, i)));
  return out;
}

std::vector<PlaceHit> find_places(const Atlas& atlas, const std::string& query, size_t max_hits) {
  const std::string q = fold_case(query);
  if (q.empty()) return {};
  struct Ranked {
    PlaceHit hit;
    bool prefix;
  };
  std::vector<Ranked> found;
  for (size_t li = 0; li < atlas.layers().size(); ++li) {
    const AtlasLayer& l = atlas.layers()[li];
    if (!l.spec.style.visible) continue;
    std::vector<int> fields;
    for (size_t fi = 0; fi < l.data->fields.size(); ++fi)
      if (l.data->fields[fi] == l.spec.style.label_field || is_name_field(l.data->fields[fi]))
        fields.push_back(static_cast<int>(fi));
    for (size_t i = 0; i < l.data->features.size(); ++i)
      for (int fi : fields) {
        const std::string& value = l.data->features[i].values[fi];
        const size_t at = fold_case(value).find(q);
        if (at == std::string::npos) continue;
        found.push_back({{li, i, value, l.spec.title, extent_of(l.data->features[i])}, at == 0});
        break;  // one hit a feature, by its first matching name
      }
  }
  std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
    if (a.prefix != b.prefix) return a.prefix;
    return a.hit.name.size() < b.hit.name.size();
  });
  std::vector<PlaceHit> out;
  for (size_t i = 0; i < found.size() && i < max_hits; ++i) out.push_back(std::move(found[i].hit));
  return out;
}

}  // namespace chronoatlas::model
