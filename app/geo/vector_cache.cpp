#include "geo/vector_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <cpl_minixml.h>
#include <cpl_string.h>
#include <gdal.h>

#include "base/byte_stream.h"
#include "base/text.h"
#include "geo/vector_source.h"

namespace chronoatlas::geo {
namespace {

constexpr uint32_t kReportFormat = 1;

namespace fs = std::filesystem;

// How deep VRTs that name VRTs are followed for the key; deeper ones are not cached.
constexpr int kVrtDepth = 4;

// The files an OGR VRT reads from (its SrcDataSource elements, relative ones resolved against its folder); nothing
// when it cannot be parsed. Sources that are not files (connections, /vsi paths) are left to the reader's checks.
std::optional<std::vector<std::string>> vrt_sources(const fs::path& vrt) {
  CPLXMLNode* root = CPLParseXMLFile(vrt.c_str());
  if (!root) return std::nullopt;
  std::vector<std::string> out;
  std::vector<const CPLXMLNode*> todo = {root};
  while (!todo.empty()) {
    const CPLXMLNode* n = todo.back();
    todo.pop_back();
    for (const CPLXMLNode* c = n; c; c = c->psNext) {
      if (c->eType != CXT_Element) continue;
      if (EQUAL(c->pszValue, "SrcDataSource")) {
        const std::string source = CPLGetXMLValue(c, nullptr, "");
        const bool relative = CPLTestBool(CPLGetXMLValue(c, "relativeToVRT", "0"));
        out.push_back(relative ? (vrt.parent_path() / source).string() : source);
      } else if (c->psChild) {
        todo.push_back(c->psChild);
      }
    }
  }
  CPLDestroyXMLNode(root);
  return out;
}

// A hash of the first and last 64 KiB of the regular file PATH (SIZE bytes): two reads that see most rewrites which
// keep the size and modification time (an export run twice within a second, a time set back), not an edit in the
// middle of a big file. "" when it cannot be read.
std::string edge_hash(const std::string& path, off_t size) {
  constexpr off_t kBlock = 64 << 10;
  const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return "";
  std::string head(static_cast<size_t>(std::min(size, kBlock)), '\0'), tail(head.size(), '\0');
  const bool read = pread(fd, head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()) &&
                    pread(fd, tail.data(), tail.size(), size - static_cast<off_t>(tail.size())) ==
                        static_cast<ssize_t>(tail.size());
  close(fd);
  if (!read) return "";
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_text(tail, hash_text(head))));
  return hex;
}

