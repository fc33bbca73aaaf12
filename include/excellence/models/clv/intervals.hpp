// Intervals for a repeat-purchase model's predictions from the uncertainty of its fit: the
// delta method on the asymptotic normal distribution of the log-parameters.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/control.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// A prediction with its standard error and interval.
struct interval_estimate {
  double estimate = 0;
  double standard_error = 0;
  double lower = 0;
  double upper = 0;
};

/// Per customer P(alive) and the transactions expected in the horizon, each with an
/// interval, and the same for their sums over the customers (the expected number alive and
/// the expected transactions of the whole base).
struct clv_prediction_intervals {
  double confidence = 0.95;
  double horizon = 0;
  std::vector<interval_estimate> p_alive{};
  std::vector<interval_estimate> expected_transactions{};
  interval_estimate customers_alive{};  ///< Σ P(alive)
  interval_estimate expected_total{};   ///< Σ expected transactions
};

/// Intervals for try_clv_predict's predictions by the delta method: the log-parameters θ =
/// log p are asymptotically normal with covariance Cov(p_i, p_j)/(p_i p_j) (from the fit's
/// covariance, the inverse Hessian); each prediction g is linearised in θ with central
/// differences (relative step 1e-5), on a scale where the normal is a fair approximation —
/// logit for P(alive), log for expected transactions and for the sums — and the interval
/// mapped back, so it never leaves (0, 1) or (0, ∞). The standard error is that of the
/// prediction itself (the linearisation on its own scale). Errors: those of try_clv_predict;
/// a fit without a covariance (errc::standard_errors_unavailable: the information matrix was
/// not positive definite, or a fit read from a document without one); confidence outside
/// (0, 1) (out_of_range, "confidence").
[[nodiscard]] EXCELLENCE_API result<clv_prediction_intervals> try_clv_predict_intervals(
    const clv_fit& fit, const clv_columns& data, double horizon, double confidence = 0.95, unsigned threads = 0);
/// Throwing form of try_clv_predict_intervals.
[[nodiscard]] inline clv_prediction_intervals clv_predict_intervals(const clv_fit& fit, const clv_columns& data,
                                                                    double horizon, double confidence = 0.95,
                                                                    unsigned threads = 0) {
  return try_clv_predict_intervals(fit, data, horizon, confidence, threads).value();
}

struct clv_bootstrap_options {
  std::size_t resamples = 200;
  std::uint64_t seed = 1;
  double confidence = 0.95;
  unsigned threads = 0;  ///< 0: all cores; the refits run side by side, each on one thread
  /// The refits' settings; each starts from the fit's estimate unless a start is given.
  clv_fit_options fit{};
};

/// What the customer-resampling bootstrap gives: the refitted parameters, and the
/// predictions' spread over the refits.
struct clv_bootstrap_intervals {
  double confidence = 0.95;
  double horizon = 0;
  std::size_t resamples = 0;  ///< refits asked for
  std::size_t failed = 0;     ///< refits that failed or did not converge: left out, counted
  /// Per resample that succeeded, the parameters in the fit's order.
  std::vector<std::vector<double>> params{};
  /// Per parameter: the estimate, the refits' standard deviation and percentile interval.
  std::vector<interval_estimate> param_intervals{};
  /// Per customer: the estimate at the fit, the refits' standard deviation, and an interval
  /// from the refits' spread on the logit (P(alive)) or log (transactions) scale.
  std::vector<interval_estimate> p_alive{};
  std::vector<interval_estimate> expected_transactions{};
  /// Σ P(alive) and Σ expected transactions: the refits' standard deviation and percentile
  /// interval.
  interval_estimate customers_alive{};
  interval_estimate expected_total{};

  /// The predictions' intervals alone, as the delta method gives them.
  [[nodiscard]] clv_prediction_intervals predictions() const {
    return {confidence, horizon, p_alive, expected_transactions, customers_alive, expected_total};
  }
};

/// The customer-resampling bootstrap (as CLVTools' `predict(..., uncertainty = "boots")`):
/// each resample draws as many customers as the data has, with replacement (a row with a
/// weight stands for that many customers), refits the fit's model to them from its
/// estimate, and predicts every customer of `data` over the horizon. Resample r draws from
/// its own generator seeded by (seed, r), and the refits' predictions are added up in
/// resample order, so the result is the same for a seed whatever the thread count.
/// Progress counts the refits; cancellation stops them. Errors: those of try_clv_predict;
/// fewer than 2 resamples, confidence outside (0, 1) (out_of_range); weights that are not
/// whole numbers (invalid_value, "weights"); every refit failing (not_converged).
[[nodiscard]] EXCELLENCE_API result<clv_bootstrap_intervals> try_clv_bootstrap(
    const clv_fit& fit, const clv_columns& data, double horizon, const clv_bootstrap_options& options = {},
    const model_control& control = {});
/// Throwing form of try_clv_bootstrap.
[[nodiscard]] inline clv_bootstrap_intervals clv_bootstrap(const clv_fit& fit, const clv_columns& data, double horizon,
                                                           const clv_bootstrap_options& options = {},
                                                           const model_control& control = {}) {
  return try_clv_bootstrap(fit, data, horizon, options, control).value();
}

EXCELLENCE_END_NAMESPACE
