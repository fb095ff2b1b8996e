#version 330 core
in vec2 v_local;
flat in float v_length;
flat in float v_width;
flat in float v_start_px;
flat in float v_flow;
in vec4 v_colour;
uniform float u_opacity;
uniform float u_seconds;   // wall-clock time, for the moving stream
uniform float u_ui_scale;
out vec4 o_colour;

void main() {
  float beyond = max(max(-v_local.x, v_local.x - v_length), 0.0);
  float dist = length(vec2(beyond, v_local.y));
  float coverage = clamp(0.5 * v_width + 0.5 - dist, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  vec4 colour = v_colour;
  if (v_flow > 0.5) {
    // Chevrons pointing along the line, moving from its start to its end.
    float period = 28.0 * u_ui_scale;
    float along = v_start_px + v_local.x - abs(v_local.y) * 0.8 - u_seconds * 40.0 * u_ui_scale;
    float band = fract(along / period);
    float lit = smoothstep(0.0, 0.08, band) * (1.0 - smoothstep(0.35, 0.45, band));
    colour.rgb = mix(colour.rgb, vec3(1.0), 0.45 * lit);
  }
  o_colour = vec4(colour.rgb, colour.a * coverage * u_opacity);
}
