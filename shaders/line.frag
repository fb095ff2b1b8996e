#version 330 core
in vec2 v_local;
flat in float v_length;
in vec4 v_colour;
uniform float u_width_px;
uniform float u_opacity;
out vec4 o_colour;

void main() {
  float beyond = max(max(-v_local.x, v_local.x - v_length), 0.0);
  float dist = length(vec2(beyond, v_local.y));
  float coverage = clamp(0.5 * u_width_px + 0.5 - dist, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  o_colour = vec4(v_colour.rgb, v_colour.a * coverage * u_opacity);
}
