#include <excellence/models/clv/mbgnbd.hpp>

#include "clv_fit.hpp"
#include "hyp2f1.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace excellence::inline v1 {

namespace {

using boost::math::digamma;
using boost::math::lgamma;

// Terms that depend on x only, once per distinct frequency.
struct mbg_x_terms {
  double c = 0, c_r = 0, c_a = 0, c_b = 0;  // lgamma(r+x) − lgamma(r) + r log α + log B(a, b+x+1)/B(a, b)
};

class mbgnbd_likelihood {
 public:
  mbgnbd_likelihood(const clv_customers& c, unsigned threads)
      : c_(c),
        pool_(clv_core::pool_for(c.frequency.size(), threads)),
        x_(clv_core::distinct_frequencies(c.frequency)) {}

  double operator()(const std::vector<double>& params, std::vector<double>& gradient) const {
    const double r = params[0], alpha = params[1], a = params[2], b = params[3];
    const double log_alpha = std::log(alpha), psi_r = digamma(r), psi_ab = digamma(a + b), psi_b = digamma(b);
    const double lbeta_ab = lgamma(a) + lgamma(b) - lgamma(a + b);
    std::vector<mbg_x_terms> terms(x_.values.size());
    for (std::size_t k = 0; k < x_.values.size(); ++k) {
      const double x = x_.values[k];
      const double psi_abx1 = digamma(a + b + x + 1);
      terms[k] = {
          lgamma(r + x) - lgamma(r) + r * log_alpha + lgamma(a) + lgamma(b + x + 1) - lgamma(a + b + x + 1) - lbeta_ab,
          digamma(r + x) - psi_r + log_alpha, psi_ab - psi_abx1, digamma(b + x + 1) - psi_abx1 - psi_b + psi_ab};
    }
    std::array<std::array<double, 5>, 64> parts{};
    const std::size_t used = pool_->run(c_.frequency.size(), [&](std::size_t from, std::size_t to, std::size_t slot) {
      std::array<double, 5> s{};
      const double log_a = std::log(a);
      for (std::size_t i = from; i < to; ++i) {
        const double x = c_.frequency[i];
        const double w = c_.weights.empty() ? 1.0 : c_.weights[i];
        const auto& t = terms[x_.slot[i]];
        const double l_T = std::log(alpha + c_.age[i]), l_tx = std::log(alpha + c_.recency[i]);
        const double u = -(r + x) * l_T;
        const double v = log_a - std::log(b + x) - (r + x) * l_tx;
        const double m = std::max(u, v);
        const double eu = std::exp(u - m), ev = std::exp(v - m);
        const double wu = eu / (eu + ev), wv = 1 - wu;
        s[0] += w * (t.c + m + std::log(eu + ev));
        s[1] += w * (t.c_r - wu * l_T - wv * l_tx);
        s[2] += w * (r / alpha - wu * (r + x) / (alpha + c_.age[i]) - wv * (r + x) / (alpha + c_.recency[i]));
        s[3] += w * (t.c_a + wv / a);
        s[4] += w * (t.c_b - wv / (b + x));
      }
      parts[slot] = s;
    });
    return clv_core::reduce(parts, used, gradient);
  }

 private:
  const clv_customers& c_;
  std::shared_ptr<detail::worker_pool> pool_;
  clv_core::frequency_slots x_{};
};

}  // namespace

double mbgnbd_p_alive(const mbgnbd_params& p, double x, double t_x, double T) {
  return 1 / (1 + p.a / (p.b + x) * std::exp((p.r + x) * std::log((p.alpha + T) / (p.alpha + t_x))));
}

double mbgnbd_expected_transactions(const mbgnbd_params& p, double t) {
  return p.b / (p.a - 1) *
         (1 - clv_core::scaled_hyp2f1(p.r, p.b + 1, p.a + p.b, t / (p.alpha + t), p.alpha / (p.alpha + t), p.r));
}

