// The Gamma–Gompertz/NBD model (models/clv/ggomnbd.hpp).
#include <excellence/detail/diagnose.hpp>
#include <excellence/models/clv/ggomnbd.hpp>

#include "clv_fit.hpp"
#include "clv_individual.hpp"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace excellence::inline v1 {

// (The helpers' names start gg_: the library is compiled as a unity build, and pnbd.cpp and
// retention.cpp have functions of the plain names in their anonymous namespaces.)
namespace {

using boost::math::digamma;
using boost::math::lgamma;
using quadrature = boost::math::quadrature::gauss_kronrod<double, 31>;

// The likelihood's integral has no closed form. Boost's Kronrod error estimate |K₃₁ − G₁₅|
// is that of the Gauss rule, far above the Kronrod result's own error on these smooth
// integrands: asked for 1e-9 it returns integrals that agree with a 61-point rule in long
// double to about 1e-14 (relative), from 31 evaluations (a customer without repeat
// purchases) to some 400 (x = 200).
constexpr double quadrature_tolerance = 1e-9;
constexpr unsigned quadrature_depth = 15;

// The integrand of the likelihood and its derivatives in log r, log α, log b, log s and
// log β, integrated together (one set of quadrature nodes for all six). In the logarithms
// the six have comparable sizes, so Boost's error control on the largest (abs below) holds
// each to the tolerance.
struct gg_integrand_values {
  std::array<double, 6> v{};

  gg_integrand_values() = default;
  // Implicit on purpose: Boost's quadrature starts its sums from K = 0.
  gg_integrand_values(double c) { v.fill(c); }  // NOLINT(google-explicit-constructor)

