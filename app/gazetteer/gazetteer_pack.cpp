#include "gazetteer/gazetteer_pack.h"

#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "base/text.h"
#include "gazetteer/gazetteer.h"
#include "gazetteer/gazetteer_format.h"
#include "geo/gdal_setup.h"
#include "model/name_folding.h"

namespace chronoatlas::gazetteer {
namespace {

struct Entry {
  std::vector<std::string> names;  // the first is the name shown
  std::string area, country, source;
  LonLat point{};
  BoundsLonLat extent;
  double population = 0;
  PlaceKind kind = PlaceKind::City;
  bool approximate = false;
};

struct Admin1 {
  Entry entry;
  std::string geonames_code;  // "US.ID": GeoNames' country and admin1 code, as Natural Earth records it
  std::string english;        // name_en where Natural Earth has one ("Moscow" for Moskva): what area lines show
};

int32_t e6(double degrees) { return static_cast<int32_t>(std::lround(degrees * 1e6)); }

// A bounding box that does not straddle the antimeridian: a unit that does (Chukotka, Alaska's Aleutians) spans the
// whole world as a box, and would make its country's extent the world.
bool usable_extent(const BoundsLonLat& b) { return !b.empty() && b.east - b.west < 180; }

// CLDR's English names of the territories (alpha-2 codes), the name every area line uses.
using CountryNames = std::map<std::string, std::vector<std::string>>;  // code -> names in every locale, English first

bool is_territory_key(const std::string& key) {
  return key.size() >= 2 && std::isupper(static_cast<unsigned char>(key[0])) &&
         std::isupper(static_cast<unsigned char>(key[1])) && (key.size() == 2 || key.compare(2, 5, "-alt-") == 0) &&
         key.compare(0, 2, "ZZ") != 0;
}

Result<CountryNames> read_cldr(const std::string& dir) {
  CountryNames names;
  std::error_code ec;
  std::vector<std::string> locales;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) locales.push_back(e.path().filename().string());
  if (ec || locales.empty()) return Error{dir + ": no CLDR locales (" + (ec ? ec.message() : "empty folder") + ")"};
  std::sort(locales.begin(), locales.end());
  // English first, so each country's first name is the one the area lines use.
  std::stable_partition(locales.begin(), locales.end(), [](const std::string& l) { return l == "en"; });
  for (const std::string& locale : locales) {
    const std::string path = dir + "/" + locale + "/territories.json";
    if (!std::filesystem::exists(path)) continue;
    auto text = read_text_file(path);
    if (!text) return Error{text.error()};
    const auto j = nlohmann::json::parse(*text, nullptr, false);
    const nlohmann::json* t = nullptr;
    if (j.is_object() && j.contains("main") && j["main"].is_object() && !j["main"].empty()) {
      const auto& loc = j["main"].begin().value();
      if (loc.contains("localeDisplayNames") && loc["localeDisplayNames"].contains("territories"))
        t = &loc["localeDisplayNames"]["territories"];
    }
    if (!t || !t->is_object()) return Error{path + ": no main.<locale>.localeDisplayNames.territories object"};
    for (const auto& [key, value] : t->items()) {
      if (!is_territory_key(key) || !value.is_string()) continue;
      std::vector<std::string>& list = names[key.substr(0, 2)];
      const std::string name = valid_utf8(value.get<std::string>());
      if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
    }
  }
  if (!names.count("RU")) return Error{dir + ": CLDR's English territory names are missing (no en/territories.json)"};
  return names;
}

std::string field(OGRFeatureH f, int index) { return index < 0 ? "" : valid_utf8(OGR_F_GetFieldAsString(f, index)); }

// Natural Earth's admin-1 units, read through GDAL: names in its 30 languages, label point and extent.
Result<std::vector<Admin1>> read_admin1(const std::string& path) {
  geo::init_gdal();
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!ds) return Error{path + ": " + geo::gdal_message_or("GDAL cannot read it as vector data")};
  OGRLayerH layer = GDALDatasetGetLayerCount(ds) > 0 ? GDALDatasetGetLayer(ds, 0) : nullptr;
  if (!layer) {
    GDALClose(ds);
    return Error{path + ": no layer"};
  }
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  auto index = [&](const char* name) { return OGR_FD_GetFieldIndex(defn, name); };
  const int iso = index("iso_a2"), code = index("gn_a1_code"), name = index("name"), lat = index("latitude"),
            lon = index("longitude"), adm1 = index("adm1_code"), alt = index("name_alt");
  if (iso < 0 || name < 0 || lat < 0 || lon < 0) {
    GDALClose(ds);
    return Error{path + ": not Natural Earth admin-1 (no iso_a2, name, latitude or longitude field)"};
  }
  // Every name_xx field (name_en, name_ru, name_zh ...): the unit's name in that language.
  std::vector<int> language_names;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    const std::string f = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
    if (f.rfind("name_", 0) == 0 && f != "name_len" && f != "name_alt") language_names.push_back(i);
  }
  std::vector<Admin1> units;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    Admin1 a;
    Entry& e = a.entry;
    e.kind = PlaceKind::Region;
    e.country = field(f, iso);
    e.names.push_back(field(f, name));
    for (int i : language_names) e.names.push_back(field(f, i));
    for (const std::string& n : split(field(f, alt), '|')) e.names.push_back(n);
    e.point = {OGR_F_GetFieldAsDouble(f, lon), OGR_F_GetFieldAsDouble(f, lat)};
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
      OGREnvelope env;
      OGR_G_GetEnvelope(g, &env);
      e.extent = {env.MinX, env.MinY, env.MaxX, env.MaxY};
    }
    e.source = "Natural Earth 1:10m admin-1 (public domain), " + field(f, adm1);
    a.geonames_code = field(f, code);
    a.english = field(f, index("name_en"));
    if (a.english.empty()) a.english = e.names.front();
    OGR_F_Destroy(f);
    if (e.country.size() != 2 || e.names.front().empty() || !on_earth(e.point)) continue;
    if (!usable_extent(e.extent)) e.extent = {e.point.lon, e.point.lat, e.point.lon, e.point.lat};
    units.push_back(std::move(a));
  }
  GDALClose(ds);
  if (units.empty()) return Error{path + ": no admin-1 unit with a country code, a name and a label point"};
  return units;
}

