#pragma once
// Plain values, vectors of plain values and strings packed into bytes and read back, for the prepared-data cache.
// The reader never trusts its input: a count or length running past the end stops it (ok() turns false) instead of
// allocating or reading out of bounds.
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace chronoatlas {

class ByteWriter {
 public:
  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&value);
    bytes_.append(p, sizeof(T));
  }
  template <class T>
  void put(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    put<uint64_t>(values.size());
    if (!values.empty()) bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void put(const std::string& text) {
    put<uint64_t>(text.size());
    bytes_.append(text);
  }
  void put(const std::vector<std::string>& texts) {
    put<uint64_t>(texts.size());
    for (const std::string& t : texts) put(t);
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(const std::string& bytes) : at_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  bool ok() const { return ok_; }
  bool at_end() const { return at_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - at_); }

  template <class T>
  void get(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!take(sizeof(T))) return;
    std::memcpy(&value, at_ - sizeof(T), sizeof(T));
  }
  template <class T>
  void get(std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = items(sizeof(T));
    values.resize(n);
    if (n && take(n * sizeof(T))) std::memcpy(values.data(), at_ - n * sizeof(T), n * sizeof(T));
  }
  void get(std::string& text) {
    const uint64_t n = items(1);
    if (take(n)) text.assign(at_ - n, n);
  }
  void get(std::vector<std::string>& texts) {
    texts.resize(items(sizeof(uint64_t)));  // each string takes at least its length
    for (std::string& t : texts) get(t);
  }
  // A count written before items of at least MIN_BYTES_EACH, or 0 (and not ok) when the rest cannot hold them.
  uint64_t items(size_t min_bytes_each) {
    uint64_t n = 0;
    get(n);
    if (!ok_ || n > remaining() / min_bytes_each) return fail(), 0;
    return n;
  }

 private:
  bool take(size_t n) {
    if (!ok_ || static_cast<size_t>(end_ - at_) < n) return fail(), false;
    at_ += n;
    return true;
  }
  void fail() {
    ok_ = false;
    at_ = end_;
  }
  const char* at_;
  const char* end_;
  bool ok_ = true;
};

}  // namespace chronoatlas
