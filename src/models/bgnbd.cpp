#include <excellence/models/clv/bgnbd.hpp>

#include "clv_fit.hpp"
#include "clv_individual.hpp"
#include "hyp2f1.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace excellence::inline v1 {

namespace {

using boost::math::digamma;
using boost::math::lgamma;

// The terms of log L that depend on x only, computed once per distinct frequency
// (frequencies take few values; lgamma and digamma are the expensive part).
struct bg_x_terms {
  double a1 = 0, a1_r = 0;            // lgamma(r+x) − lgamma(r) + r log α and ∂/∂r
  double b2 = 0, b2_a = 0, b2_b = 0;  // log B(a, b+x)/B(a, b) and its derivatives
};

class bgnbd_likelihood {
 public:
  bgnbd_likelihood(const clv_customers& c, unsigned threads)
      : g_(clv_core::group_by_frequency(c)), pool_(clv_core::pool_for(c.frequency.size(), threads)) {}

  double operator()(const std::vector<double>& params, std::vector<double>& gradient) const {
    return evaluate<false>(params, gradient, nullptr);
  }
  double operator()(const std::vector<double>& params, std::vector<double>& gradient,
                    std::vector<double>& hessian) const {
    return evaluate<true>(params, gradient, &hessian);
  }

 private:
  // With e_i = exp(a3 − a2) the ratio of a customer's two routes (alive at T, or dropped out
  // after the last purchase), log L_i = a1 + a2 + log(1 + e_i) where a2 = b2 − (r+x) log(α+T)
  // and d_i = log e_i = log a − log(b+x−1) − (r+x) log((α+t_x)/(α+T)). What depends on x only
  // is summed once per frequency (times its customers); Σ log(α+T) is taken as logarithms
  // of products (one logarithm in eight customers); per customer with x > 0 remain one
  // logarithm of the ratio, one exponential and one logarithm of 1 + e (three, where the
  // direct form has five). The Hessian follows from log(1 + e^d)'' = σ(1−σ)∇d∇dᵀ + σ∇²d
  // with σ = e/(1 + e); it costs a dozen more multiplications per customer, no more
  // transcendental functions.
  template <bool Hessian>
  double evaluate(const std::vector<double>& params, std::vector<double>& gradient,
                  std::vector<double>* hessian) const {
    using boost::math::trigamma;
    const double r = params[0], alpha = params[1], a = params[2], b = params[3];
    const std::size_t groups = g_.x.size();
    std::vector<bg_x_terms> terms(groups);
    const double lbeta_ab = lgamma(a) + lgamma(b) - lgamma(a + b);
    const double psi_ab = digamma(a + b), psi_b = digamma(b), psi_r = digamma(r);
    for (std::size_t k = 0; k < groups; ++k) {
      const double x = g_.x[k];
      auto& t = terms[k];
      t.a1 = lgamma(r + x) - lgamma(r) + r * std::log(alpha);
      t.a1_r = digamma(r + x) - psi_r + std::log(alpha);
      const double psi_abx = digamma(a + b + x);
      t.b2 = lgamma(a) + lgamma(b + x) - lgamma(a + b + x) - lbeta_ab;
      t.b2_a = psi_ab - psi_abx;
      t.b2_b = digamma(b + x) - psi_abx - psi_b + psi_ab;
    }
    const bool weighted = !g_.weights.empty();
    const bool products = !weighted && clv_core::products_in_range(alpha, g_.age_min, g_.age_max);
    const double* const T = g_.age.data();
    const double* const t_x = g_.recency.data();
    const double* const w = g_.weights.data();
    // Per part: LL, ∂r, ∂α, ∂a, ∂b, then (with Hessian) rr, rα, ra, rb, αα, αa, αb, aa, ab,
    // bb — without the per-frequency constants, added once below.
    constexpr std::size_t width = Hessian ? 15 : 5;
    std::array<std::array<double, width>, 64> parts{};
    const std::size_t used = pool_->run(g_.customers(), [&](std::size_t from, std::size_t to, std::size_t slot) {
      std::array<double, width> sum{};
      for (std::size_t run = g_.run_of(from); run < g_.runs() && g_.run_start[run] < to; ++run) {
        const std::size_t lo = std::max(from, g_.run_start[run]), hi = std::min(to, g_.run_start[run + 1]);
        const std::size_t k = g_.run_x[run];
        const double x = g_.x[k], q = r + x;
        double log_aT = 0;  // Σ w log(α+T)
        if (weighted)
          for (std::size_t i = lo; i < hi; ++i) log_aT += w[i] * std::log(alpha + T[i]);
        else
          log_aT = clv_core::sum_log_shifted(T + lo, hi - lo, alpha, products);
        sum[0] -= q * log_aT;
        sum[1] -= log_aT;
        if (x == 0) {
          double inverse = 0, inverse2 = 0;  // Σ w/(α+T), Σ w/(α+T)²
          for (std::size_t i = lo; i < hi; ++i) {
            const double i_T = 1 / (alpha + T[i]), weight = weighted ? w[i] : 1.0;
            inverse += weight * i_T;
            if constexpr (Hessian) inverse2 += weight * i_T * i_T;
          }
          sum[2] -= r * inverse;
          if constexpr (Hessian) {
            sum[6] -= inverse;
            sum[9] += r * inverse2;
          }
          continue;
        }
        // log B(a+1, b+x−1) − log B(a, b+x) = log a − log(b+x−1)
        const double c = std::log(a) - std::log(b + x - 1);
        double softplus = 0, s_w3 = 0, s_w3_log = 0, s_alpha = 0;
        std::array<double, 10> h{};  // the Hessian's sums over customers, named in the comments below
        for (std::size_t i = lo; i < hi; ++i) {
          const double weight = weighted ? w[i] : 1.0;
          const double i_T = 1 / (alpha + T[i]), i_t = 1 / (alpha + t_x[i]);
          const double log_ratio = std::log((alpha + t_x[i]) * i_T);
          const double d = c - q * log_ratio;  // log e_i
          const double e = std::exp(-std::abs(d));
          const double w3 = (d > 0 ? 1.0 : e) / (1 + e);  // σ: the dropout route's share
          softplus += weight * (std::max(d, 0.0) + std::log(1 + e));
          s_w3 += weight * w3;
          s_w3_log += weight * w3 * log_ratio;
          s_alpha += weight * ((1 - w3) * i_T + w3 * i_t);
          if constexpr (Hessian) {
            const double spread = weight * w3 * (1 - w3), delta = i_t - i_T;
            h[0] += spread * log_ratio * log_ratio;         // Σ σ' lρ²
            h[1] += spread * log_ratio * delta;             // Σ σ' lρ δ
            h[2] += spread * delta * delta;                 // Σ σ' δ²
            h[3] += spread * log_ratio;                     // Σ σ' lρ
            h[4] += spread * delta;                         // Σ σ' δ
            h[5] += spread;                                 // Σ σ'
            h[6] += weight * w3 * delta;                    // Σ σ δ
            h[7] += weight * w3 * (i_t * i_t - i_T * i_T);  // Σ σ (i_t² − i_T²)
            h[8] += weight * i_T;                           // Σ i_T
            h[9] += weight * i_T * i_T;                     // Σ i_T²
          }
        }
        sum[0] += softplus;
        sum[1] -= s_w3_log;
        sum[2] -= q * s_alpha;
        const double c_a = 1 / a, c_b = -1 / (b + x - 1);  // c = log a − log(b+x−1)
        sum[3] += s_w3 * c_a;
        sum[4] += s_w3 * c_b;
        if constexpr (Hessian) {
          sum[5] += h[0];                                  // rr
          sum[6] += q * h[1] - h[6] - h[8];                // rα
          sum[7] -= c_a * h[3];                            // ra
          sum[8] -= c_b * h[3];                            // rb
          sum[9] += q * q * h[2] + q * h[7] + q * h[9];    // αα
          sum[10] -= q * c_a * h[4];                       // αa
          sum[11] -= q * c_b * h[4];                       // αb
          sum[12] += c_a * c_a * h[5] - s_w3 / (a * a);    // aa: c_aa = −1/a²
          sum[13] += c_a * c_b * h[5];                     // ab
          sum[14] += c_b * c_b * h[5] + s_w3 * c_b * c_b;  // bb: c_bb = 1/(b+x−1)²
        }
      }
      parts[slot] = sum;
    });
    std::vector<double> all;
    double ll = clv_core::reduce(parts, used, all);
    gradient.assign(all.begin(), all.begin() + 4);
    std::array<double, 10> H{};
    if constexpr (Hessian)
      for (std::size_t j = 0; j < 10; ++j) H[j] = all[4 + j];
    const double tri_ab = Hessian ? trigamma(a + b) : 0, tri_b = Hessian ? trigamma(b) : 0,
                 tri_r = Hessian ? trigamma(r) : 0;
    for (std::size_t k = 0; k < groups; ++k) {
      const auto& t = terms[k];
      const double weight = g_.weight[k], x = g_.x[k];
      ll += weight * (t.a1 + t.b2);
      gradient[0] += weight * t.a1_r;
      gradient[1] += weight * r / alpha;
      gradient[2] += weight * t.b2_a;
      gradient[3] += weight * t.b2_b;
      if constexpr (Hessian) {
        const double tri_abx = trigamma(a + b + x);
        H[0] += weight * (trigamma(r + x) - tri_r);                     // rr
        H[1] += weight / alpha;                                         // rα
        H[4] -= weight * r / (alpha * alpha);                           // αα
        H[7] += weight * (tri_ab - tri_abx);                            // aa
        H[8] += weight * (tri_ab - tri_abx);                            // ab
        H[9] += weight * (trigamma(b + x) - tri_abx - tri_b + tri_ab);  // bb
      }
    }
    if constexpr (Hessian) {
      // rr rα ra rb αα αa αb aa ab bb → the symmetric 4 × 4, row-major.
      auto& M = *hessian;
      M.assign(16, 0.0);
      const std::size_t index[4][4] = {{0, 1, 2, 3}, {1, 4, 5, 6}, {2, 5, 7, 8}, {3, 6, 8, 9}};
      for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 4; ++j) M[4 * i + j] = H[index[i][j]];
    }
    return ll;
  }

