#include "base/files.h"

#include "base/progress.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <strings.h>

namespace chronoatlas {

bool is_database_source(const std::string& source) { return strncasecmp(source.c_str(), "PG:", 3) == 0; }

bool write_all(int fd, const std::string& bytes) {
  size_t put = 0;
  while (put < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + put, bytes.size() - put);
    if (n < 0 && errno == EINTR && !process_stop()) continue;
    if (n <= 0) return false;
    put += static_cast<size_t>(n);
  }
  return true;
}

Status write_text_file(const std::string& path, const std::string& text, Backup backup) {
  // A name no other writer uses, created new: a link or file planted at a fixed "path.tmp" is never written through.
  static std::atomic<unsigned> serial{0};
  const std::string tmp = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(serial++);
  const int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return Error{path + ": cannot be written (" + std::strerror(errno) + ")"};
  const bool written = write_all(fd, text);
  const int why = errno;
  if (close(fd) != 0 || !written) {
    unlink(tmp.c_str());
    return Error{path + ": writing failed (" + std::strerror(why) + ")"};
  }
  // The old file becomes the backup (a rename: if the new one never arrives, the old one is still whole there).
  std::error_code ec;
  if (backup == Backup::Keep && std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec)))
    std::rename(path.c_str(), (path + ".bak").c_str());
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    unlink(tmp.c_str());
    return Error{path + ": cannot be written (" + reason + ")"};
  }
  return Ok{};
}

Result<std::string> read_text_file(const std::string& path, size_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) return Error{path + ": no such file"};
  if (fs::is_directory(status)) return Error{path + ": is a folder, not a file"};
  if (!fs::is_regular_file(status)) return Error{path + ": not a regular file (a pipe or device is not read)"};
  const auto size = fs::file_size(path, ec);
  if (ec) return Error{path + ": cannot be read (" + ec.message() + ")"};
  if (size > max_bytes)
    return Error{path + ": " + std::to_string(size >> 20) + " MiB, more than the " + std::to_string(max_bytes >> 20) +
                 " MiB such a file may have"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot be read (" + std::strerror(errno) + ")"};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{path + ": cannot be read"};
  return text.str();
}

}  // namespace chronoatlas
