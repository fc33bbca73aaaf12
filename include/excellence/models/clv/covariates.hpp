// Time-invariant covariates for the Pareto/NBD, BG/NBD and GGompertz/NBD, parameterised as
// CLVTools' static covariates, with the likelihood-ratio test against the model without them.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/models/control.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// One covariate: its name and one value per customer (the caller's memory).
struct clv_covariate {
  std::string name{};
  std::span<const double> values{};
};

/// The covariates of the two processes. With z a customer's transaction covariates and w his
/// lifetime covariates, coefficients γ and δ:
/// - every model: α_i = α·exp(−γ′z), so that his mean purchase rate r/α_i is exp(γ′z) times
///   the base's;
/// - Pareto/NBD and GGompertz/NBD: β_i = β·exp(−δ′w) (mean attrition rate s/β_i scaled by
///   exp(δ′w));
/// - BG/NBD: a_i = a·exp(δ′w) and b_i = b·exp(δ′w) (the mean drop-out probability a/(a+b)
///   stays, its heterogeneity changes: CLVTools' choice, kept so that fits compare).
/// Either list may be empty, not both. Centre continuous covariates for interpretable base
/// parameters (the base is then the average customer's).
struct clv_covariates {
  std::vector<clv_covariate> transaction{};
  std::vector<clv_covariate> lifetime{};
};

/// A fit with covariates and its test against the same model without them.
struct clv_covariate_fit {
  /// The model's parameters, then one coefficient per covariate named "transaction.NAME" and
  /// "lifetime.NAME" (any sign), with standard errors and covariance over all of them. The
  /// model's own functions refuse it (params_of: the fit has more parameters than the
  /// model), so that it is never used without its covariates by mistake.
  clv_fit fit{};
  std::size_t transaction_count = 0;
  std::size_t lifetime_count = 0;
  /// The same model fitted without covariates (where the fit with them starts, at γ = δ = 0).
  clv_fit without{};
  double lr_statistic = 0;             ///< 2 (LL − LL without), ≥ 0
  std::size_t degrees_of_freedom = 0;  ///< the number of coefficients
  double p_value = 1;                  ///< P(χ²(degrees of freedom) > lr_statistic)

  /// The coefficients' names are these prefixes and the covariates' names.
  static constexpr std::string_view transaction_prefix = "transaction.";
  static constexpr std::string_view lifetime_prefix = "lifetime.";

  /// The transaction (lifetime) covariates' names, in the fit's order: its coefficient names
  /// without their prefix.
  [[nodiscard]] std::vector<std::string> transaction_covariates() const {
    return covariate_names(0, transaction_count, transaction_prefix);
  }
  [[nodiscard]] std::vector<std::string> lifetime_covariates() const {
    return covariate_names(transaction_count, lifetime_count, lifetime_prefix);
  }

 private:
  // The `count` coefficient names after the model's parameters and `skip` others, unprefixed.
  [[nodiscard]] std::vector<std::string> covariate_names(std::size_t skip, std::size_t count,
                                                         std::string_view prefix) const {
    std::vector<std::string> out;
    if (fit.names.size() < transaction_count + lifetime_count) return out;
    const std::size_t from = fit.names.size() - transaction_count - lifetime_count + skip;
    for (std::size_t k = from; k < from + count; ++k)
      out.push_back(std::string_view(fit.names[k]).starts_with(prefix) ? fit.names[k].substr(prefix.size())
                                                                       : fit.names[k]);
    return out;
  }
};

/// Fits `model` (bgnbd, pnbd or ggomnbd) with covariates by maximum likelihood, from the fit
/// without them and all coefficients 0 (options.start, if given: the model's parameters then
/// the coefficients, in the order of `covariates`). Errors: another model (model_mismatch);
/// an invalid summary; no covariate; a covariate that is not one finite value per customer,
/// is constant (confounded with α or β) or whose name is empty or repeated in its list
/// (naming it); those of the fits.
[[nodiscard]] EXCELLENCE_API result<clv_covariate_fit> try_fit_clv_covariates(clv_model model,
                                                                              const clv_customers& customers,
                                                                              const clv_covariates& covariates,
                                                                              const clv_fit_options& options = {},
                                                                              const model_control& control = {});
/// Throwing form of try_fit_clv_covariates.
[[nodiscard]] inline clv_covariate_fit fit_clv_covariates(clv_model model, const clv_customers& customers,
                                                          const clv_covariates& covariates,
                                                          const clv_fit_options& options = {},
                                                          const model_control& control = {}) {
  return try_fit_clv_covariates(model, customers, covariates, options, control).value();
}

/// Σ weight × log L at `params`: the model's parameters, then the transaction and the
/// lifetime coefficients. With every coefficient 0 it is the model's own log-likelihood.
[[nodiscard]] EXCELLENCE_API result<double> try_clv_covariate_log_likelihood(clv_model model,
                                                                             std::span<const double> params,
                                                                             const clv_customers& customers,
                                                                             const clv_covariates& covariates);

/// Throwing form of try_clv_covariate_log_likelihood.
[[nodiscard]] inline double clv_covariate_log_likelihood(clv_model model, std::span<const double> params,
                                                         const clv_customers& customers,
                                                         const clv_covariates& covariates) {
  return try_clv_covariate_log_likelihood(model, params, customers, covariates).value();
}

/// P(alive) and E[Y(horizon) | x, t_x, T] of every customer at his own parameters. The
/// covariates are matched to the fit's by name (each list in any order); a missing or an
/// extra covariate is an error naming it.
/// A covariate the same for every customer given (one customer, say) is taken here.
[[nodiscard]] EXCELLENCE_API result<clv_predictions> try_clv_covariate_predict(const clv_covariate_fit& fit,
                                                                               const clv_customers& customers,
                                                                               const clv_covariates& covariates,
                                                                               double horizon, unsigned threads = 0);
/// Throwing form of try_clv_covariate_predict.
[[nodiscard]] inline clv_predictions clv_covariate_predict(const clv_covariate_fit& fit, const clv_customers& customers,
                                                           const clv_covariates& covariates, double horizon,
                                                           unsigned threads = 0) {
  return try_clv_covariate_predict(fit, customers, covariates, horizon, threads).value();
}

EXCELLENCE_END_NAMESPACE
