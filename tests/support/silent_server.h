#pragma once
// A database server that hangs, for tests of connections that must time out or never be opened.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

// A TCP port on 127.0.0.1 whose connections the kernel accepts (the backlog completes the handshake) and nobody ever
// answers: a database server that hangs.
class SilentServer {
 public:
  SilentServer() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&a), len) == 0 && listen(fd_, 16) == 0 &&
        getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0)
      port_ = ntohs(a.sin_port);
    fcntl(fd_, F_SETFL, O_NONBLOCK);
  }
  ~SilentServer() { close(fd_); }
  int port() const { return port_; }
  std::string connection() const {
    return "PG:host=127.0.0.1 port=" + std::to_string(port_) + " dbname=x user=x tables=t";
  }
  // True when some client has connected since the server opened.
  bool was_contacted() {
    const int c = accept(fd_, nullptr, nullptr);
    if (c >= 0) close(c);
    return c >= 0;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};
