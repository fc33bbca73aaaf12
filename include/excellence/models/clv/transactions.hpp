// From transaction records to the (x, t_x, T, mean spend) summary of each customer.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The unit of recency and age. Weeks are 7 days; a month is a calendar month, counted
/// from the customer's first purchase with the remainder as a fraction of the month it
/// falls in — never an assumed 30 days.
enum class clv_time_unit { days, weeks, months };

inline constexpr detail::enum_names<clv_time_unit, 3> clv_time_unit_names{
    {{{clv_time_unit::days, "days"}, {clv_time_unit::weeks, "weeks"}, {clv_time_unit::months, "months"}}}};
[[nodiscard]] constexpr const char* to_string(clv_time_unit u) noexcept {
  return clv_time_unit_names.name(u);
}
/// "days", "weeks", "months", or nullopt.
[[nodiscard]] constexpr std::optional<clv_time_unit> parse_clv_time_unit(std::string_view name) noexcept {
  return clv_time_unit_names.parse(name);
}

struct transaction_record {
  std::string customer{};
  std::chrono::sys_days date{};
  double amount = 0;
};

/// Per customer (in order of first appearance) and what happened to the records.
struct transaction_summary {
  std::vector<std::string> customers{};
  std::vector<double> frequency{};       ///< repeat purchase days in the calibration period (x)
  std::vector<double> recency{};         ///< first to last purchase day (t_x), in `unit`
  std::vector<double> age{};             ///< first purchase to the calibration end (T)
  std::vector<double> monetary_value{};  ///< mean value of the repeat purchase days (0 when x = 0)
  clv_time_unit unit = clv_time_unit::weeks;
  std::chrono::sys_days end{};
  std::size_t records = 0;              ///< read
  std::size_t merged = 0;               ///< records on a day the customer had already bought: one transaction
  std::size_t after_end = 0;            ///< records after the calibration end: not used
  std::size_t customers_after_end = 0;  ///< customers whose first purchase is after the end: left out

  /// The summary as model input (spans into this object).
  [[nodiscard]] clv_customers view() const { return {frequency, recency, age, {}}; }
};

/// "YYYY-MM-DD" as a date, or nullopt.
[[nodiscard]] EXCELLENCE_API std::optional<std::chrono::sys_days> parse_date(std::string_view text);

/// The date as "YYYY-MM-DD" (parse_date's inverse).
[[nodiscard]] EXCELLENCE_API std::string format_date(std::chrono::sys_days day);

/// A prediction horizon given in calendar terms ("the next 6 months"), in the model's unit,
/// with the conversion stated for the reader.
struct clv_horizon {
  double length = 0;        ///< in the model's time unit
  std::string statement{};  ///< e.g. "6 months from 1997-09-30 (to 1998-03-30) = 25.857143 weeks"
};

/// `amount` of `unit` as a length in `model_unit`. Days and weeks convert exactly (7 days a
/// week). Between months and days or weeks: from a start date `from` (the calibration end,
/// where the horizon begins) by the calendar, as the summaries count time — whole months to
/// the same day of the month (its last day where the month is shorter), or whole days, then
/// the time between the two dates in the model's unit; without a start date by the mean
/// Gregorian month, 365.2425/12 = 30.436875 days (so 6 months are 26.0888 weeks, not 26).
/// Errors (out_of_range, "amount"): an amount that is not positive and finite; with a start
/// date, months that are not whole, or days that are not whole when the model counts months.
[[nodiscard]] EXCELLENCE_API result<clv_horizon> try_clv_horizon(double amount, clv_time_unit unit,
                                                                 clv_time_unit model_unit,
                                                                 std::optional<std::chrono::sys_days> from = {});
/// Throwing form of try_clv_horizon.
[[nodiscard]] inline clv_horizon clv_horizon_of(double amount, clv_time_unit unit, clv_time_unit model_unit,
                                                std::optional<std::chrono::sys_days> from = {}) {
  return try_clv_horizon(amount, unit, model_unit, from).value();
}

/// The summary: records of one customer on one day are merged (values summed); the first
/// purchase day starts the customer; records after `end` are counted, not used. Errors:
/// no records, an empty customer id, a non-finite amount (each naming `records[i]`).
[[nodiscard]] EXCELLENCE_API result<transaction_summary> try_summarize_transactions(
    std::span<const transaction_record> records, std::chrono::sys_days end, clv_time_unit unit);
/// Throwing form of try_summarize_transactions: the value, or data_error with the diagnostic.
[[nodiscard]] inline transaction_summary summarize_transactions(std::span<const transaction_record> records,
                                                                std::chrono::sys_days end, clv_time_unit unit) {
  return try_summarize_transactions(records, end, unit).value();
}

EXCELLENCE_END_NAMESPACE
