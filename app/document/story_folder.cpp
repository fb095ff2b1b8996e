#include "document/story_folder.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "base/files.h"
#include "document/commands.h"
#include "geo/database_source.h"
#include "geo/vector_write.h"
#include "story/scenario_json.h"

namespace chronoatlas::document {
namespace {

namespace fs = std::filesystem;

// Files that belong to a data file and must travel with it.
std::vector<std::string> sidecar_extensions(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".shp" || ext == ".SHP") return {".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".SHX", ".DBF", ".PRJ", ".CPG"};
  if (ext == ".tab" || ext == ".TAB") return {".dat", ".map", ".id", ".ind", ".DAT", ".MAP", ".ID", ".IND"};
  return {};
}

bool inside(const fs::path& file, const fs::path& folder) {
  if (folder.empty()) return false;
  const fs::path rel = file.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

// A file name made of an id: letters, digits, '-', '_' and '.', the rest replaced.
std::string safe_name(const std::string& id) {
  std::string out;
  for (unsigned char c : id) out += (std::isalnum(c) || c == '-' || c == '_' || c == '.') ? static_cast<char>(c) : '_';
  return out.empty() || out[0] == '.' ? "layer" + out : out;
}

class FolderWriter {
 public:
  FolderWriter(fs::path tmp, fs::path old_dir) : tmp_(std::move(tmp)), old_dir_(std::move(old_dir)) {}

  // Where layer L's data goes in the new folder, relative to it (or the connection, for a database).
  Result<std::string> place_layer(const model::AtlasLayer& l, std::string& source_layer) {
    if (is_database_source(l.spec.source)) return l.spec.source;
    std::error_code ec;
    const fs::path file(l.spec.source);
    if (!authored(l) && fs::is_regular_file(file, ec)) return copy_file_once(file);
    source_layer.clear();  // GeoJSON written here holds the one layer
    const std::string rel = "layers/" + unique(safe_name(l.spec.id), ".geojson");
    fs::create_directories(tmp_ / "layers", ec);
    if (auto s = geo::write_geojson(*l.data, (tmp_ / rel).string()); !s) return Error{s.error()};
    return rel;
  }

  // The old folder's other files (an article, its excerpts): a story's documents travel with it.
  Status copy_documents() {
    std::error_code ec;
    if (old_dir_.empty() || !fs::is_directory(old_dir_, ec)) return Ok{};
    for (const fs::directory_entry& e : fs::directory_iterator(old_dir_, ec)) {
      const std::string name = e.path().filename().string();
      if (!e.is_regular_file(ec) || name[0] == '.' || name == "scenario.json" || name == "sources.json") continue;
      if (fs::exists(tmp_ / name, ec)) continue;
      if (auto s = copy(e.path(), tmp_ / name); !s) return s;
    }
    return Ok{};
  }

 private:
  Result<std::string> copy_file_once(const fs::path& file) {
    if (auto it = copied_.find(file.string()); it != copied_.end()) return it->second;
    // A copy keeps its file name (GDAL names a GeoJSON's layer after it): a second file of that name goes to data/2/.
    fs::path rel = file.lexically_relative(old_dir_);
    if (!inside(file, old_dir_)) {
      rel = fs::path("data") / file.filename();
      for (int n = 2; !taken_.insert(rel.string()).second; ++n) rel = fs::path("data") / std::to_string(n) / file.filename();
    }
    std::error_code ec;
    fs::create_directories((tmp_ / rel).parent_path(), ec);
    if (auto s = copy(file, tmp_ / rel); !s) return Error{s.error()};
    for (const std::string& ext : sidecar_extensions(file)) {
      fs::path side = file;
      side.replace_extension(ext);
      fs::path to = tmp_ / rel;
      to.replace_extension(ext);
      if (fs::is_regular_file(side, ec))
        if (auto s = copy(side, to); !s) return Error{s.error()};
    }
    copied_[file.string()] = rel.string();
    return rel.string();
  }

  // STEM + EXT, or STEM-2 + EXT, ... : a name not yet taken in the folder.
  std::string unique(const std::string& stem, const std::string& ext) {
    std::string name = stem + ext;
    for (int n = 2; !taken_.insert(name).second; ++n) name = stem + "-" + std::to_string(n) + ext;
    return name;
  }

  static Status copy(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) return Error{"cannot copy " + from.filename().string() + " into the story folder: " + ec.message()};
    return Ok{};
  }

  fs::path tmp_, old_dir_;
  std::map<std::string, std::string> copied_;  // source file -> its place in the folder
  std::set<std::string> taken_;
};

// DIR may take a story: new, an empty folder, or a story folder.
Status check_target(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec))) return Ok{};
  if (!fs::is_directory(dir, ec)) return Error{dir.string() + " exists and is not a folder: choose a folder for the story"};
  if (fs::is_empty(dir, ec) || fs::exists(dir / "scenario.json", ec)) return Ok{};
  return Error{dir.string() + " holds files but no scenario.json: choose an empty folder, a new one, or a story folder"};
}