// "name size mtime_ns hash;" for PATH and every file beside it with the same stem, and for a VRT the same for every file
// it reads from (a source rewritten elsewhere must not leave the old geometry in the cache); nothing for what is not
// a plain file, or a VRT whose sources cannot all be known.
std::optional<std::string> file_identity(const std::string& path, int depth = 0) {
  std::error_code ec;
  const fs::path p = fs::canonical(path, ec);
  if (ec || !fs::is_regular_file(p, ec) || depth > kVrtDepth) return std::nullopt;
  std::string id = p.string() + "|";
  std::vector<std::string> members;
  for (const fs::directory_entry& e : fs::directory_iterator(p.parent_path(), ec))
    if (e.path().stem() == p.stem()) members.push_back(e.path().string());
  std::sort(members.begin(), members.end());
  for (const std::string& m : members) {
    struct stat st {};
    if (stat(m.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    id += fs::path(m).filename().string() + " " + std::to_string(st.st_size) + " " +
          std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
          edge_hash(m, st.st_size) + ";";
  }
  if (ascii_lower(p.extension().string()) == ".vrt") {
    const auto sources = vrt_sources(p);
    if (!sources) return std::nullopt;
    for (const std::string& s : *sources) {
      if (!fs::exists(s, ec)) continue;  // a connection or virtual path: refused or read uncached by the reader
      const auto source = file_identity(s, depth + 1);
      if (!source) return std::nullopt;
      id += "<" + *source + ">";
    }
  }
  return id;
}

void put_layer(ByteWriter& w, const VectorLayer& l) {
  w.put(l.name);
  w.put(l.geometry_type);
  w.put(l.crs);
  w.put(l.fields);
  w.put(l.extent);
  w.put<uint64_t>(l.features.size());
  for (const Feature& f : l.features) {
    w.put(f.fid);
    w.put<uint64_t>(f.polygons.size());
    for (const Polygon& p : f.polygons) {
      w.put<uint64_t>(p.size());
      for (const Ring& r : p) w.put(r);
    }
    w.put<uint64_t>(f.lines.size());
    for (const LineString& l2 : f.lines) w.put(l2);
    w.put(f.points);
    w.put(f.values);
  }
}

void get_layer(ByteReader& r, VectorLayer& l) {
  r.get(l.name);
  r.get(l.geometry_type);
  r.get(l.crs);
  r.get(l.fields);
  r.get(l.extent);
  // Counts are checked against the bytes left (each item takes at least 8), so damage cannot ask for huge vectors.
  auto count = [&r] { return r.items(8); };  // a count of items of at least 8 bytes: parts, rings, features
  l.features.resize(count());
  for (Feature& f : l.features) {
    r.get(f.fid);
    f.polygons.resize(count());
    for (Polygon& p : f.polygons) {
      p.resize(count());
      for (Ring& ring : p) r.get(ring);
    }
    f.lines.resize(count());
    for (LineString& line : f.lines) r.get(line);
    r.get(f.points);
    r.get(f.values);
    if (!r.ok()) return;
  }
}

}  // namespace

std::string pack_report(const LoadReport& report) {
  ByteWriter w;
  w.put(report.warnings);
  w.put<uint64_t>(report.layers.size());
  for (const VectorLayer& l : report.layers) put_layer(w, l);
  return std::move(w.bytes());
}

std::optional<LoadReport> unpack_report(const std::string& bytes) {
  ByteReader r(bytes);  // the layout's version is in the entry's key
  LoadReport report;
  r.get(report.warnings);
  report.layers.resize(r.items(8));
  for (VectorLayer& l : report.layers) get_layer(r, l);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  for (const VectorLayer& l : report.layers)
    for (const Feature& f : l.features)
      if (f.values.size() != l.fields.size() || !well_formed(f)) return std::nullopt;
  return report;
}

namespace {

// load_vector_source(PATH), not cached when the file is not the same after the read as before it (IDENTITY): what
// was read may mix the old and the new, and the next read must not find it.
Result<LoadReport> read_unchanged(const std::string& path, const std::string& identity, Progress* progress) {
  auto report = load_vector_source(path, progress);
  if (report && file_identity(path) != identity) {
    report->cacheable = false;
    report->warnings.push_back(path + " changed while it was read: what is shown may mix the old and the new file; "
                                      "add it again to read it whole");
  }
  return report;
}

}  // namespace

Result<LoadReport> load_vector_source(const std::string& path, const DiskCache* cache, Progress* progress) {
  const std::optional<std::string> identity = cache ? file_identity(path) : std::nullopt;
  if (!identity) return load_vector_source(path, progress);
  // Named for the path alone, so that a changed file's entry replaces the old one.
  const std::string name = DiskCache::entry_name("vector", identity->substr(0, identity->find('|')));
  const std::string key = "vector source " + std::to_string(kReportFormat) + " GDAL " + GDALVersionInfo("RELEASE_NAME") +
                          " " + *identity;
  std::string damage;
  auto report = cache->through<Result<LoadReport>>(
      name, key,
      [](const std::string& bytes) -> std::optional<Result<LoadReport>> {
        if (std::optional<LoadReport> r = unpack_report(bytes)) return Result<LoadReport>(std::move(*r));
        return std::nullopt;
      },
      [&] { return read_unchanged(path, *identity, progress); },
      [](const Result<LoadReport>& r) { return r && r->cacheable ? pack_report(*r) : std::string(); }, damage);
  if (report && !damage.empty()) report->warnings.push_back(damage + "; " + path + " was read again");
  return report;
}

}  // namespace chronoatlas::geo
