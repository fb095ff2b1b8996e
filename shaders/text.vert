#version 330 core
// Glyph quads in image pixels (origin top-left, y down).
layout(location = 0) in vec2 a_px;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_colour;
layout(location = 3) in vec4 a_halo;
uniform vec2 u_viewport_px;  // size of the target being drawn (a tile of the image)
uniform vec2 u_origin_px;    // the target's top-left corner within the whole image
out vec2 v_uv;
out vec4 v_colour;
out vec4 v_halo;

void main() {
  v_uv = a_uv;
  v_colour = a_colour;
  v_halo = a_halo;
  vec2 p = a_px - u_origin_px;
  gl_Position = vec4(p.x / u_viewport_px.x * 2.0 - 1.0, 1.0 - p.y / u_viewport_px.y * 2.0, 0.0, 1.0);
}
