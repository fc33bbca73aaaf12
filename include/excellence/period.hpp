// period and rate: every rate in the library says what period it is per.
#pragma once

#include <excellence/config.hpp>

#include <cstdint>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

enum class time_unit { day, week, month, quarter, year };

[[nodiscard]] constexpr std::string_view to_string(time_unit u) noexcept {
  switch (u) {
    case time_unit::day:
      return "day";
    case time_unit::week:
      return "week";
    case time_unit::month:
      return "month";
    case time_unit::quarter:
      return "quarter";
    case time_unit::year:
      return "year";
  }
  return "?";
}

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

EXCELLENCE_END_NAMESPACE
