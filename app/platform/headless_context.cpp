#include "platform/headless_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <glad/gl.h>

namespace chronoatlas::platform {
namespace {

EGLDisplay open_display(std::string& how) {
  auto get_platform_display =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (get_platform_display) {
    EGLDisplay d = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) {
      how = "EGL surfaceless";
      return d;
    }
    auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    if (query_devices && query_devices(8, devices, &count)) {
      for (EGLint i = 0; i < count; ++i) {
        d = get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
        if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) {
          how = "EGL device " + std::to_string(i);
          return d;
        }
      }
    }
  }
  EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) {
    how = "EGL default display";
    return d;
  }
  return EGL_NO_DISPLAY;
}

}  // namespace

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
  std::unique_ptr<HeadlessContext> c(new HeadlessContext());
  EGLDisplay display = open_display(c->description_);
  if (display == EGL_NO_DISPLAY)
    return Error{"no headless OpenGL: EGL found no display (install Debian's libegl-mesa0 and libgl1-mesa-dri)"};
  c->display_ = display;
  if (!eglBindAPI(EGL_OPENGL_API)) return Error{"EGL cannot bind the desktop OpenGL API"};
  const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config;
  EGLint n = 0;
  eglChooseConfig(display, config_attribs, &config, 1, &n);
  const EGLint ctx_attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  EGLContext ctx = eglCreateContext(display, n > 0 ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, ctx_attribs);
  if (ctx == EGL_NO_CONTEXT) return Error{"EGL could not create an OpenGL 3.3 core context"};
  c->context_ = ctx;
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
    return Error{"EGL could not make the context current without a surface"};
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress)))
    return Error{"could not load OpenGL functions through EGL"};
  c->description_ += std::string(", ") + reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return c;
}

HeadlessContext::~HeadlessContext() {
  if (display_) {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context_) eglDestroyContext(display_, context_);
    eglTerminate(display_);
  }
}

}  // namespace chronoatlas::platform
