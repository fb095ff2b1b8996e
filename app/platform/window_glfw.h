#pragma once
// The desktop window: GLFW + an OpenGL 3.3 core context + Dear ImGui's GLFW/OpenGL3 backends. A thin shim.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"

struct GLFWwindow;

namespace chronoatlas::platform {

class Window {
 public:
  // Fails when there is no display (or no GL 3.3); the caller then renders headless.
  static Result<std::unique_ptr<Window>> create(const std::string& title, const std::string& imgui_ini_path);
  ~Window();

  bool should_close() const;
  // Ends the event loop as the window's close button does (Ctrl+Q).
  void request_close();
  // Takes the window off the screen at once (on quit, before what may still take time).
  void hide();
  // Replaces ImGui's fonts between frames: clears them, calls ADD_FONTS, and re-uploads the atlas.
  void replace_fonts(const std::function<void()>& add_fonts);
  // Waits for input up to TIMEOUT seconds (0: no wait; negative: until input arrives), then starts an ImGui frame;
  // true when it waited and input woke it.
  bool begin_frame(double timeout_s);
  // Renders ImGui over the map and swaps.
  void end_frame();
  int framebuffer_width() const;
  int framebuffer_height() const;
  float content_scale() const;   // HiDPI factor
  // Framebuffer pixels per window coordinate (ImGui's mouse positions are window coordinates).
  float pixel_ratio() const;
  // Paths dropped on the window since the last call.
  std::vector<std::string> take_dropped_paths();

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
  std::string ini_path_;
};

}  // namespace chronoatlas::platform
