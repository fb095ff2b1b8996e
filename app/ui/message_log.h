#pragma once
// What the app has told the user: confirmations and errors, newest last, shown fading on the map and in full in
// Messages, and written to stderr for whoever started the app from a terminal (and for scripted sessions).
#include <deque>
#include <string>
#include <utility>

namespace chronoatlas::ui {

struct Message {
  std::string text;
  bool error = false;
  double posted_s = 0;  // UI clock when posted: notifications on the map fade by it
};

class MessageLog {
 public:
  // Keeps TEXT, posted at NOW_S on the UI clock; the oldest go beyond 200.
  void post(const std::string& text, bool error, double now_s);
  const std::deque<Message>& messages() const { return messages_; }
  void clear() { messages_.clear(); }
  // True once after a post: the Messages panel scrolls to the newest.
  bool take_added() { return std::exchange(added_, false); }

 private:
  std::deque<Message> messages_;
  bool added_ = false;
};

}  // namespace chronoatlas::ui
