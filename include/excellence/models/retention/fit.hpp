// Contractual retention models — the shifted-beta-geometric (sBG) and the
// beta-discrete-Weibull (BdW) — fitted by maximum likelihood to survivor counts.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/models/control.hpp>
#include <excellence/models/retention/survivors.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// sbg: each customer renews with his own probability 1 − θ at every renewal, θ ~ Beta(α, β)
/// across customers (Fader & Hardie 2007). bdw: his survival to age t is (1 − θ)^(t^c) —
/// c < 1 falling, c > 1 rising individual churn with tenure — with the same Beta(α, β)
/// (Fader, Hardie, Liu, Davin & Steenburgh 2018); c = 1 is the sBG.
enum class retention_model { sbg, bdw };

inline constexpr detail::enum_names<retention_model, 2> retention_model_names{
    {{{retention_model::sbg, "sbg"}, {retention_model::bdw, "bdw"}}}};
/// "sbg", "bdw".
[[nodiscard]] constexpr const char* to_string(retention_model m) noexcept {
  return retention_model_names.name(m);
}
/// "sbg", "bdw", or nullopt.
[[nodiscard]] constexpr std::optional<retention_model> parse_retention_model(std::string_view name) noexcept {
  return retention_model_names.parse(name);
}

struct retention_fit_options {
  /// Starting values in the model's parameter order (alpha, beta[, c]); empty: all ones.
  std::vector<double> start{};
  int max_evaluations = 2000;
  /// Stop when an iteration changes the mean log-likelihood per customer by less than
  /// this, relatively, or every log-parameter by less than it.
  double tolerance = 1e-12;
};

/// A maximum-likelihood fit. Parameters are kept positive by optimising their logarithms
/// with NLopt's L-BFGS and the analytic gradient.
struct retention_fit {
  retention_model model{};
  std::vector<std::string> names{};  ///< alpha, beta (sBG); alpha, beta, c (BdW)
  std::vector<double> params{};
  /// From the inverse of the Hessian of −LL at the optimum (central differences of the
  /// analytic gradient); empty when it is not positive definite there.
  std::vector<double> standard_errors{};
  /// That inverse Hessian, row-major (names.size()² entries); empty with the standard errors.
  std::vector<double> covariance{};
  /// Σ over cohorts and ages of (customers lost at age t) × log P(T = t) + (survivors at
  /// the last observed age) × log S(last): natural logs, no constants dropped.
  double log_likelihood = 0;
  bool converged = false;
  int evaluations = 0;
  std::string status{};     ///< the optimiser's stopping reason
  double customers = 0;     ///< Σ cohort sizes
  std::size_t cohorts = 0;  ///< cohorts fitted
  /// Renewal decisions observed: Σ over cohorts of the ages after the first.
  std::size_t observations = 0;
  /// not_converged (also when no customer, or every customer, cancelled: the data then
  /// cannot identify the model), standard_errors_unavailable.
  std::vector<diagnostic> warnings{};

  /// The parameter named `name`, or nullopt.
  [[nodiscard]] std::optional<double> param(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return params[i];
    return std::nullopt;
  }
  /// AIC = 2k − 2 LL.
  [[nodiscard]] double aic() const noexcept { return 2.0 * static_cast<double>(params.size()) - 2.0 * log_likelihood; }
};

/// The parameters of `model`, in order: {"alpha", "beta"} or {"alpha", "beta", "c"}.
[[nodiscard]] EXCELLENCE_API std::vector<std::string_view> parameter_names(retention_model model);

/// The maximum-likelihood fit of `model` to the cohorts, which share one process: every
/// cohort contributes its losses at each observed age and its survivors at the last one, so
/// cohorts acquired in different periods (observed for different lengths of time) pool
/// without truncating any of them. Errors: counts that are not survivor counts
/// (detail::check_survivor_cohorts), no renewal observed in any cohort, bad options,
/// cancellation. A fit that stops early, or that the data cannot identify, is returned with
/// converged == false and a warning.
[[nodiscard]] EXCELLENCE_API result<retention_fit> try_fit_retention(retention_model model,
                                                                     std::span<const survivor_cohort> cohorts,
                                                                     const retention_fit_options& options = {},
                                                                     const model_control& control = {});
/// Throwing form of try_fit_retention: the value, or data_error with the diagnostic.
[[nodiscard]] inline retention_fit fit_retention(retention_model model, std::span<const survivor_cohort> cohorts,
                                                 const retention_fit_options& options = {},
                                                 const model_control& control = {}) {
  return try_fit_retention(model, cohorts, options, control).value();
}

/// The log-likelihood of `model` at `params` (alpha, beta[, c], all > 0) for the cohorts.
[[nodiscard]] EXCELLENCE_API result<double> try_retention_log_likelihood(retention_model model,
                                                                         std::span<const double> params,
                                                                         std::span<const survivor_cohort> cohorts);
/// Throwing form of try_retention_log_likelihood.
[[nodiscard]] inline double retention_log_likelihood(retention_model model, std::span<const double> params,
                                                     std::span<const survivor_cohort> cohorts) {
  return try_retention_log_likelihood(model, params, cohorts).value();
}

EXCELLENCE_END_NAMESPACE
