#include "geo/watched_file.h"

#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include <cpl_vsi.h>

namespace chronoatlas::geo {
namespace {

constexpr const char* kPrefix = "/vsiwatched/";

std::mutex watches_mutex;
std::map<unsigned long, Progress*> watches;  // id -> what cancels it
unsigned long next_id = 1;

// "ID:PATH" (GDAL strips the prefix) or the whole "/vsiwatched/ID:PATH": the watch's id and the real path.
bool split(const char* name, unsigned long& id, std::string& real) {
  if (std::strncmp(name, kPrefix, std::strlen(kPrefix)) == 0) name += std::strlen(kPrefix);
  char* end = nullptr;
  id = std::strtoul(name, &end, 10);
  if (!end || *end != ':') return false;
  real = end + 1;
  return true;
}

Progress* progress_of(unsigned long id) {
  std::lock_guard lock(watches_mutex);
  auto it = watches.find(id);
  return it == watches.end() ? nullptr : it->second;
}

struct Handle {
  VSILFILE* file;
  Progress* progress;
};

int stat_cb(void*, const char* name, VSIStatBufL* buf, int flags) {
  unsigned long id;
  std::string real;
  return split(name, id, real) ? VSIStatExL(real.c_str(), buf, flags) : -1;
}

char** read_dir_cb(void*, const char* name, int max_files) {
  unsigned long id;
  std::string real;
  return split(name, id, real) ? VSIReadDirEx(real.c_str(), max_files) : nullptr;
}

void* open_cb(void*, const char* name, const char* access) {
  unsigned long id;
  std::string real;
  if (std::strchr(access, 'w') || std::strchr(access, 'a') || std::strchr(access, '+')) return nullptr;  // read only
  if (!split(name, id, real)) return nullptr;
  Progress* progress = progress_of(id);
  if (stopped(progress)) return nullptr;
  VSILFILE* f = VSIFOpenL(real.c_str(), "rb");
  return f ? new Handle{f, progress} : nullptr;
}

vsi_l_offset tell_cb(void* h) { return VSIFTellL(static_cast<Handle*>(h)->file); }
int seek_cb(void* h, vsi_l_offset offset, int whence) { return VSIFSeekL(static_cast<Handle*>(h)->file, offset, whence); }
int eof_cb(void* h) { return VSIFEofL(static_cast<Handle*>(h)->file); }

size_t read_cb(void* h, void* buffer, size_t size, size_t count) {
  auto* handle = static_cast<Handle*>(h);
  if (stopped(handle->progress)) return 0;  // GDAL sees the end of the file and gives up
  return VSIFReadL(buffer, size, count, handle->file);
}

int close_cb(void* h) {
  auto* handle = static_cast<Handle*>(h);
  const int r = VSIFCloseL(handle->file);
  delete handle;
  return r;
}

void install_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    VSIFilesystemPluginCallbacksStruct* cb = VSIAllocFilesystemPluginCallbacksStruct();
    cb->stat = stat_cb;
    cb->read_dir = read_dir_cb;
    cb->open = open_cb;
    cb->tell = tell_cb;
    cb->seek = seek_cb;
    cb->read = read_cb;
    cb->eof = eof_cb;
    cb->close = close_cb;
    VSIInstallPluginHandler(kPrefix, cb);
    VSIFreeFilesystemPluginCallbacksStruct(cb);
  });
}

}  // namespace

WatchedPath::WatchedPath(const std::string& path, Progress* progress) {
  install_handler();
  std::lock_guard lock(watches_mutex);
  id_ = next_id++;
  watches[id_] = progress;
  // Absolute, so that the last part GDAL names a layer after is the file's own name ("1:places" for a relative path).
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  gdal_path_ = kPrefix + std::to_string(id_) + ":" + (ec ? path : absolute.string());
}

WatchedPath::~WatchedPath() {
  std::lock_guard lock(watches_mutex);
  watches.erase(id_);
}

}  // namespace chronoatlas::geo
