// Internal: the check every survey measure makes of an answer.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// An answer to a rating question must be a whole number on the question's scale:
/// invalid_value for a fraction or NaN, out_of_range outside [min, max]; the path is
/// `name[i]` and `noun` names the answer in the message ("an answer", "a rating").
[[nodiscard]] inline std::optional<diagnostic> check_scale_answer(double x, int min, int max, std::string_view name,
                                                                  std::size_t i, std::string_view noun) {
  if (!std::isfinite(x) || x != std::floor(x))
    return diagnostic{errc::invalid_value, "", 0, 0, indexed(name, i), std::string(noun) + " must be a whole number"};
  if (x < min || x > max)
    return diagnostic{errc::out_of_range,
                      "",
                      0,
                      0,
                      indexed(name, i),
                      std::string(noun) + " must lie in " + std::to_string(min) + "-" + std::to_string(max)};
  return std::nullopt;
}

}  // namespace detail
EXCELLENCE_END_NAMESPACE
