#pragma once
// Where things live on this machine: the user's config and cache folders, the bundled data, the fonts.
#include <memory>
#include <string>

#include "base/disk_cache.h"

namespace chronoatlas::platform {

// Folder for settings: $XDG_CONFIG_HOME/chronoatlas or ~/.config/chronoatlas, created if missing.
std::string config_dir();
// Folder for generated files: $XDG_CACHE_HOME/chronoatlas or ~/.cache/chronoatlas, created if missing.
std::string cache_dir();
// The prepared-data cache: cache_dir()/prepared. Deleting the folder empties it.
std::shared_ptr<const DiskCache> prepared_data_cache();
// PATH with a leading "~" or "~/" replaced by the home folder, as a shell would.
std::string expand_home(const std::string& path);
// PATH made absolute when it names an existing file or folder (so a session restores it from any working folder);
// anything else (a GDAL connection string, a /vsi path, a missing file) unchanged.
std::string absolute_path(const std::string& path);
// Seconds since this process started (as the kernel counts it, so the dynamic loader's time is included).
double seconds_since_process_start();
// True when an X or Wayland display is set.
bool display_available();

// The bundled data (boundaries and scenarios), found relative to the executable so an installed copy runs from any
// folder: $CHRONOATLAS_DATA_DIR if set, else <bin>/../share/chronoatlas (installed), else <bin>/share/chronoatlas
// (the build tree, where CMake links it to geodata/). "" when none exists.
std::string bundled_data_dir();
// The offline gazetteer packed at build time (gazetteer/gazetteer.h): $CHRONOATLAS_GAZETTEER if set, else
// <bin>/../share/chronoatlas-gazetteer.cagz (installed), else <bin>/gazetteer.cagz (the build tree). "" when none.
std::string gazetteer_path();
// The bundled default scenario's folder.
std::string default_scenario_dir();
// The basemap drawn under a map without a story: a scenario folder of context layers.
std::string basemap_dir();
// Noto fonts (Debian's fonts-noto-core): $CHRONOATLAS_FONT_DIR if set, else the system folder.
std::string font_dir();

}  // namespace chronoatlas::platform
