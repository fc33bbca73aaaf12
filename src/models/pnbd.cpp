#include <excellence/detail/diagnose.hpp>
#include <excellence/models/clv/pnbd.hpp>

#include "chebyshev.hpp"
#include "clv_fit.hpp"
#include "clv_individual.hpp"
#include "hyp2f1.hpp"

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <unordered_map>
#include <vector>

namespace excellence::inline v1 {

namespace {

using boost::math::digamma;
using boost::math::lgamma;

// ₂F₁(a, b; c; z) and its partial derivatives, for a, b, c > 0 and 0 ≤ z < 1: the Gauss
// series with its terms' derivatives accumulated alongside ((a)ₖ/∂a = (a)ₖ Σⱼ<ₖ 1/(a+j),
// and so on). In the Pareto/NBD z = |α−β|/(max(α, β)+t) < 1 always; the terms' ratio tends
// to z, so the sum is short unless one of α, β is far smaller than the other, where it
// takes longer but still converges (capped at 10⁶ terms: beyond, NaN, which the optimiser
// backs away from).
struct hyp2f1_derivatives {
  double value = 1, d_a = 0, d_b = 0, d_c = 0, d_z = 0;
};

hyp2f1_derivatives hyp2f1_with_derivatives(double a, double b, double c, double z) {
  hyp2f1_derivatives h;
  double term = 1, sa = 0, sb = 0, sc = 0;
  for (int k = 0; k < 1'000'000; ++k) {
    const double kd = k;
    sa += 1 / (a + kd);
    sb += 1 / (b + kd);
    sc += 1 / (c + kd);
    // d/dz of t_{k+1} = (a)(b)/(c) · (t_k-without-z) · (k+1) z^k: from the previous term.
    const double ratio = (a + kd) * (b + kd) / ((c + kd) * (kd + 1));
    h.d_z += term * ratio * (kd + 1);  // term·ratio·(k+1) = d/dz of the next term's z^(k+1)
    term *= ratio * z;
    h.value += term;
    h.d_a += term * sa;
    h.d_b += term * sb;
    h.d_c -= term * sc;
    if (term < 1e-17 * h.value && term * (sa + sb + sc + (kd + 1)) < 1e-17 * h.value) return h;
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  return {nan, nan, nan, nan, nan};
}

// The series of ₂F₁(a, b; a+1; z) and its derivatives for one frequency x, with the
// coefficients (a)ₖ(b)ₖ/((c)ₖ k!) and the running sums Σ 1/(a+j), Σ 1/(b+j), Σ 1/(c+j)
// computed once: each customer then only multiplies powers of his z (no divisions).
class series_table {
 public:
  series_table() = default;
  series_table(double a, double b, double c, double z_max) {
    double coef = 1, sa = 0, sb = 0, sc = 0;
    for (int k = 0; k < 1'000'000; ++k) {
      const double kd = k;
      coef_.push_back(coef);
      sa_.push_back(sa);
      sb_.push_back(sb);
      sc_.push_back(sc);
      // Enough terms for the largest z of this frequency.
      if (k > 0 && coef * std::pow(z_max, kd) * (1 + sa + sb + sc + kd) < 1e-17) return;
      coef *= (a + kd) * (b + kd) / ((c + kd) * (kd + 1));
      sa += 1 / (a + kd);
      sb += 1 / (b + kd);
      sc += 1 / (c + kd);
    }
    complete_ = false;
  }

  [[nodiscard]] hyp2f1_derivatives operator()(double z) const {
    if (!complete_) {
      const double nan = std::numeric_limits<double>::quiet_NaN();
      return {nan, nan, nan, nan, nan};
    }
    hyp2f1_derivatives h{0, 0, 0, 0, 0};
    double zk = 1;   // z^k
    double zk1 = 0;  // k z^(k−1)
    for (std::size_t k = 0; k < coef_.size(); ++k) {
      const double term = coef_[k] * zk;
      h.value += term;
      h.d_a += term * sa_[k];
      h.d_b += term * sb_[k];
      h.d_c -= term * sc_[k];
      h.d_z += coef_[k] * zk1;
      zk1 = static_cast<double>(k + 1) * zk;
      zk *= z;
      if (term < 1e-17 * h.value && k > 0 &&
          term * (1 + sa_[k] + sb_[k] + sc_[k] + static_cast<double>(k)) < 1e-17 * h.value)
        break;
    }
    return h;
  }

 private:
  std::vector<double> coef_{}, sa_{}, sb_{}, sc_{};
  bool complete_ = true;
};

// The series and its four derivatives on [lo, hi] as Chebyshev expansions (to 1e-14 of each):
// at the fitted parameters of a large sample α and β lie apart, z reaches 0.6 and the series
// needs some eighty terms, which made it most of a fit's time; the expansions about twenty.
using series_expansion = clv_core::chebyshev_series<5>;

series_expansion expand_series(const series_table& table, double lo, double hi) {
  return series_expansion(
      [&](double z) {
        const auto h = table(z);
        return std::array{h.value, h.d_a, h.d_b, h.d_c, h.d_z};
      },
      lo, hi, 1e-14);
}

// What depends on the frequency only: the series table, lgamma(r+x) − lgamma(r) and
// digamma(r+x) − digamma(r), and the series at t_x = 0 (shared by all customers without
// repeat purchases) with its logarithm.
struct frequency_terms {
  const series_table* table = nullptr;
  const series_expansion* expansion = nullptr;  // the table's expansion, where it was made
  double lgamma_ratio = 0;
  double digamma_difference = 0;
  hyp2f1_derivatives at_zero{};
  double log_at_zero = 0;

  // The series at z, from the expansion where there is one.
  [[nodiscard]] hyp2f1_derivatives series(double z) const {
    if (expansion == nullptr) return (*table)(z);
    const auto e = (*expansion)(z);
    return {e[0], e[1], e[2], e[3], e[4]};
  }
};

// log α and log β, the same for every customer of an evaluation.
struct parameter_logs {
  double alpha = 0, beta = 0;
};

// A logarithm and its gradient in (r, α, s, β): what log L is made of.
using log_gradient = std::array<double, 5>;

// log term1 = −(r+x) log(α+T) − s log(β+T), with its gradient.
log_gradient log_term1_of(double r, double alpha, double s, double beta, double x, double T, double log_alpha_T,
                          double log_beta_T) {
  return {-(r + x) * log_alpha_T - s * log_beta_T, -log_alpha_T, -(r + x) / (alpha + T), -log_beta_T,
          -s / (beta + T)};
}

// log F = log H(z) − ρ log y, for y = max(α, β) + t and z = |α − β|/y, with its gradient from
// H's derivatives: H = ₂F₁(ρ, b; ρ+1; z), ρ = r+s+x, b = s+1 when α ≥ β, else r+x.
log_gradient log_f_of(const hyp2f1_derivatives& h, double log_h, double rho, double alpha, double beta, double y,
                      double log_y) {
  const bool alpha_larger = alpha >= beta;
  const double d_a = h.d_a / h.value, d_b = h.d_b / h.value, d_c = h.d_c / h.value;
  // z = (larger − smaller)/y with y = larger + t: ∂z/∂smaller = −1/y, ∂z/∂larger = (y − gap)/y².
  const double d_z = h.d_z / h.value / y;
  const double through_larger = d_z * (y - std::abs(alpha - beta)) / y - rho / y;
  const double through_smaller = -d_z;
  return {log_h - rho * log_y, d_a + (alpha_larger ? 0.0 : d_b) + d_c - log_y,
          alpha_larger ? through_larger : through_smaller, d_a + (alpha_larger ? d_b : 0.0) + d_c - log_y,
          alpha_larger ? through_smaller : through_larger};
}

// log L = head + log(term1 + (s/ρ)(F₁ − F₂)) and, when asked, its gradient, from the
// pieces' logarithms: everything scaled by e^−M for range (the gradient's ratios do not
// depend on M). NaN when the bracket is not positive.
double combine(double head, const std::array<double, 4>& d_head, double s, double rho, const log_gradient& term1_log,
               const log_gradient& f1_log, const log_gradient& f2_log, std::array<double, 4>* gradient) {
  const bool term1_larger = term1_log[0] >= f1_log[0];
  const double M = term1_larger ? term1_log[0] : f1_log[0];
  const double term1 = term1_larger ? 1.0 : std::exp(term1_log[0] - M);
  const double f1 = term1_larger ? std::exp(f1_log[0] - M) : 1.0;
  const double f2 = std::exp(f2_log[0] - M);
  const double k = s / rho;
  const double inner = term1 + k * (f1 - f2);
  if (!(inner > 0)) return std::numeric_limits<double>::quiet_NaN();
  if (gradient != nullptr) {
    const std::array<double, 4> d_k{-s / (rho * rho), 0, 1 / rho - s / (rho * rho), 0};
    for (std::size_t j = 0; j < 4; ++j)
      (*gradient)[j] =
          d_head[j] +
          (term1 * term1_log[j + 1] + d_k[j] * (f1 - f2) + k * (f1 * f1_log[j + 1] - f2 * f2_log[j + 1])) / inner;
  }
  return head + M + std::log(inner);
}

// log L of one customer and, when asked, its gradient in (r, α, s, β). `terms`, when
// given, carries the work shared by customers of the same frequency, and `logs` that shared
// by all. Each logarithm is taken once: log(y₂) is log(α+T) or log(β+T), and at t_x = 0
// log(y₁) is log α or log β.
double customer(double r, double alpha, double s, double beta, double x, double t_x, double T,
                std::array<double, 4>* gradient, const frequency_terms* terms = nullptr,
                const parameter_logs* logs = nullptr) {
  const double rho = r + s + x;
  const bool alpha_larger = alpha >= beta;
  const series_table* table = terms != nullptr ? terms->table : nullptr;
  const double log_alpha = logs != nullptr ? logs->alpha : std::log(alpha);
  const double log_beta = logs != nullptr ? logs->beta : std::log(beta);
  const double head =
      (terms != nullptr ? terms->lgamma_ratio : lgamma(r + x) - lgamma(r)) + r * log_alpha + s * log_beta;
  const double log_alpha_T = std::log(alpha + T), log_beta_T = std::log(beta + T);
  const double shift = alpha_larger ? alpha : beta;  // y = shift + t
  const double other = alpha_larger ? beta : alpha;
  const double b = alpha_larger ? s + 1 : r + x;
  const double y1 = shift + t_x, y2 = shift + T;
  const double log_y1 = t_x == 0 ? (alpha_larger ? log_alpha : log_beta) : std::log(y1);
  const double log_y2 = alpha_larger ? log_alpha_T : log_beta_T;
  // Without a gradient (predictions) only the value is needed: near z = 1 (one of α, β far
  // smaller than the other) it comes from the connection formula, 1 − z = (other + t)/y,
  // instead of a series of up to a million terms per customer.
  auto value_only = [&](double y, double t) {
    hyp2f1_derivatives h;
    h.value = clv_core::scaled_hyp2f1(rho, b, rho + 1, (shift - other) / y, (other + t) / y, 0.0);
    return h;
  };
  const bool values_only = gradient == nullptr && table == nullptr;
  const bool shared_h1 = table != nullptr && t_x == 0;
  const auto h1 = shared_h1          ? terms->at_zero
                  : table != nullptr ? terms->series((shift - other) / y1)
                  : values_only      ? value_only(y1, t_x)
                                     : hyp2f1_with_derivatives(rho, b, rho + 1, (shift - other) / y1);
  const auto h2 = table != nullptr ? terms->series((shift - other) / y2)
                  : values_only    ? value_only(y2, T)
                                   : hyp2f1_with_derivatives(rho, b, rho + 1, (shift - other) / y2);
  const auto f1 = log_f_of(h1, shared_h1 ? terms->log_at_zero : std::log(h1.value), rho, alpha, beta, y1, log_y1);
  const auto f2 = log_f_of(h2, std::log(h2.value), rho, alpha, beta, y2, log_y2);
  std::array<double, 4> d_head{};
  if (gradient != nullptr)
    d_head = {(terms != nullptr ? terms->digamma_difference : digamma(r + x) - digamma(r)) + log_alpha, r / alpha,
              log_beta, s / beta};
  return combine(head, d_head, s, rho, log_term1_of(r, alpha, s, beta, x, T, log_alpha_T, log_beta_T), f1, f2,
                 gradient);
}

// What an evaluation needs of the customers beyond their columns, the same at every one: the
// distinct frequencies and, per frequency, the customers and the ranges of their t_x and T,
// and the smallest positive t (t_x, or T where t_x = 0): the ranges the expansions cover.
struct pnbd_data {
  clv_core::frequency_slots xs;
  clv_core::slot_ranges recency, age;
  std::vector<double> smallest_positive;
  // The customers without repeat purchases (x = 0): their slot (none when there is no such
  // customer), and when there are 256 or more of different ages, the moments of their ages
  // (weighted) on their range, through which their log-likelihood and its gradient are
  // summed from the expansion in T without visiting them.
  std::size_t none = 0;
  std::vector<double> none_moments;
};

pnbd_data pnbd_data_of(const clv_customers& c, detail::worker_pool& pool) {
  pnbd_data d;
  d.xs = clv_core::distinct_frequencies(c.frequency, &pool);
  d.recency = clv_core::ranges_by_slot(d.xs, [&](std::size_t i) { return c.recency[i]; }, &pool);
  d.age = clv_core::ranges_by_slot(d.xs, [&](std::size_t i) { return c.age[i]; }, &pool);
  d.smallest_positive = clv_core::ranges_by_slot(
                            d.xs, [&](std::size_t i) { return c.recency[i] > 0 ? c.recency[i] : c.age[i]; }, &pool)
                            .smallest;
  const std::size_t distinct = d.xs.values.size();
  d.none = static_cast<std::size_t>(std::find(d.xs.values.begin(), d.xs.values.end(), 0.0) - d.xs.values.begin());
  if (d.none < distinct && d.age.count[d.none] >= 256 && d.age.smallest[d.none] < d.age.largest[d.none]) {
    std::vector<double> ages, weights;
    ages.reserve(d.age.count[d.none]);
    for (std::size_t i = 0; i < c.frequency.size(); ++i)
      if (d.xs.slot[i] == d.none) {
        ages.push_back(c.age[i]);
        if (!c.weights.empty()) weights.push_back(c.weights[i]);
      }
    d.none_moments = clv_core::chebyshev_moments(ages, weights, d.age.smallest[d.none], d.age.largest[d.none]);
  }
  return d;
}

// A frequency's pieces of log L as Chebyshev expansions (to 1e-14 of each), for frequencies of
// 256 customers or more, where an expansion (64 evaluations at most) costs less than it
// saves. A customer's log L depends on his x, t_x and T; for one x it is made of functions
// of T alone (log term1 and log F₂) and of t_x alone (log F₁), smooth on the ranges the
// customers span: each customer then costs two Clenshaw sums, two exponentials and one
// logarithm instead of two sums of the series, six logarithms and three exponentials. A
// customer without repeat purchases (x = 0, t_x = 0: most customers of most data sets) is
// a function of T alone: one expansion of log L and its gradient, summed over them through the
// moments of their ages. Where an expansion cannot
// be made (a range that is a point, a function that will not settle), customer().
struct frequency_expansions {
  clv_core::chebyshev_series<10> of_T;  // log term1 and log F₂, with gradients
  clv_core::chebyshev_series<5> of_t;   // log F₁, with its gradient
  clv_core::chebyshev_series<5> whole;  // x = 0: log L and its gradient in T, summed by moments
  double head = 0;                      // lgamma(r+x) − lgamma(r) + r log α + s log β
  std::array<double, 4> d_head{};

  [[nodiscard]] bool pieces() const noexcept { return !of_T.empty() && !of_t.empty(); }
};

frequency_expansions expand_frequency(double r, double alpha, double s, double beta, double x,
                                      const frequency_terms& terms, const parameter_logs& logs,
                                      const pnbd_data& data, std::size_t k) {
  constexpr double tolerance = 1e-14;
  frequency_expansions e;
  e.head = terms.lgamma_ratio + r * logs.alpha + s * logs.beta;
  e.d_head = {terms.digamma_difference + logs.alpha, r / alpha, logs.beta, s / beta};
  if (x == 0) {
    if (data.none_moments.empty()) return e;  // too few, or all of one age: per customer
    e.whole = clv_core::chebyshev_series<5>(
        [&](double T) {
          std::array<double, 4> g{};
          const double value = customer(r, alpha, s, beta, 0, 0, T, &g, &terms, &logs);
          return std::array{value, g[0], g[1], g[2], g[3]};
        },
        data.age.smallest[k], data.age.largest[k], tolerance);
    return e;
  }
  const double rho = r + s + x;
  const bool alpha_larger = alpha >= beta;
  const double shift = alpha_larger ? alpha : beta, gap = std::abs(alpha - beta);
  auto log_f = [&](double t) {
    const double y = shift + t;
    const auto h = terms.series(gap / y);
    return log_f_of(h, std::log(h.value), rho, alpha, beta, y, std::log(y));
  };
  e.of_t = clv_core::chebyshev_series<5>(log_f, data.recency.smallest[k], data.recency.largest[k], tolerance);
  e.of_T = clv_core::chebyshev_series<10>(
      [&](double T) {
        const auto term1 = log_term1_of(r, alpha, s, beta, x, T, std::log(alpha + T), std::log(beta + T));
        const auto f2 = log_f(T);
        std::array<double, 10> both;
        std::copy(term1.begin(), term1.end(), both.begin());
        std::copy(f2.begin(), f2.end(), both.begin() + 5);
        return both;
      },
      data.age.smallest[k], data.age.largest[k], tolerance);
  return e;
}

double sum_log_likelihood(const clv_customers& c, const pnbd_data& data, const std::vector<double>& params,
                          std::vector<double>& gradient, detail::worker_pool& pool) {
  const double r = params[0], alpha = params[1], s = params[2], beta = params[3];
  const auto& xs = data.xs;
  // One series table per distinct frequency, long enough for its customers' largest z
  // (at the smallest t_x, where y = max(α, β) + t_x is smallest).
  const bool alpha_larger = alpha >= beta;
  const double shift = alpha_larger ? alpha : beta, gap = std::abs(alpha - beta);
  std::vector<series_table> tables;
  std::vector<series_expansion> series(xs.values.size());
  std::vector<frequency_terms> terms;
  std::vector<frequency_expansions> expansions(xs.values.size());
  tables.reserve(xs.values.size());
  const parameter_logs logs{std::log(alpha), std::log(beta)};
  const double lgamma_r = lgamma(r), digamma_r = digamma(r);
  for (std::size_t k = 0; k < xs.values.size(); ++k) {
    const double x = xs.values[k], rho = r + s + x;
    tables.emplace_back(rho, alpha_larger ? s + 1 : r + x, rho + 1, gap / (shift + data.recency.smallest[k]));
    const bool many = data.age.count[k] >= 256;
    if (many)
      series[k] =
          expand_series(tables.back(), gap / (shift + data.age.largest[k]), gap / (shift + data.smallest_positive[k]));
    const auto at_zero = tables.back()(gap / shift);
    terms.push_back({&tables.back(), series[k].empty() ? nullptr : &series[k], lgamma(r + x) - lgamma_r,
                     digamma(r + x) - digamma_r, at_zero, std::log(at_zero.value)});
    if (many) expansions[k] = expand_frequency(r, alpha, s, beta, x, terms.back(), logs, data, k);
  }
  // The customers without repeat purchases at once, through the moments of their ages (the
  // expansion is made only where the moments are).
  const bool by_moments = data.none < xs.values.size() && !expansions[data.none].whole.empty();
  const auto none_sum = by_moments ? expansions[data.none].whole.sum(data.none_moments) : std::array<double, 5>{};
  std::array<std::array<double, 5>, 64> parts{};
  const std::size_t used = pool.run(c.frequency.size(), [&](std::size_t from, std::size_t to, std::size_t slot) {
    std::array<double, 5> acc{};
    std::array<double, 4> g{};
    for (std::size_t i = from; i < to; ++i) {
      const auto k = xs.slot[i];
      if (by_moments && k == data.none) continue;
      const double w = c.weights.empty() ? 1.0 : c.weights[i];
      const auto& e = expansions[k];
      double value = 0;
      if (e.pieces()) {
        const auto at_T = e.of_T(c.age[i]);
        log_gradient term1, f2;
        std::copy(at_T.begin(), at_T.begin() + 5, term1.begin());
        std::copy(at_T.begin() + 5, at_T.end(), f2.begin());
        value = combine(e.head, e.d_head, s, r + s + xs.values[k], term1, e.of_t(c.recency[i]), f2, &g);
      } else {
        value = customer(r, alpha, s, beta, c.frequency[i], c.recency[i], c.age[i], &g, &terms[k], &logs);
      }
      acc[0] += w * value;
      for (std::size_t j = 0; j < 4; ++j) acc[j + 1] += w * g[j];
    }
    parts[slot] = acc;
  });
  for (std::size_t j = 0; j < 5; ++j) parts[0][j] += none_sum[j];
  return clv_core::reduce(parts, used, gradient);
}

// The likelihood of these customers, what does not depend on the parameters prepared once.
clv_core::likelihood pnbd_likelihood(const clv_customers& c, unsigned threads) {
  auto pool = clv_core::pool_for(c.frequency.size(), threads);
  auto data = pnbd_data_of(c, *pool);
  return {[&c, data = std::move(data), pool = std::move(pool)](const std::vector<double>& params,
                                                               std::vector<double>& gradient) {
    return sum_log_likelihood(c, data, params, gradient, *pool);
  }};
}

}  // namespace

double clv_core::pnbd_individual(const std::array<double, 4>& q, double x, double t_x, double T,
                                 std::array<double, 4>* gradient) {
  return customer(q[0], q[1], q[2], q[3], x, t_x, T, gradient);
}

double pnbd_customer_log_likelihood(const pnbd_params& p, double x, double t_x, double T) {
  return customer(p.r, p.alpha, p.s, p.beta, x, t_x, T, nullptr);
}

double pnbd_p_alive(const pnbd_params& p, double x, double t_x, double T) {
  // P(alive) = C·term1 / L: the ratio of term1 to the bracket of the likelihood.
  const double log_term1 = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
  const double head = lgamma(p.r + x) - lgamma(p.r) + p.r * std::log(p.alpha) + p.s * std::log(p.beta);
  return std::exp(head + log_term1 - customer(p.r, p.alpha, p.s, p.beta, x, t_x, T, nullptr));
}

double pnbd_expected_transactions(const pnbd_params& p, double t) {
  return p.r * p.beta / (p.alpha * (p.s - 1)) * (1 - std::pow(p.beta / (p.beta + t), p.s - 1));
}

double pnbd_conditional_expected_transactions(const pnbd_params& p, double t, double x, double t_x, double T) {
  return (p.r + x) * (p.beta + T) / ((p.alpha + T) * (p.s - 1)) *
         (1 - std::pow((p.beta + T) / (p.beta + T + t), p.s - 1)) * pnbd_p_alive(p, x, t_x, T);
}

double pnbd_probability_of_transactions(const pnbd_params& p, double t, std::int64_t k) {
  const double x = static_cast<double>(k);
  const double log_nbd_head = lgamma(p.r + x) - lgamma(p.r) - lgamma(x + 1);
  const double alive = std::exp(p.s * std::log(p.beta / (p.beta + t)) + log_nbd_head +
                                p.r * std::log(p.alpha / (p.alpha + t)) + x * std::log(t / (p.alpha + t)));
  // The integrand in logs, scaled by the constants outside it.
  const double log_constant = std::log(p.s) + p.s * std::log(p.beta) + p.r * std::log(p.alpha) + log_nbd_head;
  auto integrand = [&](double tau) {
    if (tau <= 0) return k == 0 ? std::exp(log_constant - p.r * std::log(p.alpha) - (p.s + 1) * std::log(p.beta)) : 0.0;
    return std::exp(log_constant + x * std::log(tau) - (p.r + x) * std::log(p.alpha + tau) -
                    (p.s + 1) * std::log(p.beta + tau));
  };
  const double gone = boost::math::quadrature::gauss_kronrod<double, 31>::integrate(integrand, 0.0, t, 15, 1e-12);
  return alive + gone;
}

result<clv_fit> try_fit_pnbd(const clv_customers& customers, const clv_fit_options& options,
                             const model_control& control) {
  return clv_core::fit_model(clv_model::pnbd, customers, options, control,
                             [&](const clv_customers& c) { return pnbd_likelihood(c, options.threads); });
}

result<double> try_pnbd_log_likelihood(const pnbd_params& params, const clv_customers& customers) {
  return clv_core::log_likelihood_at({params.r, params.alpha, params.s, params.beta}, customers,
                                     [](const clv_customers& c) { return pnbd_likelihood(c, 0); });
}

namespace {

// ∫ from 0 to `upper` (∞ allowed) of e^(−zu) (1+u)^(−s) du: the discounted survival of a
// customer alive now, in units of β+T. For z > 0 the integrand decays exponentially and the
// exp-sinh rule converges quickly; a finite upper end goes to Gauss–Kronrod.
double discounted_survival(double s, double z, double upper) {
  auto f = [&](double u) { return std::exp(-z * u - s * std::log1p(u)); };
  if (std::isinf(upper)) return boost::math::quadrature::exp_sinh<double>().integrate(f, 1e-15);
  return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(f, 0.0, upper, 15, 1e-13);
}

// A smooth function on [a, b] as its polynomial interpolant at Chebyshev points (of the
// second kind), evaluated by the barycentric formula: the points double (reusing the values)
// until the interpolant at the new points is within `tolerance` of the largest value, up to
// 2,049 points. (Boost's chebyshev_transform would do it, but needs FFTW, which the library
// does not depend on.)
class chebyshev_interpolant {
 public:
  template <class F>
  chebyshev_interpolant(F f, double a, double b, double tolerance) {
    if (!(b > a)) {
      x_ = {0};
      y_ = {f(a)};
      return;
    }
    auto node = [&](std::size_t j, std::size_t n) {
      return (a + b) / 2 + (b - a) / 2 * std::cos(std::numbers::pi * static_cast<double>(j) / static_cast<double>(n));
    };
    std::size_t n = 16;
    for (std::size_t j = 0; j <= n; ++j) {
      x_.push_back(node(j, n));
      y_.push_back(f(x_.back()));
    }
    while (n < 2048) {
      // The new points of the doubled grid are the odd ones; the even ones are the old.
      std::vector<double> x2(2 * n + 1), y2(2 * n + 1);
      double worst = 0, largest = 0;
      for (std::size_t j = 0; j <= n; ++j) {
        x2[2 * j] = x_[j];
        y2[2 * j] = y_[j];
        largest = std::max(largest, std::abs(y_[j]));
      }
      for (std::size_t j = 1; j < 2 * n; j += 2) {
        x2[j] = node(j, 2 * n);
        y2[j] = f(x2[j]);
        worst = std::max(worst, std::abs((*this)(x2[j]) - y2[j]));
      }
      x_ = std::move(x2);
      y_ = std::move(y2);
      n *= 2;
      if (worst <= tolerance * largest) break;
    }
  }

