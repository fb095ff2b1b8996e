#include "ui/app.h"

#include <cmath>
#include <cstdio>

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "build_config.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "platform/window_glfw.h"
#include "ui/app_state.h"
#include "ui/fonts.h"

namespace chronoatlas::ui {
namespace {

// With no display the app still shows something: the default view, rendered to a PNG whose path it prints.
int render_instead(const std::string& scenario_dir, const std::vector<std::string>& layers) {
  std::string out = platform::cache_dir() + "/default-view.png";
  std::vector<std::string> args = {"--scenario", scenario_dir, "--out", out, "--overwrite"};
  for (const std::string& l : layers) args.insert(args.end(), {"--layer", l});
  std::fprintf(stderr, "chronoatlas: no display; rendering the default view instead\n");
  int rc = cli::run_render(args);
  if (rc == 0) std::printf("default view written to %s\n", out.c_str());
  return rc;
}

void handle_map_input(AppState& s, const platform::Window& w) {
  ImGuiIO& io = ImGui::GetIO();
  const float ratio = w.pixel_ratio();
  XY mouse{io.MousePos.x * ratio, io.MousePos.y * ratio};
  s.cursor_valid = false;
  if (io.WantCaptureMouse) return;
  LonLat ll;
  if (s.scene->projection().inverse(s.view.to_world(mouse), ll)) s.cursor = ll, s.cursor_valid = true;
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
    s.view.centre.x -= io.MouseDelta.x * ratio * s.view.units_per_px;
    s.view.centre.y += io.MouseDelta.y * ratio * s.view.units_per_px;
  }
  if (io.MouseWheel != 0) s.view.zoom_about(mouse, std::pow(1.25, io.MouseWheel));
}

void handle_keys(AppState& s) {
  if (ImGui::GetIO().WantCaptureKeyboard) return;
  XY centre{s.view.width_px / 2.0, s.view.height_px / 2.0};
  // ImGui 1.86's GLFW backend indexes keys by GLFW key code.
  if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) s.view.zoom_about(centre, 1.5);
  if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
    s.view.zoom_about(centre, 1 / 1.5);
  if (ImGui::IsKeyPressed(GLFW_KEY_R)) {
    s.view = s.scene->default_view(s.view.width_px, s.view.height_px, s.view.ui_scale);
  }
}

void draw_status_bar(AppState& s) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  float h = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos({vp->Pos.x, vp->Pos.y + vp->Size.y - h});
  ImGui::SetNextWindowSize({vp->Size.x, h});
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (s.cursor_valid)
    ImGui::Text("%.4f°%c %.4f°%c", std::fabs(s.cursor.lat), s.cursor.lat < 0 ? 'S' : 'N', std::fabs(s.cursor.lon),
                s.cursor.lon < 0 ? 'W' : 'E');
  else
    ImGui::TextUnformatted("—");
  ImGui::SameLine(260);
  ImGui::Text("%s   |   drag: pan   wheel, +/-: zoom   R: reset view", s.projection_name.c_str());
  ImGui::End();
}

}  // namespace

int run_app(const std::vector<std::string>& args) {
  std::string scenario_dir = cli::default_scenario_dir();
  std::vector<std::string> layers;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--scenario" && i + 1 < args.size()) scenario_dir = args[++i];
    else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "chronoatlas: unknown option %s (see chronoatlas --help)\n", args[i].c_str());
      return 1;
    } else layers.push_back(args[i]);
  }
  if (!platform::display_available()) return render_instead(scenario_dir, layers);

  AppState s;
  auto scenario = story::load_scenario(scenario_dir);
  if (!scenario) return std::fprintf(stderr, "chronoatlas: %s\n", scenario.error().c_str()), 1;
  std::vector<std::string> warnings;
  auto scene = render::MapScene::load(*scenario, warnings);
  if (!scene) return std::fprintf(stderr, "chronoatlas: %s\n", scene.error().c_str()), 1;
  s.scene = std::move(*scene);
  s.day = scenario->initial;
  for (const std::string& w : warnings) s.error(w);

  auto window = platform::Window::create("Chronoatlas — " + scenario->title, platform::config_dir() + "/imgui.ini");
  if (!window) {
    std::fprintf(stderr, "chronoatlas: %s\n", window.error().c_str());
    return render_instead(scenario_dir, layers);
  }
  platform::Window& w = **window;
  load_ui_fonts(CHRONOATLAS_FONT_DIR, std::round(16 * w.content_scale()));
  auto renderer = render::MapRenderer::create(CHRONOATLAS_FONT_DIR);
  if (!renderer) return std::fprintf(stderr, "chronoatlas: %s\n", renderer.error().c_str()), 1;
  s.renderer = std::move(*renderer);
  auto projection = render::scenario_projection(*scenario);
  if (!projection) return std::fprintf(stderr, "chronoatlas: %s\n", projection.error().c_str()), 1;
  s.projection_name = scenario->projection.empty() ? "Lambert conformal conic (fitted)" : scenario->projection;
  s.scene->use_projection(std::move(*projection));
  for (const std::string& path : layers) add_layer_file(s, path);
  s.view = s.scene->default_view(w.framebuffer_width(), w.framebuffer_height(), w.content_scale());
  s.info("Loaded scenario '" + scenario->title + "' from " + scenario->dir);

  while (!w.should_close()) {
    w.begin_frame(0.5);
    for (const std::string& path : w.take_dropped_paths()) add_layer_file(s, path);
    s.view.width_px = w.framebuffer_width();
    s.view.height_px = w.framebuffer_height();
    s.view.ui_scale = w.content_scale();
    handle_map_input(s, w);
    handle_keys(s);
    panel_layers(s);
    panel_view(s);
    panel_messages(s);
    draw_status_bar(s);
    if (s.view.width_px > 0 && s.view.height_px > 0) {
      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      s.renderer->draw(s.scene->frame(s.view, s.day, s.furniture));
    }
    w.end_frame();
  }
  return 0;
}

void switch_projection(AppState& s, geo::Projection projection, const std::string& name) {
  // Keep the centre's place and the ground distance across the screen.
  XY c = s.view.centre, side = s.view.to_world({s.view.width_px / 2.0 + 100, s.view.height_px / 2.0});
  LonLat cll, sll;
  bool known = s.scene->projection().inverse(c, cll) && s.scene->projection().inverse(side, sll);
  double metres = known ? geo::geodesic_distance_m(cll, sll) : 0;
  s.scene->use_projection(std::move(projection));
  s.projection_name = name;
  XY nc;
  if (!known || !s.scene->projection().forward(cll, nc)) {
    s.view = s.scene->default_view(s.view.width_px, s.view.height_px, s.view.ui_scale);
    return;
  }
  s.view.centre = nc;
  // Measure the new projection's ground scale at the centre and match it.
  XY probe = s.view.to_world({s.view.width_px / 2.0 + 100, s.view.height_px / 2.0});
  LonLat pll;
  if (metres > 0 && s.scene->projection().inverse(probe, pll)) {
    double now = geo::geodesic_distance_m(cll, pll);
    if (now > 0) s.view.units_per_px *= metres / now;
  }
}

void add_layer_file(AppState& s, const std::string& path) {
  std::vector<std::string> warnings;
  size_t before = s.scene->layers().size();
  if (auto r = s.scene->add_file(path, warnings); !r) {
    s.error(r.error());
    return;
  }
  s.scene->upload_pending();
  for (const std::string& w : warnings) s.error(w);
  s.info("Added " + std::to_string(s.scene->layers().size() - before) + " layer(s) from " + path);
}

}  // namespace chronoatlas::ui
