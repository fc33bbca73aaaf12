// Simple customer lifetime value: constant margin, retention and discount rate.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/loyalty/retention.hpp>
#include <excellence/period.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// When each period's margin arrives.
enum class margin_timing {
  end_of_period,   ///< after the retention draw: the first margin needs the customer to stay one period
  start_of_period  ///< at once: the first margin is certain (an existing customer at the start)
};

inline constexpr detail::enum_names<margin_timing, 2> margin_timing_names{
    {{{margin_timing::end_of_period, "end"}, {margin_timing::start_of_period, "start"}}}};
/// "end" or "start".
[[nodiscard]] constexpr const char* to_string(margin_timing t) noexcept { return margin_timing_names.name(t); }
/// "end", "start", or nullopt.
[[nodiscard]] constexpr std::optional<margin_timing> parse_margin_timing(std::string_view name) noexcept {
  return margin_timing_names.parse(name);
}

struct clv_options {
  margin_timing timing = margin_timing::end_of_period;
  /// Number of margins counted; nullopt for an infinite horizon.
  std::optional<std::int32_t> horizon{};
  /// Subtracted from the value, for prospects not yet acquired.
  double acquisition_cost = 0;
};

struct simple_clv_result {
  double clv = 0;              ///< lifetime value after acquisition cost
  double margin_multiple = 0;  ///< lifetime value before acquisition cost, per unit of margin
  excellence::v1::period per{};
  clv_options options{};  ///< the timing, horizon and acquisition cost used
  double retention = 0;   ///< the retention rate per period
  /// 1 / (1 − r) periods as a customer (try_average_life); absent when r = 1 (infinite).
  std::optional<double> average_life{};
};

/// Lifetime value of a customer with margin m per period, retention r and discount rate
/// d per the same period (Gupta & Lehmann 2003; Gupta, Lehmann & Stuart 2004, "Valuing
/// customers", J. Marketing Research 41; metrics.md §3.10):
///  * infinite horizon, margin at the end of each period:  m · r / (1 + d − r)
///  * infinite horizon, margin at the start:               m · (1 + d) / (1 + d − r)
///  * horizon T, end of period:   Σ_{t=1..T}   m · rᵗ / (1 + d)ᵗ
///  * horizon T, start of period: Σ_{t=0..T−1} m · rᵗ / (1 + d)ᵗ
/// minus the acquisition cost. With r = 0.8 and d = 0.1 the margin multiple is 2.67.
///
/// Errors: retention and discount per different periods (invalid_value: convert first,
/// nothing is assumed about month lengths); r outside [0, 1], d ≤ −1, a non-finite margin
/// or cost, a horizon below 1 (out_of_range); 1 + d − r ≤ 0 with an infinite horizon,
/// where the sum diverges (invalid_value).
[[nodiscard]] inline result<simple_clv_result> try_simple_clv(double margin, rate retention, rate discount,
                                                              const clv_options& options = {}) {
  const double r = retention.value;
  const double d = discount.value;
  if (!(retention.per == discount.per))
    return detail::input_error(errc::invalid_value, "discount",
                               "the retention rate is per " + retention.per.to_string() +
                                   " but the discount rate per " + discount.per.to_string() +
                                   "; give both per the same period");
  if (!std::isfinite(margin))
    return detail::input_error(errc::out_of_range, "margin", "the margin must be a finite number");
  if (!(r >= 0.0 && r <= 1.0))
    return detail::input_error(errc::out_of_range, "retention", "a retention rate must lie in [0, 1]");
  if (!(d > -1.0) || !std::isfinite(d))
    return detail::input_error(errc::out_of_range, "discount", "a discount rate must be above -1");
  if (!std::isfinite(options.acquisition_cost))
    return detail::input_error(errc::out_of_range, "acquisition_cost", "the acquisition cost must be a finite number");
  const bool at_start = options.timing == margin_timing::start_of_period;
  double multiple = 0;
  if (options.horizon) {
    if (*options.horizon < 1)
      return detail::input_error(errc::out_of_range, "horizon", "the horizon must be at least 1 period");
    // Σ qᵗ over the horizon with q = r / (1 + d), summed term by term: exact enough and
    // free of the cancellation of the closed form when q is close to 1.
    const double q = r / (1.0 + d);
    double term = at_start ? 1.0 : q;
    // The sum stops once the terms no longer change it, so a huge horizon costs no
    // more than an infinite one.
    for (std::int32_t t = 0; t < *options.horizon && term >= multiple * 1e-17; ++t) {
      multiple += term;
      term *= q;
      if (!std::isfinite(multiple))
        return detail::input_error(errc::out_of_range, "horizon",
                                   "the discounted sum overflows (retention above 1 + discount over a long horizon)");
    }
  } else {
    if (!(1.0 + d - r > 0.0))
      return detail::input_error(errc::invalid_value, "retention",
                                 "1 + d - r <= 0: with an infinite horizon the lifetime value diverges");
    multiple = (at_start ? 1.0 + d : r) / (1.0 + d - r);
  }
  const double clv = margin * multiple - options.acquisition_cost;
  if (!std::isfinite(clv))
    return detail::input_error(errc::out_of_range, "margin", "the lifetime value overflows (margin too large)");
  return simple_clv_result{clv, multiple, retention.per, options, r,
                           r < 1.0 ? std::optional<double>(1.0 / (1.0 - r)) : std::nullopt};
}

[[nodiscard]] inline simple_clv_result simple_clv(double margin, rate retention, rate discount,
                                                  const clv_options& options = {}) {
  return try_simple_clv(margin, retention, discount, options).value();
}

EXCELLENCE_END_NAMESPACE
