#include "platform/folder_listing.h"

#include <algorithm>
#include <filesystem>

#include "base/text.h"

namespace chronoatlas::platform {
namespace {

namespace fs = std::filesystem;

bool kept(const std::string& name, const std::vector<std::string>& extensions) {
  if (extensions.empty()) return true;
  const std::string n = ascii_lower(name);
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
    return n.size() > ext.size() + 1 && n.compare(n.size() - ext.size(), ext.size(), ext) == 0 &&
           n[n.size() - ext.size() - 1] == '.';
  });
}

}  // namespace

Result<std::vector<FolderEntry>> list_folder(const std::string& path, const std::vector<std::string>& extensions) {
  std::error_code ec;
  fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Error{path + ": cannot be listed (" + ec.message() + ")"};
  std::vector<FolderEntry> out;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return Error{path + ": cannot be listed (" + ec.message() + ")"};
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) out.push_back({name, true, 0});
    else if (kept(name, extensions)) out.push_back({name, false, it->file_size(type_ec)});
  }
  std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) {
    if (a.folder != b.folder) return a.folder;
    return ascii_lower(a.name) < ascii_lower(b.name);
  });
  return out;
}

}  // namespace chronoatlas::platform
