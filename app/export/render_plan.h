#pragma once
// From a request (the render command's options, the app's no-display fallback, a render test) to a scene, a job
// and its frames; then to files. The one render path outside the app's window.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "export/frame_sequence.h"
#include "export/render_job.h"
#include "export/view_file.h"

namespace chronoatlas::exporting {

// --crs fit: a conic fitted to the area shown, instead of the story's projection.
inline constexpr const char* kFitCrs = "fit";

struct RenderRequest {
  std::string scenario;                        // folder; "": the saved view's, else the bundled default
  std::string view_file;                       // a saved view to redraw
  std::vector<std::string> layers;             // vector files added on top
  std::string crs;                             // "": the scenario's (or the saved view's)
  std::optional<BoundsLonLat> bbox;            // degrees; the image shows at least this
  std::optional<std::pair<int, int>> size;     // pixels; default 1920x1080 or the saved view's
  std::optional<float> scale;                  // lines, symbols and text
  std::string date;                            // YYYY-MM-DD; "": the scenario's initial date
  std::string frames;                          // START:END:STEP; "": one image
  std::string video;                           // with frames: .mp4 or .gif
  int fps = 8;
  int dpi = 0;                                 // print resolution stated in the files; 0: none
  std::string preset;                          // a figure preset's id: size, scale and dpi unless given
  std::string out;                             // FILE.png
  bool overwrite = false, geotiff = false;
  std::optional<bool> furniture;               // all furniture on or off; unset: the defaults or the saved view's
  bool no_graticule = false, no_caption = false, transparent = false;
  bool no_basemap = false;
  bool no_inset = false;
  bool allow_connections = false;             // the story's and the view file's database connections may be opened
  bool outline_complex = false;                // SVG: complex scripts as glyph outlines                       // no locator inset, however small the area                     // --scenario none: no countries under the layers
  std::string title;                           // "": the scenario's
};

struct RenderPlan {
  std::unique_ptr<document::StoryDocument> document;  // the story drawn; the scene observes its atlas
  std::unique_ptr<render::MapScene> scene;
  RenderJob job;                               // the single image, or the template of every frame
  std::optional<FrameSequence> frames;
  std::vector<std::string> notes;              // what database layers fetched for the image
};

// Loads the scenario, layers and projection and sets view and furniture from REQUEST (and its saved view). No GL:
// geometry is uploaded when the first image is drawn. Warnings name skipped features and layers.
Result<RenderPlan> prepare_render(const RenderRequest& request, std::vector<std::string>& warnings);

// The whole render: a headless GL context, the plan, the image or frames (and video). SAY receives warnings and a
// line for each file written.
Status run_render(const RenderRequest& request, const std::function<void(const std::string&)>& say);

}  // namespace chronoatlas::exporting
