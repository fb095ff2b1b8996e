// A drag-and-drop source for the scripted sessions: drops one file on a window as a file manager does, through the
// XDND protocol (xdotool can move the mouse but carries no file). Usage: xdnd_drop WINDOW X Y PATH, with X and Y in
// root-window pixels. Exits 0 once the window has taken the file, 1 on any failure or after 10 s.
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

// PATH as a file URI: bytes other than unreserved ones and '/' percent-encoded.
std::string file_uri(const std::string& path) {
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') uri += static_cast<char>(c);
    else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    }
  }
  return uri + "\r\n";
}

struct Drag {
  Display* display;
  Window source, target;
  Atom enter, position, status, drop, finished, selection, copy, uri_list;

  void send(Atom type, long l1, long l2, long l3, long l4) const {
    XEvent e{};
    e.xclient.type = ClientMessage;
    e.xclient.display = display;
    e.xclient.window = target;
    e.xclient.message_type = type;
    e.xclient.format = 32;
    e.xclient.data.l[0] = static_cast<long>(source);
    e.xclient.data.l[1] = l1, e.xclient.data.l[2] = l2, e.xclient.data.l[3] = l3, e.xclient.data.l[4] = l4;
    XSendEvent(display, target, False, NoEventMask, &e);
    XFlush(display);
  }

  // Hands the data to a window that asks for the selection, in the one format offered.
  void answer(const XSelectionRequestEvent& request, const std::string& uris) const {
    XEvent reply{};
    reply.xselection.type = SelectionNotify;
    reply.xselection.display = display;
    reply.xselection.requestor = request.requestor;
    reply.xselection.selection = request.selection;
    reply.xselection.target = request.target;
    reply.xselection.time = request.time;
    reply.xselection.property = None;
    if (request.target == uri_list) {
      XChangeProperty(display, request.requestor, request.property, uri_list, 8, PropModeReplace,
                      reinterpret_cast<const unsigned char*>(uris.data()), static_cast<int>(uris.size()));
      reply.xselection.property = request.property;
    }
    XSendEvent(display, request.requestor, False, NoEventMask, &reply);
    XFlush(display);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: xdnd_drop WINDOW X Y PATH\n");
    return 1;
  }
  Display* display = XOpenDisplay(nullptr);
  if (!display) {
    std::fprintf(stderr, "xdnd_drop: no display\n");
    return 1;
  }
  Drag d{display,
         XCreateSimpleWindow(display, DefaultRootWindow(display), 0, 0, 1, 1, 0, 0, 0),
         static_cast<Window>(std::strtoul(argv[1], nullptr, 0)),
         XInternAtom(display, "XdndEnter", False),
         XInternAtom(display, "XdndPosition", False),
         XInternAtom(display, "XdndStatus", False),
         XInternAtom(display, "XdndDrop", False),
         XInternAtom(display, "XdndFinished", False),
         XInternAtom(display, "XdndSelection", False),
         XInternAtom(display, "XdndActionCopy", False),
         XInternAtom(display, "text/uri-list", False)};
  const std::string uris = file_uri(argv[4]);
  const long x = std::atol(argv[2]), y = std::atol(argv[3]);
  XSetSelectionOwner(display, d.selection, d.source, CurrentTime);
  d.send(d.enter, 5L << 24, static_cast<long>(d.uri_list), None, None);  // version 5, one type, no type list
  d.send(d.position, 0, (x << 16) | y, CurrentTime, static_cast<long>(d.copy));
  bool accepted = false, dropped = false;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < give_up) {
    if (!XPending(display)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    XEvent e;
    XNextEvent(display, &e);
    if (e.type == SelectionRequest) d.answer(e.xselectionrequest, uris);
    if (e.type != ClientMessage) continue;
    if (e.xclient.message_type == d.status && !dropped) {
      accepted = e.xclient.data.l[1] & 1;
      if (!accepted) break;
      d.send(d.drop, 0, CurrentTime, 0, 0);
      dropped = true;
    } else if (e.xclient.message_type == d.finished) {
      XCloseDisplay(display);
      return 0;
    }
  }
  std::fprintf(stderr, "xdnd_drop: %s\n", accepted ? "the window took no file after the drop" : "the window refused the drag");
  XCloseDisplay(display);
  return 1;
}
