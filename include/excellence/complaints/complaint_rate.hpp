// Complaint rate with a declared denominator, the complaint "iceberg" and the 1 : 10 : 100
// escalation of handling cost.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// What complaints are counted against. The denominator must be declared: a rate per
/// order and a rate per customer differ by the orders per customer (metrics.md §3.13).
enum class complaint_base { customers, orders, units };

[[nodiscard]] constexpr const char* to_string(complaint_base b) noexcept {
  switch (b) {
    case complaint_base::customers:
      return "customers";
    case complaint_base::orders:
      return "orders";
    case complaint_base::units:
      return "units";
  }
  return "?";
}

struct complaint_rate_result {
  double rate = 0;          ///< complaints per base unit
  double per_thousand = 0;  ///< complaints per 1000 base units
  std::int64_t complaints = 0;
  std::int64_t base_count = 0;
  complaint_base base = complaint_base::orders;
  excellence::v1::period per{};
};

/// Complaints / base count over one period. Errors: negative counts, a zero base.
[[nodiscard]] inline result<complaint_rate_result> try_complaint_rate(std::int64_t complaints, std::int64_t base_count,
                                                                      complaint_base base, period per) {
  if (complaints < 0 || base_count < 0)
    return diagnostic{errc::out_of_range,         "", 0, 0, complaints < 0 ? "complaints" : "base_count",
                      "counts cannot be negative"};
  if (base_count == 0)
    return diagnostic{errc::invalid_value,
                      "",
                      0,
                      0,
                      "base_count",
                      std::string("no ") + to_string(base) + " in the period: the complaint rate is undefined"};
  const double rate = static_cast<double>(complaints) / static_cast<double>(base_count);
  return complaint_rate_result{rate, 1000 * rate, complaints, base_count, base, per};
}
/// Throwing form of try_complaint_rate: the value, or data_error with the diagnostic.
[[nodiscard]] inline complaint_rate_result complaint_rate(std::int64_t complaints, std::int64_t base_count,
                                                          complaint_base base, period per) {
  return try_complaint_rate(complaints, base_count, base, per).value();
}

/// How dissatisfied customers react. The domain documents' iceberg is the default: 5 %
/// complain formally, 35 % voice dissatisfaction elsewhere, 60 % say nothing. These
/// shares differ by problem severity and channel (TARP found 3 % complaining for small
/// problems and about half complaining to the front line; metrics.md §3.13), so they are
/// always a parameter.
struct iceberg_shares {
  double formal = 0.05;
  double voiced_elsewhere = 0.35;
  double silent = 0.60;
};

struct iceberg_estimate {
  double dissatisfied = 0;  ///< estimated dissatisfied customers in all
  double formal = 0;        ///< = the observed formal complaints
  double voiced_elsewhere = 0;
  double silent = 0;
  iceberg_shares shares{};
};

/// From observed formal complaints, the estimated number of dissatisfied customers:
/// observed / formal share, split by the shares. Errors: a negative or non-finite count,
/// shares that are negative, do not sum to 1, or give formal complaints no share.
[[nodiscard]] inline result<iceberg_estimate> try_iceberg(double formal_complaints, const iceberg_shares& shares = {}) {
  if (!std::isfinite(formal_complaints) || formal_complaints < 0)
    return diagnostic{errc::out_of_range, "", 0, 0, "formal_complaints", "must be finite and non-negative"};
  if (!(shares.formal > 0) || !(shares.voiced_elsewhere >= 0) || !(shares.silent >= 0) ||
      std::abs(shares.formal + shares.voiced_elsewhere + shares.silent - 1) > 1e-9)
    return diagnostic{errc::invalid_value,
                      "",
                      0,
                      0,
                      "shares",
                      "the shares must be non-negative, sum to 1, and give formal complaints a share above 0"};
  const double all = formal_complaints / shares.formal;
  return iceberg_estimate{all, formal_complaints, all * shares.voiced_elsewhere, all * shares.silent, shares};
}
/// Throwing form of try_iceberg: the value, or data_error with the diagnostic.
[[nodiscard]] inline iceberg_estimate iceberg(double formal_complaints, const iceberg_shares& shares = {}) {
  return try_iceberg(formal_complaints, shares).value();
}

/// One step of the escalation rule: a problem resolved after at most `max_delay` (in the
/// caller's unit) costs `multiplier` times the base cost.
struct escalation_step {
  double max_delay = 0;
  double multiplier = 1;
};

/// The 1 : 10 : 100 rule of the domain documents (the Ritz-Carlton's): solved the same day
/// ×1, the next day ×10, later ×100, with delays in days.
inline constexpr std::array<escalation_step, 3> one_ten_hundred{
    {{0, 1}, {1, 10}, {std::numeric_limits<double>::infinity(), 100}}};

struct escalation_cost {
  double total = 0;
  double mean = 0;  ///< per problem
  std::size_t n = 0;
};

/// Expected cost of handling problems resolved after the given delays: for each, the base
/// cost times the multiplier of the first step whose max_delay covers the delay. Errors:
/// steps empty, not ascending, or not covering a delay; negative or non-finite inputs.
[[nodiscard]] inline result<escalation_cost> try_escalation_cost(
    double base_cost, std::span<const double> delays, std::span<const escalation_step> steps = one_ten_hundred) {
  if (!std::isfinite(base_cost) || base_cost < 0)
    return diagnostic{errc::out_of_range, "", 0, 0, "base_cost", "must be finite and non-negative"};
  if (steps.empty()) return diagnostic{errc::invalid_value, "", 0, 0, "steps", "no escalation steps"};
  for (std::size_t s = 0; s < steps.size(); ++s)
    if (!(steps[s].multiplier >= 0) || !std::isfinite(steps[s].multiplier) ||
        (s > 0 && !(steps[s].max_delay > steps[s - 1].max_delay)))
      return diagnostic{errc::invalid_value,
                        "",
                        0,
                        0,
                        detail::indexed("steps", s),
                        "steps need ascending delays and finite, non-negative multipliers"};
  if (delays.empty()) return diagnostic{errc::invalid_value, "", 0, 0, "delays", "no problems"};
  escalation_cost out;
  for (std::size_t i = 0; i < delays.size(); ++i) {
    const double d = delays[i];
    if (!std::isfinite(d) || d < 0)
      return diagnostic{
          errc::out_of_range, "", 0, 0, detail::indexed("delays", i), "a delay must be finite and non-negative"};
    const escalation_step* step = nullptr;
    for (const auto& s : steps)
      if (d <= s.max_delay) {
        step = &s;
        break;
      }
    if (step == nullptr)
      return diagnostic{errc::out_of_range,
                        "",
                        0,
                        0,
                        detail::indexed("delays", i),
                        "the delay is longer than the last escalation step covers"};
    out.total += base_cost * step->multiplier;
  }
  out.n = delays.size();
  out.mean = out.total / static_cast<double>(out.n);
  return out;
}
/// Throwing form of try_escalation_cost (named _of: `escalation_cost` is the result type).
[[nodiscard]] inline escalation_cost escalation_cost_of(double base_cost, std::span<const double> delays,
                                                     std::span<const escalation_step> steps = one_ten_hundred) {
  return try_escalation_cost(base_cost, delays, steps).value();
}

EXCELLENCE_END_NAMESPACE
