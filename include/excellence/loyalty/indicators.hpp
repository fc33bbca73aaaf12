// Loyalty indicators of external customers (repeat purchase, cross-buying, referral,
// price sensitivity, a composite index) and of internal customers (employees).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// A count over a base count in one period, e.g. 120 repeat buyers of 400 customers in
/// 2025. `share` is count / base (it may exceed 1 where the count is of events, such as
/// suggestions per employee).
struct indicator {
  double share = 0;
  std::int64_t count = 0;
  std::int64_t base = 0;
  excellence::v1::period per{};
};

namespace detail {

inline result<indicator> make_indicator(std::int64_t count, std::int64_t base, period per, const char* count_name,
                                        const char* base_name, bool at_most_base) {
  if (count < 0) return input_error(errc::out_of_range, count_name, "a count cannot be negative");
  if (base <= 0)
    return input_error(errc::invalid_value, base_name,
                       concat("the ", base_name, " must be > 0: the rate is undefined"));
  if (at_most_base && count > base)
    return input_error(errc::invalid_value, count_name,
                       concat("more ", count_name, " (", std::to_string(count), ") than ", base_name, " (",
                              std::to_string(base), ")"));
  return indicator{static_cast<double>(count) / static_cast<double>(base), count, base, per};
}

// Customers with at least `threshold` of something (purchases, categories), from one
// whole number per customer.
inline result<indicator> customers_with_at_least(std::span<const double> per_customer, double threshold, period per,
                                                 const char* name) {
  if (per_customer.empty()) return input_error(errc::invalid_value, name, "no customers");
  std::int64_t count = 0;
  for (std::size_t i = 0; i < per_customer.size(); ++i) {
    const double x = per_customer[i];
    if (!std::isfinite(x) || x != std::floor(x) || x < 0)
      return input_error(errc::invalid_value, indexed(name, i), "a count must be a whole number >= 0");
    if (x >= threshold) ++count;
  }
  return indicator{static_cast<double>(count) / static_cast<double>(per_customer.size()), count,
                   static_cast<std::int64_t>(per_customer.size()), per};
}

}  // namespace detail

/// Repeat-purchase rate: customers who bought at least twice in the period / customers
/// who bought in it (the domain documents' "likelihood of repeat purchase", measured).
/// Errors: negative counts, repeat buyers > customers, no customers.
[[nodiscard]] inline result<indicator> try_repeat_purchase_rate(std::int64_t repeat_buyers, std::int64_t customers,
                                                                period per) {
  return detail::make_indicator(repeat_buyers, customers, per, "repeat_buyers", "customers", true);
}
/// Throwing form of try_repeat_purchase_rate: the value, or data_error with the diagnostic.
[[nodiscard]] inline indicator repeat_purchase_rate(std::int64_t repeat_buyers, std::int64_t customers, period per) {
  return try_repeat_purchase_rate(repeat_buyers, customers, per).value();
}

/// The same from each customer's number of purchases in the period (≥ 2 is a repeat
/// buyer; a customer with 0 purchases counts in the base). Errors name `purchases[i]`.
[[nodiscard]] inline result<indicator> try_repeat_purchase_rate(std::span<const double> purchases, period per) {
  return detail::customers_with_at_least(purchases, 2, per, "purchases");
}

/// Cross-buying rate: customers who bought from at least two product categories / customers.
[[nodiscard]] inline result<indicator> try_cross_buying_rate(std::int64_t cross_buyers, std::int64_t customers,
                                                             period per) {
  return detail::make_indicator(cross_buyers, customers, per, "cross_buyers", "customers", true);
}
/// Throwing form of try_cross_buying_rate: the value, or data_error with the diagnostic.
[[nodiscard]] inline indicator cross_buying_rate(std::int64_t cross_buyers, std::int64_t customers, period per) {
  return try_cross_buying_rate(cross_buyers, customers, per).value();
}

/// The same from each customer's number of distinct categories bought. Errors name `categories[i]`.
[[nodiscard]] inline result<indicator> try_cross_buying_rate(std::span<const double> categories, period per) {
  return detail::customers_with_at_least(categories, 2, per, "categories");
}

