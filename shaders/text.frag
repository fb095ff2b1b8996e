#version 330 core
// Glyph coverage (red) and its halo, the coverage dilated on the CPU when the glyph was packed (green). Drawn in two
// passes over the same quads, halos first, so no glyph's halo covers the ink of the glyph beside it.
in vec2 v_uv;
in vec4 v_colour;
in vec4 v_halo;
uniform sampler2D u_atlas;
uniform int u_pass;  // 0: halos, 1: ink
out vec4 o_colour;

void main() {
  vec2 texel = texture(u_atlas, v_uv).rg;
  float alpha = u_pass == 0 ? texel.g * v_halo.a : texel.r * v_colour.a;
  if (alpha <= 0.0) discard;
  o_colour = vec4(u_pass == 0 ? v_halo.rgb : v_colour.rgb, alpha);
}
