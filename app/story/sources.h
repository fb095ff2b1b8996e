#pragma once
// The sources a scenario cites, shipped in its folder (sources.json), so every figure, quote and position leads to
// something a reader can open. Features, figures and events cite them by id.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/result.h"
#include "story/json_reader.h"

namespace chronoatlas::story {

struct Source {
  std::string id;
  std::string publisher;  // "news.am"
  std::string title;      // "" where not recorded
  std::string date;       // YYYY-MM-DD of publication; "" where not recorded
  std::string url;        // what a reader opens
  std::string licence;
  std::string note;       // e.g. "the site only: the page address was not recorded"
};

using SourceList = std::map<std::string, Source>;

// DIR/sources.json, or an empty list when the scenario ships none. Errors name the file and the key.
Result<SourceList> load_sources(const std::string& dir);
// "news.am, 2023-09-27: https://news.am/eng/news/783649.html", with the title and note where known.
std::string describe_source(const Source& source);
// The ids in J's "sources" array; each must be in SOURCES (the error names PATH and the id).
Result<std::vector<std::string>> read_source_ids(const Reader& reader, const nlohmann::json& j,
                                                 const std::string& path, const SourceList& sources);

}  // namespace chronoatlas::story
