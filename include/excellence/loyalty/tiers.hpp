// ABC tiers and the customer pyramid: customers ranked by value and cut into tiers by
// cumulative value share or by count.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// What the cut points are shares of.
enum class tier_basis {
  value,  ///< cumulative share of total value (e.g. A = the customers making the first 80 % of revenue)
  count   ///< cumulative share of customers (e.g. the top 20 % of customers by value)
};

[[nodiscard]] constexpr const char* to_string(tier_basis b) noexcept {
  return b == tier_basis::value ? "value" : "count";
}

struct tier_summary {
  std::string name{};
  std::size_t customers = 0;
  double value = 0;                     ///< the tier's total value
  double customer_share = 0;            ///< customers / all customers
  std::optional<double> value_share{};  ///< value / total value; empty when the total is not positive
};

struct tier_result {
  std::vector<std::size_t> tier{};    ///< per customer in input order: 0 = the top tier
  std::vector<tier_summary> tiers{};  ///< top first
  std::vector<double> cuts{};         ///< the cumulative shares used
  tier_basis basis = tier_basis::value;
  std::size_t unprofitable = 0;  ///< customers with a negative value (placed in the bottom tier when asked)
  std::size_t n = 0;
};

struct abc_options {
  tier_basis basis = tier_basis::value;
  /// Cumulative shares closing tiers A and B; C takes the rest. The 80/95 split of value
  /// is a common convention, not a standard (metrics.md §3.12): state the one you use.
  double a_cut = 0.80;
  double b_cut = 0.95;
};

struct pyramid_options {
  tier_basis basis = tier_basis::count;
  /// Cumulative shares closing platinum, gold and iron; lead takes the rest. Default: the
  /// practitioner reading of Zeithaml, Rust & Lemon (2001) — top 20 %, the next 30 %, the
  /// next 30 %, the bottom 20 % of customers.
  std::vector<double> cuts{0.20, 0.50, 0.80};
  /// Lead customers "cost more than they yield" (Zeithaml et al.): customers with a
  /// negative value go to lead whatever their rank.
  bool unprofitable_are_lead = true;
};

namespace detail {

// Ranks by value (descending), groups equal values (ties are never split) and gives each
// group the first tier whose cut the customers ranked above it have not yet filled: the
// customer who crosses a cut belongs to the tier above it.
inline result<tier_result> tiers_by_rank(std::span<const double> values, std::span<const double> cuts,
                                         std::span<const char* const> names, tier_basis basis,
                                         bool negative_to_bottom) {
  if (values.empty()) return input_error(errc::invalid_value, "values", "no customers");
  for (std::size_t k = 0; k < cuts.size(); ++k)
    if (!(cuts[k] > 0 && cuts[k] < 1) || (k > 0 && !(cuts[k] > cuts[k - 1])))
      return input_error(errc::out_of_range, indexed("cuts", k),
                         "cut points must be ascending shares strictly between 0 and 1");
  double total = 0;
  std::size_t negative = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (auto bad = check_finite(values[i], indexed("values", i), "a value")) return *bad;
    if (values[i] < 0) {
      if (basis == tier_basis::value)
        return input_error(errc::out_of_range, indexed("values", i),
                           "tiers by value share need values >= 0 (use tier_basis::count for margins that can be "
                           "negative)");
      ++negative;
    }
    total += values[i];
  }
  if (basis == tier_basis::value && !(total > 0))
    return input_error(errc::invalid_value, "values", "the values sum to 0: value shares are undefined");
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });

  tier_result r;
  r.n = values.size();
  r.basis = basis;
  r.cuts.assign(cuts.begin(), cuts.end());
  r.unprofitable = negative;
  r.tier.assign(values.size(), 0);
  const std::size_t bottom = cuts.size();
  double before = 0;  // value or count ranked above the current group
  for (std::size_t g = 0; g < order.size();) {
    std::size_t end = g + 1;
    while (end < order.size() && values[order[end]] == values[order[g]]) ++end;
    const double start = basis == tier_basis::value ? before / total : before / static_cast<double>(r.n);
    const auto tier = static_cast<std::size_t>(std::upper_bound(cuts.begin(), cuts.end(), start) - cuts.begin());
    for (std::size_t k = g; k < end; ++k) {
      const std::size_t i = order[k];
      r.tier[i] = negative_to_bottom && values[i] < 0 ? bottom : tier;
      before += basis == tier_basis::value ? values[i] : 1.0;
    }
    g = end;
  }
  r.tiers.resize(bottom + 1);
  for (std::size_t k = 0; k <= bottom; ++k) r.tiers[k].name = names[k];
  for (std::size_t i = 0; i < values.size(); ++i) {
    ++r.tiers[r.tier[i]].customers;
    r.tiers[r.tier[i]].value += values[i];
  }
  for (auto& t : r.tiers) {
    t.customer_share = static_cast<double>(t.customers) / static_cast<double>(r.n);
    if (total > 0) t.value_share = t.value / total;
  }
  return r;
}

}  // namespace detail

/// ABC analysis (Pareto tiers; metrics.md §3.12) of customer values (revenue, margin or
/// CLV): A, B and C by cumulative share of value or of customers, ranked by value. Equal
/// values always share a tier, and the customer who crosses a cut belongs to the tier
/// above it, so A is never empty and covers at least a_cut. Errors: no customers, a
/// non-finite value (`values[i]`), a negative value with tier_basis::value, values
/// summing to 0 by value, cuts not in 0 < a_cut < b_cut < 1.
[[nodiscard]] inline result<tier_result> try_abc_tiers(std::span<const double> values,
                                                       const abc_options& options = {}) {
  static constexpr const char* names[] = {"A", "B", "C"};
  const double cuts[] = {options.a_cut, options.b_cut};
  return detail::tiers_by_rank(values, cuts, names, options.basis, false);
}

[[nodiscard]] inline tier_result abc_tiers(std::span<const double> values, const abc_options& options = {}) {
  return try_abc_tiers(values, options).value();
}

/// The customer pyramid of Zeithaml, Rust & Lemon (2001, California Management Review
/// 43(4)): platinum, gold, iron and lead, by profitability rank, with the same rank and
/// tie rules as try_abc_tiers. By count (the default) negative margins are allowed and,
/// with unprofitable_are_lead, put in lead. Errors as try_abc_tiers; exactly three cuts.
[[nodiscard]] inline result<tier_result> try_customer_pyramid(std::span<const double> values,
                                                              const pyramid_options& options = {}) {
  static constexpr const char* names[] = {"platinum", "gold", "iron", "lead"};
  if (options.cuts.size() != 3)
    return detail::input_error(errc::invalid_value, "cuts",
                               detail::concat("the pyramid needs 3 cut points (platinum, gold, iron), got ",
                                              std::to_string(options.cuts.size())));
  return detail::tiers_by_rank(values, options.cuts, names, options.basis, options.unprofitable_are_lead);
}

[[nodiscard]] inline tier_result customer_pyramid(std::span<const double> values, const pyramid_options& options = {}) {
  return try_customer_pyramid(values, options).value();
}

EXCELLENCE_END_NAMESPACE
