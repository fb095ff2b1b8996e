#include "base/disk_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/byte_stream.h"

namespace chronoatlas {
namespace {

constexpr char kMagic[8] = {'C', 'h', 'r', 'o', 'n', 'o', 'A', 'C'};
constexpr uint64_t kMaxEntryBytes = uint64_t(8) << 30;

std::optional<std::string> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const auto size = static_cast<uint64_t>(in.tellg());
  if (!in || size > kMaxEntryBytes) return std::nullopt;
  std::string bytes(size, '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return std::nullopt;
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
  if (!std::filesystem::exists(path, ec)) return {};
  auto bytes = read_whole(path);
  if (!bytes) return {std::nullopt, "cache entry " + path + " could not be read", true};
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
  // A name no other process or thread uses: pid plus a counter.
  static std::atomic<unsigned> serial{0};
  const std::string temporary = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(serial++);
  ByteWriter header;
  header.put(kMagic);
  header.put(kDiskCacheFormat);
  header.put(key);
  header.put(hash_text(payload));
  header.put<uint64_t>(payload.size());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(header.bytes().data(), static_cast<std::streamsize>(header.bytes().size()));
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    out.close();
    if (!out) {
      std::filesystem::remove(temporary, ec);
      return Error{"could not write the cache entry " + path};
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::filesystem::remove(temporary, ec);
    return Error{"could not write the cache entry " + path};
  }
  return Ok{};
}

}  // namespace chronoatlas
