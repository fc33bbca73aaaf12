// Internal: finding a value that repeats, for the id checks (a customer listed twice would
// be counted, fitted and predicted twice).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace excellence::inline v1::detail {

/// The first value equal to an earlier one, as {its index, the earlier one's index};
/// nullopt when every value differs. One hash lookup per value.
inline std::optional<std::pair<std::size_t, std::size_t>> first_repeat(std::span<const std::string> values) {
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto [it, added] = first.try_emplace(values[i], i);
    if (!added) return std::pair{i, it->second};
  }
  return std::nullopt;
}

}  // namespace excellence::inline v1::detail
