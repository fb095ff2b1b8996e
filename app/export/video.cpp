#include "export/video.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <sys/wait.h>

namespace chronoatlas::exporting {

namespace fs = std::filesystem;

Result<std::vector<story::Days>> parse_frame_range(const std::string& text) {
  auto bad = [&](const std::string& why) { return Error{"--frames '" + text + "': " + why + " (expected START:END:STEP, e.g. 2023-09-24:2023-10-03:1)"}; };
  size_t a = text.find(':'), b = a == std::string::npos ? a : text.find(':', a + 1);
  if (b == std::string::npos) return bad("three parts needed");
  auto start = story::parse_iso_date(text.substr(0, a));
  auto end = story::parse_iso_date(text.substr(a + 1, b - a - 1));
  if (!start) return bad(start.error());
  if (!end) return bad(end.error());
  char* rest = nullptr;
  double step = std::strtod(text.c_str() + b + 1, &rest);
  if (!rest || *rest || !(step > 0)) return bad("the step must be a positive number of days");
  if (*end < *start) return bad("END is before START");
  std::vector<story::Days> days;
  for (story::Days d = *start; d <= *end + 1e-9; d += step) days.push_back(d);
  if (days.size() > 100000) return bad("more than 100,000 frames");
  return days;
}

std::string frame_path(const std::string& out_png, size_t index) {
  fs::path p(out_png);
  char num[16];
  std::snprintf(num, sizeof num, "-%04zu", index);
  return (p.parent_path() / (p.stem().string() + num + p.extension().string())).string();
}

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

Status encode_video(const std::string& out_png, size_t frames, int fps, const std::string& video) {
  std::string ffmpeg = find_ffmpeg();
  if (ffmpeg.empty())
    return Error{video + ": ffmpeg is not installed (apt-get install ffmpeg); the PNG frames were written"};
  if (frames == 0) return Error{video + ": no frames to encode"};
  fs::path v(video);
  std::string ext = v.extension().string();
  if (ext != ".mp4" && ext != ".gif") return Error{video + ": the video name must end in .mp4 or .gif"};
  fs::path p(out_png);
  std::string pattern = (p.parent_path() / (p.stem().string() + "-%04d" + p.extension().string())).string();
  std::string tmp = (v.parent_path() / (".tmp-" + v.filename().string())).string();
  std::string filters = ext == ".gif" ? "-vf \"split[a][b];[a]palettegen[p];[b][p]paletteuse\""
                                      : "-vf \"pad=ceil(iw/2)*2:ceil(ih/2)*2\" -pix_fmt yuv420p -c:v libx264";
  std::string cmd = "'" + ffmpeg + "' -loglevel error -y -framerate " + std::to_string(fps) + " -start_number 1 -i '" +
                    pattern + "' " + filters + " -f " + (ext == ".gif" ? "gif" : "mp4") + " '" + tmp + "'";
  int status = std::system(cmd.c_str());
  std::error_code ec;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fs::remove(tmp, ec);
    return Error{video + ": ffmpeg failed (exit " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")"};
  }
  fs::rename(tmp, video, ec);
  if (ec) return Error{video + ": cannot be written (" + ec.message() + ")"};
  return Ok{};
}

}  // namespace chronoatlas::exporting
