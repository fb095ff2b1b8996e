#include "render/overlay_layout.h"

#include <algorithm>
#include <cmath>

namespace chronoatlas::render {
namespace {

TextStyle scaled(TextStyle t, float s) {
  t.size_px *= s;
  return t;
}

// TEXT, cut with an ellipsis where it would be wider than MAX_PX.
std::string fit_text(const MeasureText& measure, const std::string& s, const TextStyle& style, float max_px) {
  if (measure(s, style).width <= max_px) return s;
  std::string cut = s;
  while (!cut.empty() && measure(cut + "…", style).width > max_px) {
    cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();  // whole UTF-8
  }
  return cut + "…";
}

// Collects the furniture's shapes and text, reserving each box.
class Furnisher {
 public:
  Furnisher(OverlayLayout& out, const MeasureText& measure) : out_(out), measure_(measure) {}

  void rect(float x0, float y0, float x1, float y1, Rgba c) {
    triangle({x0, y0}, {x1, y0}, {x0, y1}, c);
    triangle({x1, y0}, {x1, y1}, {x0, y1}, c);
  }
  void triangle(XY a, XY b, XY c, Rgba colour) { out_.shapes.push_back({a, b, c, colour}); }
  void reserve(PixelBox b) { out_.reserved.push_back(b); }
  void text(const std::string& s, float x, float y, const TextStyle& style) {
    TextBox b = measure_(s, style);
    reserve({x, y - b.ascent, x + b.width, y + b.descent});
    out_.furniture_text.push_back({s, x, y, style});
  }
  TextBox measure(const std::string& s, const TextStyle& style) const { return measure_(s, style); }