  clv_core::frequency_groups g_;
  std::shared_ptr<detail::worker_pool> pool_;
};

// The likelihood a fit maximises, with its Hessian: one object behind both functions.
clv_core::likelihood bgnbd_fit_likelihood(const clv_customers& c, unsigned threads) {
  auto shared = std::make_shared<const bgnbd_likelihood>(c, threads);
  return {[shared](const std::vector<double>& p, std::vector<double>& g) { return (*shared)(p, g); },
          [shared](const std::vector<double>& p, std::vector<double>& g, std::vector<double>& h) {
            return (*shared)(p, g, h);
          }};
}

}  // namespace

double clv_core::bgnbd_individual(const std::array<double, 4>& q, double x, double t_x, double T,
                                  std::array<double, 4>* gradient) {
  using boost::math::digamma;
  using boost::math::lgamma;
  const double r = q[0], alpha = q[1], a = q[2], b = q[3];
  // log L = A1 + log(e^A2 + [x > 0] e^A3): alive at T, or gone right after the last purchase.
  const double lbeta_ab = lgamma(a) + lgamma(b) - lgamma(a + b);
  const double a1 = lgamma(r + x) - lgamma(r) + r * std::log(alpha);
  const double a2 = lgamma(a) + lgamma(b + x) - lgamma(a + b + x) - lbeta_ab - (r + x) * std::log(alpha + T);
  const double a3 =
      x > 0 ? lgamma(a + 1) + lgamma(b + x - 1) - lgamma(a + b + x) - lbeta_ab - (r + x) * std::log(alpha + t_x)
            : -std::numeric_limits<double>::infinity();
  const double m = std::max(a2, a3);
  const double e2 = std::exp(a2 - m), e3 = std::exp(a3 - m), w2 = e2 / (e2 + e3), w3 = e3 / (e2 + e3);
  if (gradient != nullptr) {
    const double psi_ab = digamma(a + b), psi_abx = digamma(a + b + x), psi_b = digamma(b);
    const std::array<double, 4> d2{-std::log(alpha + T), -(r + x) / (alpha + T), psi_ab - psi_abx,
                                   digamma(b + x) - psi_abx - psi_b + psi_ab};
    std::array<double, 4> d3{};
    if (x > 0)
      d3 = {-std::log(alpha + t_x), -(r + x) / (alpha + t_x), 1 / a + psi_ab - psi_abx,
            digamma(b + x - 1) - psi_abx - psi_b + psi_ab};
    const std::array<double, 4> d1{digamma(r + x) - digamma(r) + std::log(alpha), r / alpha, 0, 0};
    for (std::size_t j = 0; j < 4; ++j) (*gradient)[j] = d1[j] + w2 * d2[j] + w3 * d3[j];
  }
  return a1 + m + std::log(e2 + e3);
}

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
                             [&](const clv_customers& c) { return bgnbd_fit_likelihood(c, options.threads); });
}

