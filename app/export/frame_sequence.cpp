#include "export/frame_sequence.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "base/numbers.h"

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
  const std::optional<double> step_read = parse_number(std::string_view(text).substr(b + 1));
  if (!step_read || !(*step_read > 0)) return bad("the step must be a positive number of days");
  const double step = *step_read;
  if (*end < *start) return bad("END is before START");
  // Counted before anything is allocated: a tiny step would otherwise ask for billions of frames.
  const double count = std::floor((*end - *start) / step + 1e-9) + 1;
  if (!(count <= static_cast<double>(kMaxFrames)))
    return bad("that makes more than " + std::to_string(kMaxFrames) + " frames; use a larger step");
  std::vector<story::Days> days;
  for (size_t i = 0; i < static_cast<size_t>(count); ++i) days.push_back(*start + step * static_cast<double>(i));
  return days;
}

std::string frame_path(const std::string& out_file, size_t index) {
  fs::path p(out_file);
  char num[16];
  std::snprintf(num, sizeof num, "-%04zu", index);
  return (p.parent_path() / (p.stem().string() + num + p.extension().string())).string();
}

Result<FrameSequence> FrameSequence::create(const std::string& range, const std::string& out_file) {
  auto days = parse_frame_range(range);
  if (!days) return Error{days.error()};
  FrameSequence seq;
  seq.days_ = std::move(*days);
  seq.out_png_ = out_file;
  return seq;
}

std::vector<std::string> FrameSequence::outputs(bool geotiff) const {
  std::vector<std::string> out;
  for (size_t i = 0; i < size(); ++i)
    for (std::string& f : output_files(path(i), geotiff)) out.push_back(std::move(f));
  return out;
}

Status FrameSequence::write_next(render::MapScene& scene, render::MapRenderer& renderer, RenderJob job) {
  if (finished()) return Ok{};
  job.day = days_[next_];
  job.out_file = path(next_);
  if (auto s = render_to_files(scene, renderer, job); !s) return s;
  ++next_;
  return Ok{};
}

}  // namespace chronoatlas::exporting
