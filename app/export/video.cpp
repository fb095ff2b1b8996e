#include "export/video.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace chronoatlas::exporting {
namespace {

namespace fs = std::filesystem;

// Runs ARGV (argv[0] a path) and waits: the exit status, or -1 when it could not start or did not exit.
int run_program(const std::vector<std::string>& argv) {
  std::vector<char*> raw;
  for (const std::string& a : argv) raw.push_back(const_cast<char*>(a.c_str()));
  raw.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, raw[0], nullptr, nullptr, raw.data(), environ) != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> ffmpeg_args(const std::string& ffmpeg, const std::string& frames_pattern, int fps,
                                     bool gif, const std::string& out) {
  std::vector<std::string> a = {ffmpeg, "-loglevel", "error", "-y", "-framerate", std::to_string(fps),
                                "-start_number", "1", "-i", frames_pattern};
  if (gif) a.insert(a.end(), {"-vf", "split[a][b];[a]palettegen[p];[b][p]paletteuse", "-f", "gif"});
  else a.insert(a.end(), {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-f", "mp4"});
  a.push_back(out);
  return a;
}

}  // namespace

std::string find_ffmpeg() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    fs::path candidate = fs::path(dir) / "ffmpeg";
    std::error_code ec;
    if (fs::exists(candidate, ec)) return candidate.string();
  }
  return "";
}

Status encode_video(const std::string& out_file, size_t frames, int fps, const std::string& video) {
  std::string ffmpeg = find_ffmpeg();
  if (ffmpeg.empty())
    return Error{video + ": ffmpeg is not installed (apt-get install ffmpeg); the PNG frames were written"};
  if (frames == 0) return Error{video + ": no frames to encode"};
  fs::path v(video);
  std::string ext = v.extension().string();
  if (ext != ".mp4" && ext != ".gif") return Error{video + ": the video name must end in .mp4 or .gif"};
  fs::path p(out_file);
  // ffmpeg reads the pattern itself: a literal '%' in the folder or name must be doubled.
  std::string pattern;
  for (char c : (p.parent_path() / p.stem()).string()) pattern += c == '%' ? std::string("%%") : std::string(1, c);
  pattern += "-%04d" + p.extension().string();
  std::string tmp = (v.parent_path() / (".tmp-" + v.filename().string())).string();
  int rc = run_program(ffmpeg_args(ffmpeg, pattern, fps, ext == ".gif", tmp));
  std::error_code ec;
  if (rc != 0) {
    fs::remove(tmp, ec);
    return Error{video + ": ffmpeg failed (exit " + std::to_string(rc) + ")"};
  }
  fs::rename(tmp, video, ec);
  if (ec) return Error{video + ": cannot be written (" + ec.message() + ")"};
  return Ok{};
}

}  // namespace chronoatlas::exporting
