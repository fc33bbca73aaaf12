// Internal: the Gauss hypergeometric function for the BG/NBD and MBG/NBD expectations.
#pragma once

#include "chebyshev.hpp"
#include "clv_fit.hpp"  // frequency_slots

// gamma.hpp first: pFq declares lgamma through math_fwd.hpp only, and a translation unit
// that never includes its definition fails to link in optimised builds.
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

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

/// The Gauss series of ₂F₁(a, b; c; z) for many z with the same a, b, c > 0, as the batch
/// predictions need it (the parameters depend on a customer's frequency only). The term
/// ratios ρₖ = (a+k)(b+k)/((c+k)(k+1)) are tabulated once, as running products over blocks
/// of four, so that a sum costs four independent multiplications per four terms instead of
/// a chain of divisions (about four times faster than gauss_series). The table reaches as
/// far as the series at `largest_z` needs; a z whose sum does not settle within it, or
/// overflows, gets nullopt (the caller then takes gauss_series' route).
class gauss_series_table {
 public:
  /// At most this many terms are tabulated (32 kB).
  static constexpr int max_terms = 4096;

  gauss_series_table() = default;
  gauss_series_table(double a, double b, double c, double largest_z) {
    if (!(a > 0 && b > 0 && c > 0 && largest_z > 0 && largest_z < 1)) return;
    // The terms the series needs at the largest z, and a block more.
    double term = 1, sum = 1;
    int needed = 0;
    for (int k = 0; k < max_terms; ++k) {
      const double kd = k;
      term *= (a + kd) * (b + kd) / ((c + kd) * (kd + 1)) * largest_z;
      const double next = sum + term;
      if (!std::isfinite(next)) return;
      if (next == sum) {
        needed = k + 1;
        break;
      }
      sum = next;
    }
    if (needed == 0 || needed + 8 > max_terms) return;
    const auto length = static_cast<std::size_t>((needed + 8 + 3) / 4 * 4);
    products_.resize(length);
    for (std::size_t k = 0; k < length; k += 4) {
      double product = 1;
      for (std::size_t j = 0; j < 4; ++j) {
        const auto kd = static_cast<double>(k + j);
        product *= (a + kd) * (b + kd) / ((c + kd) * (kd + 1));
        products_[k + j] = product;
      }
    }
  }

  /// Σₖ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ for 0 ≤ z ≤ largest_z, summed until a block of four terms no
  /// longer changes the sum; nullopt when the table is too short or the sum overflows.
  [[nodiscard]] std::optional<double> operator()(double z) const {
    const double z2 = z * z, z3 = z2 * z, z4 = z2 * z2;
    double term = 1, sum = 1;  // term: the last term of the previous block
    for (std::size_t k = 0; k < products_.size(); k += 4) {
      const double* r = products_.data() + k;
      const double t1 = term * (r[0] * z), t2 = term * (r[1] * z2), t3 = term * (r[2] * z3), t4 = term * (r[3] * z4);
      const double next = sum + ((t1 + t2) + (t3 + t4));
      if (next == sum) return std::isfinite(sum) ? std::optional<double>(sum) : std::nullopt;
      sum = next;
      term = t4;
    }
    return std::nullopt;
  }

  [[nodiscard]] bool empty() const noexcept { return products_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return products_.size(); }

