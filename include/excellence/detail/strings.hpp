// Internal: string helpers.
#pragma once

#include <excellence/config.hpp>

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// The parts, each convertible to std::string_view, with `separator` between them.
/// Appending (rather than `"" + std::string(...)`) also keeps GCC 12's -Wrestrict false
/// positive on literal + temporary string (GCC bug 105651) out of users' builds.
template <class Range>
[[nodiscard]] std::string join(const Range& parts, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out += separator;
    out += std::string_view(part);
    first = false;
  }
  return out;
}

/// The parts (each convertible to std::string_view) one after another. Appending keeps
/// GCC 12's -Wrestrict false positive on `"literal" + std::string` (bug 105651) away.
template <class... Parts>
[[nodiscard]] std::string concat(const Parts&... parts) {
  std::string out;
  ((out += std::string_view(parts)), ...);
  return out;
}

/// The shortest text that reads back as `value` ("3", "0.25", "1e+300"), for messages.
[[nodiscard]] inline std::string shortest(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc{} ? std::string(buffer, end) : std::string("?");
}

}  // namespace detail
EXCELLENCE_END_NAMESPACE
