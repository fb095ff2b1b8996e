#pragma once
// LayerStyle as JSON: one reader and one writer, for scenario manifests and saved views alike.
#include <string>

#include <nlohmann/json.hpp>

#include "story/json_reader.h"
#include "story/layer_style.h"

namespace chronoatlas::story {

// The keys present in J ("fill", "stroke", "stroke_width", "opacity", "point_radius", "visible", "label_field", ...)
// applied over BASE; errors name the file and PATH + key.
Result<LayerStyle> read_layer_style(const Reader& reader, const nlohmann::json& j, const std::string& path,
                                    const LayerStyle& base);
// What a user can change in the app, under the same keys.
nlohmann::json editable_style_json(const LayerStyle& style);

}  // namespace chronoatlas::story
