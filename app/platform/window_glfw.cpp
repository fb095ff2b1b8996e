#include "platform/window_glfw.h"

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

namespace chronoatlas::platform {
namespace {

std::vector<std::string> g_dropped;

void on_drop(GLFWwindow*, int count, const char** paths) {
  for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
}

}  // namespace

Result<std::unique_ptr<Window>> Window::create(const std::string& title, const std::string& ini_path) {
  if (!glfwInit()) return Error{"GLFW could not start (no display?)"};
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  std::unique_ptr<Window> w(new Window());
  // Most of the screen: the map wants room.
  int width = 1600, height = 950;
  if (GLFWmonitor* m = glfwGetPrimaryMonitor())
    if (const GLFWvidmode* mode = glfwGetVideoMode(m)) width = mode->width * 9 / 10, height = mode->height * 9 / 10;
  w->window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!w->window_) {
    glfwTerminate();
    return Error{"could not open a window with OpenGL 3.3"};
  }
  glfwMakeContextCurrent(w->window_);
  glfwSwapInterval(1);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) return Error{"could not load OpenGL"};
  glfwSetDropCallback(w->window_, on_drop);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  w->ini_path_ = ini_path;
  ImGui::GetIO().IniFilename = w->ini_path_.c_str();
  ImGui_ImplGlfw_InitForOpenGL(w->window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  return w;
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }

void Window::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void Window::hide() {
  glfwHideWindow(window_);
  glfwPollEvents();  // so the window manager sees it go now, not when the process ends
}

void Window::replace_fonts(const std::function<void()>& add_fonts) {
  ImGui::GetIO().Fonts->Clear();
  add_fonts();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

bool Window::begin_frame(double timeout_s) {
  const double before = glfwGetTime();
  bool woken = true;
  if (timeout_s > 0) {
    glfwWaitEventsTimeout(timeout_s);
    woken = glfwGetTime() - before < timeout_s * 0.95;  // back before the timeout: input came
  } else if (timeout_s == 0) {
    glfwPollEvents();
    woken = false;
  } else {
    glfwWaitEvents();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  return woken;
}

void Window::end_frame() {
  ImGui::Render();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, framebuffer_width(), framebuffer_height());
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window_);
}

int Window::framebuffer_width() const {
  int w, h;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

int Window::framebuffer_height() const {
  int w, h;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

float Window::content_scale() const {
  float x = 1, y = 1;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0 ? x : 1;
}

float Window::pixel_ratio() const {
  int ww, wh;
  glfwGetWindowSize(window_, &ww, &wh);
  return ww > 0 ? static_cast<float>(framebuffer_width()) / ww : 1;
}

std::vector<std::string> Window::take_dropped_paths() { return std::exchange(g_dropped, {}); }

}  // namespace chronoatlas::platform
