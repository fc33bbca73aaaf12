// The result of fitting a repeat-purchase or spend model by maximum likelihood.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/control.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct clv_fit_options {
  /// Starting values in the model's parameter order; empty: the model's default start.
  std::vector<double> start{};
  int max_evaluations = 5000;
  /// Stop when an iteration changes the mean log-likelihood per customer by less than
  /// this, relatively, or every log-parameter by less than it.
  double tolerance = 1e-12;
  unsigned threads = 0;  ///< 0: all cores (used above 20,000 distinct customers)
};

/// The lifetime-value models. One table gives each its name, used by to_string, the
/// parser, the command's --model and the JSON documents.
enum class clv_model { bgnbd, pnbd, mbgnbd, bgbb, gamma_gamma, ggomnbd };

namespace detail {
struct clv_model_entry {
  clv_model model;
  std::string_view name;                       ///< stable identifier: "bgnbd"
  std::string_view title;                      ///< for people: "BG/NBD"
  std::array<std::string_view, 5> parameters;  ///< in the fit's order; "" pads the shorter lists
};
inline constexpr clv_model_entry clv_models[] = {
    {clv_model::bgnbd, "bgnbd", "BG/NBD", {"r", "alpha", "a", "b"}},
    {clv_model::pnbd, "pnbd", "Pareto/NBD", {"r", "alpha", "s", "beta"}},
    {clv_model::mbgnbd, "mbgnbd", "MBG/NBD", {"r", "alpha", "a", "b"}},
    {clv_model::bgbb, "bgbb", "BG/BB", {"alpha", "beta", "gamma", "delta"}},
    {clv_model::gamma_gamma, "gamma_gamma", "Gamma-Gamma", {"p", "q", "gamma", ""}},
    {clv_model::ggomnbd, "ggomnbd", "GGompertz/NBD", {"r", "alpha", "b", "s", "beta"}}};
}  // namespace detail

/// "bgnbd", "pnbd", "mbgnbd", "bgbb", "gamma_gamma", "ggomnbd".
[[nodiscard]] constexpr std::string_view to_string(clv_model m) noexcept {
  for (const auto& e : detail::clv_models)
    if (e.model == m) return e.name;
  return "unknown";
}

/// "BG/NBD", "Pareto/NBD", "MBG/NBD", "BG/BB", "Gamma-Gamma", "GGompertz/NBD".
[[nodiscard]] constexpr std::string_view title(clv_model m) noexcept {
  for (const auto& e : detail::clv_models)
    if (e.model == m) return e.title;
  return "unknown";
}

/// The names of the model's parameters, in the order of clv_fit::params.
[[nodiscard]] inline std::vector<std::string_view> parameter_names(clv_model m) {
  std::vector<std::string_view> out;
  for (const auto& e : detail::clv_models)
    if (e.model == m)
      for (const auto name : e.parameters)
        if (!name.empty()) out.push_back(name);
  return out;
}

/// The model named `name` (as to_string gives it), or nullopt.
[[nodiscard]] constexpr std::optional<clv_model> parse_clv_model(std::string_view name) noexcept {
  for (const auto& e : detail::clv_models)
    if (e.name == name) return e.model;
  return std::nullopt;
}

/// A maximum-likelihood fit. Parameters are kept positive by optimising their logarithms
/// with NLopt's L-BFGS and the analytic gradient.
struct clv_fit {
  clv_model model{};
  std::vector<std::string> names{};  ///< e.g. r, alpha, a, b
  std::vector<double> params{};
  /// From the inverse of the Hessian of −LL at the optimum (central differences of the
  /// analytic gradient); empty when the Hessian is not positive definite there.
  std::vector<double> standard_errors{};
  /// The covariance matrix of the parameters, row-major (names.size()² entries), the same
  /// inverse Hessian the standard errors come from (R's vcov()); empty when they are. The
  /// excellence.clv_fit/1 document carries it (by parameter names), so that a fit read back
  /// still gives prediction intervals.
  std::vector<double> covariance{};
  double log_likelihood = 0;  ///< Σ weight × log L, natural logs, no constants dropped
  bool converged = false;
  int evaluations = 0;
  std::string status{};  ///< the optimiser's stopping reason
  double customers = 0;  ///< Σ weights
  /// Customers of the input the model does not use (Gamma-Gamma fitted to a whole
  /// summary: those without a repeat purchase); a rows_dropped warning says so.
  std::size_t left_out = 0;
  /// What the caller should know (severity::warning): not_converged,
  /// standard_errors_unavailable, rows_dropped.
  std::vector<diagnostic> warnings{};

  /// The parameter named `name`, or nullopt when the model has none of that name.
  [[nodiscard]] std::optional<double> param(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return params[i];
    return std::nullopt;
  }
};

namespace detail {

/// The parameters of `fit` in `names` order if it is a fit of `expected` without covariates;
/// else a model_mismatch error naming both models (or the count of parameters). Reading BG/NBD parameters from an
/// MBG/NBD fit (same names, another model) is an error, never a silent success.
template <std::size_t N>
[[nodiscard]] result<std::array<double, N>> params_of(const clv_fit& fit, clv_model expected,
                                                      const std::array<std::string_view, N>& names) {
  if (fit.model != expected) {
    std::string message = "the fit is of the ";
    message += title(fit.model);
    message += " model, not the ";
    message += title(expected);
    return diagnostic{errc::model_mismatch, "", 0, 0, "model", std::move(message)};
  }
  // A fit with covariates (models/clv/covariates.hpp) has the model's parameters and more:
  // its base parameters alone would predict for the wrong customers.
  if (fit.names.size() != N)
    return diagnostic{errc::model_mismatch,
                      "",
                      0,
                      0,
                      "params",
                      "the fit has " + std::to_string(fit.names.size()) + " parameters, the " +
                          std::string(title(expected)) + " model " + std::to_string(N) +
                          ": a fit with covariates predicts with try_clv_covariate_predict"};
  std::array<double, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    const auto v = fit.param(names[i]);
    if (!v) return diagnostic{errc::missing_field, "", 0, 0, field_path("params").field(names[i]), "no such parameter"};
    out[i] = *v;
  }
  return out;
}

}  // namespace detail

EXCELLENCE_END_NAMESPACE
