#version 330 core
// Glyph coverage from the atlas; the halo is the coverage spread over a small ring of samples.
in vec2 v_uv;
in vec4 v_colour;
in vec4 v_halo;
uniform sampler2D u_atlas;
uniform float u_halo_px;  // halo radius in atlas texels
out vec4 o_colour;

void main() {
  vec2 texel = 1.0 / vec2(textureSize(u_atlas, 0));
  float ink = texture(u_atlas, v_uv).r;
  float halo = ink;
  for (int k = 0; k < 12; ++k) {
    float a = 6.2831853 * float(k) / 12.0;
    halo = max(halo, texture(u_atlas, v_uv + vec2(cos(a), sin(a)) * u_halo_px * texel).r);
  }
  halo *= v_halo.a;
  float alpha = ink * v_colour.a + (1.0 - ink * v_colour.a) * halo;
  if (alpha <= 0.0) discard;
  vec3 rgb = (v_colour.rgb * ink * v_colour.a + v_halo.rgb * (1.0 - ink * v_colour.a) * halo) / alpha;
  o_colour = vec4(rgb, alpha);
}
