// Internal: the normal critical value of a two-sided confidence level.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>

#include <boost/math/distributions/normal.hpp>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// z with P(|Z| ≤ z) = confidence for a standard normal Z (Boost.Math's quantile), or
/// out_of_range at "confidence" unless 0 < confidence < 1.
[[nodiscard]] inline result<double> two_sided_z(double confidence) {
  if (!(confidence > 0 && confidence < 1))
    return input_error(errc::out_of_range, "confidence", "a confidence level must lie strictly between 0 and 1");
  return boost::math::quantile(boost::math::normal_distribution<double>(), 0.5 + confidence / 2);
}

}  // namespace detail
EXCELLENCE_END_NAMESPACE