  [[nodiscard]] double operator()(double t) const {
    if (x_.size() == 1) return y_[0];
    // Barycentric weights of Chebyshev points: (−1)^j, halved at both ends.
    double num = 0, den = 0;
    const std::size_t last = x_.size() - 1;
    for (std::size_t j = 0; j <= last; ++j) {
      const double d = t - x_[j];
      if (d == 0) return y_[j];
      const double w = ((j % 2 == 0) ? 1.0 : -1.0) * ((j == 0 || j == last) ? 0.5 : 1.0) / d;
      num += w * y_[j];
      den += w;
    }
    return num / den;
  }

 private:
  std::vector<double> x_{}, y_{};
};

// P(alive) · (r+x)/(α+T) · (β+T) · the discounted survival.
double discounted_transactions(const pnbd_params& p, double x, double t_x, double T, double survival) {
  return pnbd_p_alive(p, x, t_x, T) * (p.r + x) / (p.alpha + T) * (p.beta + T) * survival;
}

}  // namespace

double pnbd_dert(const pnbd_params& p, double rate, double x, double t_x, double T) {
  return discounted_transactions(
      p, x, t_x, T, discounted_survival(p.s, rate * (p.beta + T), std::numeric_limits<double>::infinity()));
}

double pnbd_dect(const pnbd_params& p, double rate, double horizon, double x, double t_x, double T) {
  return discounted_transactions(p, x, t_x, T, discounted_survival(p.s, rate * (p.beta + T), horizon / (p.beta + T)));
}

result<std::vector<double>> try_pnbd_discounted_transactions(const pnbd_params& p, const clv_customers& customers,
                                                             double rate, double horizon, unsigned threads) {
  if (auto bad = clv_core::check_prediction(customers, {{"r", p.r}, {"alpha", p.alpha}, {"s", p.s}, {"beta", p.beta}},
                                            std::isinf(horizon) ? 1.0 : horizon))
    return *bad;
  if (!(horizon > 0))
    return detail::input_error(errc::out_of_range, "horizon", "the horizon must be > 0 (infinite: the DERT)");
  const bool infinite = std::isinf(horizon);
  if (!std::isfinite(rate) || rate < 0 || (infinite && rate == 0))
    return detail::input_error(errc::out_of_range, "rate",
                               infinite ? "the discount rate must be a finite number > 0 over an infinite horizon"
                                        : "the discount rate must be a finite number >= 0");
  // The discounted survival depends on the customer's age only: once per distinct T, or
  // (continuous ages: a million quadratures would take 15 s) from its Chebyshev interpolant
  // over the ages' range, built to 1e-14 of its largest value.
  auto survival_at = [&](double T) {
    return discounted_survival(p.s, rate * (p.beta + T), infinite ? horizon : horizon / (p.beta + T));
  };
  std::unordered_map<double, double> survival;
  std::optional<chebyshev_interpolant> smooth;
  for (const double T : customers.age) {
    if (survival.size() > 512) {
      const auto [lo, hi] = std::minmax_element(customers.age.begin(), customers.age.end());
      smooth = chebyshev_interpolant(survival_at, *lo, *hi, 1e-14);
      break;
    }
    if (survival.find(T) == survival.end()) survival.emplace(T, survival_at(T));
  }
  std::vector<double> out(customers.frequency.size());
  const auto bad = clv_core::first_not_finite(out.size(), threads, [&](std::size_t i) {
    const double T = customers.age[i];
    out[i] = discounted_transactions(p, customers.frequency[i], customers.recency[i], T,
                                     smooth ? (*smooth)(T) : survival.at(T));
    return std::isfinite(out[i]);
  });
  if (bad) return clv_core::not_finite_prediction(*bad, "discounted expected transactions");
  return out;
}

result<clv_predictions> try_pnbd_predict(const pnbd_params& p, const clv_customers& customers, double horizon,
                                         unsigned threads) {
  if (auto bad = clv_core::check_prediction(customers, {{"r", p.r}, {"alpha", p.alpha}, {"s", p.s}, {"beta", p.beta}},
                                            horizon))
    return *bad;
  return clv_core::predict_all(customers.frequency.size(), threads, [&](std::size_t i) {
    const double x = customers.frequency[i], t_x = customers.recency[i], T = customers.age[i];
    return std::pair{pnbd_p_alive(p, x, t_x, T), pnbd_conditional_expected_transactions(p, horizon, x, t_x, T)};
  });
}

}  // namespace excellence::inline v1
