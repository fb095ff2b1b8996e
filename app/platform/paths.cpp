#include "platform/paths.h"

#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/numbers.h"

namespace chronoatlas::platform {
namespace {

namespace fs = std::filesystem;

std::string xdg_dir(const char* var, const char* fallback) {
  const char* base = std::getenv(var);
  fs::path dir;
  if (base && *base) dir = base;
  else dir = fs::path(std::getenv("HOME") ? std::getenv("HOME") : "/tmp") / fallback;
  dir /= "chronoatlas";
  std::error_code ec;
  fs::create_directories(dir, ec);
  return dir.string();
}

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path(ec) : exe.parent_path();
}

}  // namespace

std::string expand_home(const std::string& path) {
  const char* home = std::getenv("HOME");
  if (!home || path.empty() || path[0] != '~' || (path.size() > 1 && path[1] != '/')) return path;
  return home + path.substr(1);
}

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return path;
  fs::path abs = fs::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

std::string config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }
std::string cache_dir() { return xdg_dir("XDG_CACHE_HOME", ".cache"); }

std::shared_ptr<const DiskCache> prepared_data_cache() { return std::make_shared<DiskCache>(cache_dir() + "/prepared"); }

double seconds_since_process_start() {
  std::ifstream in("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  // Field 22 (starttime, in clock ticks after boot) counts from after the command name, which may hold spaces.
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i) {}
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  return now.tv_sec + now.tv_nsec * 1e-9 - parse_number(field).value_or(0) / sysconf(_SC_CLK_TCK);
}

bool display_available() {
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  return (x && *x) || (w && *w);
}

std::string bundled_data_dir() {
  if (const char* env = std::getenv("CHRONOATLAS_DATA_DIR"); env && *env) return env;
  const fs::path bin = executable_dir();
  std::error_code ec;
  for (const fs::path& candidate : {bin / ".." / "share" / "chronoatlas", bin / "share" / "chronoatlas"})
    if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  return "";
}

std::string gazetteer_path() {
  if (const char* env = std::getenv("CHRONOATLAS_GAZETTEER"); env && *env) return env;
  const fs::path bin = executable_dir();
  std::error_code ec;
  for (const fs::path& candidate : {bin / ".." / "share" / "chronoatlas-gazetteer.cagz", bin / "gazetteer.cagz"})
    if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  return "";
}

std::string default_scenario_dir() { return bundled_data_dir() + "/karabakh-2023"; }

std::string basemap_dir() { return bundled_data_dir() + "/basemap"; }

std::string font_dir() {
  if (const char* env = std::getenv("CHRONOATLAS_FONT_DIR"); env && *env) return env;
  return "/usr/share/fonts/truetype/noto";
}

}  // namespace chronoatlas::platform
