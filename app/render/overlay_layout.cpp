#include "render/overlay_layout.h"

#include "render/furniture_layout.h"

namespace chronoatlas::render {

OverlayLayout layout_overlay(const Frame& frame, const MeasureText& measure, const OverlayStyle& style) {
  OverlayLayout out;
  lay_out_furniture(frame, style, measure, out);
  for (const PlacedLabel& p :
       place_labels(frame.labels, frame.symbols, frame.view, measure, out.reserved, style.label_margin_px)) {
    const Label& l = frame.labels[p.index];
    const bool named = l.layer >= 0 && static_cast<size_t>(l.layer) < frame.layer_titles.size();
    out.labels.push_back({l.text, p.x, p.y, l.style, named ? "labels/" + frame.layer_titles[l.layer] : "labels"});
    if (p.leader)
      out.shapes.push_back({ShapeKind::Polyline, {p.leader_from, p.leader_to}, style.leader_width_px * frame.view.ui_scale,
                            style.leader, "labels"});
  }
  lay_out_fixed_labels(frame, style, measure, out);
  return out;
}

}  // namespace chronoatlas::render
