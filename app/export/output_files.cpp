#include "export/output_files.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "base/text.h"

namespace chronoatlas::exporting {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTempTag = ".chronoatlas-tmp-";

// The part of a file name before its first dot: "caucasus" for caucasus.shp and caucasus.shp.xml.
std::string base_name(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.substr(0, name.find('.'));
}

bool reads_prj(const fs::path& p) {
  static const std::set<std::string> readers = {".shp", ".dbf", ".csv", ".tsv", ".psv"};
  return readers.count(ascii_lower(p.extension().string())) > 0;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  // Absolute first: weakly_canonical leaves a relative path to a file not yet there relative ("m.prj").
  if (fs::weakly_canonical(fs::absolute(a, ec), ec) == fs::weakly_canonical(fs::absolute(b, ec), ec)) return true;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

bool process_alive(long pid) { return pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

// An open folder with an exclusive advisory lock, released when it goes.
class FolderLock {
 public:
  explicit FolderLock(const fs::path& dir) : fd_(open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY)) {
    if (fd_ >= 0) flock(fd_, LOCK_EX);
  }
  ~FolderLock() {
    if (fd_ >= 0) close(fd_);
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_;
};

}  // namespace

std::vector<std::string> with_sidecars(const std::vector<std::string>& inputs) {
  // What a render writes (.png, .pgw, .prj, .tif, .svg, .pdf) is not taken for a sidecar of a vector input, or a second render to
  // the same name would be refused; except the .prj that GDAL reads, whether or not it exists yet, as the CRS of a
  // shapefile or a CSV: a map written next to its CSV would otherwise give the CSV the map's CRS on the next read.
  static const std::set<std::string> ours = {".png", ".pgw", ".prj", ".tif", ".svg", ".pdf"};
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    const fs::path p(in);
    if (!fs::is_regular_file(p, ec)) continue;
    out.push_back(in);
    const std::string base = base_name(p);
    const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path() != p && base_name(e.path()) == base && e.is_regular_file(ec) && !ours.count(e.path().extension()))
        out.push_back(e.path().string());
    if (reads_prj(p)) out.push_back((dir / (base + ".prj")).string());
  }
  return out;
}

Status check_outputs(const std::vector<std::string>& finals, const std::vector<std::string>& inputs, bool overwrite) {
  const std::vector<std::string> guarded = with_sidecars(inputs);
  for (const std::string& f : finals) {
    std::error_code ec;
    const fs::path p(f);
    const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) return Error{dir.string() + ": no such folder"};
    for (const std::string& in : guarded)
      if (same_file(p, in))
        return Error{f + " is an input of this render (" + fs::path(in).filename().string() +
                     "); choose another --out name so that it is not overwritten"};
    if (fs::is_directory(p, ec)) return Error{f + " is a folder; nothing was written"};
    if (!overwrite && fs::exists(fs::symlink_status(p, ec)))
      return Error{f + " already exists; pass --overwrite to replace it"};
  }
  return Ok{};
}

std::string temporary_name(const std::string& final_path) {
  const fs::path p(final_path);
  return (p.parent_path() / ("." + p.filename().string() + kTempTag + std::to_string(getpid()))).string();
}

Result<std::string> claim_temporary(const std::string& final_path) {
  const std::string temp = temporary_name(final_path);
  unlink(temp.c_str());  // a link or file left there (planted, or by a killed run) goes; unlink follows no link
  const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return Error{final_path + ": cannot be written (" + std::strerror(errno) + " at its temporary name)"};
  close(fd);
  return temp;
}

void remove_stale_temporaries(const std::vector<std::string>& finals) {
  if (finals.empty()) return;
  const fs::path first(finals.front());
  const fs::path dir = first.has_parent_path() ? first.parent_path() : fs::path(".");
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    const size_t tag = name.find(kTempTag);
    if (name[0] != '.' || tag == std::string::npos) continue;
    char* end = nullptr;
    const long pid = std::strtol(name.c_str() + tag + std::strlen(kTempTag), &end, 10);
    if (end && *end == '\0' && !process_alive(pid)) fs::remove_all(e.path(), ec);  // a file, or a working folder
  }
}

Status publish(const std::vector<std::string>& temps, const std::vector<std::string>& finals) {
  std::error_code ec;
  auto discard = [&] {
    for (const std::string& t : temps) fs::remove(t, ec);
  };
  const fs::path dir = fs::path(finals.front()).parent_path();
  FolderLock lock(dir);
  // Checked again under the lock: a folder made in the meantime would stop the set halfway.
  for (const std::string& f : finals)
    if (fs::is_directory(f, ec)) return discard(), Error{f + " is a folder; nothing was written"};
  // All or nothing: the old members are moved aside first (a member that cannot be moved, being immutable or another
  // user's in a sticky folder, stops the set before anything changed), the new ones put in place, and only then are
  // the old ones removed; any failure puts back what was there.
  std::vector<std::string> aside(finals.size());
  auto restore = [&](size_t placed) {
    for (size_t i = 0; i < placed; ++i) fs::remove(finals[i], ec);
    for (size_t i = 0; i < finals.size(); ++i)
      if (!aside[i].empty()) std::rename(aside[i].c_str(), finals[i].c_str());
    discard();
  };
  for (size_t i = 0; i < finals.size(); ++i) {
    if (!fs::exists(fs::symlink_status(finals[i], ec))) continue;
    aside[i] = temporary_name(finals[i]) + "-old";
    if (std::rename(finals[i].c_str(), aside[i].c_str()) != 0) {
      const std::string why = std::strerror(errno);
      aside[i].clear();
      restore(0);
      return Error{finals[i] + ": cannot be replaced (" + why + "); none of " + std::to_string(finals.size()) +
                   " files was changed"};
    }
  }
  for (size_t i = 0; i < finals.size(); ++i)
    if (std::rename(temps[i].c_str(), finals[i].c_str()) != 0) {
      const std::string why = std::strerror(errno);
      restore(i);
      return Error{finals[i] + ": cannot be written (" + why + "); none of " + std::to_string(finals.size()) +
                   " files was changed"};
    }
  for (const std::string& a : aside)
    if (!a.empty()) fs::remove(a, ec);
  return Ok{};
}

Status write_file(const std::string& path, const std::string& final, const std::string& bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Error{final + ": cannot be written (" + std::string(std::strerror(errno)) + ")"};
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
  const int why = errno;
  if (std::fclose(f) != 0 || !written)
    return Error{final + ": writing failed (" + std::string(std::strerror(written ? errno : why)) + ")"};
  return Ok{};
}

}  // namespace chronoatlas::exporting
