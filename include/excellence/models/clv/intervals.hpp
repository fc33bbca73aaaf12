// Intervals for a repeat-purchase model's predictions from the uncertainty of its fit: the
// delta method on the asymptotic normal distribution of the log-parameters.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/models/clv/models.hpp>

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

EXCELLENCE_END_NAMESPACE
