#version 330 core
// Glyph coverage (red) and its halo, the coverage dilated on the CPU when the glyph was packed (green).
in vec2 v_uv;
in vec4 v_colour;
in vec4 v_halo;
uniform sampler2D u_atlas;
out vec4 o_colour;

void main() {
  vec2 texel = texture(u_atlas, v_uv).rg;
  float ink = texel.r * v_colour.a;
  float halo = texel.g * v_halo.a;
  float alpha = ink + (1.0 - ink) * halo;
  if (alpha <= 0.0) discard;
  vec3 rgb = (v_colour.rgb * ink + v_halo.rgb * (1.0 - ink) * halo) / alpha;
  o_colour = vec4(rgb, alpha);
}
