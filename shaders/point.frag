#version 330 core
in vec2 v_px;
flat in float v_radius;
flat in float v_emphasis;
flat in vec4 v_fill;
flat in vec4 v_stroke;
uniform float u_ui_scale;
uniform float u_opacity;
out vec4 o_colour;

// Coverage of a disc of radius R at distance D, antialiased over one pixel.
float disc(float d, float r) { return clamp(r + 0.5 - d, 0.0, 1.0); }

void main() {
  float d = length(v_px);
  float stroke_w = 1.5 * u_ui_scale;
  float fill_cov = disc(d, v_radius - stroke_w);
  float body_cov = disc(d, v_radius);
  vec4 colour = mix(v_stroke, v_fill, fill_cov);
  float alpha = body_cov * colour.a;
  // The highlight ring, a gap away from the symbol.
  float ring_r = v_radius + 3.0 * u_ui_scale;
  float ring = v_emphasis * clamp(1.0 * u_ui_scale + 0.5 - abs(d - ring_r), 0.0, 1.0);
  colour = mix(colour, v_stroke, ring * (1.0 - body_cov));
  alpha = max(alpha, ring * v_stroke.a);
  if (alpha <= 0.0) discard;
  o_colour = vec4(colour.rgb, alpha * u_opacity);
}
