#version 330 core
// Copies the cached static layers pixel for pixel, shifted by a whole-pixel offset.
uniform sampler2D u_image;
uniform ivec2 u_target_origin_px;  // the target's lower-left corner in the framebuffer
uniform ivec2 u_offset_px;         // where the target's lower-left pixel lies in the image
out vec4 o_colour;

void main() {
  o_colour = texelFetch(u_image, ivec2(gl_FragCoord.xy) - u_target_origin_px + u_offset_px, 0);
}
