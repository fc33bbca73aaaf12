// The MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD with a possible drop-out
// right after the first purchase.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>

#include <cmath>
#include <cstdint>

EXCELLENCE_BEGIN_NAMESPACE

/// The same four parameters as the BG/NBD; the drop-out chance also applies at time 0.
struct mbgnbd_params {
  double r = 0;
  double alpha = 0;
  double a = 0;
  double b = 0;

  /// The parameters of a MBG/NBD fit; model_mismatch for a fit of another model.
  [[nodiscard]] static result<mbgnbd_params> try_from(const clv_fit& fit) {
    const auto p = detail::params_of<4>(fit, clv_model::mbgnbd, {"r", "alpha", "a", "b"});
    if (!p) return p.error();
    return mbgnbd_params{(*p)[0], (*p)[1], (*p)[2], (*p)[3]};
  }
  [[nodiscard]] static mbgnbd_params from(const clv_fit& fit) { return try_from(fit).value(); }
};

/// Maximum-likelihood fit of
/// L = Γ(r+x)αʳ/Γ(r) · B(a, b+x+1)/B(a, b) · [(α+T)^−(r+x) + a/(b+x) (α+t_x)^−(r+x)],
/// from (1, 1, 1, 1) unless given. Errors as try_fit_bgnbd.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_mbgnbd(const clv_customers& customers,
                                                            const clv_fit_options& options = {},
                                                            const model_control& control = {});
/// Throwing form of try_fit_mbgnbd: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_mbgnbd(const clv_customers& customers, const clv_fit_options& options = {},
                                        const model_control& control = {}) {
  return try_fit_mbgnbd(customers, options, control).value();
}

/// Σ weight × log L at `params`.
[[nodiscard]] EXCELLENCE_API result<double> try_mbgnbd_log_likelihood(const mbgnbd_params& params,
                                                                      const clv_customers& customers);
/// Throwing form of try_mbgnbd_log_likelihood: the value, or data_error with the diagnostic.
[[nodiscard]] inline double mbgnbd_log_likelihood(const mbgnbd_params& params, const clv_customers& customers) {
  return try_mbgnbd_log_likelihood(params, customers).value();
}

/// P(alive | x, t_x, T) = 1/(1 + a/(b+x) ((α+T)/(α+t_x))^(r+x)), for every x: a customer
/// without repeat purchases may already have left.
[[nodiscard]] EXCELLENCE_API double mbgnbd_p_alive(const mbgnbd_params& p, double x, double t_x, double T);

/// E[X(t)] for a new customer: b/(a−1) [1 − (α/(α+t))ʳ ₂F₁(r, b+1; a+b; t/(α+t))].
[[nodiscard]] EXCELLENCE_API double mbgnbd_expected_transactions(const mbgnbd_params& p, double t);

/// E[Y(t) | x, t_x, T] in the next t.
[[nodiscard]] EXCELLENCE_API double mbgnbd_conditional_expected_transactions(const mbgnbd_params& p, double t, double x,
                                                                             double t_x, double T);

/// P(X(t) = k) for a new customer. As for the BG/NBD (FHL 2005a, eq. 8), with the
/// MBG/NBD's drop-out chances: alive after k purchases, E[(1−p)^(k+1)] = B(a, b+k+1)/B(a, b),
/// times the NBD probability of k; or gone right after the k-th purchase (at time 0 when
/// k = 0), E[p(1−p)^k] = B(a+1, b+k)/B(a, b), times the probability of at least k.
[[nodiscard]] EXCELLENCE_API double mbgnbd_probability_of_transactions(const mbgnbd_params& p, double t,
                                                                       std::int64_t k);

/// P(alive) and E[Y(horizon) | x, t_x, T] of every customer, on all cores (from 20,000
/// customers). Errors: an invalid summary, parameters or a horizon that are not positive
/// and finite.
[[nodiscard]] EXCELLENCE_API result<clv_predictions> try_mbgnbd_predict(const mbgnbd_params& params,
                                                                        const clv_customers& customers, double horizon,
                                                                        unsigned threads = 0);
/// Throwing form of try_mbgnbd_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_predictions mbgnbd_predict(const mbgnbd_params& params, const clv_customers& customers,
                                                    double horizon, unsigned threads = 0) {
  return try_mbgnbd_predict(params, customers, horizon, threads).value();
}

EXCELLENCE_END_NAMESPACE
