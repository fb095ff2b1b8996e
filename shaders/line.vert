#version 330 core
// Lines of constant screen width: each segment is an instance, widened to a quad in pixel space with round caps,
// so joins close up and the fragment shader can antialias by distance to the segment.
layout(location = 0) in vec2 a_corner;   // x: 0 at p0, 1 at p1; y: -1 or +1 across
layout(location = 1) in vec4 a_segment;  // p0.xy, p1.xy in projected units
layout(location = 2) in float a_feature;
layout(location = 3) in vec2 a_time;
layout(location = 4) in float a_along;   // projected units from the line's start to p0

uniform vec2 u_centre;
uniform vec2 u_clip_per_unit;
uniform vec2 u_viewport_px;
uniform float u_width_px;    // full line width in image pixels, unless the feature's style sets one
uniform float u_ui_scale;
uniform float u_day;
uniform float u_fade_days;   // >0: fade to a quarter over this many days after the start
uniform sampler2D u_styles;

out vec2 v_local;            // pixels: x along the segment from p0, y across
flat out float v_length;     // segment length in pixels
flat out float v_width;      // pixels
flat out float v_start_px;   // pixels along the whole line to p0
flat out float v_flow;       // 1: animated stream
out vec4 v_colour;

void main() {
  int i = int(a_feature + 0.5);
  v_colour = texelFetch(u_styles, ivec2(i % 1024, (i / 1024) * 3 + 1), 0);
  if (u_fade_days > 0.0) v_colour.a *= mix(1.0, 0.25, clamp((u_day - a_time.x) / u_fade_days, 0.0, 1.0));
  vec4 params = texelFetch(u_styles, ivec2(i % 1024, (i / 1024) * 3 + 2), 0);
  v_width = params.z > 0.0 ? params.z * u_ui_scale : u_width_px;
  v_flow = params.w;
  vec2 half_vp = 0.5 * u_viewport_px;
  vec2 s0 = (a_segment.xy - u_centre) * u_clip_per_unit * half_vp;
  vec2 s1 = (a_segment.zw - u_centre) * u_clip_per_unit * half_vp;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float r = 0.5 * v_width + 1.0;  // one extra pixel for the antialiased edge
  float along = a_corner.x < 0.5 ? -r : len + r;
  vec2 s = s0 + dir * along + normal * a_corner.y * r;
  v_local = vec2(along, a_corner.y * r);
  v_length = len;
  v_start_px = a_along * u_clip_per_unit.x * half_vp.x;
  bool live = a_time.x <= u_day && u_day < a_time.y && v_width > 0.0;
  gl_Position = live ? vec4(s / half_vp, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
}