result<double> try_bgnbd_log_likelihood(const bgnbd_params& params, const clv_customers& customers) {
  return clv_core::log_likelihood_at({params.r, params.alpha, params.a, params.b}, customers,
                                     [](const clv_customers& c) { return bgnbd_fit_likelihood(c, 0); });
}

result<clv_predictions> try_bgnbd_predict(const bgnbd_params& p, const clv_customers& customers, double horizon,
                                          unsigned threads) {
  // One pool for every pass over the customers: the check, the frequencies' slots and
  // ranges, the predictions.
  const auto pool = clv_core::pool_for(customers.frequency.size(), threads);
  if (auto bad = clv_core::check_prediction(customers, {{"r", p.r}, {"alpha", p.alpha}, {"a", p.a}, {"b", p.b}},
                                            horizon, pool.get()))
    return *bad;
  const auto series = clv_core::horizon_series(
      customers, p.alpha, horizon, [&](double x) { return std::array{p.r + x, p.b + x, p.a + p.b + x - 1}; },
      pool.get());
  // The expectation's numerator depends on x and T only.
  auto numerator = [&](double x, double T, const clv_core::gauss_series_table* table) {
    const double z = horizon / (p.alpha + T + horizon);
    return (p.a + p.b + x - 1) / (p.a - 1) *
           (1 - clv_core::scaled_hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z, (p.alpha + T) / (p.alpha + T + horizon),
                                        p.r + x, table));
  };
  const clv_core::expectation_numerators numerators(series, customers.age, numerator, pool.get());
  return clv_core::predict_all(customers.frequency.size(), *pool, [&](std::size_t i) {
    const double x = customers.frequency[i], t_x = customers.recency[i], T = customers.age[i];
    // log((α+T)/(α+t_x))·(r+x) is shared by P(alive) and the expectation's denominator.
    const double odds =
        x > 0 ? p.a / (p.b + x - 1) * std::exp((p.r + x) * std::log((p.alpha + T) / (p.alpha + t_x))) : 0.0;
    return std::pair{1 / (1 + odds), numerators(i, x, T) / (1 + odds)};
  });
}

}  // namespace excellence::inline v1
