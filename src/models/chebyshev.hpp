// Internal: a smooth function on an interval as Chebyshev expansions, for the batch paths
// that would otherwise sum a hypergeometric series per customer.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <span>
#include <vector>

namespace excellence::inline v1::clv_core {

/// The M components of f on [lo, hi] as Chebyshev expansions, evaluated by Clenshaw's
/// recurrence. The functions this serves (₂F₁ and its derivatives in z, a prediction in T)
/// are analytic on the interval, so their coefficients fall geometrically: they are taken at
/// 16, then 32 and 64 Chebyshev points until the last quarter of every component's are below
/// `tolerance` times its largest value at the points, and the negligible tail is cut; about
/// twenty terms where a series takes eighty. The computed coefficients carry rounding of about
/// 1e-15 of that value, so a tolerance below that is never met. Empty when that does not happen, the interval is
/// a point, or f is not finite at a point: the caller then evaluates f itself.
template <std::size_t M>
class chebyshev_series {
 public:
  chebyshev_series() = default;

  template <class F>
  chebyshev_series(F f, double lo, double hi, double tolerance) : mid_((lo + hi) / 2), half_((hi - lo) / 2) {
    if (!(hi > lo)) return;
    for (std::size_t n = 16; n <= 64; n *= 2) {
      std::vector<std::array<double, M>> values(n);
      std::vector<double> node(n);
      std::array<double, M> largest{};
      for (std::size_t j = 0; j < n; ++j) {
        node[j] = std::cos(std::numbers::pi * (static_cast<double>(j) + 0.5) / static_cast<double>(n));
        values[j] = f(mid_ + half_ * node[j]);
        for (std::size_t m = 0; m < M; ++m) {
          if (!std::isfinite(values[j][m])) return;
          largest[m] = std::max(largest[m], std::abs(values[j][m]));
        }
      }
      // c_k = (2/n) Σⱼ f(xⱼ) T_k(xⱼ), with T_k(xⱼ) = cos(k θⱼ) by the three-term recurrence
      // (a small data set makes an expansion at every evaluation of a fit: n² cosines would
      // cost more than its customers save).
      std::vector<std::array<double, M>> c(n);
      std::vector<double> previous(n, 1.0), current = node;
      for (std::size_t k = 0; k < n; ++k) {
        const std::vector<double>& Tk = k == 0 ? previous : current;
        std::array<double, M> sum{};
        for (std::size_t j = 0; j < n; ++j)
          for (std::size_t m = 0; m < M; ++m) sum[m] += Tk[j] * values[j][m];
        for (std::size_t m = 0; m < M; ++m) c[k][m] = (k == 0 ? 1.0 : 2.0) * sum[m] / static_cast<double>(n);
        if (k > 0)
          for (std::size_t j = 0; j < n; ++j) {
            const double next = 2 * node[j] * current[j] - previous[j];
            previous[j] = current[j];
            current[j] = next;
          }
      }
      auto negligible = [&](std::size_t k) {
        for (std::size_t m = 0; m < M; ++m)
          if (std::abs(c[k][m]) > tolerance * largest[m]) return false;
        return true;
      };
      bool settled = true;
      for (std::size_t k = n - n / 4; k < n && settled; ++k) settled = negligible(k);
      if (!settled) continue;
      while (c.size() > 1 && negligible(c.size() - 1)) c.pop_back();
      coefficients_ = std::move(c);
      return;
    }
  }

  [[nodiscard]] bool empty() const noexcept { return coefficients_.empty(); }

  /// Σᵢ wᵢ f(tᵢ) from the moments of the tᵢ on the same interval (chebyshev_moments): the
  /// sum of a series is its coefficients times the sums of the polynomials, so a sum over a
  /// million customers costs as many multiplications as the series has terms. Not empty.
  [[nodiscard]] std::array<double, M> sum(std::span<const double> moments) const {
    std::array<double, M> out{};
    for (std::size_t k = 0; k < coefficients_.size() && k < moments.size(); ++k)
      for (std::size_t m = 0; m < M; ++m) out[m] += coefficients_[k][m] * moments[k];
    return out;
  }

  /// f(t) for lo ≤ t ≤ hi; not empty.
  [[nodiscard]] std::array<double, M> operator()(double t) const {
    const double u = (t - mid_) / half_, two_u = 2 * u;
    std::array<double, M> b1{}, b2{};
    for (std::size_t k = coefficients_.size() - 1; k > 0; --k)
      for (std::size_t m = 0; m < M; ++m) {
        const double b = coefficients_[k][m] + two_u * b1[m] - b2[m];
        b2[m] = b1[m];
        b1[m] = b;
      }
    std::array<double, M> out;
    for (std::size_t m = 0; m < M; ++m) out[m] = coefficients_[0][m] + u * b1[m] - b2[m];
    return out;
  }

 private:
  double mid_ = 0, half_ = 0;
  std::vector<std::array<double, M>> coefficients_{};
};

/// Σᵢ wᵢ Tₖ(uᵢ) for k < `count` (the most terms a chebyshev_series keeps: 64), with uᵢ the
/// position of tᵢ in [lo, hi] (−1 … 1) and weights w (empty: all 1), for
/// chebyshev_series::sum over the same interval; lo < hi.
inline std::vector<double> chebyshev_moments(std::span<const double> t, std::span<const double> weights, double lo,
                                             double hi, std::size_t count = 64) {
  // In blocks of four points: the three-term recurrence of one point is a chain of dependent
  // steps, four side by side are not (600,000 points: about 15 ms instead of 75).
  std::vector<double> moments(count, 0.0);
  const double mid = (lo + hi) / 2, half = (hi - lo) / 2;
  std::size_t i = 0;
  auto weight = [&](std::size_t j) { return weights.empty() ? 1.0 : weights[j]; };
  for (; i + 4 <= t.size(); i += 4) {
    std::array<double, 4> u{}, w{}, previous{}, current{};
    for (std::size_t j = 0; j < 4; ++j) {
      u[j] = (t[i + j] - mid) / half;
      w[j] = weight(i + j);
      previous[j] = 1;
      current[j] = u[j];
    }
    moments[0] += (w[0] + w[1]) + (w[2] + w[3]);
    for (std::size_t k = 1; k < count; ++k) {
      moments[k] += (w[0] * current[0] + w[1] * current[1]) + (w[2] * current[2] + w[3] * current[3]);
      for (std::size_t j = 0; j < 4; ++j) {
        const double next = 2 * u[j] * current[j] - previous[j];
        previous[j] = current[j];
        current[j] = next;
      }
    }
  }
  for (; i < t.size(); ++i) {
    const double w = weight(i), u = (t[i] - mid) / half;
    double previous = 1, current = u;
    moments[0] += w;
    for (std::size_t k = 1; k < count; ++k) {
      moments[k] += w * current;
      const double next = 2 * u * current - previous;
      previous = current;
      current = next;
    }
  }
  return moments;
}

}  // namespace excellence::inline v1::clv_core
