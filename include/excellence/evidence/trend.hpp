// Trend statistics of a short series: the Mann–Kendall test (with the ties correction) and
// the Theil–Sen slope with Sen's distribution-free confidence interval.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

EXCELLENCE_BEGIN_NAMESPACE

/// The Mann–Kendall test of a monotonic trend (Mann 1945, Kendall 1975; the procedure of
/// Gilbert 1987, §16.4). S = Σ_{i<j} sgn(x_j − x_i): the later-higher pairs minus the
/// later-lower ones.
struct mann_kendall_result {
  std::size_t n = 0;          ///< values
  std::int64_t s = 0;         ///< the statistic S
  double tau = 0;             ///< Kendall's tau-a, S / (n(n − 1)/2)
  std::size_t tie_groups = 0; ///< groups of equal values (each of two or more)
  /// Var(S) under no trend, corrected for ties:
  /// [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18.
  double variance = 0;
  /// The normal score with the continuity correction: (S − 1)/√Var for S > 0, (S + 1)/√Var
  /// for S < 0, 0 for S = 0 (and when every value is equal).
  double z = 0;
  /// Two-sided p-value, P(|S'| ≥ |S|) under no trend.
  double p_value = 1;
  /// Whether p_value is exact: from the permutation distribution of S (every ordering of
  /// the values equally likely), which the library computes when there are no ties and
  /// n ≤ mann_kendall_exact_max. Otherwise it is the normal approximation 2(1 − Φ(|z|)),
  /// which is poor for the handful of periods results series often have.
  bool exact = false;
  friend bool operator==(const mann_kendall_result&, const mann_kendall_result&) = default;
};

/// Up to this many values without ties the Mann–Kendall p-value is exact (the distribution
/// of S is Kendall's, counted in O(n³) steps).
inline constexpr std::size_t mann_kendall_exact_max = 60;

/// The Mann–Kendall test of `values` in time order. Errors: fewer than 3 values (a trend
/// needs three points), a value that is not finite (invalid_value at values[i]).
[[nodiscard]] EXCELLENCE_API result<mann_kendall_result> try_mann_kendall(std::span<const double> values);
/// Throwing form of try_mann_kendall.
[[nodiscard]] inline mann_kendall_result mann_kendall(std::span<const double> values) {
  return try_mann_kendall(values).value();
}

/// The Theil–Sen estimate of a linear trend (Theil 1950, Sen 1968): the median of the
/// slopes between every pair of points, with Sen's confidence interval.
struct theil_sen_result {
  double slope = 0;      ///< median of the n(n − 1)/2 pairwise slopes (x_j − x_i)/(t_j − t_i)
  double intercept = 0;  ///< median(x) − slope · median(t) (Conover 1999)
  /// Sen's interval at `confidence` (Sen 1968; Gilbert 1987, §16.5.1): with
  /// C = z_{1−α/2}·√Var(S) (Var(S) of the Mann–Kendall test, ties corrected) and the N
  /// slopes in ascending order, the limits are the slopes of rank (N − C)/2 and
  /// (N + C)/2 + 1, each rounded to the nearest whole rank (half to even), as R's
  /// trend::sens.slope does. A limit whose rank falls outside 1…N is absent: that few
  /// points cannot bound the slope at this confidence (four points never give a 95 %
  /// interval).
  std::optional<double> lower{};
  std::optional<double> upper{};
  double confidence = 0.95;
  std::size_t slopes = 0;  ///< N, the pairwise slopes
  friend bool operator==(const theil_sen_result&, const theil_sen_result&) = default;
};

/// Theil–Sen slope of `values` against `times` (strictly increasing, e.g. period
/// numbers). Errors: sizes differ, fewer than 2 points, a time or value not finite, times
/// not strictly increasing (invalid_value at times[i]), confidence outside (0, 1).
[[nodiscard]] EXCELLENCE_API result<theil_sen_result> try_theil_sen(std::span<const double> times,
                                                                    std::span<const double> values,
                                                                    double confidence = 0.95);
/// Throwing form of try_theil_sen.
[[nodiscard]] inline theil_sen_result theil_sen(std::span<const double> times, std::span<const double> values,
                                                double confidence = 0.95) {
  return try_theil_sen(times, values, confidence).value();
}

EXCELLENCE_END_NAMESPACE
