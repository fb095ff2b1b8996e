#pragma once
// Frame sequences and their encoding to video with ffmpeg, when it is installed.
#include <string>
#include <vector>

#include "base/result.h"
#include "story/time.h"

namespace chronoatlas::exporting {

// START:END:STEP with dates and a step in days; END is included when the steps land on it.
Result<std::vector<story::Days>> parse_frame_range(const std::string& text);
// OUT.png -> OUT-0001.png (1-based, four digits).
std::string frame_path(const std::string& out_png, size_t index);
// ffmpeg's path on PATH, or "" when it is not installed.
std::string find_ffmpeg();
// Encodes the numbered frames of OUT_PNG into VIDEO (.mp4 or .gif) at FPS, atomically.
Status encode_video(const std::string& out_png, size_t frames, int fps, const std::string& video);

}  // namespace chronoatlas::exporting