 private:
  OverlayLayout& out_;
  const MeasureText& measure_;
};

// Returns the y above which furniture along the bottom may sit.
float lay_out_sources(const Frame& frame, const OverlayStyle& st, Furnisher& f) {
  const View& v = frame.view;
  const float s = v.ui_scale, pad = st.pad_px * s, w = static_cast<float>(v.width_px), h = static_cast<float>(v.height_px);
  if (frame.furniture.attribution.empty()) return h - pad;
  const float band = attribution_band_px(s);
  f.rect(0, h - band, w, h, st.band);
  f.reserve({0, h - band, w, h});
  TextStyle credit = scaled(st.small, s);
  credit.halo.a = 0;
  f.text(fit_text([&f](const std::string& t, const TextStyle& ts) { return f.measure(t, ts); }, frame.furniture.attribution,
                  credit, w - 2 * pad),
         pad, h - band * 0.3f, credit);
  return h - band - st.above_band_px * s;
}

void lay_out_scale_bar(const Frame& frame, const OverlayStyle& st, float bottom, Furnisher& f) {
  const Furniture& fu = frame.furniture;
  if (fu.scale_bar_px <= 0) return;
  const float s = frame.view.ui_scale;
  const float x1 = frame.view.width_px - st.pad_px * s, x0 = x1 - fu.scale_bar_px, y1 = bottom;
  const float y0 = y1 - st.scale_bar_height_px * s;
  f.rect(x0 - s, y0 - s, x1 + s, y1 + s, st.ink);
  f.reserve({x0 - s, y0 - s, x1 + s, y1 + s});
  for (int k = 0; k < 4; ++k) {
    float a = x0 + fu.scale_bar_px * k / 4, b = x0 + fu.scale_bar_px * (k + 1) / 4;
    f.rect(a, y0, b, y1, k % 2 ? st.ink : Rgba{1, 1, 1, 1});
  }
  const TextStyle small = scaled(st.small, s);
  TextBox b = f.measure(fu.scale_bar_label, small);
  f.text(fu.scale_bar_label, x1 - b.width, y0 - 5 * s, small);
}

void lay_out_legend(const Frame& frame, const OverlayStyle& st, float bottom, Furnisher& f) {
  const std::vector<LegendEntry>& legend = frame.furniture.legend;
  if (legend.empty()) return;
  const float s = frame.view.ui_scale, row = st.legend_row_px * s, sw = st.legend_swatch_px * s;
  const TextStyle body = scaled(st.body, s);
  float width = 0;
  for (const LegendEntry& e : legend) width = std::max(width, f.measure(e.text, body).width);
  const float h = row * legend.size() + 12 * s, w = width + sw + 30 * s;
  const float x0 = st.pad_px * s, y0 = bottom - h - st.legend_gap_px * s;
  f.rect(x0, y0, x0 + w, y0 + h, st.panel);
  f.reserve({x0, y0, x0 + w, y0 + h});
  for (size_t i = 0; i < legend.size(); ++i) {
    const LegendEntry& e = legend[i];
    const float cy = y0 + 6 * s + row * (i + 0.5f), cx = x0 + 10 * s + sw / 2;
    if (e.point) {
      f.rect(cx - 5 * s, cy - 5 * s, cx + 5 * s, cy + 5 * s, e.stroke);
      f.rect(cx - 3.5f * s, cy - 3.5f * s, cx + 3.5f * s, cy + 3.5f * s, e.fill);
    } else {
      f.rect(cx - sw / 2, cy - 6 * s, cx + sw / 2, cy + 6 * s, e.stroke);
      f.rect(cx - sw / 2 + s, cy - 6 * s + s, cx + sw / 2 - s, cy + 6 * s - s, e.fill);
    }
    f.text(e.text, x0 + 20 * s + sw, cy + body.size_px * 0.35f, body);
  }
}

void lay_out_north_arrow(const Frame& frame, const OverlayStyle& st, Furnisher& f) {
  const Furniture& fu = frame.furniture;
  if (!fu.show_north_arrow || !std::isfinite(fu.north_arrow_deg)) return;
  const float s = frame.view.ui_scale, len = st.north_arrow_length_px * s;
  const float cx = frame.view.width_px - st.pad_px * s - 14 * s, cy = st.pad_px * s + st.north_arrow_below_px * s;
  const double a = fu.north_arrow_deg * M_PI / 180;
  XY tip{cx + std::sin(a) * len, cy - std::cos(a) * len};
  XY tail{cx - std::sin(a) * len * 0.6, cy + std::cos(a) * len * 0.6};
  XY side{std::cos(a) * 7 * s, std::sin(a) * 7 * s};
  f.reserve({cx - len, cy - len - 8 * s, cx + len, cy + len});
  f.triangle(tip, {tail.x + side.x, tail.y + side.y}, {cx, cy}, st.ink);
  f.triangle(tip, {cx, cy}, {tail.x - side.x, tail.y - side.y}, {0.6f, 0.6f, 0.6f, 1});
  f.text("N", static_cast<float>(tip.x) - 4 * s, static_cast<float>(tip.y) - 4 * s, scaled(st.small, s));
}

void lay_out_furniture(const Frame& frame, const OverlayStyle& st, Furnisher& f) {
  const Furniture& fu = frame.furniture;
  const float s = frame.view.ui_scale, pad = st.pad_px * s;
  const TextStyle title = scaled(st.title, s), date = scaled(st.date, s);
  if (!fu.title.empty()) f.text(fu.title, pad, pad + title.size_px * 0.8f, title);
  if (!fu.date.empty()) {
    TextBox b = f.measure(fu.date, date);
    f.text(fu.date, frame.view.width_px - pad - b.width, pad + date.size_px * 0.8f, date);
  }
  const float bottom = lay_out_sources(frame, st, f);
  lay_out_scale_bar(frame, st, bottom, f);
  lay_out_legend(frame, st, bottom, f);
  lay_out_north_arrow(frame, st, f);
}

// Graticule degrees sit where the scene put them, unless furniture or another label is there.
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
    out.labels.push_back({l.text, x, y, l.style});
  }
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<Label>& labels, const View& view, const MeasureText& measure,
                                      std::vector<PixelBox> taken, float margin_px) {
  std::vector<size_t> order(labels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return labels[a].rank > labels[b].rank; });
  std::vector<PlacedLabel> placed;
  const float margin = margin_px * view.ui_scale;
  for (size_t i : order) {
    const Label& l = labels[i];
    TextBox box = measure(l.text, l.style);
    if (l.min_width_px > 0 && box.width > l.min_width_px) continue;
    bool done = false;
    for (XY anchor : {l.world, l.alternate}) {
      if (done || !std::isfinite(anchor.x)) continue;
      XY p = view.to_pixel(anchor);
      const float px = static_cast<float>(p.x), py = static_cast<float>(p.y), mid = (box.ascent - box.descent) / 2;
      // Area labels sit on their anchor; point labels try right, left, above, below their symbol.
      std::vector<std::pair<float, float>> spots;
      if (l.offset_px > 0)
        spots = {{px + l.offset_px, py + mid},
                 {px - l.offset_px - box.width, py + mid},
                 {px - box.width / 2, py - l.offset_px - box.descent},
                 {px - box.width / 2, py + l.offset_px + box.ascent}};
      else
        spots = {{px - box.width / 2, py + mid}};
      for (auto [x, y] : spots) {
        PixelBox b{x - margin, y - box.ascent - margin, x + box.width + margin, y + box.descent + margin};
        if (b.x0 < 0 || b.y0 < 0 || b.x1 > view.width_px || b.y1 > view.height_px) continue;
        if (std::any_of(taken.begin(), taken.end(), [&](const PixelBox& t) { return t.overlaps(b); })) continue;
        taken.push_back(b);
        placed.push_back({i, x, y});
        done = true;
        break;
      }
    }
  }
  return placed;
}

OverlayLayout layout_overlay(const Frame& frame, const MeasureText& measure, const OverlayStyle& style) {
  OverlayLayout out;
  Furnisher furnisher(out, measure);
  lay_out_furniture(frame, style, furnisher);
  for (const PlacedLabel& p : place_labels(frame.labels, frame.view, measure, out.reserved, style.label_margin_px)) {
    const Label& l = frame.labels[p.index];
    out.labels.push_back({l.text, p.x, p.y, l.style});
  }
  lay_out_fixed_labels(frame, style, measure, out);
  return out;
}

}  // namespace chronoatlas::render
