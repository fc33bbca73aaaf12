// Internal to the lifetime-value models: time between dates in the summaries' unit, one
// definition for the summary and for the holdout's tracking.
#pragma once

#include <excellence/models/clv/transactions.hpp>

#include <algorithm>
#include <chrono>

namespace excellence::inline v1::clv_core {

/// The day `k` units after `origin`: k days, 7k days, or k calendar months (the same day of
/// the month, the month's last day where it has fewer).
inline std::chrono::sys_days units_after(std::chrono::sys_days origin, int k, clv_time_unit unit) {
  using namespace std::chrono;
  switch (unit) {
    case clv_time_unit::days:
      return origin + days(k);
    case clv_time_unit::weeks:
      return origin + days(7 * k);
    case clv_time_unit::months: {
      const year_month_day a{origin};
      const year_month ym = year_month{a.year(), a.month()} + months{k};
      const auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
      return sys_days{year_month_day{ym.year(), ym.month(), std::min(a.day(), last)}};
    }
  }
  return origin;
}

/// Time from `from` to `to` (to >= from) in the unit: days, days/7, or whole calendar months
/// and the rest as a fraction of the next month's length — never an assumed 30 days.
inline double elapsed(std::chrono::sys_days from, std::chrono::sys_days to, clv_time_unit unit) {
  using namespace std::chrono;
  const double days = static_cast<double>((to - from).count());
  switch (unit) {
    case clv_time_unit::days:
      return days;
    case clv_time_unit::weeks:
      return days / 7;
    case clv_time_unit::months: {
      const year_month_day a{from};
      const year_month_day b{to};
      int months =
          (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
          (static_cast<int>(static_cast<unsigned>(b.month())) - static_cast<int>(static_cast<unsigned>(a.month())));
      while (months > 0 && units_after(from, months, unit) > to) --months;
      const sys_days start = units_after(from, months, unit);
      const double length = static_cast<double>((units_after(from, months + 1, unit) - start).count());
      return months + static_cast<double>((to - start).count()) / length;
    }
  }
  return days;
}

}  // namespace excellence::inline v1::clv_core