// Puts the finished TMP in DIR's place; the old DIR goes only once the new one is there. Where the file system can
// exchange two names in one step (Linux's RENAME_EXCHANGE), DIR is at every moment either the old story or the new
// one, so a save killed at any point leaves a whole story there; elsewhere the old folder is moved aside first.
Status swap_in(const fs::path& tmp, const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(tmp, ec);  // now the old story
    return Ok{};
  }
  const fs::path old = dir.parent_path() / ("." + dir.filename().string() + ".old-" + std::to_string(getpid()));
  const bool replacing = fs::exists(dir, ec);
  if (replacing) {
    fs::remove_all(old, ec);
    fs::rename(dir, old, ec);
    if (ec) return Error{"cannot replace " + dir.string() + ": " + ec.message()};
  }
  fs::rename(tmp, dir, ec);
  if (ec) {
    const std::string why = ec.message();
    if (replacing) fs::rename(old, dir, ec);
    return Error{"cannot save to " + dir.string() + ": " + why};
  }
  if (replacing) fs::remove_all(old, ec);
  return Ok{};
}

Result<story::Scenario> write_folder(const model::Atlas& atlas, const fs::path& tmp, const fs::path& dir) {
  story::Scenario saved = atlas.scenario();
  FolderWriter writer(tmp, saved.dir.empty() ? fs::path() : fs::path(saved.dir));
  std::vector<std::string> sources;
  saved.layers.clear();
  for (const model::AtlasLayer& l : atlas.layers()) {
    story::LayerSpec spec = l.spec;
    auto rel = writer.place_layer(l, spec.source_layer);
    if (!rel) return Error{"layer '" + l.spec.title + "': " + rel.error()};
    sources.push_back(*rel);
    spec.source = is_database_source(*rel) ? *rel : (dir / *rel).lexically_normal().string();
    saved.layers.push_back(std::move(spec));
  }
  if (auto s = writer.copy_documents(); !s) return Error{s.error()};
  if (auto s = write_text_file((tmp / "scenario.json").string(), story::scenario_json(saved, sources).dump(2) + "\n"); !s)
    return Error{s.error()};
  if (!saved.sources.empty())
    if (auto s = write_text_file((tmp / "sources.json").string(), story::sources_json(saved.sources).dump(2) + "\n"); !s)
      return Error{s.error()};
  saved.dir = dir.string();
  return saved;
}

}  // namespace

Result<story::Scenario> save_story(const model::Atlas& atlas, const std::string& dir_text) {
  if (dir_text.empty()) return Error{"name a folder to save the story in"};
  const fs::path dir = fs::absolute(dir_text).lexically_normal();
  if (dir.filename().empty()) return Error{"name a folder to save the story in, not " + dir_text};
  if (auto s = check_target(dir); !s) return Error{s.error()};
  std::error_code ec;
  if (!fs::is_directory(dir.parent_path(), ec)) return Error{"cannot save to " + dir.string() + ": its parent folder does not exist"};
  const fs::path tmp = dir.parent_path() / ("." + dir.filename().string() + ".saving-" + std::to_string(getpid()));
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec)) return Error{"cannot write in " + dir.parent_path().string() + ": " + ec.message()};
  auto saved = write_folder(atlas, tmp, dir);
  if (saved) {
    if (auto s = swap_in(tmp, dir); !s) saved = Error{s.error()};
  }
  if (!saved) fs::remove_all(tmp, ec);
  return saved;
}

}  // namespace chronoatlas::document