 private:
  std::vector<double> products_{};  // for k = 0, 4, 8, …: ρₖ, ρₖρₖ₊₁, ρₖρₖ₊₁ρₖ₊₂, ρₖ…ρₖ₊₃
};

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
  // One term: ±Γ(c)Γ(g)/(Γ(p)Γ(q)) · F(a₂, b₂; c₂; w) · w^power. When Γ(p) or Γ(q) has a pole
  // the first term vanishes (its series terminates instead); the second cannot be formed.
  auto term = [&](double g, double p, double q, double a2, double b2, double c2, double power,
                  bool pole_vanishes) -> std::optional<double> {
    int s1 = 1, s2 = 1, s3 = 1;
    const auto lg = log_abs_gamma(g, s1);
    const auto lp = log_abs_gamma(p, s2);
    const auto lq = log_abs_gamma(q, s3);
    if (!lg) return std::nullopt;
    if (!lp || !lq) return pole_vanishes ? std::optional<double>(0.0) : std::nullopt;
    const auto f = gauss_series(a2, b2, c2, w);
    if (!f) return std::nullopt;
    return sc * s1 * s2 * s3 * std::exp(*lc + *lg - *lp - *lq + power * log_w) * *f;
  };
  const auto first = term(m, c - a, c - b, a, b, 1 - m, s, true);
  const auto second = term(-m, a, b, c - a, c - b, 1 + m, s + m, false);
  if (!first || !second) return std::nullopt;
  const double total = *first + *second;
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
/// With `table` (tabulated for these a, b, c), the series for z < 0.9 is summed from it.
inline double scaled_hyp2f1(double a, double b, double c, double z, double w, double s,
                            const gauss_series_table* table = nullptr) {
  if (z < 0.9) {
    if (table != nullptr)
      if (const auto sum = (*table)(z)) return std::exp(s * std::log(w)) * *sum;
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

/// The series of a batch prediction whose expectation sums ₂F₁(A(x), B(x); C(x); zᵢ) for
/// each customer i (BG/NBD, MBG/NBD): tabulated once per distinct frequency shared by at
/// least four customers, as far as the largest z among them needs (up to 0.9, where
/// scaled_hyp2f1 stops using the series), most frequent first, within about two doubles
/// of table per customer (so that a million distinct frequencies cost no more memory than
/// the customers themselves).
class series_by_frequency {
 public:
  /// `parameters(x)` gives {A, B, C} for frequency x, `z_of(i)` customer i's z; the
  /// customers are sorted on the pool's threads where there is one.
  template <class Parameters, class Z>
  series_by_frequency(std::span<const double> frequency, Parameters parameters, Z z_of,
                      excellence::detail::worker_pool* pool = nullptr)
      : slots_(distinct_frequencies(frequency, pool)), tables_(slots_.values.size()) {
    const std::size_t k = slots_.values.size();
    const auto ranges = ranges_by_slot(slots_, z_of, pool);
    const auto& count = ranges.count;
    const auto& largest = ranges.largest;
    std::vector<std::size_t> order(k);
    for (std::size_t s = 0; s < k; ++s) order[s] = s;
    std::sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return count[l] > count[r]; });
    std::size_t budget = 2 * frequency.size() + 65'536;
    for (const std::size_t s : order) {
      if (count[s] < 4) break;
      const auto [a, b, c] = parameters(slots_.values[s]);
      gauss_series_table table(a, b, c, std::min(largest[s], 0.9));
      if (table.size() > budget) continue;
      budget -= table.size();
      tables_[s] = std::move(table);
    }
  }

  /// The table for customer i, or nullptr (then the series is summed term by term).
  [[nodiscard]] const gauss_series_table* operator[](std::size_t i) const { return of_slot(slots_.slot[i]); }

  /// The distinct frequencies and each customer's slot among them.
  [[nodiscard]] const frequency_slots& slots() const noexcept { return slots_; }

  /// The table of a slot, or nullptr.
  [[nodiscard]] const gauss_series_table* of_slot(std::size_t slot) const {
    const auto& table = tables_[slot];
    return table.empty() ? nullptr : &table;
  }

 private:
  frequency_slots slots_;
  std::vector<gauss_series_table> tables_;
};

/// The numerator of a BG/NBD-family expectation, `numerator(x, T, table)` (it depends on x
/// and T only), for each customer of a batch: for a frequency of 256 customers or more from a
/// Chebyshev expansion in T over those customers' ages, to 1e-14 — about fifteen terms where
/// the series takes fifty, and no logarithm or exponential per customer, most of a batch's
/// time otherwise; elsewhere from the series. `series` must outlive it.
template <class Numerator>
class expectation_numerators {
 public:
  expectation_numerators(const series_by_frequency& series, std::span<const double> age, Numerator numerator,
                         excellence::detail::worker_pool* pool = nullptr)
      : series_(series), numerator_(std::move(numerator)), expansions_(series.slots().values.size()) {
    const auto& slots = series.slots();
    const auto ages = ranges_by_slot(slots, [&](std::size_t i) { return age[i]; }, pool);
    for (std::size_t s = 0; s < slots.values.size(); ++s)
      if (ages.count[s] >= 256) {
        const double x = slots.values[s];
        const auto* table = series.of_slot(s);
        expansions_[s] = chebyshev_series<1>([&](double T) { return std::array{numerator_(x, T, table)}; },
                                             ages.smallest[s], ages.largest[s], 1e-14);
      }
  }

  /// The numerator of customer i, whose frequency is x and age T.
  [[nodiscard]] double operator()(std::size_t i, double x, double T) const {
    const auto& expansion = expansions_[series_.slots().slot[i]];
    return expansion.empty() ? numerator_(x, T, series_[i]) : expansion(T)[0];
  }

 private:
  const series_by_frequency& series_;
  Numerator numerator_;
  std::vector<chebyshev_series<1>> expansions_;
};

/// The series of a BG/NBD-family expectation over `horizon`, where customer i's z is
/// horizon/(α + T + horizon); `parameters(x)` gives {A, B, C}.
template <class Parameters>
series_by_frequency horizon_series(const clv_customers& c, double alpha, double horizon, Parameters parameters,
                                   excellence::detail::worker_pool* pool = nullptr) {
  return series_by_frequency(
      c.frequency, parameters, [&](std::size_t i) { return horizon / (alpha + c.age[i] + horizon); }, pool);
}

}  // namespace excellence::inline v1::clv_core
