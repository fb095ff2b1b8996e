#include "story/sources.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "base/files.h"

namespace chronoatlas::story {

using nlohmann::json;

Result<SourceList> load_sources(const std::string& dir) {
  const std::filesystem::path file = std::filesystem::path(dir) / "sources.json";
  SourceList out;
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(file, ec))) return out;  // sources are optional
  auto text = read_text_file(file.string());
  if (!text) return Error{text.error()};
  json j = json::parse(*text, nullptr, false);
  Reader r(file.string());
  if (j.is_discarded() || !j.is_object() || !j.contains("sources") || !j["sources"].is_array())
    return Error{file.string() + ": expected {\"sources\": [...]}"};
  for (size_t i = 0; i < j["sources"].size(); ++i) {
    const json& e = j["sources"][i];
    const std::string at = "sources[" + std::to_string(i) + "].";
    if (!e.is_object()) return Error{r.fail(at.substr(0, at.size() - 1), "an object")};
    Source s;
    TRY_ASSIGN(s.id, r.string(e, "id", at));
    TRY_ASSIGN(s.publisher, r.string(e, "publisher", at));
    TRY_ASSIGN(s.url, r.string(e, "url", at));
    TRY_ASSIGN(s.title, r.string(e, "title", at, ""));
    TRY_ASSIGN(s.date, r.string(e, "date", at, ""));
    TRY_ASSIGN(s.licence, r.string(e, "licence", at, ""));
    TRY_ASSIGN(s.note, r.string(e, "note", at, ""));
    if (out.count(s.id)) return Error{r.fail(at + "id", "an id used once, not '" + s.id + "' again")};
    out[s.id] = s;
  }
  return out;
}

std::string describe_source(const Source& s) {
  std::string text = s.publisher;
  if (!s.title.empty()) text += ", '" + s.title + "'";
  if (!s.date.empty()) text += ", " + s.date;
  text += ": " + s.url;
  if (!s.note.empty()) text += " (" + s.note + ")";
  return text;
}

Result<std::vector<std::string>> read_source_ids(const Reader& r, const json& j, const std::string& path,
                                                 const SourceList& sources) {
  std::vector<std::string> ids;
  if (!j.contains("sources")) return ids;
  if (!j["sources"].is_array()) return Error{r.fail(path + "sources", "an array of source ids")};
  for (const json& id : j["sources"]) {
    if (!id.is_string() || !sources.count(id.get<std::string>()))
      return Error{r.fail(path + "sources", "ids listed in the scenario's sources.json, not " + id.dump())};
    ids.push_back(id.get<std::string>());
  }
  return ids;
}

}  // namespace chronoatlas::story