/// Referral rate: customers who referred at least one new customer / customers.
[[nodiscard]] inline result<indicator> try_referral_rate(std::int64_t referrers, std::int64_t customers, period per) {
  return detail::make_indicator(referrers, customers, per, "referrers", "customers", true);
}
/// Throwing form of try_referral_rate: the value, or data_error with the diagnostic.
[[nodiscard]] inline indicator referral_rate(std::int64_t referrers, std::int64_t customers, period per) {
  return try_referral_rate(referrers, customers, per).value();
}

struct price_elasticity {
  double elasticity = 0;       ///< arc elasticity: % change of quantity per % change of price (midpoint bases)
  double price_change = 0;     ///< (p₂ − p₁)/((p₁ + p₂)/2)
  double quantity_change = 0;  ///< (q₂ − q₁)/((q₁ + q₂)/2)
};

/// Arc (midpoint) price elasticity of demand, the usual measure of loyal customers' lower
/// price sensitivity: ((q₂ − q₁)/q̄)/((p₂ − p₁)/p̄) with q̄, p̄ the midpoints, which gives
/// the same value whichever price is taken first. Negative for ordinary demand.
/// Errors: non-positive or non-finite prices, negative quantities, equal prices (no
/// change to measure against), both quantities 0.
[[nodiscard]] inline result<price_elasticity> try_arc_price_elasticity(double price_1, double quantity_1,
                                                                       double price_2, double quantity_2) {
  using detail::input_error;
  for (const auto& [value, name] : {std::pair{price_1, "price_1"}, std::pair{price_2, "price_2"}})
    if (!std::isfinite(value) || value <= 0) return input_error(errc::out_of_range, name, "a price must be > 0");
  for (const auto& [value, name] : {std::pair{quantity_1, "quantity_1"}, std::pair{quantity_2, "quantity_2"}})
    if (!std::isfinite(value) || value < 0)
      return input_error(errc::out_of_range, name, "a quantity must be a finite number >= 0");
  if (price_1 == price_2)
    return input_error(errc::invalid_value, "price_2", "the prices are equal: there is no price change to measure");
  if (quantity_1 + quantity_2 == 0)
    return input_error(errc::invalid_value, "quantity_2", "both quantities are 0: the elasticity is undefined");
  price_elasticity e;
  e.price_change = (price_2 - price_1) / ((price_1 + price_2) / 2);
  e.quantity_change = (quantity_2 - quantity_1) / ((quantity_1 + quantity_2) / 2);
  e.elasticity = e.quantity_change / e.price_change;
  return e;
}
/// Throwing form of try_arc_price_elasticity: the value, or data_error with the diagnostic.
[[nodiscard]] inline price_elasticity arc_price_elasticity(double price_1, double quantity_1, double price_2,
                                                           double quantity_2) {
  return try_arc_price_elasticity(price_1, quantity_1, price_2, quantity_2).value();
}

/// One component of a composite loyalty index: a share in [0, 1] and its weight.
/// `higher_is_better = false` for measures where less means more loyal (a share of
/// price-sensitive customers, say), which enter as 1 − value.
struct loyalty_component {
  std::string name{};
  double value = 0;
  double weight = 1;
  bool higher_is_better = true;
};

struct loyalty_index_result {
  double index = 0;  ///< 0–100
  /// Per component, in input order: the normalised weights actually used and the points
  /// each contributes (weight × oriented value × 100), which sum to the index.
  std::vector<double> weights{};
  std::vector<double> points{};
  std::size_t n = 0;
};

/// Composite loyalty index = 100 Σ wᵢ vᵢ / Σ wᵢ, with vᵢ the component's value oriented so
/// that higher is more loyal. There is no standard weighting of loyalty indicators, so
/// the weights are the caller's (document them with the index); the result echoes the
/// normalised weights. Errors name `components[i].field`: no components, a value outside
/// [0, 1], a negative or non-finite weight, weights summing to 0.
[[nodiscard]] inline result<loyalty_index_result> try_loyalty_index(std::span<const loyalty_component> components) {
  using detail::element_field;
  using detail::input_error;
  if (components.empty()) return input_error(errc::invalid_value, "components", "no components");
  double total = 0;
  for (std::size_t i = 0; i < components.size(); ++i) {
    const auto& c = components[i];
    if (!(c.value >= 0 && c.value <= 1))
      return input_error(errc::out_of_range, element_field("components", i, "value"),
                         "a component must be a share in [0, 1]");
    if (!std::isfinite(c.weight) || c.weight < 0)
      return input_error(errc::out_of_range, element_field("components", i, "weight"),
                         "a weight must be a finite number >= 0");
    total += c.weight;
  }
  if (!(total > 0)) return input_error(errc::invalid_value, "components", "the weights sum to 0");
  loyalty_index_result r;
  r.n = components.size();
  for (const auto& c : components) {
    const double w = c.weight / total;
    const double points = 100 * w * (c.higher_is_better ? c.value : 1 - c.value);
    r.weights.push_back(w);
    r.points.push_back(points);
    r.index += points;
  }
  return r;
}
/// Throwing form of try_loyalty_index: the value, or data_error with the diagnostic.
[[nodiscard]] inline loyalty_index_result loyalty_index(std::span<const loyalty_component> components) {
  return try_loyalty_index(components).value();
}

