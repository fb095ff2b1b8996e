#include "base/files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace chronoatlas {

Status write_text_file(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    if (!out) return Error{path + ": cannot be written"};
    out << text;
    if (!out) {
      out.close();
      std::filesystem::remove(tmp);
      return Error{path + ": writing failed"};
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Error{path + ": cannot be written (" + ec.message() + ")"};
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
