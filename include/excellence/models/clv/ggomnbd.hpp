// The Gamma–Gompertz/NBD model (Bemmaor & Glady 2012): fit and predictions.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>

#include <cstdint>

EXCELLENCE_BEGIN_NAMESPACE

/// While alive a customer buys at a Poisson rate λ ~ Gamma(r, α), as in the Pareto/NBD; his
/// lifetime is Gompertz, P(τ > t | η) = exp(−η(e^(bt) − 1)), with η ~ Gamma(s, β) and b the
/// same for everyone, so that a new customer survives to t with probability
/// (β/(β + e^(bt) − 1))^s. With b > 0 the hazard grows with age; as b → 0 with β/b fixed the
/// model becomes the Pareto/NBD with that β/b as its β.
struct ggomnbd_params {
  double r = 0;
  double alpha = 0;
  double b = 0;
  double s = 0;
  double beta = 0;

  /// The parameters of a GGompertz/NBD fit; model_mismatch for a fit of another model.
  [[nodiscard]] static result<ggomnbd_params> try_from(const clv_fit& fit) {
    const auto p = detail::params_of<5>(fit, clv_model::ggomnbd, {"r", "alpha", "b", "s", "beta"});
    if (!p) return p.error();
    return ggomnbd_params{(*p)[0], (*p)[1], (*p)[2], (*p)[3], (*p)[4]};
  }
  [[nodiscard]] static ggomnbd_params from(const clv_fit& fit) { return try_from(fit).value(); }
};

/// Maximum-likelihood fit, from (1, 1, 0.1, 1, 1) unless given (parameters in the order r,
/// α, b, s, β). The likelihood's integral over the moment of death, one per customer, is
/// computed with its gradient by adaptive Gauss–Kronrod quadrature to a relative 1e-12.
/// Where the data show no duration dependence the likelihood rises towards the Pareto/NBD's
/// as b → 0 (on CDNOW it does: Bemmaor & Glady's b = 0.0002): the fit then ends at a small b
/// with β/b near the Pareto/NBD's β, and its log-likelihood is the one to compare.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_ggomnbd(const clv_customers& customers,
                                                             const clv_fit_options& options = {},
                                                             const model_control& control = {});
/// Throwing form of try_fit_ggomnbd: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_ggomnbd(const clv_customers& customers, const clv_fit_options& options = {},
                                         const model_control& control = {}) {
  return try_fit_ggomnbd(customers, options, control).value();
}

/// Σ weight × log L at `params`.
[[nodiscard]] EXCELLENCE_API result<double> try_ggomnbd_log_likelihood(const ggomnbd_params& params,
                                                                       const clv_customers& customers);
/// Throwing form of try_ggomnbd_log_likelihood: the value, or data_error with the diagnostic.
[[nodiscard]] inline double ggomnbd_log_likelihood(const ggomnbd_params& params, const clv_customers& customers) {
  return try_ggomnbd_log_likelihood(params, customers).value();
}

/// log L of one customer: Γ(r+x)αʳ/Γ(r) · [(α+T)^−(r+x) S(T) + ∫ from t_x to T of
/// (α+τ)^−(r+x) f(τ) dτ], S the survival and f the density of a new customer's lifetime.
[[nodiscard]] EXCELLENCE_API double ggomnbd_customer_log_likelihood(const ggomnbd_params& p, double x, double t_x,
                                                                    double T);

/// P(alive | x, t_x, T): the first term of the likelihood's bracket over the whole.
[[nodiscard]] EXCELLENCE_API double ggomnbd_p_alive(const ggomnbd_params& p, double x, double t_x, double T);

/// E[X(t)] for a new customer: (r/α) ∫₀ᵗ S(u) du.
[[nodiscard]] EXCELLENCE_API double ggomnbd_expected_transactions(const ggomnbd_params& p, double t);

/// E[Y(t) | x, t_x, T] = P(alive) · (r+x)/(α+T) · ∫₀ᵗ (β*/(β + e^(b(T+u)) − 1))^s du with
/// β* = β + e^(bT) − 1: given alive at T, η's posterior is Gamma(s, β*) and the Gompertz
/// hazard keeps its age, so the customer survives to T+u with that probability. (This is
/// Adler's 2022 correction of the paper's expression, which restarted the lifetime at T;
/// CLVTools computes the same quantity through ₂F₁(1, s; s+1; ·).)
[[nodiscard]] EXCELLENCE_API double ggomnbd_conditional_expected_transactions(const ggomnbd_params& p, double t,
                                                                              double x, double t_x, double T);

/// P(X(t) = k) for a new customer: alive through t with k purchases, S(t) · NBD(k; r, α, t),
/// plus gone at some τ < t after k purchases, ∫₀ᵗ f(τ) NBD(k; r, α, τ) dτ (adaptive
/// Gauss–Kronrod, relative 1e-12).
[[nodiscard]] EXCELLENCE_API double ggomnbd_probability_of_transactions(const ggomnbd_params& p, double t,
                                                                        std::int64_t k);

/// P(alive) and E[Y(horizon) | x, t_x, T] of every customer, on all cores (from 20,000
/// customers). Errors: an invalid summary, parameters or a horizon that are not positive
/// and finite.
[[nodiscard]] EXCELLENCE_API result<clv_predictions> try_ggomnbd_predict(const ggomnbd_params& params,
                                                                         const clv_customers& customers, double horizon,
                                                                         unsigned threads = 0);
/// Throwing form of try_ggomnbd_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_predictions ggomnbd_predict(const ggomnbd_params& params, const clv_customers& customers,
                                                     double horizon, unsigned threads = 0) {
  return try_ggomnbd_predict(params, customers, horizon, threads).value();
}

EXCELLENCE_END_NAMESPACE
