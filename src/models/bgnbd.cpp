#include <excellence/models/clv/bgnbd.hpp>

#include "clv_fit.hpp"
#include "hyp2f1.hpp"

#include <boost/math/special_functions/digamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace excellence::inline v1 {

namespace {

using boost::math::digamma;
using boost::math::lgamma;

// The terms of log L that depend on x only, computed once per distinct frequency
// (frequencies take few values; lgamma and digamma are the expensive part).
struct x_terms {
  double a1 = 0, a1_r = 0;            // lgamma(r+x) − lgamma(r) + r log α and ∂/∂r
  double b2 = 0, b2_a = 0, b2_b = 0;  // log B(a, b+x)/B(a, b) and its derivatives
  double b3 = 0, b3_a = 0, b3_b = 0;  // log B(a+1, b+x−1)/B(a, b), x > 0
};

class bgnbd_likelihood {
 public:
  bgnbd_likelihood(const clv_customers& c, unsigned threads)
      : c_(c),
        pool_(clv_core::pool_for(c.frequency.size(), threads)),
        x_(clv_core::distinct_frequencies(c.frequency)) {}

  double operator()(const std::vector<double>& params, std::vector<double>& gradient) const {
    const double r = params[0], alpha = params[1], a = params[2], b = params[3];
    std::vector<x_terms> terms(x_.values.size());
    const double lbeta_ab = lgamma(a) + lgamma(b) - lgamma(a + b);
    const double psi_ab = digamma(a + b), psi_a = digamma(a), psi_b = digamma(b), psi_r = digamma(r);
    for (std::size_t k = 0; k < x_.values.size(); ++k) {
      const double x = x_.values[k];
      auto& t = terms[k];
      t.a1 = lgamma(r + x) - lgamma(r) + r * std::log(alpha);
      t.a1_r = digamma(r + x) - psi_r + std::log(alpha);
      const double psi_abx = digamma(a + b + x);
      t.b2 = lgamma(a) + lgamma(b + x) - lgamma(a + b + x) - lbeta_ab;
      t.b2_a = psi_ab - psi_abx;
      t.b2_b = digamma(b + x) - psi_abx - psi_b + psi_ab;
      if (x > 0) {
        t.b3 = lgamma(a + 1) + lgamma(b + x - 1) - lgamma(a + b + x) - lbeta_ab;
        t.b3_a = digamma(a + 1) - psi_abx - psi_a + psi_ab;
        t.b3_b = digamma(b + x - 1) - psi_abx - psi_b + psi_ab;
      }
    }
    std::array<std::array<double, 5>, 64> parts{};
    const std::size_t used = pool_->run(c_.frequency.size(), [&](std::size_t from, std::size_t to, std::size_t slot) {
      std::array<double, 5> sum{};  // LL, ∂r, ∂α, ∂a, ∂b
      for (std::size_t i = from; i < to; ++i) {
        const double x = c_.frequency[i];
        const double w = c_.weights.empty() ? 1.0 : c_.weights[i];
        const auto& t = terms[x_.slot[i]];
        const double log_aT = std::log(alpha + c_.age[i]);
        const double a2 = t.b2 - (r + x) * log_aT;
        double ll = t.a1, w2 = 1, w3 = 0, log_atx = 0;
        if (x > 0) {
          log_atx = std::log(alpha + c_.recency[i]);
          const double a3 = t.b3 - (r + x) * log_atx;
          const double m = std::max(a2, a3);
          const double e2 = std::exp(a2 - m), e3 = std::exp(a3 - m);
          ll += m + std::log(e2 + e3);
          w2 = e2 / (e2 + e3);
          w3 = 1 - w2;
        } else {
          ll += a2;
        }
        sum[0] += w * ll;
        sum[1] += w * (t.a1_r - w2 * log_aT - w3 * log_atx);
        sum[2] += w * (r / alpha - w2 * (r + x) / (alpha + c_.age[i]) -
                       (x > 0 ? w3 * (r + x) / (alpha + c_.recency[i]) : 0.0));
        sum[3] += w * (w2 * t.b2_a + w3 * t.b3_a);
        sum[4] += w * (w2 * t.b2_b + w3 * t.b3_b);
      }
      parts[slot] = sum;
    });
    return clv_core::reduce(parts, used, gradient);
  }

 private:
  const clv_customers& c_;
  std::shared_ptr<detail::worker_pool> pool_;
  clv_core::frequency_slots x_{};
};

}  // namespace

double bgnbd_customer_log_likelihood(const bgnbd_params& p, double x, double t_x, double T) {
  using boost::math::lgamma;
  const double lbeta_ab = lgamma(p.a) + lgamma(p.b) - lgamma(p.a + p.b);
  const double a1 = lgamma(p.r + x) - lgamma(p.r) + p.r * std::log(p.alpha);
  const double a2 =
      lgamma(p.a) + lgamma(p.b + x) - lgamma(p.a + p.b + x) - lbeta_ab - (p.r + x) * std::log(p.alpha + T);
  if (x == 0) return a1 + a2;
  const double a3 =
      lgamma(p.a + 1) + lgamma(p.b + x - 1) - lgamma(p.a + p.b + x) - lbeta_ab - (p.r + x) * std::log(p.alpha + t_x);
  const double m = std::max(a2, a3);
  return a1 + m + std::log(std::exp(a2 - m) + std::exp(a3 - m));
}

