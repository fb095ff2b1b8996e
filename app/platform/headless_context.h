#pragma once
// A GL 3.3 core context with no window and no X server: EGL on Mesa's surfaceless platform, then any EGL device,
// then the default EGL display.
#include <memory>
#include <string>

#include "base/result.h"

namespace chronoatlas::platform {

class HeadlessContext {
 public:
  static Result<std::unique_ptr<HeadlessContext>> create();
  ~HeadlessContext();
  const std::string& description() const { return description_; }

 private:
  HeadlessContext() = default;
  void* display_ = nullptr;
  void* context_ = nullptr;
  std::string description_;
};

}  // namespace chronoatlas::platform