// GeoNames' columns (readme of the geonames dump): id, name, asciiname, alternatenames, latitude, longitude, feature
// class, feature code, country code, cc2, admin1 code, ..., population (14).
struct Town {
  Entry entry;
  std::string admin1, feature_code;
};

Result<std::vector<Town>> read_geonames(const std::string& path, size_t& skipped) {
  auto text = read_text_file(path, size_t{512} << 20);
  if (!text) return Error{text.error()};
  std::vector<Town> towns;
  size_t begin = 0;
  while (begin < text->size()) {
    size_t end = text->find('\n', begin);
    if (end == std::string::npos) end = text->size();
    const std::string line = valid_utf8(text->substr(begin, end - begin));
    begin = end + 1;
    if (line.empty()) continue;
    std::vector<std::string> cols;
    size_t from = 0;
    for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1) cols.push_back(line.substr(from, tab - from));
    cols.push_back(line.substr(from));
    char* stop = nullptr;
    const double lat = cols.size() > 14 ? std::strtod(cols[4].c_str(), &stop) : NAN;
    const double lon = cols.size() > 14 ? std::strtod(cols[5].c_str(), &stop) : NAN;
    if (cols.size() < 15 || cols[1].empty() || cols[8].size() != 2 || !on_earth({lon, lat}) || cols[6] != "P") {
      ++skipped;
      continue;
    }
    Town t;
    Entry& e = t.entry;
    e.names = {cols[1], cols[2]};
    for (const std::string& n : split(cols[3], ',')) e.names.push_back(n);
    e.country = cols[8];
    e.point = {lon, lat};
    e.extent = {lon, lat, lon, lat};
    e.population = std::max(0.0, std::strtod(cols[14].c_str(), &stop));
    e.source = "GeoNames cities500 (CC BY 4.0), geonameid " + cols[0];
    t.admin1 = cols[8] + "." + cols[10];
    t.feature_code = cols[7];
    towns.push_back(std::move(t));
  }
  if (towns.empty()) return Error{path + ": no GeoNames populated place in it"};
  return towns;
}

