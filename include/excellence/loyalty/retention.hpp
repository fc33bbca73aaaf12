// Customer retention, churn and expected customer life.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

#include <cmath>
#include <cstdint>
#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// Customer counts of one period: S customers at its start, E at its end, N acquired in it.
struct customer_counts {
  std::int64_t at_start = 0;  ///< S
  std::int64_t at_end = 0;    ///< E
  std::int64_t acquired = 0;  ///< N
};

struct retention_result {
  rate retention{};         ///< (E − N) / S per period
  rate churn{};             ///< 1 − retention per period
  std::int64_t retained{};  ///< E − N
  std::int64_t n{};         ///< S, the customers the rate is a share of
};

/// Retention rate (E − N)/S and churn 1 − (E − N)/S over one period (metrics.md §3.9;
/// e.g. Kotler's retention table in the domain documents). Errors, never a clamped
/// number: a negative count (out_of_range); S = 0, where the rate is undefined; E − N < 0
/// (more customers acquired than present at the end); E − N > S (reactivated customers
/// counted as existing) — all invalid_value, naming the field.
[[nodiscard]] inline result<retention_result> try_retention(const customer_counts& counts, period per) {
  if (counts.at_start < 0) return detail::input_error(errc::out_of_range, "at_start", "a count cannot be negative");
  if (counts.at_end < 0) return detail::input_error(errc::out_of_range, "at_end", "a count cannot be negative");
  if (counts.acquired < 0) return detail::input_error(errc::out_of_range, "acquired", "a count cannot be negative");
  if (counts.at_start == 0)
    return detail::input_error(errc::invalid_value, "at_start",
                               "no customers at the start of the period: retention is undefined");
  const std::int64_t retained = counts.at_end - counts.acquired;
  if (retained < 0)
    return detail::input_error(errc::invalid_value, "acquired",
                               std::to_string(counts.acquired) + " customers acquired but only " +
                                   std::to_string(counts.at_end) + " at the end of the period");
  if (retained > counts.at_start)
    return detail::input_error(errc::invalid_value, "at_end",
                               std::to_string(retained) + " customers retained out of " +
                                   std::to_string(counts.at_start) +
                                   " at the start: are reactivated customers counted as existing ones?");
  const double r = static_cast<double>(retained) / static_cast<double>(counts.at_start);
  return retention_result{{r, per}, {1.0 - r, per}, retained, counts.at_start};
}

[[nodiscard]] inline retention_result retention(const customer_counts& counts, period per) {
  return try_retention(counts, per).value();
}

/// Expected customer life under a constant retention rate r per period.
struct customer_life {
  double periods = 0;             ///< 1 / (1 − r): expected periods as a customer, the first included
  double additional_periods = 0;  ///< r / (1 − r): expected periods after the first
  excellence::v1::period per{};
};

/// 1/(1 − r) periods (geometric survival; metrics.md §3.9). With r = 0.5, 0.6, 0.7, 0.8,
/// 0.9, 0.95 per year this is the domain documents' table of 2, 2.5, 3.3, 5, 10 and 20
/// years. Errors: r outside [0, 1] or NaN (out_of_range); r = 1, an infinite life
/// (invalid_value).
[[nodiscard]] inline result<customer_life> try_average_life(rate retention) {
  const double r = retention.value;
  if (!(r >= 0.0 && r <= 1.0))
    return diagnostic{errc::out_of_range, "", 0, 0, "retention", "a retention rate must lie in [0, 1]"};
  if (r == 1.0)
    return diagnostic{errc::invalid_value,
                      "",
                      0,
                      0,
                      "retention",
                      "with retention 1 no customer ever leaves: the expected life is infinite"};
  return customer_life{1.0 / (1.0 - r), r / (1.0 - r), retention.per};
}

[[nodiscard]] inline customer_life average_life(rate retention) {
  return try_average_life(retention).value();
}

EXCELLENCE_END_NAMESPACE
