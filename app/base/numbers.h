#pragma once
// Numbers read from outside bytes (files, arguments, sessions, /proc): whole text or nothing, range-checked, never a
// throw, never undefined behaviour on overflow, never a locale's decimal comma.
#include <optional>
#include <string_view>

namespace chronoatlas {

// TEXT as a whole base-10 integer within [LOWEST, HIGHEST]; nothing when it has other characters, overflows or is out of range.
std::optional<long long> parse_integer(std::string_view text, long long lowest, long long highest);

// TEXT as a whole finite decimal number ("12", "-0.5", "1e3"); nothing for "nan", "inf", overflow, empty or trailing text.
std::optional<double> parse_number(std::string_view text);

}  // namespace chronoatlas