  gg_integrand_values& operator+=(const gg_integrand_values& o) {
    for (std::size_t i = 0; i < v.size(); ++i) v[i] += o.v[i];
    return *this;
  }
  friend gg_integrand_values operator+(gg_integrand_values a, const gg_integrand_values& b) { return a += b; }
  friend gg_integrand_values operator-(gg_integrand_values a, const gg_integrand_values& b) {
    for (std::size_t i = 0; i < a.v.size(); ++i) a.v[i] -= b.v[i];
    return a;
  }
  friend gg_integrand_values operator-(gg_integrand_values a) { return a * -1.0; }
  friend gg_integrand_values operator*(gg_integrand_values a, double c) {
    for (double& e : a.v) e *= c;
    return a;
  }
  friend gg_integrand_values operator*(double c, gg_integrand_values a) { return a * c; }
  // The norm Boost's error control uses (found by argument-dependent lookup).
  friend double abs(const gg_integrand_values& a) {
    double m = 0;
    for (const double e : a.v) m = std::max(m, std::abs(e));
    return m;
  }
};

// log of e^(bτ)(α+τ)^−(r+x)(β + e^(bτ) − 1)^−(s+1), the likelihood's integrand without its
// constant b s βˢ, with the parts its derivatives need: e = e^(bτ) − 1 by expm1, which keeps
// its digits when bτ is tiny (CDNOW's fit has b ≈ 1e-6), D = β + e and a = α + τ.
struct gg_integrand_at {
  double e, D, a, log_value;
};

gg_integrand_at gg_integrand(const ggomnbd_params& p, double x, double tau) {
  const double e = std::expm1(p.b * tau), D = p.beta + e, a = p.alpha + tau;
  return {e, D, a, std::log1p(e) - (p.r + x) * std::log(a) - (p.s + 1) * std::log(D)};
}

double gg_log_integrand(const ggomnbd_params& p, double x, double tau) { return gg_integrand(p, x, tau).log_value; }

// log S(t) = s (log β − log(β + e^(bt) − 1)) for a new customer.
double gg_log_survival(const ggomnbd_params& p, double t) {
  return p.s * (std::log(p.beta) - std::log(p.beta + std::expm1(p.b * t)));
}

// log L of one customer and, when asked, its gradient in (r, α, b, s, β) and P(alive) =
// A/(A + B). L = C · (A + B) with C = Γ(r+x)αʳ/Γ(r), A = (α+T)^−(r+x) S(T) and
// B = b s βˢ ∫ from t_x to T.
double gg_customer(const ggomnbd_params& p, double x, double t_x, double T, std::array<double, 5>* gradient,
                   double lgamma_ratio, double digamma_difference, double* alive = nullptr) {
  const double r = p.r, alpha = p.alpha, b = p.b, s = p.s, beta = p.beta;
  const double head = lgamma_ratio + r * std::log(alpha);
  const double e_T = std::expm1(b * T), D_T = beta + e_T;
  const double log_A = -(r + x) * std::log(alpha + T) + s * (std::log(beta) - std::log(D_T));
  double log_B = -std::numeric_limits<double>::infinity();
  gg_integrand_values integral{0.0};
  if (T > t_x) {
    // Scaled by the integrand's larger end value, so that neither a large x (a steep
    // (α+τ)^−(r+x)) nor a tiny β under- or overflows it.
    const double scale = std::max(gg_log_integrand(p, x, t_x), gg_log_integrand(p, x, T));
    if (gradient == nullptr) {
      integral.v[0] = quadrature::integrate([&](double tau) { return std::exp(gg_log_integrand(p, x, tau) - scale); },
                                            t_x, T, quadrature_depth, quadrature_tolerance);
    } else {
      integral = quadrature::integrate(
          [&](double tau) {
            const auto [e, D, a, log_value] = gg_integrand(p, x, tau);
            const double g = std::exp(log_value - scale);
            gg_integrand_values out;
            out.v = {g,
                     -r * std::log(a) * g,
                     -alpha * (r + x) / a * g,
                     b * tau * (1 - (s + 1) * (1 + e) / D) * g,
                     -s * std::log(D) * g,
                     -beta * (s + 1) / D * g};
            return out;
          },
          t_x, T, quadrature_depth, quadrature_tolerance);
    }
    log_B = std::log(b) + std::log(s) + s * std::log(beta) + scale + std::log(integral.v[0]);
  }
  const double M = std::max(log_A, log_B);
  const double wA = std::exp(log_A - M), wB = std::exp(log_B - M), total = wA + wB;
  if (alive != nullptr) *alive = wA / total;
  if (gradient != nullptr) {
    const double a = wA / total, c = wB / total, I = integral.v[0];
    // ∂ log A and ∂ log B; B's parts of the integral divided back from the log-parameters.
    const std::array<double, 5> dA{-std::log(alpha + T), -(r + x) / (alpha + T), -s * T * (1 + e_T) / D_T,
                                   std::log(beta) - std::log(D_T), s / beta - s / D_T};
    std::array<double, 5> dB{};
    if (c > 0)
      dB = {integral.v[1] / (I * r), integral.v[2] / (I * alpha), 1 / b + integral.v[3] / (I * b),
            1 / s + std::log(beta) + integral.v[4] / (I * s), s / beta + integral.v[5] / (I * beta)};
    const std::array<double, 5> d_head{digamma_difference + std::log(alpha), r / alpha, 0, 0, 0};
    for (std::size_t j = 0; j < 5; ++j) (*gradient)[j] = d_head[j] + a * dA[j] + c * dB[j];
  }
  return head + M + std::log(total);
}

double gg_sum_log_likelihood(const clv_customers& c, const clv_core::frequency_slots& xs,
                             const std::vector<double>& params, std::vector<double>& gradient,
                             detail::worker_pool& pool) {
  const ggomnbd_params p{params[0], params[1], params[2], params[3], params[4]};
  std::vector<double> lgamma_ratio(xs.values.size()), digamma_difference(xs.values.size());
  const double lgamma_r = lgamma(p.r), digamma_r = digamma(p.r);
  for (std::size_t k = 0; k < xs.values.size(); ++k) {
    lgamma_ratio[k] = lgamma(p.r + xs.values[k]) - lgamma_r;
    digamma_difference[k] = digamma(p.r + xs.values[k]) - digamma_r;
  }
  std::array<std::array<double, 6>, 64> parts{};
  const std::size_t used = pool.run(c.frequency.size(), [&](std::size_t from, std::size_t to, std::size_t slot) {
    std::array<double, 6> acc{};
    std::array<double, 5> g{};
    for (std::size_t i = from; i < to; ++i) {
      const double w = c.weights.empty() ? 1.0 : c.weights[i];
      const auto k = xs.slot[i];
      acc[0] += w * gg_customer(p, c.frequency[i], c.recency[i], c.age[i], &g, lgamma_ratio[k], digamma_difference[k]);
      for (std::size_t j = 0; j < 5; ++j) acc[j + 1] += w * g[j];
    }
    parts[slot] = acc;
  });
  return clv_core::reduce(parts, used, gradient);
}

clv_core::likelihood gg_likelihood(const clv_customers& c, unsigned threads) {
  return {
      [&c, xs = clv_core::distinct_frequencies(c.frequency), pool = clv_core::pool_for(c.frequency.size(), threads)](
          const std::vector<double>& params, std::vector<double>& gradient) {
        return gg_sum_log_likelihood(c, xs, params, gradient, *pool);
      }};
}

}  // namespace

double clv_core::ggomnbd_individual(const std::array<double, 5>& q, double x, double t_x, double T,
                                    std::array<double, 5>* gradient) {
  return gg_customer({q[0], q[1], q[2], q[3], q[4]}, x, t_x, T, gradient, lgamma(q[0] + x) - lgamma(q[0]),
                     gradient != nullptr ? digamma(q[0] + x) - digamma(q[0]) : 0.0);
}

