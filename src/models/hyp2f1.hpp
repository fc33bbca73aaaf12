// Internal: the Gauss hypergeometric function for the BG/NBD and MBG/NBD expectations.
#pragma once

// gamma.hpp first: pFq declares lgamma through math_fwd.hpp only, and a translation unit
// that never includes its definition fails to link in optimised builds.
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <optional>

namespace excellence::inline v1::clv_core {

/// Σₖ (a)ₖ(b)ₖ/((c)ₖ k!) wᵏ for |w| < 1, summed until a term no longer changes the sum once
/// every Pochhammer factor is positive (before that a factor passing near zero could make a
/// term small while later ones are not); nullopt when it does not settle within 10,000
/// terms or overflows, for the caller to take another route.
inline std::optional<double> gauss_series(double a, double b, double c, double w) {
  const double settled_after = std::max({0.0, -a, -b, -c});
  double term = 1, sum = 1;
  for (int k = 0; k < 10'000; ++k) {
    const double kd = k;
    term *= (a + kd) * (b + kd) / ((c + kd) * (kd + 1)) * w;
    const double next = sum + term;
    if (!std::isfinite(next)) return std::nullopt;
    if (next == sum && kd > settled_after) return sum;
    sum = next;
  }
  return std::nullopt;
}

namespace detail {

// log|Γ(x)| and its sign; nullopt at a pole (x a non-positive integer), where 1/Γ(x) = 0.
inline std::optional<double> log_abs_gamma(double x, int& sign) {
  if (x <= 0 && x == std::floor(x)) return std::nullopt;
  return boost::math::lgamma(x, &sign);
}

// (1 − z)^s ₂F₁(a, b; c; z) by the connection formula to 1 − z (DLMF 15.8.4), with
// m = c − a − b not an integer:
//   Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) · F(a, b; 1−m; w) · wˢ
//   + Γ(c)Γ(−m)/(Γ(a)Γ(b)) · F(c−a, c−b; 1+m; w) · w^(s+m),   w = 1 − z.
// The gamma ratios are formed in logarithms and the powers of w folded into them, so a
// horizon of 1e300 (w = 1e-300) neither overflows nor underflows on its own.
inline std::optional<double> scaled_by_connection(double a, double b, double c, double w, double s) {
  const double m = c - a - b;
  const double log_w = std::log(w);
  int sc = 1;
  const auto lc = log_abs_gamma(c, sc);
  if (!lc) return std::nullopt;
  double total = 0;
  // First term: vanishes when c − a or c − b is a pole of Γ (the series terminates instead).
  {
    int s1 = 1, s2 = 1, s3 = 1;
    const auto lm = log_abs_gamma(m, s1);
    const auto lca = log_abs_gamma(c - a, s2);
    const auto lcb = log_abs_gamma(c - b, s3);
    if (!lm) return std::nullopt;
    if (lca && lcb) {
      const auto f = gauss_series(a, b, 1 - m, w);
      if (!f) return std::nullopt;
      total += sc * s1 * s2 * s3 * std::exp(*lc + *lm - *lca - *lcb + s * log_w) * *f;
    }
  }
  {
    int s1 = 1, s2 = 1, s3 = 1;
    const auto lm = log_abs_gamma(-m, s1);
    const auto la = log_abs_gamma(a, s2);
    const auto lb = log_abs_gamma(b, s3);
    if (!lm || !la || !lb) return std::nullopt;
    const auto f = gauss_series(c - a, c - b, 1 + m, w);
    if (!f) return std::nullopt;
    total += sc * s1 * s2 * s3 * std::exp(*lc + *lm - *la - *lb + (s + m) * log_w) * *f;
  }
  if (!std::isfinite(total)) return std::nullopt;
  return total;
}

}  // namespace detail

/// (1 − z)^s · ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, with w = 1 − z given by the
/// caller (computed as (α + T)/(α + T + t), not as 1 − z, which loses the digits that
/// matter when z is near 1). Near z = 1 the Gauss series needs about 1/w terms — a horizon
/// of a million weeks meant a million terms per customer — so from z = 0.9 on the value
/// comes from the connection formula to 1 − z, whose series converge like 0.1ᵏ. When
/// c − a − b is within 1e-6 of an integer that formula's two terms have cancelling poles;
/// the value is then the mean of those at c ± 1e-5 (the function is smooth in c: error
/// about 1e-10 relative). Anything the formula cannot evaluate goes to Boost's pFq.
inline double scaled_hyp2f1(double a, double b, double c, double z, double w, double s) {
  if (z < 0.9) {
    if (const auto sum = gauss_series(a, b, c, z)) return std::exp(s * std::log(w)) * *sum;
  } else {
    const double m = c - a - b;
    std::optional<double> value;
    if (std::abs(m - std::round(m)) > 1e-6) {
      value = detail::scaled_by_connection(a, b, c, w, s);
    } else {
      const auto below = detail::scaled_by_connection(a, b, c - 1e-5, w, s);
      const auto above = detail::scaled_by_connection(a, b, c + 1e-5, w, s);
      if (below && above) value = (*below + *above) / 2;
    }
    if (value) return *value;
  }
  // Boost reports parameters its series cannot handle by throwing; here that is a value
  // the caller cannot use (NaN), which the predictions report as an error naming the
  // customer — an exception from a worker thread would end the program.
  try {
    return std::exp(s * std::log(w)) * boost::math::hypergeometric_pFq({a, b}, {c}, z);
  } catch (const std::exception&) {
    return std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace excellence::inline v1::clv_core
