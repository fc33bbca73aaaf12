// period and rate: every rate in the library says what period it is per.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

enum class time_unit { day, week, month, quarter, year };

inline constexpr detail::enum_names<time_unit, 5> time_unit_names{{{{time_unit::day, "day"},
                                                                    {time_unit::week, "week"},
                                                                    {time_unit::month, "month"},
                                                                    {time_unit::quarter, "quarter"},
                                                                    {time_unit::year, "year"}}}};
[[nodiscard]] constexpr std::string_view to_string(time_unit u) noexcept { return time_unit_names.name(u); }

/// A length of time such as 1 year or 3 months. Nothing in the library assumes a
/// period; a retention rate per quarter and a discount rate per year are different
/// things, and combining them is an error rather than a silent conversion (a month is
/// not a fixed number of days).
struct period {
  std::int32_t count = 1;
  time_unit unit = time_unit::year;

  /// "year", "3 months"
  [[nodiscard]] std::string to_string() const {
    std::string name(excellence::v1::to_string(unit));
    return count == 1 ? name : std::to_string(count) + " " + name + "s";
  }
  friend constexpr bool operator==(const period&, const period&) = default;
};

/// A rate per period, e.g. retention 0.8 per year.
struct rate {
  double value = 0;
  excellence::v1::period per{};
  friend constexpr bool operator==(const rate&, const rate&) = default;
};

/// The unit named `name` ("day", "week", "month", "quarter", "year"), or nullopt.
[[nodiscard]] constexpr std::optional<time_unit> parse_time_unit(std::string_view name) noexcept {
  return time_unit_names.parse(name);
}

/// How period labels are written: running numbers ("17"; a year is its number, "2024"),
/// months ("2024-03") or quarters ("2024-Q1").
enum class period_notation { number, month, quarter };

/// A period as a running number in its unit (month labels: year × 12 + month − 1;
/// quarter labels: year × 4 + quarter − 1) and the notation it was written in.
struct period_label {
  std::int64_t index = 0;
  period_notation notation = period_notation::number;
  friend constexpr bool operator==(const period_label&, const period_label&) = default;
};

/// Reads "17", "-3", "2024-03" (with time_unit::month) or "2024-Q1" (with
/// time_unit::quarter); nullopt for anything else, including month labels with another
/// unit, month 13 and quarter 5.
[[nodiscard]] EXCELLENCE_API std::optional<period_label> parse_period_label(std::string_view text, time_unit unit);

/// The label of period `index` in `notation`: the inverse of parse_period_label
/// ("2024-03" for 2024 × 12 + 2 as a month). Years are written with at least four digits.
[[nodiscard]] EXCELLENCE_API std::string format_period_label(std::int64_t index, period_notation notation);

EXCELLENCE_END_NAMESPACE
