// Holdout validation of the repeat-purchase models, the way Fader, Hardie & Lee (2005) and
// CLVTools show it: fit to a calibration period, then set each model's expectations beside
// what the customers did in the holdout.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/control.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The customers of a transaction log split at a calibration end: their calibration summary
/// and what each did up to the holdout end, with the repeat transactions of the whole cohort
/// per period for tracking.
struct holdout_data {
  /// Customers whose first purchase is on or before the calibration end (in order of first
  /// appearance), summarised as the models see them.
  transaction_summary calibration{};
  std::vector<double> holdout_frequency{};  ///< x*: purchase days in (end, holdout_end]
  std::vector<double> holdout_value{};      ///< the value of those purchases
  std::chrono::sys_days holdout_end{};
  double holdout_length = 0;  ///< from the calibration end to the holdout end, in the unit
  /// Each customer's first purchase day (for the expected tracking of new customers).
  std::vector<std::chrono::sys_days> first_purchase{};
  /// The tracking grid: the last day of each period, from the first period that holds a
  /// first purchase to the one that holds holdout_end. Periods are one unit long (a day, a
  /// week, a calendar month) from the earliest first purchase; the calibration end and the
  /// holdout end close a period of their own when they fall inside one.
  std::vector<std::chrono::sys_days> period_end{};
  /// Repeat transactions (purchase days after the first) of these customers in each period.
  std::vector<double> repeat_by_period{};
  std::size_t records_after_holdout = 0;  ///< records after holdout_end: not used
};

/// Splits the records at `end` (the calibration period, as try_summarize_transactions) and
/// counts each calibration customer's purchase days and value in (end, holdout_end].
/// Customers first seen after `end` are left out (and counted in the summary). Errors: those
/// of try_summarize_transactions; holdout_end not after end (out_of_range, "holdout_end").
[[nodiscard]] EXCELLENCE_API result<holdout_data> try_split_transactions(std::span<const transaction_record> records,
                                                                         std::chrono::sys_days end,
                                                                         std::chrono::sys_days holdout_end,
                                                                         clv_time_unit unit);
/// Throwing form of try_split_transactions.
[[nodiscard]] inline holdout_data split_transactions(std::span<const transaction_record> records,
                                                     std::chrono::sys_days end, std::chrono::sys_days holdout_end,
                                                     clv_time_unit unit) {
  return try_split_transactions(records, end, holdout_end, unit).value();
}

struct holdout_options {
  /// The models to fit and compare: BG/NBD, Pareto/NBD, MBG/NBD, GGompertz/NBD (BG/BB counts discrete
  /// opportunities and Gamma-Gamma spend; neither is a transaction model in calendar time).
  std::vector<clv_model> models{clv_model::bgnbd, clv_model::pnbd};
  /// The histogram and the groups by calibration frequency stop at this count: "7+".
  std::size_t largest_count = 7;
  clv_fit_options fit{};
};

/// One model's fit and how its expectations met the holdout.
struct holdout_model {
  clv_fit fit{};
  double aic = 0;  ///< 2k − 2 LL
  double bic = 0;  ///< k ln(customers) − 2 LL
  /// Per customer E[Y(holdout_length) | x, t_x, T], in the data's customer order.
  std::vector<double> expected{};
  double mae = 0;                       ///< mean |expected − x*| over customers
  double rmse = 0;                      ///< √ mean (expected − x*)²
  std::optional<double> correlation{};  ///< Pearson's r of expected and x* (nullopt when x* is constant)
  double expected_total = 0;            ///< Σ expected
  double aggregate_error = 0;           ///< (Σ expected − Σ x*)/Σ x*, a share
  /// Mean absolute percentage error of the cumulative tracking in the calibration and the
  /// holdout periods (over the periods where the actual cumulative count is > 0).
  double calibration_mape = 0;
  double holdout_mape = 0;
  /// Pearson's χ² of the calibration histogram (bins with an expected count ≥ 5 pooled
  /// upwards until they are), its degrees of freedom (bins − 1 − parameters) and p-value;
  /// nullopt when there are too few bins.
  std::optional<double> chi_square{};
  std::size_t chi_square_df = 0;
  std::optional<double> chi_square_p{};
};

/// A period of the tracking table. `expected` per model, in holdout_options::models order.
struct tracking_period {
  std::chrono::sys_days last_day{};
  bool holdout = false;
  double actual = 0;  ///< repeat transactions in the period
  double actual_cumulative = 0;
  std::vector<double> expected{};
  std::vector<double> expected_cumulative{};
};

/// A bar of the calibration histogram: customers with `count` repeat transactions (or more,
/// for the last), actual and expected per model (Σ over customers of P(X(T) = count)).
struct count_bin {
  std::size_t count = 0;
  bool or_more = false;
  double actual = 0;
  std::vector<double> expected{};
};

/// Customers grouped by calibration frequency (Fader, Hardie & Lee 2005a, Figure 4): their
/// mean holdout transactions, actual and expected per model. Only frequencies some customer
/// has are listed.
struct frequency_group {
  std::size_t frequency = 0;
  bool or_more = false;
  double customers = 0;
  double actual = 0;
  std::vector<double> expected{};
};

struct holdout_validation {
  clv_time_unit unit{};
  std::chrono::sys_days end{};
  std::chrono::sys_days holdout_end{};
  double holdout_length = 0;
  double customers = 0;
  double actual_total = 0;  ///< Σ x*
  std::vector<holdout_model> models{};
  std::vector<tracking_period> tracking{};
  std::vector<count_bin> histogram{};
  std::vector<frequency_group> by_frequency{};
};

/// Fits each model to the calibration summary and compares: per customer E[Y(t*) | x, t_x, T]
/// against x* (MAE, RMSE, correlation, aggregate error); the tracking table of actual and
/// expected repeat transactions per period, incremental and cumulative, the expectation for
/// each customer that of a new customer E[X(t)] from his first purchase (FHL 2005a,
/// Figure 3); the calibration histogram of repeat counts 0, 1, … largest_count+ with
/// Σ P(X(T) = k); the holdout by calibration frequency; AIC and BIC. Errors: no customer,
/// no holdout transaction (the aggregate error would divide by zero), a model that is not a
/// transaction model in calendar time (model_mismatch, "models[i]"), and the fits' errors.
/// A fit that does not converge is reported with its warning, never dropped.
[[nodiscard]] EXCELLENCE_API result<holdout_validation> try_validate_holdout(const holdout_data& data,
                                                                             const holdout_options& options = {},
                                                                             const model_control& control = {});
/// Throwing form of try_validate_holdout.
[[nodiscard]] inline holdout_validation validate_holdout(const holdout_data& data, const holdout_options& options = {},
                                                         const model_control& control = {}) {
  return try_validate_holdout(data, options, control).value();
}

EXCELLENCE_END_NAMESPACE
