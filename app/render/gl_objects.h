#pragma once
// Owning wrappers for GL names. They need a current context when created and destroyed.
#include <string>
#include <utility>

#include <glad/gl.h>

#include "base/result.h"

namespace chronoatlas::render {

template <void (*Delete)(GLuint)>
class GlName {
 public:
  GlName() = default;
  explicit GlName(GLuint id) : id_(id) {}
  GlName(GlName&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  GlName& operator=(GlName&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, 0);
    }
    return *this;
  }
  ~GlName() { reset(); }
  GLuint id() const { return id_; }
  void reset() {
    if (id_) Delete(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;
};

void delete_buffer(GLuint id);
void delete_vertex_array(GLuint id);
void delete_texture(GLuint id);
void delete_program(GLuint id);
void delete_framebuffer(GLuint id);
void delete_renderbuffer(GLuint id);

using GlBuffer = GlName<delete_buffer>;
using GlVertexArray = GlName<delete_vertex_array>;
using GlTexture = GlName<delete_texture>;
using GlProgram = GlName<delete_program>;
using GlFramebuffer = GlName<delete_framebuffer>;
using GlRenderbuffer = GlName<delete_renderbuffer>;

GlBuffer make_buffer();
GlVertexArray make_vertex_array();
GlTexture make_texture();

// Compiles and links the named files of shaders/ (embedded at build time).
Result<GlProgram> build_program(const std::string& vertex_file, const std::string& fragment_file);

// Float vertex attribute LOCATION reading COMPONENTS floats at OFFSET in the bound ARRAY_BUFFER; DIVISOR 1 = per instance.
void float_attribute(GLuint location, int components, size_t stride_bytes, size_t offset_bytes, GLuint divisor = 0);

}  // namespace chronoatlas::render
