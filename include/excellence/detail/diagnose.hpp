// Internal: the diagnostic of an input that is not a file (a span, a struct field).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// An error about the argument at `path` ("importance", attributes[2].score): no file,
/// line or column, which a reader of a file adds when it maps the element to a cell.
[[nodiscard]] inline diagnostic input_error(errc code, field_path path, std::string message) {
  return diagnostic{code, "", 0, 0, std::move(path), std::move(message)};
}

/// The path name[i]. Meant to be called only once something is wrong, never per element
/// of a large input.
[[nodiscard]] inline field_path indexed(std::string_view name, std::size_t i) {
  return field_path(name).index(i);
}

/// The path name[i].field.
[[nodiscard]] inline field_path element_field(std::string_view name, std::size_t i, std::string_view field) {
  return field_path(name).index(i).field(field);
}

/// Re-addresses an error about element i of an array that a function built from its
/// caller's input (regrouped, filtered) to the caller's own row: the path becomes
/// name[row_of[i]]. False, leaving the error alone, when it names no element of row_of.
inline bool readdress(diagnostic& d, std::span<const std::size_t> row_of, std::string_view name) {
  const auto i = d.element();
  if (!i || *i >= row_of.size()) return false;
  d.path = indexed(name, row_of[*i]);
  return true;
}

/// A finite number, else invalid_value at `path` naming `noun`.
[[nodiscard]] inline std::optional<diagnostic> check_finite(double x, const field_path& path, std::string_view noun) {
  if (std::isfinite(x)) return std::nullopt;
  std::string message(noun);
  message += " must be a finite number";
  return input_error(errc::invalid_value, path, std::move(message));
}

}  // namespace detail
EXCELLENCE_END_NAMESPACE
