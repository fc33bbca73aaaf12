// The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005a): fit and predictions.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// While active, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase
/// he drops out with probability p ~ Beta(a, b). Time in the data's unit.
struct bgnbd_params {
  double r = 0;
  double alpha = 0;
  double a = 0;
  double b = 0;

  /// The parameters of a BG/NBD fit; model_mismatch for a fit of another model.
  [[nodiscard]] static result<bgnbd_params> try_from(const clv_fit& fit) {
    const auto p = detail::params_of<4>(fit, clv_model::bgnbd, {"r", "alpha", "a", "b"});
    if (!p) return p.error();
    return bgnbd_params{(*p)[0], (*p)[1], (*p)[2], (*p)[3]};
  }
  [[nodiscard]] static bgnbd_params from(const clv_fit& fit) { return try_from(fit).value(); }
};

/// Maximum-likelihood fit (FHL 2005a, eq. 6) from the start (1, 1, 1, 1) unless given.
/// Errors: an invalid summary (detail::check_clv_customers), bad options, cancellation.
/// A fit that stops early is returned with converged == false.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_bgnbd(const clv_customers& customers,
                                                           const clv_fit_options& options = {},
                                                           const model_control& control = {});
/// Throwing form of try_fit_bgnbd: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_bgnbd(const clv_customers& customers, const clv_fit_options& options = {},
                                       const model_control& control = {}) {
  return try_fit_bgnbd(customers, options, control).value();
}

/// Σ weight × log L at `params`, and its gradient (r, alpha, a, b) when asked.
[[nodiscard]] EXCELLENCE_API result<double> try_bgnbd_log_likelihood(const bgnbd_params& params,
                                                                     const clv_customers& customers);
/// Throwing form of try_bgnbd_log_likelihood: the value, or data_error with the diagnostic.
[[nodiscard]] inline double bgnbd_log_likelihood(const bgnbd_params& params, const clv_customers& customers) {
  return try_bgnbd_log_likelihood(params, customers).value();
}

/// log L of one customer (x, t_x, T):
/// B(a, b+x)/B(a, b) Γ(r+x)αʳ/(Γ(r)(α+T)^(r+x)) + [x > 0] B(a+1, b+x−1)/B(a, b) Γ(r+x)αʳ/(Γ(r)(α+t_x)^(r+x)).
[[nodiscard]] EXCELLENCE_API double bgnbd_customer_log_likelihood(const bgnbd_params& p, double x, double t_x,
                                                                  double T);

/// P(alive | x, t_x, T) = 1/(1 + [x > 0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x)) (FHL 2005a, eq. 11).
[[nodiscard]] EXCELLENCE_API double bgnbd_p_alive(const bgnbd_params& p, double x, double t_x, double T);

/// E[X(t)], the expected number of repeat transactions of a new customer in (0, t]
/// (FHL 2005a, eq. 7): (a+b−1)/(a−1) [1 − (α/(α+t))ʳ ₂F₁(r, b; a+b−1; t/(α+t))].
[[nodiscard]] EXCELLENCE_API double bgnbd_expected_transactions(const bgnbd_params& p, double t);

/// E[Y(t) | x, t_x, T], the expected transactions of a customer in the next t (FHL 2005a,
/// eq. 10).
[[nodiscard]] EXCELLENCE_API double bgnbd_conditional_expected_transactions(const bgnbd_params& p, double t, double x,
                                                                            double t_x, double T);

/// P(X(t) = k) for a new customer (FHL 2005a, eq. 8).
[[nodiscard]] EXCELLENCE_API double bgnbd_probability_of_transactions(const bgnbd_params& p, double t, std::int64_t k);

/// P(alive) and E[Y(horizon) | x, t_x, T] of every customer, on all cores, with a direct
/// Gauss series for ₂F₁ where it converges fast (see docs/clv.md). Errors: an invalid
/// summary, parameters or horizon that are not positive.
[[nodiscard]] EXCELLENCE_API result<clv_predictions> try_bgnbd_predict(const bgnbd_params& params,
                                                                       const clv_customers& customers, double horizon,
                                                                       unsigned threads = 0);
/// Throwing form of try_bgnbd_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_predictions bgnbd_predict(const bgnbd_params& params, const clv_customers& customers,
                                                   double horizon, unsigned threads = 0) {
  return try_bgnbd_predict(params, customers, horizon, threads).value();
}

EXCELLENCE_END_NAMESPACE
