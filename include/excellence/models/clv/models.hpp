// Any of the six lifetime-value models, chosen at run time: one fit and one batch
// prediction for the callers that take the model's name from their user (the command,
// the C ABI, the Python package).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/models/control.hpp>

#include <span>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The columns the models read, one entry per customer: frequency, recency and age (T) for
/// BG/NBD, Pareto/NBD, MBG/NBD and GGompertz/NBD; frequency, recency and the number of opportunities (in
/// `age`) for BG/BB; frequency and monetary (the mean spend per repeat purchase) for
/// Gamma-Gamma. A model ignores the columns it does not read; weights may be empty.
struct clv_columns {
  std::span<const double> frequency{};
  std::span<const double> recency{};
  std::span<const double> age{};
  std::span<const double> monetary{};
  std::span<const double> weights{};
};

/// The fit of `model` to the columns: try_fit_bgnbd, try_fit_pnbd, try_fit_mbgnbd,
/// try_fit_ggomnbd, try_fit_bgbb, or try_fit_gamma_gamma_summary (which leaves out and counts the customers
/// without a repeat purchase). Errors as those functions give them.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_clv(clv_model model, const clv_columns& data,
                                                         const clv_fit_options& options = {},
                                                         const model_control& control = {});
/// Throwing form of try_fit_clv: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_clv(clv_model model, const clv_columns& data, const clv_fit_options& options = {},
                                     const model_control& control = {}) {
  return try_fit_clv(model, data, options, control).value();
}

/// P(alive) and the transactions expected in the next `horizon` (BG/BB: opportunities) for
/// each customer, from a fit of a transaction model (the model's own batch prediction).
/// A Gamma-Gamma fit predicts spend, not transactions: model_mismatch.
[[nodiscard]] EXCELLENCE_API result<clv_predictions> try_clv_predict(const clv_fit& fit, const clv_columns& data,
                                                                     double horizon, unsigned threads = 0);
/// Throwing form of try_clv_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_predictions clv_predict(const clv_fit& fit, const clv_columns& data, double horizon,
                                                 unsigned threads = 0) {
  return try_clv_predict(fit, data, horizon, threads).value();
}

/// A new customer's expected repeat transactions E[X(t)] in his first t time units (BG/BB:
/// opportunities) for each of `times`, from a fit of a transaction model: the model's own
/// closed form (GGompertz/NBD: its integral). Errors: a Gamma-Gamma fit (model_mismatch); a
/// time that is not a finite number > 0 (BG/BB: a whole number of opportunities), naming
/// times[i].
[[nodiscard]] EXCELLENCE_API result<std::vector<double>> try_clv_expected_transactions(const clv_fit& fit,
                                                                                       std::span<const double> times);
/// Throwing form of try_clv_expected_transactions.
[[nodiscard]] inline std::vector<double> clv_expected_transactions(const clv_fit& fit, std::span<const double> times) {
  return try_clv_expected_transactions(fit, times).value();
}

EXCELLENCE_END_NAMESPACE
