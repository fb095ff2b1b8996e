#include "export/frame_sequence.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace chronoatlas::exporting {

namespace fs = std::filesystem;

Result<std::vector<story::Days>> parse_frame_range(const std::string& text) {
  auto bad = [&](const std::string& why) {
    return Error{"--frames '" + text + "': " + why + " (expected START:END:STEP, e.g. 2023-09-24:2023-10-03:1)"};
  };
  size_t a = text.find(':'), b = a == std::string::npos ? a : text.find(':', a + 1);
  if (b == std::string::npos) return bad("three parts needed");
  auto start = story::parse_moment(text.substr(0, a));
  auto end = story::parse_moment(text.substr(a + 1, b - a - 1));
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

Result<FrameSequence> FrameSequence::create(const std::string& range, const std::string& out_png, bool overwrite) {
  auto days = parse_frame_range(range);
  if (!days) return Error{days.error()};
  FrameSequence seq;
  seq.days_ = std::move(*days);
  seq.out_png_ = out_png;
  if (!overwrite)
    for (size_t i = 0; i < seq.days_.size(); ++i)
      if (std::error_code ec; fs::exists(seq.path(i), ec))
        return Error{seq.path(i) + " already exists (use --overwrite to replace the frames)"};
  return seq;
}

Status FrameSequence::write_next(render::MapScene& scene, render::MapRenderer& renderer, RenderJob job) {
  if (finished()) return Ok{};
  job.day = days_[next_];
  job.out_png = path(next_);
  if (auto s = render_to_files(scene, renderer, job); !s) return s;
  ++next_;
  return Ok{};
}

}  // namespace chronoatlas::exporting