/// Internal-customer (employee) counts over one period, the measures the domain
/// documents (seeds 003) list for the loyalty of internal customers.
struct internal_customer_counts {
  std::int64_t headcount_start = 0;
  std::int64_t headcount_end = 0;
  std::int64_t complaints = 0;    ///< complaints raised by employees
  std::int64_t leavers = 0;       ///< employees who left
  std::int64_t violations = 0;    ///< breaches of rules (or losses) recorded
  std::int64_t participants = 0;  ///< employees taking part in improvement activities
  std::int64_t suggestions = 0;   ///< rationalisation suggestions made
  std::int64_t trained = 0;       ///< employees who took part in training
};

struct internal_customer_indicators {
  double average_headcount = 0;   ///< (start + end)/2, the base of every rate
  double complaint_rate = 0;      ///< complaints per employee
  double turnover_rate = 0;       ///< leavers / average headcount
  double violation_rate = 0;      ///< violations per employee
  double participation_rate = 0;  ///< participants / average headcount
  double suggestion_rate = 0;     ///< suggestions per employee (may exceed 1)
  double training_rate = 0;       ///< trained / average headcount
  excellence::v1::period per{};
};

/// The employee complaint, turnover, violation, participation, suggestion and training
/// rates, each over the average headcount (start + end)/2 — the usual base of a turnover
/// rate, used for all six so they are comparable. Errors: a negative count, an average
/// headcount of 0, more participants or trained employees than the larger headcount.
[[nodiscard]] inline result<internal_customer_indicators> try_internal_customer_indicators(
    const internal_customer_counts& c, period per) {
  using detail::input_error;
  const std::pair<std::int64_t, const char*> fields[] = {
      {c.headcount_start, "headcount_start"}, {c.headcount_end, "headcount_end"},
      {c.complaints, "complaints"},           {c.leavers, "leavers"},
      {c.violations, "violations"},           {c.participants, "participants"},
      {c.suggestions, "suggestions"},         {c.trained, "trained"}};
  for (const auto& [value, name] : fields)
    if (value < 0) return input_error(errc::out_of_range, name, "a count cannot be negative");
  if (c.headcount_start + c.headcount_end == 0)
    return input_error(errc::invalid_value, "headcount_end", "no employees: the rates are undefined");
  const auto most = std::max(c.headcount_start, c.headcount_end);
  for (const auto& [value, name] : {std::pair{c.participants, "participants"}, std::pair{c.trained, "trained"}})
    if (value > most)
      return input_error(
          errc::invalid_value, name,
          detail::concat("more ", name, " (", std::to_string(value), ") than employees (", std::to_string(most), ")"));
  const double base = static_cast<double>(c.headcount_start + c.headcount_end) / 2;
  auto per_employee = [base](std::int64_t n) { return static_cast<double>(n) / base; };
  return internal_customer_indicators{base,
                                      per_employee(c.complaints),
                                      per_employee(c.leavers),
                                      per_employee(c.violations),
                                      per_employee(c.participants),
                                      per_employee(c.suggestions),
                                      per_employee(c.trained),
                                      per};
}
/// Throwing form of try_internal_customer_indicators (named _of: the type has the name).
[[nodiscard]] inline internal_customer_indicators internal_customer_indicators_of(const internal_customer_counts& c,
                                                                               period per) {
  return try_internal_customer_indicators(c, per).value();
}

EXCELLENCE_END_NAMESPACE
