// The result of fitting a repeat-purchase or spend model by maximum likelihood.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/control.hpp>

#include <optional>
#include <stdexcept>
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

/// A maximum-likelihood fit. Parameters are kept positive by optimising their logarithms
/// with NLopt's L-BFGS and the analytic gradient.
struct clv_fit {
  std::string model{};
  std::vector<std::string> names{};  ///< e.g. r, alpha, a, b
  std::vector<double> params{};
  /// From the inverse of the Hessian of −LL at the optimum (central differences of the
  /// analytic gradient); empty when the Hessian is not positive definite there.
  std::vector<double> standard_errors{};
  double log_likelihood = 0;  ///< Σ weight × log L, natural logs, no constants dropped
  bool converged = false;
  int evaluations = 0;
  std::string status{};  ///< the optimiser's stopping reason
  double customers = 0;  ///< Σ weights

  [[nodiscard]] double param(std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return params[i];
    throw std::out_of_range("no parameter named " + std::string(name));
  }
};

EXCELLENCE_END_NAMESPACE
