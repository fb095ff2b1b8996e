#pragma once
// The timeline as a model, free of any UI library: the axis (a window of days on a strip of pixels), its ticks,
// zooming, hit tests on event marks, stepping between events, and playback. The timeline panel only draws this.
#include <optional>
#include <string>
#include <vector>

#include "story/scenario.h"
#include "story/time.h"

namespace chronoatlas::story {

// The window [start, end) of days drawn across WIDTH pixels from X0.
struct TimeAxis {
  float x0 = 0, width = 1;  // pixels
  Days start = 0, end = 1;
  float x_of(Days t) const { return x0 + static_cast<float>((t - start) / (end - start)) * width; }
  Days day_at(float x) const { return start + (x - x0) / width * (end - start); }
  double px_per_day() const { return width / (end - start); }
};

struct Tick {
  Days at;
  std::string label;
  bool major;  // a year boundary (or, in day ticks, a month's first day): drawn taller and brighter
};

// Ticks for AXIS spaced so their labels keep at least MIN_LABEL_PX apart: hours in steps of 1, 3, 6 or 12 (each
// day's midnight major and named), days, weeks, then months in steps of 1, 2, 3 or 6, then years.
std::vector<Tick> axis_ticks(const TimeAxis& axis, float min_label_px = 64);
// Which of TICKS keep their label, each label WIDTHS[i] pixels wide and starting OFFSET_PX right of its tick, so no
// two come closer than GAP_PX and none passes the axis' right end: the major ticks first, then the others where
// there is room. The spacing rule of axis_ticks assumes a label width; this holds for any font and UI scale.
std::vector<bool> tick_labels_that_fit(const TimeAxis& axis, const std::vector<Tick>& ticks,
                                       const std::vector<float>& widths, float offset_px, float gap_px);

struct Window {
  Days start, end;
};

// The window zoomed by WHEEL notches (positive zooms in, 0.8x a notch) about day ABOUT, kept inside LIMITS. A window
// shorter than MIN_DAYS (12 hours) is refused: the current one comes back.
Window zoom_window(Window current, Days about, float wheel, Window limits, Days min_days = 0.5);

// Event marks closer than a mark's width would hide each other: they become one mark with a count.
struct EventMark {
  float x;                      // pixels, at the first event's time
  std::vector<size_t> events;   // indices into the scenario's events, in time order
};
// The marks for EVENTS on AXIS: an event within MIN_GAP_PX of the previous event joins its mark; events outside the
// axis are left out.
std::vector<EventMark> event_marks(const TimeAxis& axis, const std::vector<Event>& events, float min_gap_px);
// The mark nearest X and within HALF_WIDTH_PX of it, if any.
const EventMark* mark_at(const std::vector<EventMark>& marks, float x, float half_width_px);

// The day of the last event on a whole day before DAY's, or of the first after it: "<< event" and "event >>".
std::optional<Days> previous_event_day(const std::vector<Event>& events, Days day);
std::optional<Days> next_event_day(const std::vector<Event>& events, Days day);

struct Playback {
  bool playing = false;
  bool loop = true;
  float days_per_second = 2;
  int step_hours = 24;  // what the step buttons and arrow keys move by
  Window window{0, 1};  // what playback runs through, [start, end): the loop range, apart from the axis's zoom
};

// The moment one step forward (STEPS = 1) or back (-1) from DAY: whole days land on the end of the day (the time
// rule), hour steps on the hour.
Days step_from(Days day, int step_hours, int steps);
// The slowest and fastest playback, days a second, and the next speed down or up by a factor of two within them.
inline constexpr float kMinSpeed = 0.05f, kMaxSpeed = 365;
float slower(float days_per_second);
float faster(float days_per_second);

// The day playback reaches from DAY after DT seconds. At the window's end it wraps to the start (loop) or stops on
// the window's last day and clears PLAYING. From outside the window it goes to the window's start.
Days advance(Playback& playback, Days day, double dt_s);

}  // namespace chronoatlas::story
