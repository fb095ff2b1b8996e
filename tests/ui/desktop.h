#pragma once
// A desktop for scripted sessions: a private Xvfb display, the app started on it as a user would, xdotool for the
// keyboard and mouse, and screenshots read back as pixels.
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "png_read.h"
#include "../cli/run_command.h"

inline void pause_s(double s) { std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(s * 1000))); }

class Desktop {
 public:
  static constexpr int kWidth = 1600, kHeight = 1000;

  // Starts Xvfb with a WIDTH x HEIGHT screen on a free display number; ok() is false when it could not.
  explicit Desktop(int width = kWidth, int height = kHeight) : width_(width), height_(height) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      close(fds[0]);
      const std::string fd = std::to_string(fds[1]), screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
      execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp", nullptr);
      _exit(127);
    }
    close(fds[1]);
    // Xvfb writes the display number, then a newline, once it accepts clients; closing the pipe before the newline
    // would make it quit.
    std::string number;
    for (char c; read(fds[0], &c, 1) == 1 && c != '\n';) number += c;
    close(fds[0]);
    if (!number.empty()) display_ = ":" + number;
  }
  ~Desktop() {
    if (pid_ > 0) kill(pid_, SIGTERM), waitpid(pid_, nullptr, 0);
  }
  bool ok() const { return !display_.empty(); }
  const std::string& display() const { return display_; }

  // xdotool ARGS on this display; true when it succeeded.
  bool xdotool(const std::string& args) const {
    return std::system(("DISPLAY=" + display_ + " xdotool " + args + " >/dev/null 2>&1").c_str()) == 0;
  }
  // A key held long enough for one UI frame to see it: ImGui 1.86 misses a press and release within one frame.
  void key(const std::string& keys) const { xdotool("keydown " + keys + " sleep 0.25 keyup " + keys + " sleep 0.15"); }
  Png screenshot(const std::string& path) const {
    std::system(("ffmpeg -loglevel error -y -f x11grab -video_size " + std::to_string(width_) + "x" +
                 std::to_string(height_) + " -i " + display_ + " -frames:v 1 " + path + " </dev/null")
                    .c_str());
    return read_png(path);
  }

 private:
  int width_, height_;
  pid_t pid_ = -1;
  std::string display_;
};

// The app running on a desktop, with its own config and cache folders, started from an empty working folder.
class AppProcess {
 public:
  AppProcess(const Desktop& d, const std::string& home, const std::vector<std::string>& args) : home_(home) {
    std::filesystem::create_directories(home + "/cwd");
    err_path_ = home + "/stderr.txt";
    pid_ = fork();
    if (pid_ != 0) return;
    if (chdir((home + "/cwd").c_str()) != 0) _exit(126);
    setenv("DISPLAY", d.display().c_str(), 1);
    setenv("XDG_CONFIG_HOME", (home + "/config").c_str(), 1);
    setenv("XDG_CACHE_HOME", (home + "/cache").c_str(), 1);
    int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(err, 2);
    std::vector<char*> argv{const_cast<char*>(CHRONOATLAS_EXE)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(CHRONOATLAS_EXE, argv.data());
    _exit(127);
  }
  ~AppProcess() {
    if (pid_ > 0 && !exited_) kill(pid_, SIGKILL), waitpid(pid_, nullptr, 0);
  }
  std::string stderr_text() const { return read_all(err_path_); }
  // CPU time the app has used so far, in clock ticks (user + system).
  long cpu_ticks() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::istringstream fields(text.substr(text.rfind(')') + 2));  // after the command name, which may hold spaces
    std::string f;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
      if (i == 14) utime = std::stol(f);
      if (i == 15) stime = std::stol(f);
    }
    return utime + stime;
  }
  // Waits until the window has drawn its first frames: input sent before then arrives in one batch, and ImGui 1.86
  // misses a press and release seen in the same frame.
  bool wait_until_ready() const {
    if (!wait_for("Loaded scenario")) return false;
    pause_s(2.5);
    return true;
  }
  // Waits up to TIMEOUT_S for TEXT on stderr (the app logs every message there).
  bool wait_for(const std::string& text, double timeout_s = 60) const {
    for (double t = 0; t < timeout_s; t += 0.1) {
      if (stderr_text().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  // The exit code, or -1 when the app is still running after TIMEOUT_S (it is then killed).
  int wait_exit(double timeout_s = 15) {
    for (double t = 0; t < timeout_s; t += 0.1) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return -1;
  }

 private:
  std::string home_, err_path_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

