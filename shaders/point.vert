#version 330 core
// Point symbols: a screen-aligned quad per point, sized in pixels from the feature's style.
layout(location = 0) in vec2 a_corner;  // -1..1
layout(location = 1) in vec2 a_pos;     // projected units
layout(location = 2) in float a_feature;
layout(location = 3) in vec2 a_time;

uniform vec2 u_centre;
uniform vec2 u_clip_per_unit;
uniform vec2 u_viewport_px;
uniform float u_ui_scale;
uniform float u_day;
uniform float u_fade_days;  // >0: fade to a quarter over this many days after the start
uniform sampler2D u_styles;

out vec2 v_px;           // pixels from the symbol centre
flat out float v_radius; // pixels
flat out float v_emphasis;
flat out vec4 v_fill;
flat out vec4 v_stroke;

void main() {
  int i = int(a_feature + 0.5);
  int row = (i / 1024) * 3;
  v_fill = texelFetch(u_styles, ivec2(i % 1024, row), 0);
  v_stroke = texelFetch(u_styles, ivec2(i % 1024, row + 1), 0);
  vec4 params = texelFetch(u_styles, ivec2(i % 1024, row + 2), 0);
  if (u_fade_days > 0.0) {
    float strength = mix(1.0, 0.25, clamp((u_day - a_time.x) / u_fade_days, 0.0, 1.0));
    v_fill.a *= strength;
    v_stroke.a *= strength;
  }
  v_radius = params.x * u_ui_scale;
  v_emphasis = params.y;
  float extent = v_radius + (2.0 + 4.0 * v_emphasis) * u_ui_scale + 1.0;
  v_px = a_corner * extent;
  vec2 centre = (a_pos - u_centre) * u_clip_per_unit;
  bool live = a_time.x <= u_day && u_day < a_time.y && v_radius > 0.0;
  gl_Position = live ? vec4(centre + v_px * 2.0 / u_viewport_px, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
}
