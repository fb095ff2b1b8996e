#pragma once
// Prepared data kept between runs (read and converted files, tessellated geometry), one file per entry in a folder
// such as $XDG_CACHE_HOME/chronoatlas/prepared. An entry is never trusted: its header repeats the whole key it was
// made for (source, size, time, parameters, format version) and a hash of its payload, so a stale, damaged or
// foreign entry reads as a miss with a reason, and the caller rebuilds it (a damaged one is deleted first). Entries
// are opened without following links or waiting on FIFOs, and anything but a regular file is refused. Writes go to a
// new temporary name (O_EXCL, no links followed) that is renamed into place, so processes sharing the folder only
// ever see whole entries. The folder is capped: after each write the entries used longest ago are removed until the
// rest fit (kDiskCacheMaxBytes unless the caller says otherwise).
#include <cstdint>
#include <optional>
#include <string>

#include "base/result.h"

namespace chronoatlas {

// Bumped whenever an entry's layout or meaning changes: older entries then read as stale.
constexpr uint32_t kDiskCacheFormat = 1;

// 64-bit hash of bytes (not cryptographic: entry names and damage checks).
uint64_t hash_bytes(const void* data, size_t size, uint64_t seed = 0);
uint64_t hash_text(const std::string& text, uint64_t seed = 0);

// The folder's default cap: room for the bundled story many times over and for a few layers of hundreds of MB.
constexpr uint64_t kDiskCacheMaxBytes = uint64_t(2) << 30;

class DiskCache {
 public:
  explicit DiskCache(std::string dir, uint64_t max_bytes = kDiskCacheMaxBytes) : dir_(std::move(dir)), max_bytes_(max_bytes) {}
  const std::string& dir() const { return dir_; }
  // A file name for an entry of KIND ("vector", "geometry") identified by IDENTITY.
  static std::string entry_name(const std::string& kind, const std::string& identity);

  struct Lookup {
    std::optional<std::string> payload;  // set on a hit
    std::string problem;                 // on a miss: "" when there was no entry, else why it was not used
    bool damaged = false;                // the entry could not be read or failed its check (not merely stale)
  };
  // The payload stored under NAME for exactly KEY.
  Lookup read(const std::string& name, const std::string& key) const;
  // Stores PAYLOAD under NAME for KEY, replacing any entry. Errors name the file.
  Status write(const std::string& name, const std::string& key, const std::string& payload) const;
  // The file that holds NAME's entry.
  std::string path_of(const std::string& name) const;
  // Deletes NAME's entry (a link or FIFO there is removed, never followed).
  void remove(const std::string& name) const;

  // The value stored under NAME for KEY when UNPACK (bytes -> optional<T>) accepts it; otherwise BUILD's, stored
  // with PACK (T -> bytes; "" stores nothing, e.g. for a failure). When an entry was there but damaged or refused,
  // DAMAGE names it, so the caller can say what it rebuilt.
  template <class T, class Unpack, class Build, class Pack>
  T through(const std::string& name, const std::string& key, Unpack unpack, Build build, Pack pack,
            std::string& damage) const {
    Lookup found = read(name, key);
    if (found.payload) {
      if (std::optional<T> hit = unpack(*found.payload)) return std::move(*hit);
      found.damaged = true;
    }
    if (found.damaged) remove(name);
    T built = build();
    if (const std::string bytes = pack(built); !bytes.empty()) (void)write(name, key, bytes);
    if (found.damaged) damage = "cache entry " + path_of(name) + " was damaged";
    return built;
  }

 private:
  // Removes the entries used longest ago, never KEEP (the one just written), until the folder fits its cap.
  void trim(const std::string& keep) const;

  std::string dir_;
  uint64_t max_bytes_;
};

}  // namespace chronoatlas
