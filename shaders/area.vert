#version 330 core
// Filled areas: projected vertices moved by the view; features outside the current date collapse off-screen.
layout(location = 0) in vec2 a_pos;      // projected units
layout(location = 1) in float a_feature; // index into u_styles
layout(location = 2) in vec2 a_time;     // [start, end) in days since the scenario origin

uniform vec2 u_centre;         // projected units at the image centre
uniform vec2 u_clip_per_unit;  // clip-space units per projected unit, x and y
uniform float u_day;           // current date, days since the scenario origin
uniform float u_fade_days;     // >0: fade to a quarter over this many days after the start
uniform sampler2D u_styles;    // 1024 features a row block: fill, stroke, params

out vec4 v_colour;

void main() {
  int i = int(a_feature + 0.5);
  v_colour = texelFetch(u_styles, ivec2(i % 1024, (i / 1024) * 3), 0);
  if (u_fade_days > 0.0) v_colour.a *= mix(1.0, 0.25, clamp((u_day - a_time.x) / u_fade_days, 0.0, 1.0));
  bool live = a_time.x <= u_day && u_day < a_time.y;
  gl_Position = live ? vec4((a_pos - u_centre) * u_clip_per_unit, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
}
