#pragma once
// Each feature's look at a date: the layer's style, colours by value, sizes by a field or by a series' last
// reported figure, highlight rings. Pure functions of the layer and the date.
#include <string>
#include <vector>

#include "model/atlas_layer.h"
#include "model/feature_style.h"

namespace chronoatlas::model {

// Each feature's look at DAY: the layer's style, categorical fills, highlight rings, and sizes from series (by the
// last reported figure or as the series interpolates). A pure function of its arguments.
std::vector<FeatureStyle> evaluate_styles(const AtlasLayer& layer, story::Days day);
// The same for one feature at a time, for callers that need only the few features live on a date (labels, picking
// among 100,000 events).
class StyleEvaluator {
 public:
  StyleEvaluator(const AtlasLayer& layer, story::Days day);
  FeatureStyle operator()(size_t feature) const;

 private:
  const AtlasLayer& layer_;
  story::Days day_;
  int key_, by_, size_by_;  // field indices: series key, colour by, size by; -1 for none
};
// The label a series gives FEATURE at DAY ("100,625 arrived in Armenia"), or "".
std::string series_label_of(const AtlasLayer& layer, size_t feature, story::Days day);
// True when LAYER looks the same on every date (no times, series, highlights or flows).
bool is_static(const AtlasLayer& layer);
// True when evaluate_styles gives LAYER other looks on other dates (series, highlights, flows). Times alone do not:
// they choose which features show, on the GPU, not how they look.
bool styles_vary_by_day(const AtlasLayer& layer);
}  // namespace chronoatlas::model
