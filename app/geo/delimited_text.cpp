#include "geo/delimited_text.h"

#include <cstring>
#include <memory>

#include <cpl_vsi.h>

#include "base/text.h"

namespace chronoatlas::geo {
namespace {

constexpr size_t kChunk = 1 << 20;

struct VsiCloser {
  void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};
using VsiFile = std::unique_ptr<VSILFILE, VsiCloser>;

bool ends_with(const std::string& text, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return text.size() >= n && text.compare(text.size() - n, n, suffix) == 0;
}

bool holds_nul(const std::string& path) {
  VsiFile f(VSIFOpenL(path.c_str(), "rb"));
  if (!f) return false;
  std::string buffer(kChunk, '\0');
  for (size_t got; (got = VSIFReadL(buffer.data(), 1, kChunk, f.get())) > 0;)
    if (std::memchr(buffer.data(), '\0', got)) return true;
  return false;
}

// Follows GDAL's reading of records: a line ends a record unless an opening quote is still open; what follows a NUL
// on its line is invisible to GDAL (quotes included); a record with nothing visible is a blank line, not a row.
class RecordScanner {
 public:
  void feed(const char* bytes, size_t size) {
    for (size_t i = 0; i < size; ++i) take(bytes[i]);
  }
  std::vector<int64_t> finish() {
    end_record();
    return std::move(rows_);
  }

 private:
  void take(char c) {
    if (c == '\n') {
      line_cut_ = false;
      if (!in_quotes_) end_record();
      return;
    }
    if (c == '\0') {
      line_cut_ = record_has_nul_ = true;
      return;
    }
    if (line_cut_) return;
    if (c == '"') in_quotes_ = !in_quotes_;
    if (c != '\r') visible_ = true;
  }
  void end_record() {
    if (visible_) {
      if (record_has_nul_) rows_.push_back(index_);
      ++index_;
    }
    visible_ = record_has_nul_ = in_quotes_ = false;
  }

  bool in_quotes_ = false, line_cut_ = false, visible_ = false, record_has_nul_ = false;
  int64_t index_ = 0;  // the header is record 0; data rows count from 1, as GDAL's feature ids do
  std::vector<int64_t> rows_;
};

}  // namespace

bool delimited_text(const std::string& path) {
  const std::string lower = ascii_lower(path);
  return ends_with(lower, ".csv") || ends_with(lower, ".tsv") || ends_with(lower, ".psv");
}

std::vector<int64_t> rows_with_nul(const std::string& path) {
  if (!holds_nul(path)) return {};
  VsiFile f(VSIFOpenL(path.c_str(), "rb"));
  if (!f) return {};
  RecordScanner scanner;
  std::string buffer(kChunk, '\0');
  for (size_t got; (got = VSIFReadL(buffer.data(), 1, kChunk, f.get())) > 0;) scanner.feed(buffer.data(), got);
  return scanner.finish();
}

}  // namespace chronoatlas::geo