// The sourced table of regions without a GeoNames or Natural Earth entry (Nagorno-Karabakh, the Lachin corridor).
Result<std::vector<Entry>> read_regions(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return Error{text.error()};
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object() || !j.contains("regions") || !j["regions"].is_array()) return Error{path + ": no \"regions\" array"};
  std::vector<Entry> regions;
  for (const auto& r : j["regions"]) {
    const std::string what = path + ": region " + std::to_string(regions.size() + 1);
    if (!r.is_object() || !r.contains("names") || !r["names"].is_array() || r["names"].empty() ||
        !r.contains("lon") || !r["lon"].is_number() || !r.contains("lat") || !r["lat"].is_number() ||
        !r.contains("source") || !r["source"].is_string() || r["source"].get<std::string>().empty())
      return Error{what + ": needs \"names\" (a list), \"lon\", \"lat\" and a \"source\""};
    Entry e;
    for (const auto& n : r["names"])
      if (n.is_string()) e.names.push_back(n.get<std::string>());
    e.point = {r["lon"].get<double>(), r["lat"].get<double>()};
    if (!on_earth(e.point)) return Error{what + ": its point is not on Earth"};
    e.extent = {e.point.lon, e.point.lat, e.point.lon, e.point.lat};
    if (r.contains("extent") && r["extent"].is_array() && r["extent"].size() == 4) {
      const auto& b = r["extent"];
      for (const auto& v : b)
        if (!v.is_number()) return Error{what + ": \"extent\" is [west, south, east, north] in degrees"};
      e.extent = {b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
    }
    e.country = r.value("country", "");
    e.area = r.value("area", "");
    e.source = r["source"].get<std::string>();
    e.kind = PlaceKind::Region;
    e.approximate = r.value("approximate", false);
    regions.push_back(std::move(e));
  }
  return regions;
}

// The file's bytes: records, keys sorted by their folded text, and a pool of unique strings.
class Writer {
 public:
  void add(const Entry& e) {
    PlaceRecord r{};
    r.lon_e6 = e6(e.point.lon);
    r.lat_e6 = e6(e.point.lat);
    r.west_e6 = e6(e.extent.west);
    r.south_e6 = e6(e.extent.south);
    r.east_e6 = e6(e.extent.east);
    r.north_e6 = e6(e.extent.north);
    r.population = static_cast<uint32_t>(std::min(e.population, 4e9));
    r.name = intern(e.names.front());
    r.area = intern(e.area);
    r.source = intern(e.source);
    r.country[0] = e.country.size() == 2 ? e.country[0] : ' ';
    r.country[1] = e.country.size() == 2 ? e.country[1] : ' ';
    r.kind = static_cast<uint8_t>(e.kind);
    r.approximate = e.approximate ? 1 : 0;
    const auto place = static_cast<uint32_t>(places_.size());
    places_.push_back(r);
    std::set<std::string> seen;  // one key per distinct folded name of this place
    for (const std::string& name : e.names) {
      std::string folded = model::fold_for_search(name);
      if (folded.empty() || !seen.insert(folded).second) continue;
      keys_.push_back({intern(folded), intern(name), place});
    }
  }
  size_t names() const { return keys_.size(); }
  size_t places() const { return places_.size(); }

  std::string bytes() {
    std::sort(keys_.begin(), keys_.end(), [this](const KeyRecord& a, const KeyRecord& b) {
      const std::string_view x = text(a.folded), y = text(b.folded);
      return x != y ? x < y : a.place < b.place;
    });
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kFormatVersion;
    h.place_count = static_cast<uint32_t>(places_.size());
    h.key_count = static_cast<uint32_t>(keys_.size());
    h.pool_bytes = static_cast<uint32_t>(pool_.size());
    h.file_bytes = sizeof h + places_.size() * sizeof(PlaceRecord) + keys_.size() * sizeof(KeyRecord) + pool_.size();
    std::string out;
    out.reserve(h.file_bytes);
    out.append(reinterpret_cast<const char*>(&h), sizeof h);
    out.append(reinterpret_cast<const char*>(places_.data()), places_.size() * sizeof(PlaceRecord));
    out.append(reinterpret_cast<const char*>(keys_.data()), keys_.size() * sizeof(KeyRecord));
    out.append(pool_);
    return out;
  }

