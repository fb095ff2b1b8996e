#include "model/style_evaluator.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/numbers.h"
#include "model/layer_times.h"

namespace chronoatlas::model {

StyleEvaluator::StyleEvaluator(const AtlasLayer& layer, story::Days day)
    : layer_(layer),
      day_(day),
      key_(layer.data->field_index(layer.spec.key_field)),
      by_(layer.data->field_index(layer.spec.style.fill_by_field)),
      size_by_(layer.spec.style.size_max > 0 ? layer.data->field_index(layer.spec.style.size_by_field) : -1) {}

FeatureStyle StyleEvaluator::operator()(size_t i) const {
  const story::LayerStyle& st = layer_.spec.style;
  const geo::Feature& f = layer_.data->features[i];
  FeatureStyle s;
  s.fill = st.fill;
  s.stroke = st.stroke;
  s.radius_px = st.point_radius_px;
  s.flow = st.flow;
  if (by_ >= 0) {
    if (auto it = st.fill_by_value.find(f.values[by_]); it != st.fill_by_value.end()) s.fill = it->second;
    if (auto it = st.stroke_by_value.find(f.values[by_]); it != st.stroke_by_value.end()) s.stroke = it->second;
  }
  if (size_by_ >= 0) {
    // Area in proportion to the value (at least 3 px, so a zero is still seen); a missing or unreadable number
    // gets the layer's plain symbol.
    if (const std::optional<double> v = parse_number(f.values[size_by_]); v && *v >= 0)
      s.radius_px = std::max(3.0f, static_cast<float>(st.size_max_px * std::sqrt(*v / st.size_max)));
  }
  if (i < layer_.highlights.size() && highlighted_on(layer_.highlights[i], day_)) s.emphasis = 1;
  for (const story::Series& series : layer_.spec.series) {
    if (key_ < 0 || f.values[key_] != series.feature_key) continue;
    const story::Sample* reported = story::sample_at(series, day_);
    if (reported && std::isnan(reported->value)) {
      // No figure: a small faint symbol that claims no size, never the last figure held over.
      s.radius_px = st.point_radius_px;
      s.fill.a *= 0.3f;
      continue;
    }
    double v = std::max(0.0, story::series_value(series, day_).value_or(0.0));
    if (series.radius_px_per_sqrt > 0) s.radius_px = static_cast<float>(series.radius_px_per_sqrt * std::sqrt(v));
    // A width of 0 would fall back to the layer's: hide the line with a hair-thin width instead.
    if (series.width_px_per_unit > 0) s.width_px = std::max(0.01f, static_cast<float>(series.width_px_per_unit * v));
  }
  return s;
}

std::vector<FeatureStyle> evaluate_styles(const AtlasLayer& layer, story::Days day) {
  const StyleEvaluator look(layer, day);
  std::vector<FeatureStyle> styles;
  styles.reserve(layer.data->features.size());
  for (size_t i = 0; i < layer.data->features.size(); ++i) styles.push_back(look(i));
  return styles;
}

std::string series_label_of(const AtlasLayer& layer, size_t feature, story::Days day) {
  int key = layer.data->field_index(layer.spec.key_field);
  if (key < 0) return "";
  for (const story::Series& series : layer.spec.series)
    if (layer.data->features[feature].values[key] == series.feature_key)
      if (std::string text = story::series_label(series, day); !text.empty()) return text;
  return "";
}

bool is_static(const AtlasLayer& layer) { return layer.times.empty() && !styles_vary_by_day(layer); }

bool styles_vary_by_day(const AtlasLayer& layer) {
  const story::LayerStyle& st = layer.spec.style;
  return !layer.spec.series.empty() || !st.highlight_field.empty() || st.flow;
}

}  // namespace chronoatlas::model
