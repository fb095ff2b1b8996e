#pragma once
// A run of frames, one image per date, written to numbered files. The CLI loops over it; the app advances it one
// frame per UI frame, so its progress bar moves and Cancel works.
#include <string>
#include <vector>

#include "base/result.h"
#include "export/render_job.h"
#include "story/time.h"

namespace chronoatlas::exporting {

// START:END:STEP with dates and a step in days; END is included when the steps land on it. At most kMaxFrames.
inline constexpr size_t kMaxFrames = 100000;
Result<std::vector<story::Days>> parse_frame_range(const std::string& text);
// OUT.png -> OUT-0001.png (1-based, four digits).
std::string frame_path(const std::string& out_file, size_t index);

class FrameSequence {
 public:
  // Frames for RANGE (START:END:STEP) named after OUT_PNG. Fails on a bad range; the caller checks outputs() (every
  // file of the run) before anything is drawn.
  static Result<FrameSequence> create(const std::string& range, const std::string& out_file);
  // Every file the run writes: each frame's PNG and sidecars (and GeoTIFF with GEOTIFF).
  std::vector<std::string> outputs(bool geotiff) const;

  size_t size() const { return days_.size(); }
  size_t written() const { return next_; }
  bool finished() const { return next_ >= days_.size(); }
  const std::vector<story::Days>& days() const { return days_; }
  const std::string& pattern() const { return out_png_; }
  std::string path(size_t index) const { return frame_path(out_png_, index + 1); }

  // Draws and writes the next frame with TEMPLATE's view, furniture and options (its date and path are the frame's).
  Status write_next(render::MapScene& scene, render::MapRenderer& renderer, RenderJob job_template);

 private:
  std::vector<story::Days> days_;
  std::string out_png_;
  size_t next_ = 0;
};

}  // namespace chronoatlas::exporting
