// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005b; Fader &
// Hardie 2013, note 025): fit and the expected average spend.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/fit.hpp>

#include <span>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers.
struct gamma_gamma_params {
  double p = 0;
  double q = 0;
  double gamma = 0;

  /// The parameters of a Gamma-Gamma fit; model_mismatch for a fit of another model.
  [[nodiscard]] static result<gamma_gamma_params> try_from(const clv_fit& fit) {
    const auto p = detail::params_of<3>(fit, clv_model::gamma_gamma, {"p", "q", "gamma"});
    if (!p) return p.error();
    return gamma_gamma_params{(*p)[0], (*p)[1], (*p)[2]};
  }
  [[nodiscard]] static gamma_gamma_params from(const clv_fit& fit) { return try_from(fit).value(); }
};

/// Repeat customers only: x ≥ 1 transactions with mean value z̄ > 0 each (CDNOW: the 946
/// customers with repeat purchases and their mean repeat spend). Weights optional.
struct spend_data {
  std::span<const double> frequency{};
  std::span<const double> mean_value{};
  std::span<const double> weights{};
};

/// Fits (p, q, γ) by maximising Σ log f(z̄ | x) with
/// f = Γ(px+q)/(Γ(px)Γ(q)) γ^q x^(px) z̄^(px−1)/(γ + x z̄)^(px+q), from (1, 1, 1) unless
/// given. Errors name `frequency[i]` (not a whole number ≥ 1) or `mean_value[i]`
/// (not > 0): customers without repeat purchases must be left out, not passed as 0.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_gamma_gamma(const spend_data& data,
                                                                 const clv_fit_options& options = {},
                                                                 const model_control& control = {});
/// Throwing form of try_fit_gamma_gamma: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_gamma_gamma(const spend_data& data, const clv_fit_options& options = {},
                                             const model_control& control = {}) {
  return try_fit_gamma_gamma(data, options, control).value();
}

/// try_fit_gamma_gamma on a whole customer summary: the customers without a repeat
/// purchase (frequency 0) are left out, counted in clv_fit::left_out and reported by a
/// rows_dropped warning; the others must have a mean spend > 0. Errors name the
/// summary's rows (`frequency[i]`, `mean_value[i]`, `weights[i]`).
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_gamma_gamma_summary(const spend_data& summary,
                                                                         const clv_fit_options& options = {},
                                                                         const model_control& control = {});
/// Throwing form of try_fit_gamma_gamma_summary: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_gamma_gamma_summary(const spend_data& summary, const clv_fit_options& options = {},
                                                     const model_control& control = {}) {
  return try_fit_gamma_gamma_summary(summary, options, control).value();
}

namespace detail {
/// p(γ + x z̄)/(px + q − 1), for q > 1 (checked by the callers).
[[nodiscard]] inline double gamma_gamma_expected_spend(const gamma_gamma_params& g, double x, double mean_value) {
  return g.p * (g.gamma + x * mean_value) / (g.p * x + g.q - 1);
}
}  // namespace detail

/// E[M | z̄, x] = p(γ + x z̄)/(px + q − 1): the expected mean transaction value of a
/// customer; at x = 0 the population mean pγ/(q − 1). Needs q > 1 (else the mean is
/// infinite): an error, not a number.
[[nodiscard]] inline result<double> try_expected_average_spend(const gamma_gamma_params& g, double x,
                                                               double mean_value) {
  if (!(g.q > 1)) return diagnostic{errc::invalid_value, "", 0, 0, "q", "q <= 1: the expected spend is infinite"};
  return detail::gamma_gamma_expected_spend(g, x, mean_value);
}
/// Throwing form of try_expected_average_spend: the value, or data_error with the diagnostic.
[[nodiscard]] inline double expected_average_spend(const gamma_gamma_params& g, double x, double mean_value) {
  return try_expected_average_spend(g, x, mean_value).value();
}

/// E[M | z̄, x] of every customer (x = 0: the population mean), on all cores (from 20,000
/// customers). `frequency` and `mean_value` are the summary's columns for all customers,
/// those without repeat purchases included (their mean value is ignored). Errors: q ≤ 1,
/// parameters that are not positive and finite, unequal lengths, a frequency that is not a
/// whole number ≥ 0, a mean value that is not finite and ≥ 0 (or not > 0 when x > 0).
[[nodiscard]] EXCELLENCE_API result<std::vector<double>> try_gamma_gamma_predict(const gamma_gamma_params& params,
                                                                                 std::span<const double> frequency,
                                                                                 std::span<const double> mean_value,
                                                                                 unsigned threads = 0);
/// Throwing form of try_gamma_gamma_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline std::vector<double> gamma_gamma_predict(const gamma_gamma_params& params,
                                                             std::span<const double> frequency,
                                                             std::span<const double> mean_value, unsigned threads = 0) {
  return try_gamma_gamma_predict(params, frequency, mean_value, threads).value();
}

EXCELLENCE_END_NAMESPACE
