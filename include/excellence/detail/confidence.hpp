// Internal: normal-distribution quantities for intervals and tests. Compiled
// (src/stats/normal.cpp): Boost.Math's distributions stay out of the standard-type
// headers, which keeps the umbrella header light (docs/architecture.md, "inline or compiled").
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// z with P(|Z| ≤ z) = confidence for a standard normal Z (Boost.Math's quantile), or
/// out_of_range at "confidence" unless 0 < confidence < 1.
[[nodiscard]] EXCELLENCE_API result<double> two_sided_z(double confidence);

/// P(|Z| ≥ |z|) for a standard normal Z: the two-sided p-value of a z statistic, computed
/// from the upper tail directly so that small p-values keep their precision.
[[nodiscard]] EXCELLENCE_API double two_sided_p_value(double z);

}  // namespace detail
EXCELLENCE_END_NAMESPACE
