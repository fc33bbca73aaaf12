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
[[nodiscard]] constexpr const char* to_string(clv_time_unit u) noexcept { return clv_time_unit_names.name(u); }
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