double ggomnbd_customer_log_likelihood(const ggomnbd_params& p, double x, double t_x, double T) {
  return gg_customer(p, x, t_x, T, nullptr, lgamma(p.r + x) - lgamma(p.r), 0);
}

double ggomnbd_p_alive(const ggomnbd_params& p, double x, double t_x, double T) {
  double alive = 0;
  (void)gg_customer(p, x, t_x, T, nullptr, 0, 0, &alive);  // the share needs no Γ ratio
  return alive;
}

double ggomnbd_expected_transactions(const ggomnbd_params& p, double t) {
  const double alive_time = quadrature::integrate([&](double u) { return std::exp(gg_log_survival(p, u)); }, 0.0, t,
                                                  quadrature_depth, quadrature_tolerance);
  return p.r / p.alpha * alive_time;
}

double ggomnbd_conditional_expected_transactions(const ggomnbd_params& p, double t, double x, double t_x, double T) {
  // (β*/(β + e^(b(T+u)) − 1))^s, with β* = β + e^(bT) − 1.
  const double log_star = std::log(p.beta + std::expm1(p.b * T));
  const double alive_time = quadrature::integrate(
      [&](double u) { return std::exp(p.s * (log_star - std::log(p.beta + std::expm1(p.b * (T + u))))); }, 0.0, t,
      quadrature_depth, quadrature_tolerance);
  return ggomnbd_p_alive(p, x, t_x, T) * (p.r + x) / (p.alpha + T) * alive_time;
}

double ggomnbd_probability_of_transactions(const ggomnbd_params& p, double t, std::int64_t k) {
  const double x = static_cast<double>(k);
  const double log_nbd_head = lgamma(p.r + x) - lgamma(p.r) - lgamma(x + 1);
  // log NBD(k; r, α, τ) = log Γ(r+k)/(Γ(r) k!) + r log(α/(α+τ)) + k log(τ/(α+τ)).
  auto log_nbd = [&](double tau) {
    return log_nbd_head + p.r * std::log(p.alpha / (p.alpha + tau)) + x * std::log(tau / (p.alpha + tau));
  };
  const double alive = std::exp(gg_log_survival(p, t) + log_nbd(t));
  // f(τ) = b s βˢ e^(bτ) (β + e^(bτ) − 1)^−(s+1).
  const double log_density_constant = std::log(p.b) + std::log(p.s) + p.s * std::log(p.beta);
  auto integrand = [&](double tau) {
    if (tau <= 0 && k > 0) return 0.0;  // no purchase in no time
    const double e = std::expm1(p.b * tau);
    const double log_f = log_density_constant + std::log1p(e) - (p.s + 1) * std::log(p.beta + e);
    return std::exp(log_f + (k == 0 ? p.r * std::log(p.alpha / (p.alpha + tau)) + log_nbd_head : log_nbd(tau)));
  };
  const double gone = quadrature::integrate(integrand, 0.0, t, quadrature_depth, 1e-12);
  return alive + gone;
}

result<clv_fit> try_fit_ggomnbd(const clv_customers& customers, const clv_fit_options& options,
                                const model_control& control) {
  // All ones would start at b = 1 per period: on a weekly calendar e^(bT) ≈ 1e34 and a
  // search that first has to find its way back over thirty orders of magnitude.
  return clv_core::fit_model(clv_model::ggomnbd, customers, options, control,
                             [&](const clv_customers& c) { return gg_likelihood(c, options.threads); },
                             {1, 1, 0.1, 1, 1});
}

result<double> try_ggomnbd_log_likelihood(const ggomnbd_params& params, const clv_customers& customers) {
  return clv_core::log_likelihood_at({params.r, params.alpha, params.b, params.s, params.beta}, customers,
                                     [](const clv_customers& c) { return gg_likelihood(c, 0); });
}

result<clv_predictions> try_ggomnbd_predict(const ggomnbd_params& p, const clv_customers& customers, double horizon,
                                            unsigned threads) {
  if (auto bad = clv_core::check_prediction(
          customers, {{"r", p.r}, {"alpha", p.alpha}, {"b", p.b}, {"s", p.s}, {"beta", p.beta}}, horizon))
    return *bad;
  return clv_core::predict_all(customers.frequency.size(), threads, [&](std::size_t i) {
    const double x = customers.frequency[i], t_x = customers.recency[i], T = customers.age[i];
    return std::pair{ggomnbd_p_alive(p, x, t_x, T), ggomnbd_conditional_expected_transactions(p, horizon, x, t_x, T)};
  });
}

}  // namespace excellence::inline v1
