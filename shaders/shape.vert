#version 330 core
// Solid shapes of the map furniture (scale bar, legend swatches, panels) in image pixels, y down.
layout(location = 0) in vec2 a_px;
layout(location = 1) in vec4 a_colour;
uniform vec2 u_viewport_px;  // size of the target being drawn (a tile of the image)
uniform vec2 u_origin_px;    // the target's top-left corner within the whole image
out vec4 v_colour;

void main() {
  v_colour = a_colour;
  vec2 p = a_px - u_origin_px;
  gl_Position = vec4(p.x / u_viewport_px.x * 2.0 - 1.0, 1.0 - p.y / u_viewport_px.y * 2.0, 0.0, 1.0);
}
