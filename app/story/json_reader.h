#pragma once
// Reading typed values from JSON objects with errors that name the file and the key path, for every JSON file the
// app reads: scenarios, saved views, settings.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "base/colour.h"
#include "base/result.h"
#include "story/time.h"

namespace chronoatlas::story {

// Reads typed values from a JSON object, naming the file and key path in errors.
class Reader {
 public:
  Reader(std::string file) : file_(std::move(file)) {}

  std::string fail(const std::string& key, const std::string& expected) const {
    return file_ + ": key '" + key + "': expected " + expected;
  }

  Result<std::string> string(const nlohmann::json& j, const std::string& key, const std::string& path,
                             std::optional<std::string> fallback = std::nullopt) const {
    if (!j.contains(key)) {
      if (fallback) return *fallback;
      return Error{fail(path + key, "a string (missing)")};
    }
    if (!j[key].is_string()) return Error{fail(path + key, "a string")};
    return j[key].get<std::string>();
  }

  Result<Days> date(const nlohmann::json& j, const std::string& key, const std::string& path) const {
    auto text = string(j, key, path);
    if (!text) return Error{text.error()};
    auto d = parse_iso_date(*text);
    if (!d) return Error{file_ + ": key '" + path + key + "': " + d.error()};
    return *d;
  }

  // A number within [LO, HI]: every number in a file from someone else is range-checked before it sizes anything.
  Result<float> number(const nlohmann::json& j, const std::string& key, const std::string& path, float fallback,
                       double lo, double hi) const {
    if (!j.contains(key)) return fallback;
    if (!j[key].is_number()) return Error{fail(path + key, "a number")};
    const double x = j[key].get<double>();
    if (!(x >= lo && x <= hi))
      return Error{fail(path + key, "a number from " + nlohmann::json(lo).dump() + " to " + nlohmann::json(hi).dump() +
                                        ", not " + j[key].dump())};
    return static_cast<float>(x);
  }

  Result<Rgba> colour(const nlohmann::json& j, const std::string& key, const std::string& path, Rgba fallback) const {
    if (!j.contains(key)) return fallback;
    auto c = j[key].is_string() ? parse_colour(j[key].get<std::string>()) : std::nullopt;
    if (!c) return Error{fail(path + key, "a colour like \"#rrggbb\" or \"#rrggbbaa\"")};
    return *c;
  }

 private:
  std::string file_;
};

#define TRY_ASSIGN(target, expr)       \
  do {                                 \
    auto _r = (expr);                  \
    if (!_r) return Error{_r.error()}; \
    target = *_r;                      \
  } while (0)


}  // namespace chronoatlas::story