namespace {

// The expectation's numerator, which depends on x and T only, and its denominator; their
// series from `table` when there is one.
double expectation_numerator(const mbgnbd_params& p, double t, double x, double T,
                             const clv_core::gauss_series_table* table) {
  const double z = t / (p.alpha + T + t);
  return (p.a + p.b + x) / (p.a - 1) *
         (1 - clv_core::scaled_hyp2f1(p.r + x, p.b + x + 1, p.a + p.b + x, z, (p.alpha + T) / (p.alpha + T + t),
                                      p.r + x, table));
}

double expectation_denominator(const mbgnbd_params& p, double x, double t_x, double T) {
  return 1 + p.a / (p.b + x) * std::pow((p.alpha + T) / (p.alpha + t_x), p.r + x);
}

// The conditional expectation.
double conditional_expectation(const mbgnbd_params& p, double t, double x, double t_x, double T,
                               const clv_core::gauss_series_table* table) {
  return expectation_numerator(p, t, x, T, table) / expectation_denominator(p, x, t_x, T);
}

}  // namespace

double mbgnbd_conditional_expected_transactions(const mbgnbd_params& p, double t, double x, double t_x, double T) {
  return conditional_expectation(p, t, x, t_x, T, nullptr);
}

double mbgnbd_probability_of_transactions(const mbgnbd_params& p, double t, std::int64_t k) {
  using boost::math::lgamma;
  const double x = static_cast<double>(k);
  const double lbeta_ab = lgamma(p.a) + lgamma(p.b) - lgamma(p.a + p.b);
  const double log_q = std::log(p.alpha / (p.alpha + t));
  const double log_z = std::log(t / (p.alpha + t));
  auto nbd = [&](double j) {
    return std::exp(lgamma(p.r + j) - lgamma(p.r) - lgamma(j + 1) + p.r * log_q + j * log_z);
  };
  const double alive = std::exp(lgamma(p.a) + lgamma(p.b + x + 1) - lgamma(p.a + p.b + x + 1) - lbeta_ab) * nbd(x);
  double below = 0;  // P(N(t) < k)
  for (std::int64_t j = 0; j < k; ++j) below += nbd(static_cast<double>(j));
  const double gone = std::exp(lgamma(p.a + 1) + lgamma(p.b + x) - lgamma(p.a + p.b + x + 1) - lbeta_ab) * (1 - below);
  return alive + gone;
}

result<clv_fit> try_fit_mbgnbd(const clv_customers& customers, const clv_fit_options& options,
                               const model_control& control) {
  return clv_core::fit_model(clv_model::mbgnbd, customers, options, control, [&](const clv_customers& c) {
    return clv_core::likelihood{mbgnbd_likelihood(c, options.threads)};
  });
}

result<double> try_mbgnbd_log_likelihood(const mbgnbd_params& params, const clv_customers& customers) {
  return clv_core::log_likelihood_at(
      {params.r, params.alpha, params.a, params.b}, customers,
      [](const clv_customers& c) { return clv_core::likelihood{mbgnbd_likelihood(c, 0)}; });
}

result<clv_predictions> try_mbgnbd_predict(const mbgnbd_params& p, const clv_customers& customers, double horizon,
                                           unsigned threads) {
  // One pool for every pass over the customers: the check, the frequencies' slots and
  // ranges, the predictions.
  const auto pool = clv_core::pool_for(customers.frequency.size(), threads);
  if (auto bad = clv_core::check_prediction(customers, {{"r", p.r}, {"alpha", p.alpha}, {"a", p.a}, {"b", p.b}},
                                            horizon, pool.get()))
    return *bad;
  const auto series = clv_core::horizon_series(
      customers, p.alpha, horizon, [&](double x) { return std::array{p.r + x, p.b + x + 1, p.a + p.b + x}; },
      pool.get());
  const clv_core::expectation_numerators numerators(
      series, customers.age,
      [&](double x, double T, const clv_core::gauss_series_table* table) {
        return expectation_numerator(p, horizon, x, T, table);
      },
      pool.get());
  return clv_core::predict_all(customers.frequency.size(), *pool, [&](std::size_t i) {
    const double x = customers.frequency[i], t_x = customers.recency[i], T = customers.age[i];
    return std::pair{mbgnbd_p_alive(p, x, t_x, T), numerators(i, x, T) / expectation_denominator(p, x, t_x, T)};
  });
}

}  // namespace excellence::inline v1
