// Internal: the type-7 sample quantile (Hyndman & Fan 1996; R's and numpy's default).
#pragma once

#include <excellence/config.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <utility>

EXCELLENCE_BEGIN_NAMESPACE
namespace detail {

/// Where the type-7 quantile at q of n values lies: between order statistics lo and lo + 1,
/// `fraction` of the way.
struct type7_position {
  std::size_t lo = 0;
  double fraction = 0;
};

[[nodiscard]] inline type7_position type7(double q, std::size_t n) {
  const double h = q * static_cast<double>(n - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  return {lo, h - static_cast<double>(lo)};
}

/// The type-7 quantile at q by selection rather than a sort: only the order statistics at
/// lo and lo + 1 are found (linear time). Reorders `work` from index `from` on; `from` may
/// be the `lo` of a previous call at a smaller q, whose values before it stay in place.
struct selected_quantile {
  double value = 0;
  std::size_t lo = 0;
};

[[nodiscard]] inline selected_quantile select_quantile(std::span<double> work, double q, std::size_t from = 0) {
  const auto [lo, fraction] = type7(q, work.size());
  const auto at = work.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(work.begin() + static_cast<std::ptrdiff_t>(from), at, work.end());
  const double low = *at;
  const double high = at + 1 == work.end() ? low : *std::min_element(at + 1, work.end());
  return {low + fraction * (high - low), lo};
}

/// The type-7 quantiles at q1 ≤ q2 of `work` (reordered), the second selection starting
/// where the first left off: the ends of a percentile interval, or two upper quantiles.
[[nodiscard]] inline std::pair<double, double> select_quantiles(std::span<double> work, double q1, double q2) {
  const auto first = select_quantile(work, q1);
  return {first.value, select_quantile(work, q2, first.lo).value};
}

}  // namespace detail
EXCELLENCE_END_NAMESPACE