 private:
  uint32_t intern(const std::string& s) {
    auto [it, fresh] = offsets_.try_emplace(s, static_cast<uint32_t>(pool_.size()));
    if (fresh) {
      pool_.append(s);
      pool_.push_back('\0');
    }
    return it->second;
  }
  std::string_view text(uint32_t offset) const { return pool_.data() + offset; }

  std::vector<PlaceRecord> places_;
  std::vector<KeyRecord> keys_;
  std::string pool_;
  std::unordered_map<std::string, uint32_t> offsets_;
};

std::string join_area(const std::string& unit, const std::string& country) {
  if (unit.empty()) return country;
  return country.empty() || unit == country ? unit : unit + ", " + country;
}

}  // namespace

Result<PackCounts> pack_gazetteer(const PackInputs& inputs, const std::string& out) {
  PackCounts counts;
  auto countries = read_cldr(inputs.cldr);
  if (!countries) return Error{countries.error()};
  auto units = read_admin1(inputs.admin1);
  if (!units) return Error{units.error()};
  auto towns = read_geonames(inputs.geonames, counts.skipped_lines);
  if (!towns) return Error{towns.error()};
  auto regions = read_regions(inputs.regions);
  if (!regions) return Error{regions.error()};

  auto english = [&](const std::string& code) {
    auto it = countries->find(code);
    return it == countries->end() ? code : it->second.front();
  };
  std::unordered_map<std::string, Admin1*> unit_by_code;
  for (Admin1& a : *units) {
    a.entry.area = english(a.entry.country);
    if (!a.geonames_code.empty()) unit_by_code.emplace(a.geonames_code, &a);
  }
  // A country's population is its towns' sum (for ranking only: never shown), its point the capital's.
  std::map<std::string, Entry> country_entries;
  std::map<std::string, LonLat> capitals;
  for (Town& t : *towns) {
    auto unit = unit_by_code.find(t.admin1);
    const std::string unit_name = unit == unit_by_code.end() ? "" : unit->second->english;
    t.entry.area = join_area(unit_name, english(t.entry.country));
    if (unit != unit_by_code.end()) unit->second->entry.population += t.entry.population;
    Entry& c = country_entries[t.entry.country];
    c.population += t.entry.population;
    if (t.feature_code == "PPLC") capitals[t.entry.country] = t.entry.point;
  }
  for (const Admin1& a : *units) {
    Entry& c = country_entries[a.entry.country];
    if (usable_extent(a.entry.extent)) c.extent.extend(a.entry.extent);
  }
  Writer writer;
  for (auto& [code, c] : country_entries) {
    auto names = countries->find(code);
    if (names == countries->end() || c.extent.empty()) continue;  // no name, or nowhere to fly to
    c.names = names->second;
    c.country = code;
    c.kind = PlaceKind::Country;
    auto capital = capitals.find(code);
    c.point = capital != capitals.end() ? capital->second
                                        : LonLat{(c.extent.west + c.extent.east) / 2, (c.extent.south + c.extent.north) / 2};
    c.source = "Unicode CLDR territory names (Unicode licence); extent from Natural Earth 1:10m admin-1";
    writer.add(c);
  }
  for (const Admin1& a : *units) writer.add(a.entry);
  for (const Town& t : *towns) writer.add(t.entry);
  for (const Entry& r : *regions) writer.add(r);
  counts.places = writer.places();
  counts.names = writer.names();
  Status written = write_text_file(out, writer.bytes());
  if (!written) return Error{written.error()};
  return counts;
}

}  // namespace chronoatlas::gazetteer
