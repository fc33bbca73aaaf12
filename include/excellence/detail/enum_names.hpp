// One table per enum gives both directions, name → value and value → name, so that
// the command, the JSON documents and the bindings spell every enum value the same way.
#pragma once

#include <excellence/config.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

template <class E, std::size_t N>
struct enum_names {
  std::array<std::pair<E, const char*>, N> entries;

  [[nodiscard]] constexpr const char* name(E value) const noexcept {
    for (const auto& [v, n] : entries)
      if (v == value) return n;
    return "?";
  }
  [[nodiscard]] constexpr std::optional<E> parse(std::string_view text) const noexcept {
    for (const auto& [v, n] : entries)
      if (std::string_view(n) == text) return v;
    return std::nullopt;
  }
  /// False for a value outside the table (an int cast to the enum by a caller).
  [[nodiscard]] constexpr bool contains(E value) const noexcept {
    for (const auto& [v, n] : entries)
      if (v == value) return true;
    return false;
  }
  /// "a, b or c": the names for a message that lists the choices.
  [[nodiscard]] std::string choices() const {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) out += i + 1 == N ? " or " : ", ";
      out += entries[i].second;
    }
    return out;
  }
};

}  // namespace detail
EXCELLENCE_END_NAMESPACE
