// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): fit and predictions.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>

#include <cstdint>
#include <limits>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// While alive a customer buys at a Poisson rate λ ~ Gamma(r, α); his lifetime is
/// exponential with rate μ ~ Gamma(s, β).
struct pnbd_params {
  double r = 0;
  double alpha = 0;
  double s = 0;
  double beta = 0;

  /// The parameters of a Pareto/NBD fit; model_mismatch for a fit of another model.
  [[nodiscard]] static result<pnbd_params> try_from(const clv_fit& fit) {
    const auto p = detail::params_of<4>(fit, clv_model::pnbd, {"r", "alpha", "s", "beta"});
    if (!p) return p.error();
    return pnbd_params{(*p)[0], (*p)[1], (*p)[2], (*p)[3]};
  }
  [[nodiscard]] static pnbd_params from(const clv_fit& fit) { return try_from(fit).value(); }
};

/// Maximum-likelihood fit (Fader & Hardie's note 008 form of the likelihood), from
/// (1, 1, 1, 1) unless given. The likelihood is flat along s and β: compare fits by their
/// log-likelihood and predictions rather than by those two parameters.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_pnbd(const clv_customers& customers,
                                                          const clv_fit_options& options = {},
                                                          const model_control& control = {});
/// Throwing form of try_fit_pnbd: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_pnbd(const clv_customers& customers, const clv_fit_options& options = {},
                                      const model_control& control = {}) {
  return try_fit_pnbd(customers, options, control).value();
}

/// Σ weight × log L at `params`.
[[nodiscard]] EXCELLENCE_API result<double> try_pnbd_log_likelihood(const pnbd_params& params,
                                                                    const clv_customers& customers);
/// Throwing form of try_pnbd_log_likelihood: the value, or data_error with the diagnostic.
[[nodiscard]] inline double pnbd_log_likelihood(const pnbd_params& params, const clv_customers& customers) {
  return try_pnbd_log_likelihood(params, customers).value();
}

/// log L of one customer.
[[nodiscard]] EXCELLENCE_API double pnbd_customer_log_likelihood(const pnbd_params& p, double x, double t_x, double T);

/// P(alive | x, t_x, T).
[[nodiscard]] EXCELLENCE_API double pnbd_p_alive(const pnbd_params& p, double x, double t_x, double T);

/// E[X(t)] for a new customer: rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)] (s ≠ 1).
[[nodiscard]] EXCELLENCE_API double pnbd_expected_transactions(const pnbd_params& p, double t);

/// E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive).
[[nodiscard]] EXCELLENCE_API double pnbd_conditional_expected_transactions(const pnbd_params& p, double t, double x,
                                                                           double t_x, double T);

/// P(X(t) = k) for a new customer: alive through t with k purchases,
/// (β/(β+t))ˢ · NBD(k; r, α, t), plus gone at some τ < t after k purchases,
/// sβˢαʳ Γ(r+k)/(Γ(r) k!) ∫₀ᵗ τᵏ (α+τ)^−(r+k) (β+τ)^−(s+1) dτ — a smooth one-dimensional
/// integral evaluated with Boost.Math's adaptive Gauss–Kronrod rule (relative 1e-12),
/// which avoids the hypergeometric series of the closed form (Fader & Hardie, note 012).
[[nodiscard]] EXCELLENCE_API double pnbd_probability_of_transactions(const pnbd_params& p, double t, std::int64_t k);

/// Discounted expected residual transactions (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 2):
/// the customer's future purchases, each discounted continuously at `rate` per time unit
/// (e^(−rate·t); 15 % a year on weekly data is log(1.15)/52):
/// DERT = P(alive) · (r+x)/(α+T) · (β+T) · Ψ, Ψ = ∫₀^∞ e^(−zu) (1+u)^(−s) du with
/// z = rate·(β+T) — FHL's closed form, their δ^(s−1) Ψ(s, s; z) with Tricomi's Ψ(s, s; z) =
/// e^z Γ(1−s, z), written as the integral it is (Boost.Math's incomplete gamma takes no
/// negative parameter, and s > 1 is common) and taken by exp-sinh quadrature to 1e-15.
/// Multiplied by the expected spend per transaction it is the residual lifetime value.
[[nodiscard]] EXCELLENCE_API double pnbd_dert(const pnbd_params& p, double rate, double x, double t_x, double T);

/// The same over a finite horizon only (discounted expected conditional transactions, DECT):
/// the integral runs to horizon/(β+T) (adaptive Gauss–Kronrod). With rate 0 it is
/// E[Y(horizon) | x, t_x, T]; as the horizon grows it tends to the DERT.
[[nodiscard]] EXCELLENCE_API double pnbd_dect(const pnbd_params& p, double rate, double horizon, double x, double t_x,
                                              double T);

/// DERT (horizon infinite, rate > 0) or DECT (finite horizon, rate ≥ 0) of every customer,
/// on all cores from 20,000 customers. Errors: an invalid summary, parameters not positive
/// and finite, a rate or a horizon out of range (naming "rate" or "horizon").
[[nodiscard]] EXCELLENCE_API result<std::vector<double>> try_pnbd_discounted_transactions(
    const pnbd_params& params, const clv_customers& customers, double rate,
    double horizon = std::numeric_limits<double>::infinity(), unsigned threads = 0);
/// Throwing form of try_pnbd_discounted_transactions.
[[nodiscard]] inline std::vector<double> pnbd_discounted_transactions(
    const pnbd_params& params, const clv_customers& customers, double rate,
    double horizon = std::numeric_limits<double>::infinity(), unsigned threads = 0) {
  return try_pnbd_discounted_transactions(params, customers, rate, horizon, threads).value();
}

/// P(alive) and E[Y(horizon) | x, t_x, T] of every customer, on all cores (from 20,000
/// customers). Errors: an invalid summary, parameters or a horizon that are not positive
/// and finite.
[[nodiscard]] EXCELLENCE_API result<clv_predictions> try_pnbd_predict(const pnbd_params& params,
                                                                      const clv_customers& customers, double horizon,
                                                                      unsigned threads = 0);
/// Throwing form of try_pnbd_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_predictions pnbd_predict(const pnbd_params& params, const clv_customers& customers,
                                                  double horizon, unsigned threads = 0) {
  return try_pnbd_predict(params, customers, horizon, threads).value();
}

EXCELLENCE_END_NAMESPACE