double bgnbd_p_alive(const bgnbd_params& p, double x, double t_x, double T) {
  if (x == 0) return 1.0;
  return 1 / (1 + p.a / (p.b + x - 1) * std::exp((p.r + x) * std::log((p.alpha + T) / (p.alpha + t_x))));
}

double bgnbd_expected_transactions(const bgnbd_params& p, double t) {
  const double z = t / (p.alpha + t);
  return (p.a + p.b - 1) / (p.a - 1) *
         (1 - clv_core::scaled_hyp2f1(p.r, p.b, p.a + p.b - 1, z, p.alpha / (p.alpha + t), p.r));
}

double bgnbd_conditional_expected_transactions(const bgnbd_params& p, double t, double x, double t_x, double T) {
  const double z = t / (p.alpha + T + t);
  const double numerator =
      (p.a + p.b + x - 1) / (p.a - 1) *
      (1 - clv_core::scaled_hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z, (p.alpha + T) / (p.alpha + T + t), p.r + x));
  const double denominator = x > 0 ? 1 + p.a / (p.b + x - 1) * std::pow((p.alpha + T) / (p.alpha + t_x), p.r + x) : 1.0;
  return numerator / denominator;
}

double bgnbd_probability_of_transactions(const bgnbd_params& p, double t, std::int64_t k) {
  using boost::math::lgamma;
  const double x = static_cast<double>(k);
  const double lbeta_ab = lgamma(p.a) + lgamma(p.b) - lgamma(p.a + p.b);
  const double log_q = std::log(p.alpha / (p.alpha + t));
  const double log_z = std::log(t / (p.alpha + t));
  const double first = std::exp(lgamma(p.a) + lgamma(p.b + x) - lgamma(p.a + p.b + x) - lbeta_ab + lgamma(p.r + x) -
                                lgamma(p.r) - lgamma(x + 1) + p.r * log_q + x * log_z);
  if (k == 0) return first;
  double partial = 0;  // Σ_{j<k} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j
  for (std::int64_t j = 0; j < k; ++j) {
    const double jd = static_cast<double>(j);
    partial += std::exp(lgamma(p.r + jd) - lgamma(p.r) - lgamma(jd + 1) + jd * log_z);
  }
  const double second = std::exp(lgamma(p.a + 1) + lgamma(p.b + x - 1) - lgamma(p.a + p.b + x) - lbeta_ab) *
                        (1 - std::exp(p.r * log_q) * partial);
  return first + second;
}

result<clv_fit> try_fit_bgnbd(const clv_customers& customers, const clv_fit_options& options,
                              const model_control& control) {
  return clv_core::fit_model(clv_model::bgnbd, customers, options, control,
                             [&] { return clv_core::log_likelihood(bgnbd_likelihood(customers, options.threads)); });
}

result<double> try_bgnbd_log_likelihood(const bgnbd_params& params, const clv_customers& customers) {
  return clv_core::log_likelihood_at({params.r, params.alpha, params.a, params.b}, customers,
                                     [&] { return clv_core::log_likelihood(bgnbd_likelihood(customers, 0)); });
}

result<clv_predictions> try_bgnbd_predict(const bgnbd_params& p, const clv_customers& customers, double horizon,
                                          unsigned threads) {
  if (auto bad =
          clv_core::check_prediction(customers, {{"r", p.r}, {"alpha", p.alpha}, {"a", p.a}, {"b", p.b}}, horizon))
    return *bad;
  const clv_core::series_by_frequency series(
      customers.frequency, [&](double x) { return std::array{p.r + x, p.b + x, p.a + p.b + x - 1}; },
      [&](std::size_t i) { return horizon / (p.alpha + customers.age[i] + horizon); });
  return clv_core::predict_all(customers.frequency.size(), threads, [&](std::size_t i) {
    const double x = customers.frequency[i], t_x = customers.recency[i], T = customers.age[i];
    // log((α+T)/(α+t_x))·(r+x) is shared by P(alive) and the expectation's denominator.
    const double odds =
        x > 0 ? p.a / (p.b + x - 1) * std::exp((p.r + x) * std::log((p.alpha + T) / (p.alpha + t_x))) : 0.0;
    const double z = horizon / (p.alpha + T + horizon);
    const double numerator = (p.a + p.b + x - 1) / (p.a - 1) *
                             (1 - clv_core::scaled_hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z,
                                                          (p.alpha + T) / (p.alpha + T + horizon), p.r + x, series[i]));
    return std::pair{1 / (1 + odds), numerator / (1 + odds)};
  });
}

}  // namespace excellence::inline v1
