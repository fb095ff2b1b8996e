#include "base/disk_cache.h"

#include "base/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "base/byte_stream.h"
#include "base/progress.h"

namespace chronoatlas {
namespace {

constexpr char kMagic[8] = {'C', 'h', 'r', 'o', 'n', 'o', 'A', 'C'};
constexpr uint64_t kMaxEntryBytes = uint64_t(8) << 30;

// The entry at PATH, read through a descriptor that follows no symlink and never waits on a FIFO or a device: what
// sits in the folder may have been put there by anyone. Nothing when it is not a regular file of a sane size.
std::optional<std::string> read_whole(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> bytes;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) <= kMaxEntryBytes) {
    bytes.emplace(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < bytes->size()) {
      const ssize_t n = ::read(fd, bytes->data() + got, bytes->size() - got);
      if (n < 0 && errno == EINTR && !process_stop()) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    if (got != bytes->size()) bytes.reset();
    else futimens(fd, nullptr);  // its time is when it was last used: the folder's cap evicts the longest unused
  }
  close(fd);
  return bytes;
}

}  // namespace

uint64_t hash_bytes(const void* data, size_t size, uint64_t seed) {
  // Eight bytes a step, each mixed by multiply-xorshift: fast enough to check a few hundred MB as they are read.
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t h = seed ^ (size * 0x9E3779B97F4A7C15ull);
  auto mix = [&h](uint64_t v) {
    h ^= v * 0xBF58476D1CE4E5B9ull;
    h = (h << 27 | h >> 37) * 0x94D049BB133111EBull;
  };
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    mix(v);
  }
  uint64_t tail = 0;
  if (size > i) std::memcpy(&tail, p + i, size - i);  // an empty vector's data() may be null
  mix(tail);
  h ^= h >> 31;
  return h;
}

uint64_t hash_text(const std::string& text, uint64_t seed) { return hash_bytes(text.data(), text.size(), seed); }

std::string DiskCache::entry_name(const std::string& kind, const std::string& identity) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_text(identity)));
  return kind + "-" + hex;
}

std::string DiskCache::path_of(const std::string& name) const { return dir_ + "/" + name; }

DiskCache::Lookup DiskCache::read(const std::string& name, const std::string& key) const {
  const std::string path = path_of(name);
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return {};
  auto bytes = read_whole(path);
  if (!bytes) return {std::nullopt, "cache entry " + path + " could not be read (not a regular file, or unreadable)", true};
  ByteReader in(*bytes);
  char magic[8];
  uint32_t format = 0;
  std::string stored_key;
  uint64_t payload_hash = 0;
  in.get(magic);
  in.get(format);
  in.get(stored_key);
  in.get(payload_hash);
  if (!in.ok() || std::memcmp(magic, kMagic, sizeof magic) != 0)
    return {std::nullopt, "cache entry " + path + " is damaged", true};
  if (format != kDiskCacheFormat || stored_key != key) return {std::nullopt, "cache entry " + path + " is out of date"};
  uint64_t payload_size = 0;
  in.get(payload_size);
  if (!in.ok() || payload_size != in.remaining()) return {std::nullopt, "cache entry " + path + " is damaged", true};
  bytes->erase(0, bytes->size() - payload_size);  // in place: entries of big layers are hundreds of MB
  if (hash_text(*bytes) != payload_hash) return {std::nullopt, "cache entry " + path + " is damaged", true};
  return {std::move(bytes), ""};
}

Status DiskCache::write(const std::string& name, const std::string& key, const std::string& payload) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  const std::string path = path_of(name);
  // A name no other process or thread uses (pid plus a counter), created new: a file or link planted under it is
  // never written through.
  static std::atomic<unsigned> serial{0};
  const std::string temporary = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(serial++);
  ByteWriter header;
  header.put(kMagic);
  header.put(kDiskCacheFormat);
  header.put(key);
  header.put(hash_text(payload));
  header.put<uint64_t>(payload.size());
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Error{"could not write the cache entry " + path + ": " + std::strerror(errno)};
  const bool written = write_all(fd, header.bytes()) && write_all(fd, payload) && !process_stop();
  if (close(fd) != 0 || !written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    unlink(temporary.c_str());
    return Error{"could not write the cache entry " + path};
  }
  trim(name);
  return Ok{};
}

void DiskCache::remove(const std::string& name) const { unlink(path_of(name).c_str()); }

void DiskCache::trim(const std::string& keep) const {
  struct Entry {
    std::filesystem::path path;
    std::filesystem::file_time_type used;
    uintmax_t bytes;
  };
  std::vector<Entry> entries;
  uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_, ec)) {
    std::error_code fe;
    const std::string file = e.path().filename().string();
    // A link is not an entry. Another process's entry being written is not counted, nor touched, unless it is an
    // hour old: then the process ended before renaming it (the app does not wait for its workers on quit).
    if (e.is_symlink(fe) || !e.is_regular_file(fe)) continue;
    if (file.find(".tmp-") != std::string::npos) {
      if (e.last_write_time(fe) < std::filesystem::file_time_type::clock::now() - std::chrono::hours(1))
        std::filesystem::remove(e.path(), fe);
      continue;
    }
    Entry entry{e.path(), e.last_write_time(fe), e.file_size(fe)};
    if (fe) continue;
    total += entry.bytes;
    if (file != keep) entries.push_back(std::move(entry));
  }
  if (total <= max_bytes_) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
  for (const Entry& e : entries) {
    if (total <= max_bytes_) break;
    if (std::filesystem::remove(e.path, ec)) total -= e.bytes;
  }
}

}  // namespace chronoatlas
