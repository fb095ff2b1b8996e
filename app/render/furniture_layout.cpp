#include "render/furniture_layout.h"

#include <algorithm>
#include <cmath>

#include "render/scale_bar.h"
#include "text/line_breaks.h"

namespace chronoatlas::render {
namespace {

TextStyle scaled(TextStyle t, float s) {
  t.size_px *= s;
  return t;
}

Rgba faded(Rgba c, float opacity) { return {c.r, c.g, c.b, c.a * opacity}; }

// TEXT broken into lines no wider than MAX_PX at the places UAX #14 allows (spaces in most scripts, between characters
// in Chinese and Japanese); a piece wider than that gets a line of its own. Spaces at a line's end are dropped.
std::vector<std::string> wrap(const MeasureText& measure, const std::string& text, const TextStyle& style,
                              float max_px) {
  std::vector<size_t> cuts = text::break_opportunities(text);
  cuts.push_back(text.size());
  auto trimmed = [](std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  std::vector<std::string> lines;
  size_t start = 0, fits = 0;  // the line being filled begins at START and fits up to FITS
  for (size_t cut : cuts) {
    if (fits > start && measure(trimmed(text.substr(start, cut - start)), style).width > max_px) {
      lines.push_back(trimmed(text.substr(start, fits - start)));
      start = fits;
    }
    fits = cut;
  }
  if (fits > start) lines.push_back(trimmed(text.substr(start, fits - start)));
  return lines;
}

// Collects the furniture's shapes and text; each piece is measured first and placed only where it overlaps nothing
// placed before it, so the more important pieces go first and the others shrink or are left out.
class Furnisher {
 public:
  Furnisher(OverlayLayout& out, const MeasureText& measure) : out_(out), measure_(measure) {}

  // What the shapes and text that follow are part of.
  void group(std::string name) { group_ = std::move(name); }
  void rect(float x0, float y0, float x1, float y1, Rgba c) {
    out_.shapes.push_back({ShapeKind::Rect, {{x0, y0}, {x1, y1}}, 0, c, group_});
  }
  void polygon(std::vector<XY> points, Rgba colour) {
    out_.shapes.push_back({ShapeKind::Polygon, std::move(points), 0, colour, group_});
  }
  // A segment WIDTH pixels wide.
  void line(XY a, XY b, float width, Rgba colour) {
    if (std::hypot(b.x - a.x, b.y - a.y) <= 0) return;
    out_.shapes.push_back({ShapeKind::Polyline, {a, b}, width, colour, group_});
  }
  void disc(float cx, float cy, float r, Rgba colour) {
    out_.shapes.push_back({ShapeKind::Circle, {{cx, cy}}, r, colour, group_});
  }
  void reserve(PixelBox b) { out_.reserved.push_back(b); }
  bool free(const PixelBox& b) const {
    return std::none_of(out_.reserved.begin(), out_.reserved.end(), [&](const PixelBox& r) { return r.overlaps(b); });
  }
  void text(const std::string& s, float x, float y, const TextStyle& style) {
    out_.furniture_text.push_back({s, x, y, style, group_});
  }
  TextBox measure(const std::string& s, const TextStyle& style) const { return measure_(s, style); }
  const MeasureText& measurer() const { return measure_; }

 private:
  OverlayLayout& out_;
  const MeasureText& measure_;
  std::string group_;
};

// The sources, wrapped over as many lines as they need on a band along the bottom; never cut. Returns the y above
// which furniture along the bottom may sit.
float lay_out_sources(const Frame& frame, const OverlayStyle& st, Furnisher& f) {
  const View& v = frame.view;
  const float s = v.ui_scale, pad = st.pad_px * s, w = static_cast<float>(v.width_px), h = static_cast<float>(v.height_px);
  if (frame.furniture.attribution.empty()) return h - pad;
  TextStyle credit = scaled(st.small, s);
  credit.halo.a = 0;
  const auto lines = wrap(f.measurer(), frame.furniture.attribution, credit, w - 2 * pad);
  const float line_h = credit.size_px * 1.35f, band = attribution_band_px(s) + line_h * (lines.size() - 1);
  f.rect(0, h - band, w, h, st.band);
  f.reserve({0, h - band, w, h});
  const float first = h - band + (band - line_h * lines.size()) / 2 + line_h * 0.75f;
  for (size_t i = 0; i < lines.size(); ++i) f.text(lines[i], pad, first + line_h * i, credit);
  return h - band - st.above_band_px * s;
}

// The title's own scale: the largest of 1, 0.85 and 0.7 at which it fits across the image (0.7 when none does).
float title_scale(const Frame& frame, const OverlayStyle& st, Furnisher& f) {
  const float s = frame.view.ui_scale, w = static_cast<float>(frame.view.width_px) - 2 * st.pad_px * s;
  for (float k : {1.0f, 0.85f})
    if (f.measure(frame.furniture.title, scaled(st.title, s * k)).width <= w) return k;
  return 0.7f;
}

// Date stamp and the time rule under it, top right, shrunk to fit the width and to stay smaller than the title.
// Returns its box.
PixelBox lay_out_date(const Frame& frame, const OverlayStyle& st, Furnisher& f) {
  const Furniture& fu = frame.furniture;
  const float s = frame.view.ui_scale, pad = st.pad_px * s, w = static_cast<float>(frame.view.width_px);
  if (fu.date.empty()) return {w - pad, pad, w - pad, pad};
  float k = 1;
  if (!fu.title.empty()) k = std::min(k, 0.95f * title_scale(frame, st, f) * st.title.size_px / st.date.size_px);
  while (k > 0.5f && f.measure(fu.date, scaled(st.date, s * k)).width > w - 2 * pad) k -= 0.1f;
  const TextStyle date = scaled(st.date, s * k);
  const TextBox b = f.measure(fu.date, date);
  const float baseline = pad + date.size_px * 0.8f;
  f.text(fu.date, w - pad - b.width, baseline, date);
  PixelBox box{w - pad - b.width, baseline - b.ascent, w - pad, baseline + b.descent};
  if (!fu.date_note.empty()) {
    const TextStyle note = scaled(st.small, s * std::max(k, 0.8f));
    const TextBox nb = f.measure(fu.date_note, note);
    const float y = box.y1 + note.size_px;
    f.text(fu.date_note, w - pad - nb.width, y, note);
    box.x0 = std::min(box.x0, w - pad - nb.width), box.y1 = y + nb.descent;
  }
  f.reserve(box);
  return box;
}

// The title beside the date when it fits there, else on a row of its own under it, shrinking (to 70 %) only when
// neither has room, else left out. Returns the bottom of what the top rows take.
float lay_out_title(const Frame& frame, const OverlayStyle& st, const PixelBox& date, Furnisher& f) {
  const std::string& title = frame.furniture.title;
  const float s = frame.view.ui_scale, pad = st.pad_px * s, w = static_cast<float>(frame.view.width_px);
  if (title.empty()) return date.y1;
  for (float k : {1.0f, 0.85f, 0.7f})
    for (bool own_row : {false, true}) {
      const TextStyle t = scaled(st.title, s * k);
      const TextBox b = f.measure(title, t);
      const float top = own_row ? date.y1 + 4 * s : pad, baseline = top + t.size_px * 0.8f;
      const PixelBox box{pad, baseline - b.ascent, pad + b.width, baseline + b.descent};
      const float room = own_row ? w - pad : date.x0 - 12 * s;
      if (box.x1 > room || !f.free(box)) continue;
      f.text(title, pad, baseline, t);
      f.reserve(box);
      return std::max(box.y1, date.y1);
    }
  return date.y1;
}

// The event the date has reached: its title and one line, on a panel under the top rows. Returns the bottom of
// what the top of the image now holds.
float lay_out_caption(const Frame& frame, const OverlayStyle& st, float top, float bottom, Furnisher& f) {
  if (!frame.furniture.caption) return top;
  const Caption& c = *frame.furniture.caption;
  const float s = frame.view.ui_scale, pad = st.pad_px * s;
  const float max_w = std::min(static_cast<float>(frame.view.width_px) - 2 * pad, st.caption_width_px * s);
  TextStyle head = scaled(st.body, s), body = scaled(st.body, s);
  head.bold = true;
  auto lines = wrap(f.measurer(), c.title, head, max_w - 16 * s);
  const size_t head_lines = lines.size();
  for (std::string& l : wrap(f.measurer(), c.line, body, max_w - 16 * s)) lines.push_back(std::move(l));
  const float line_h = body.size_px * 1.35f;
  float width = 0;
  for (size_t i = 0; i < lines.size(); ++i)
    width = std::max(width, f.measure(lines[i], i < head_lines ? head : body).width);
  const PixelBox box{pad, top + 8 * s, pad + width + 16 * s, top + 8 * s + line_h * lines.size() + 10 * s};
  if (box.y1 > bottom || !f.free(box)) return top;
  f.rect(box.x0, box.y0, box.x1, box.y1, st.panel);
  f.rect(box.x0, box.y0, box.x0 + 3 * s, box.y1, st.date.colour);
  for (size_t i = 0; i < lines.size(); ++i)
    f.text(lines[i], box.x0 + 10 * s, box.y0 + 5 * s + line_h * (i + 0.8f), i < head_lines ? head : body);
  f.reserve(box);
  return box.y1;
}

void lay_out_scale_bar(const Frame& frame, const OverlayStyle& st, float bottom, Furnisher& f) {
  const ScaleBar bar = choose_scale_bar(frame.furniture.scale_bar_metres_per_px, frame.view.width_px);
  if (bar.px <= 0) return;
  const float s = frame.view.ui_scale;
  const float x1 = frame.view.width_px - st.pad_px * s, x0 = x1 - bar.px, y1 = bottom;
  const float y0 = y1 - st.scale_bar_height_px * s;
  const TextStyle small = scaled(st.small, s);
  // The scale holds at the centre only (it varies across most projections); said when the bar has room for it.
  std::string label = bar.distance + " (at the map centre)";
  if (f.measure(label, small).width > bar.px) label = bar.distance;
  const TextBox b = f.measure(label, small);
  const PixelBox box{std::min(x0, x1 - b.width) - s, y0 - 5 * s - b.ascent, x1 + s, y1 + s};
  if (!f.free(box)) return;
  f.rect(x0 - s, y0 - s, x1 + s, y1 + s, st.ink);
  for (int k = 0; k < 4; ++k) {
    float a = x0 + bar.px * k / 4, c = x0 + bar.px * (k + 1) / 4;
    f.rect(a, y0, c, y1, k % 2 ? st.ink : Rgba{1, 1, 1, 1});
  }
  f.text(label, x1 - b.width, y0 - 5 * s, small);
  f.reserve(box);
}

// One swatch drawn as the layer draws: areas as a filled, outlined box; lines as a stroke; points as a symbol.
void swatch(const LegendEntry& e, float cx, float cy, float s, const OverlayStyle& st, Furnisher& f) {
  const float half = st.legend_swatch_px * s / 2;
  const Rgba fill = faded(e.fill, e.opacity), stroke = faded(e.stroke, e.opacity);
  if (e.kind == SwatchKind::Area) {
    // The fill shows over the legend's panel as it shows over the map; the outline is a frame around it.
    const float edge = std::clamp(e.stroke_width_px, 1.0f, 3.0f) * s, x0 = cx - half, x1 = cx + half;
    const float y0 = cy - 6 * s, y1 = cy + 6 * s;
    f.rect(x0 + edge, y0 + edge, x1 - edge, y1 - edge, fill);
    f.rect(x0, y0, x1, y0 + edge, stroke), f.rect(x0, y1 - edge, x1, y1, stroke);
    f.rect(x0, y0 + edge, x0 + edge, y1 - edge, stroke), f.rect(x1 - edge, y0 + edge, x1, y1 - edge, stroke);
  } else if (e.kind == SwatchKind::Line) {
    const float width = std::clamp(e.stroke_width_px, 1.5f, 6.0f) * s;
    f.rect(cx - half, cy - width / 2, cx + half, cy + width / 2, stroke);
  } else {
    const float r = std::clamp(e.radius_px, 3.0f, 7.0f) * s;
    f.disc(cx, cy, r + 1.5f * s, stroke);
    f.disc(cx, cy, r, fill);
  }
}

// A layer's row, then (for proportional symbols) its size keys as nested circles sharing one bottom point, each
// labelled level with its top.
// A layer's legend text, wrapped so one long title does not widen the whole legend over the map.
std::vector<std::string> legend_lines(const LegendEntry& e, float s, const OverlayStyle& st, const Furnisher& f) {
  return wrap(f.measurer(), e.text, scaled(st.body, s), st.legend_text_px * s);
}

float legend_line_px(float s, const OverlayStyle& st) { return st.body.size_px * 1.3f * s; }

float legend_entry_height(const LegendEntry& e, float s, const OverlayStyle& st, bool with_sizes, const Furnisher& f) {
  float h = st.legend_row_px * s + legend_line_px(s, st) * (legend_lines(e, s, st, f).size() - 1);
  if (with_sizes && !e.sizes.empty()) h += 2 * e.sizes.front().size_px * s + 8 * s;
  return h;
}

float legend_entry_width(const LegendEntry& e, float s, const OverlayStyle& st, bool with_sizes, Furnisher& f) {
  const TextStyle body = scaled(st.body, s);
  float text = 0;
  for (const std::string& line : legend_lines(e, s, st, f)) text = std::max(text, f.measure(line, body).width);
  float w = st.legend_swatch_px * s + 10 * s + text;
  if (!with_sizes) return w;
  const TextStyle small = scaled(st.small, s);
  for (const SizeKey& k : e.sizes)
    w = std::max(w, 2 * e.sizes.front().size_px * s + 16 * s + f.measure(k.text, small).width);
  return w;
}

Rgba over_white(Rgba c, float opacity) {
  const float a = c.a * opacity;
  return {c.r * a + (1 - a), c.g * a + (1 - a), c.b * a + (1 - a), 1};
}

void draw_size_keys(const LegendEntry& e, float x0, float top, float s, const OverlayStyle& st, Furnisher& f) {
  const float largest = e.sizes.front().size_px * s, cx = x0 + largest, bottom = top + 2 * largest + 4 * s;
  const TextStyle small = scaled(st.small, s);
  float last_label_y = -1e9f;
  for (const SizeKey& k : e.sizes) {
    const float r = k.size_px * s, y = bottom - 2 * r;
    if (y - last_label_y < small.size_px * 1.1f) continue;  // too close to the key above to read: left out
    last_label_y = y;
    f.disc(cx, bottom - r, r + 1.2f * s, faded(e.stroke, e.opacity));
    f.disc(cx, bottom - r, r, over_white(e.fill, e.opacity * 0.45f));
    f.rect(cx, y - 0.5f * s, x0 + 2 * largest + 6 * s, y + 0.5f * s, st.ink);
    f.text(k.text, x0 + 2 * largest + 9 * s, y + small.size_px * 0.35f, small);
  }
}

void draw_legend(const std::vector<LegendEntry>& legend, float x0, float y0, float s, bool with_sizes,
                 const OverlayStyle& st, Furnisher& f) {
  const float sw = st.legend_swatch_px * s;
  const TextStyle body = scaled(st.body, s);
  float y = y0 + 6 * s;
  for (const LegendEntry& e : legend) {
    const float row = st.legend_row_px * s, cy = y + row / 2;
    swatch(e, x0 + 10 * s + sw / 2, cy, s, st, f);
    const auto lines = legend_lines(e, s, st, f);
    for (size_t i = 0; i < lines.size(); ++i)
      f.text(lines[i], x0 + 20 * s + sw, cy + body.size_px * 0.35f + legend_line_px(s, st) * i, body);
    const float text_h = row + legend_line_px(s, st) * (lines.size() - 1);
    if (with_sizes && !e.sizes.empty()) draw_size_keys(e, x0 + 10 * s, y + text_h, s, st, f);
    y += legend_entry_height(e, s, st, with_sizes, f);
  }
}

bool touches(const PixelBox& box, XY p, float radius) {
  return p.x + radius > box.x0 && p.x - radius < box.x1 && p.y + radius > box.y0 && p.y - radius < box.y1;
}

// What BOX would cost the map: ten for every symbol it hides, one for every symbol near enough that its label would
// need the room.
int cost_of(const PixelBox& box, const Frame& frame) {
  const float room = 150 * frame.view.ui_scale;
  const PixelBox near{box.x0 - room, box.y0 - room / 4, box.x1 + room, box.y1 + room / 4};
  int cost = 0;
  for (const Symbol& sym : frame.symbols) {
    const XY p = frame.view.to_pixel(sym.world);
    cost += touches(box, p, sym.radius_px) ? 10 : touches(near, p, sym.radius_px) ? 1 : 0;
  }
  return cost;
}

// The legend at full size, smaller, or without size keys: the first size that fits its share of the image and
// overlaps no furniture, in the corner (bottom left first, then bottom right, then under the top rows) that costs
// the map least; else none.
void lay_out_legend(const Frame& frame, const OverlayStyle& st, float top, float bottom, Furnisher& f) {
  const std::vector<LegendEntry>& legend = frame.furniture.legend;
  if (legend.empty()) return;
  const float pad = st.pad_px * frame.view.ui_scale, w = static_cast<float>(frame.view.width_px);
  for (bool with_sizes : {true, false})
    for (float k : {1.0f, 0.85f, 0.7f}) {
      const float s = frame.view.ui_scale * k;
      float width = 20 * s, height = 12 * s;
      for (const LegendEntry& e : legend) {
        width = std::max(width, legend_entry_width(e, s, st, with_sizes, f) + 20 * s);
        height += legend_entry_height(e, s, st, with_sizes, f);
      }
      if (width > st.legend_max_share * w || height > st.legend_max_share * frame.view.height_px) continue;
      std::optional<PixelBox> best;
      const float y1 = bottom - st.legend_gap_px * s, above_scale_bar = y1 - 30 * s;
      const float below_top = top + st.legend_gap_px * s;
      for (PixelBox box : {PixelBox{pad, y1 - height, pad + width, y1}, PixelBox{w - pad - width, y1 - height, w - pad, y1},
                           PixelBox{w - pad - width, above_scale_bar - height, w - pad, above_scale_bar},
                           PixelBox{pad, below_top, pad + width, below_top + height}})
        if (box.y0 >= pad && box.y1 <= bottom && f.free(box) && (!best || cost_of(box, frame) < cost_of(*best, frame)))
          best = box;
      if (!best) continue;
      f.rect(best->x0, best->y0, best->x1, best->y1, st.panel);
      draw_legend(legend, best->x0, best->y0, s, with_sizes, st, f);
      f.reserve(*best);
      return;
    }
}

// The inset in the free corner that hides least (top right first, under the date and arrow; then bottom right above
// the scale bar, top left under the title, bottom left), its background a furniture shape and its frame and the
// map's outline drawn over its map.
void lay_out_inset(const Frame& frame, const OverlayStyle& st, float top, float right_top, float bottom, Furnisher& f,
                   OverlayLayout& out) {
  if (!frame.furniture.inset) return;
  const InsetMap& inset = *frame.furniture.inset;
  const float s = frame.view.ui_scale, w = static_cast<float>(frame.view.width_px);
  const float iw = static_cast<float>(inset.view.width_px), ih = static_cast<float>(inset.view.height_px);
  // Whole pixels: the GL backend draws the inset's map in a viewport of exactly its size.
  const float pad = std::round(st.pad_px * s), gap = std::round(st.legend_gap_px * s);
  const float above_scale_bar = std::round(bottom - gap - 30 * s), below_right = std::round(right_top + gap);
  const float below_left = std::round(top + gap), above_bottom = std::round(bottom - gap);
  std::optional<PixelBox> best;
  for (PixelBox box : {PixelBox{w - pad - iw, below_right, w - pad, below_right + ih},
                       PixelBox{w - pad - iw, above_scale_bar - ih, w - pad, above_scale_bar},
                       PixelBox{pad, below_left, pad + iw, below_left + ih},
                       PixelBox{pad, above_bottom - ih, pad + iw, above_bottom}})
    if (box.y0 >= pad && box.y1 <= bottom && f.free(box) && (!best || cost_of(box, frame) < cost_of(*best, frame)))
      best = box;
  if (!best) return;
  f.rect(best->x0, best->y0, best->x1, best->y1, inset.background);
  f.reserve(*best);
  InsetPlacement placed{*best, {}};
  const XY o{best->x0, best->y0};
  std::vector<XY> outline;
  for (XY p : inset.footprint) outline.push_back({p.x + o.x, p.y + o.y});
  placed.over.push_back({ShapeKind::Polyline, outline, 1.5f * s, st.inset_footprint, "inset"});
  const XY a{best->x0, best->y0}, b{best->x1, best->y0}, c{best->x1, best->y1}, d{best->x0, best->y1};
  placed.over.push_back({ShapeKind::Polyline, {a, b, c, d, a}, 1 * s, st.inset_frame, "inset"});
  out.inset = std::move(placed);
}

// Returns the y below the arrow (TOP when there is none).
float lay_out_north_arrow(const Frame& frame, const OverlayStyle& st, float top, Furnisher& f) {
  const Furniture& fu = frame.furniture;
  if (!fu.show_north_arrow || !std::isfinite(fu.north_arrow_deg)) return top;
  const float s = frame.view.ui_scale, len = st.north_arrow_length_px * s;
  const float cx = frame.view.width_px - st.pad_px * s - 14 * s, cy = top + 16 * s + len;
  const PixelBox box{cx - len, cy - len - 8 * s, cx + len, cy + len};
  if (!f.free(box)) return top;
  const double a = fu.north_arrow_deg * M_PI / 180;
  XY tip{cx + std::sin(a) * len, cy - std::cos(a) * len};
  XY tail{cx - std::sin(a) * len * 0.6, cy + std::cos(a) * len * 0.6};
  XY side{std::cos(a) * 7 * s, std::sin(a) * 7 * s};
  f.polygon({tip, {tail.x + side.x, tail.y + side.y}, {cx, cy}}, st.ink);
  f.polygon({tip, {cx, cy}, {tail.x - side.x, tail.y - side.y}}, {0.6f, 0.6f, 0.6f, 1});
  f.text("N", static_cast<float>(tip.x) - 4 * s, static_cast<float>(tip.y) - 4 * s, scaled(st.small, s));
  f.reserve(box);
  return box.y1;
}

void lay_out_pieces(const Frame& frame, const OverlayStyle& st, Furnisher& f, OverlayLayout& out) {
  f.group("sources");
  const float bottom = lay_out_sources(frame, st, f);
  f.group("date");
  const PixelBox date = lay_out_date(frame, st, f);
  f.group("title");
  const float below_title = lay_out_title(frame, st, date, f);
  f.group("caption");
  const float top = lay_out_caption(frame, st, below_title, bottom, f);
  f.group("scale bar");
  lay_out_scale_bar(frame, st, bottom, f);
  f.group("legend");
  lay_out_legend(frame, st, top, bottom, f);
  f.group("north arrow");
  const float below_arrow = lay_out_north_arrow(frame, st, date.y1, f);
  f.group("inset");
  lay_out_inset(frame, st, top, below_arrow, bottom, f, out);
}

}  // namespace

void lay_out_furniture(const Frame& frame, const OverlayStyle& style, const MeasureText& measure, OverlayLayout& out) {
  Furnisher furnisher(out, measure);
  lay_out_pieces(frame, style, furnisher, out);
}

void lay_out_fixed_labels(const Frame& frame, const OverlayStyle& st, const MeasureText& measure,
                          OverlayLayout& out) {
  std::vector<PixelBox> taken = out.reserved;
  const float gap = st.fixed_label_gap_px * frame.view.ui_scale;
  for (const Label& l : frame.fixed_labels) {
    TextBox b = measure(l.text, l.style);
    const float x = static_cast<float>(l.world.x), y = static_cast<float>(l.world.y);
    PixelBox box{x - gap, y - b.ascent, x + b.width + gap, y + b.descent};
    if (std::any_of(taken.begin(), taken.end(), [&](const PixelBox& r) { return r.overlaps(box); })) continue;
    taken.push_back(box);
    out.labels.push_back({l.text, x, y, l.style, "graticule"});
  }
}

}  // namespace chronoatlas::render
