#include "ui/message_log.h"

#include <cstdio>

namespace chronoatlas::ui {

void MessageLog::post(const std::string& text, bool error, double now_s) {
  std::fprintf(stderr, "chronoatlas: %s\n", text.c_str());
  messages_.push_back({text, error, now_s});
  if (messages_.size() > 200) messages_.pop_front();
  added_ = true;
}

}  // namespace chronoatlas::ui
