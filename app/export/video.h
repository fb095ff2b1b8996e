#pragma once
// Encoding a frame sequence to video with ffmpeg, when it is installed.
#include <string>

#include "base/result.h"

namespace chronoatlas::exporting {

// ffmpeg's path on PATH, or "" when it is not installed.
std::string find_ffmpeg();
// Encodes the numbered frames of OUT_PNG (OUT-0001.png, ...) into VIDEO (.mp4 or .gif) at FPS, atomically. ffmpeg
// is started with an argument vector, never through a shell, so any character in a path is safe.
Status encode_video(const std::string& out_file, size_t frames, int fps, const std::string& video);

}  // namespace chronoatlas::exporting
