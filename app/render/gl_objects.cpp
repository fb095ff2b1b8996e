#include "render/gl_objects.h"

#include <vector>

#include "render/shader_sources.h"

namespace chronoatlas::render {

void delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
void delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
void delete_texture(GLuint id) { glDeleteTextures(1, &id); }
void delete_program(GLuint id) { glDeleteProgram(id); }
void delete_framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void delete_renderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }

GlBuffer make_buffer() {
  GLuint id = 0;
  glGenBuffers(1, &id);
  return GlBuffer(id);
}

GlVertexArray make_vertex_array() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return GlVertexArray(id);
}

GlTexture make_texture() {
  GLuint id = 0;
  glGenTextures(1, &id);
  return GlTexture(id);
}

namespace {

Result<GLuint> compile(GLenum stage, const std::string& file) {
  auto it = shader_sources().find(file);
  if (it == shader_sources().end()) return Error{"shader " + file + ": not embedded"};
  GLuint shader = glCreateShader(stage);
  const char* text = it->second.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    glDeleteShader(shader);
    return Error{"shader shaders/" + file + ": " + log};
  }
  return shader;
}

}  // namespace

Result<GlProgram> build_program(const std::string& vertex_file, const std::string& fragment_file) {
  auto vs = compile(GL_VERTEX_SHADER, vertex_file);
  if (!vs) return Error{vs.error()};
  auto fs = compile(GL_FRAGMENT_SHADER, fragment_file);
  if (!fs) {
    glDeleteShader(*vs);
    return Error{fs.error()};
  }
  GlProgram program(glCreateProgram());
  glAttachShader(program.id(), *vs);
  glAttachShader(program.id(), *fs);
  glLinkProgram(program.id());
  glDeleteShader(*vs);
  glDeleteShader(*fs);
  GLint ok = 0;
  glGetProgramiv(program.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(program.id(), sizeof log, nullptr, log);
    return Error{"linking " + vertex_file + " + " + fragment_file + ": " + log};
  }
  return program;
}

void float_attribute(GLuint location, int components, size_t stride_bytes, size_t offset_bytes, GLuint divisor) {
  glEnableVertexAttribArray(location);
  glVertexAttribPointer(location, components, GL_FLOAT, GL_FALSE, static_cast<GLsizei>(stride_bytes),
                        reinterpret_cast<const void*>(offset_bytes));
  glVertexAttribDivisor(location, divisor);
}

}  // namespace chronoatlas::render
