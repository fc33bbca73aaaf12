// Customer delivered value (Kotler): total customer value minus total customer cost,
// offers compared side by side, logit choice shares, what-if and price ceilings.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The eight components: four of total customer value, four of total customer cost
/// (Kotler, Marketing Management; metrics.md §3.11). In the domain documents: 产品价值,
/// 服务价值, 人员价值, 形象价值; 货币成本, 时间成本, 体力成本 (energy), 精神成本 (physical or psychic).
enum class value_component { product, service, personnel, image, monetary, time, energy, physical };

inline constexpr std::array<value_component, 8> value_components{
    value_component::product,  value_component::service, value_component::personnel, value_component::image,
    value_component::monetary, value_component::time,    value_component::energy,    value_component::physical};

[[nodiscard]] constexpr std::string_view to_string(value_component c) noexcept {
  switch (c) {
    case value_component::product:
      return "product";
    case value_component::service:
      return "service";
    case value_component::personnel:
      return "personnel";
    case value_component::image:
      return "image";
    case value_component::monetary:
      return "monetary";
    case value_component::time:
      return "time";
    case value_component::energy:
      return "energy";
    case value_component::physical:
      return "physical";
  }
  return "?";
}

/// Whether a component is a cost (lowering it raises delivered value).
[[nodiscard]] constexpr bool is_cost(value_component c) noexcept {
  return c == value_component::monetary || c == value_component::time || c == value_component::energy ||
         c == value_component::physical;
}

/// The eight amounts of one offer as one customer (or segment) perceives them, all on one
/// monetary or utility scale and non-negative. The same struct holds component weights.
struct value_profile {
  double product = 0;
  double service = 0;
  double personnel = 0;
  double image = 0;
  double monetary = 0;
  double time = 0;
  double energy = 0;
  double physical = 0;

  [[nodiscard]] constexpr double operator[](value_component c) const noexcept { return member(*this, c); }
  [[nodiscard]] constexpr double& operator[](value_component c) noexcept { return member(*this, c); }
  friend constexpr bool operator==(const value_profile&, const value_profile&) = default;

 private:
  // One switch for both accessors; Self is value_profile or const value_profile.
  template <class Self>
  static constexpr std::conditional_t<std::is_const_v<Self>, const double&, double&> member(
      Self& self, value_component c) noexcept {
    switch (c) {
      case value_component::product:
        return self.product;
      case value_component::service:
        return self.service;
      case value_component::personnel:
        return self.personnel;
      case value_component::image:
        return self.image;
      case value_component::monetary:
        return self.monetary;
      case value_component::time:
        return self.time;
      case value_component::energy:
        return self.energy;
      case value_component::physical:
        break;
    }
    return self.physical;
  }
};

/// Equal weights: total value and total cost are plain sums.
inline constexpr value_profile unit_weights{1, 1, 1, 1, 1, 1, 1, 1};

struct offer {
  std::string name{};
  value_profile amounts{};
};

struct offer_value {
  std::string name{};
  double total_value = 0;      ///< Σ w·(product, service, personnel, image)
  double total_cost = 0;       ///< Σ w·(monetary, time, energy, physical)
  double delivered_value = 0;  ///< total value − total cost
  /// total value ÷ total cost; absent when the total cost is 0, where it is undefined
  /// (value_ratio() reports that as an error).
  std::optional<double> value_ratio{};
};

namespace detail {

// The first component whose amount (amount(c) for each component) is negative, infinite
// or NaN. Every check of amounts and weights goes through here; paths are built only
// once something is wrong, never per offer or per row of a large input.
template <class Amount>
std::optional<value_component> first_bad_amount(Amount amount) {
  for (auto c : value_components) {
    const double x = amount(c);
    if (!std::isfinite(x) || x < 0) return c;
  }
  return std::nullopt;
}

// The diagnostic for a bad component under `prefix` (weights, offers[2], or empty for
// the component alone).
inline diagnostic bad_amount(const field_path& prefix, value_component c, const char* what) {
  return {
      errc::out_of_range, "", 0, 0, prefix.field(to_string(c)), std::string(what) + " must be finite and non-negative"};
}

inline std::optional<diagnostic> check_profile(const value_profile& p, const field_path& prefix, const char* what) {
  if (auto c = first_bad_amount([&p](value_component k) { return p[k]; })) return bad_amount(prefix, *c, what);
  return std::nullopt;
}

// The tie rule of every comparison: within tolerance × max(1, |best|) of the best.
inline std::optional<diagnostic> check_tie_tolerance(double tolerance) {
  if (!(tolerance >= 0) || !std::isfinite(tolerance))
    return diagnostic{errc::out_of_range, "", 0, 0, "tie_tolerance", "must be finite and non-negative"};
  return std::nullopt;
}
inline double preference_floor(double best, double tolerance) {
  return best - tolerance * std::max(1.0, std::abs(best));
}

inline offer_value evaluate(const offer& o, const value_profile& w) {
  offer_value v;
  v.name = o.name;
  for (auto c : value_components) (is_cost(c) ? v.total_cost : v.total_value) += w[c] * o.amounts[c];
  v.delivered_value = v.total_value - v.total_cost;
  if (v.total_cost > 0) v.value_ratio = v.total_value / v.total_cost;
  return v;
}

// An offer whose sums or ratio overflow (amounts near 1e308, a cost near the smallest
// double) is an error at `path`, never an infinity in a result.
inline std::optional<diagnostic> check_evaluated(const offer_value& v, const field_path& path) {
  if (std::isfinite(v.total_value) && std::isfinite(v.total_cost) && std::isfinite(v.delivered_value) &&
      (!v.value_ratio || std::isfinite(*v.value_ratio)))
    return std::nullopt;
  return diagnostic{errc::out_of_range, "", 0, 0, path,
                    "the offer's value, cost or value ratio overflows (amounts or weights too large or small)"};
}

inline std::optional<diagnostic> check_offers(std::span<const offer> offers, const value_profile& weights,
                                              std::size_t at_least) {
  if (offers.size() < at_least)
    return diagnostic{errc::invalid_value,
                      "",
                      0,
                      0,
                      "offers",
                      "needs at least " + std::to_string(at_least) + " offer(s), got " + std::to_string(offers.size())};
  if (auto bad = check_profile(weights, "weights", "a weight")) return bad;
  for (std::size_t i = 0; i < offers.size(); ++i) {
    if (auto c = first_bad_amount([&](value_component k) { return offers[i].amounts[k]; }))
      return bad_amount(indexed("offers", i), *c, "an amount");
    if (auto bad = check_evaluated(evaluate(offers[i], weights), indexed("offers", i))) return bad;
  }
  return std::nullopt;
}

}  // namespace detail

/// Total customer value, total customer cost, delivered value = value − cost, and the
/// value ratio = value ÷ cost, with optional component weights (Kotler; metrics.md
/// §3.11). Errors: a negative, infinite or NaN amount or weight (out_of_range, naming it).
[[nodiscard]] inline result<offer_value> try_delivered_value(const offer& o,
                                                             const value_profile& weights = unit_weights) {
  if (auto bad = detail::check_profile(weights, "weights", "a weight")) return *bad;
  if (auto bad = detail::check_profile(o.amounts, "", "an amount")) return *bad;
  auto v = detail::evaluate(o, weights);
  if (auto bad = detail::check_evaluated(v, "")) return *bad;
  return v;
}

[[nodiscard]] inline offer_value delivered_value(const offer& o, const value_profile& weights = unit_weights) {
  return try_delivered_value(o, weights).value();
}

/// value ÷ cost; invalid_value when the cost is 0 (the ratio is undefined), out_of_range
/// for negative or non-finite inputs.
[[nodiscard]] inline result<double> try_value_ratio(double total_value, double total_cost) {
  if (!std::isfinite(total_value) || !std::isfinite(total_cost) || total_value < 0 || total_cost < 0)
    return diagnostic{errc::out_of_range, "", 0, 0, "", "value and cost must be finite and non-negative"};
  if (total_cost == 0)
    return diagnostic{errc::invalid_value, "", 0, 0, "total_cost", "the total cost is 0: the value ratio is undefined"};
  if (!std::isfinite(total_value / total_cost))
    return diagnostic{errc::out_of_range, "", 0, 0, "total_cost", "the value ratio overflows (the cost is too small)"};
  return total_value / total_cost;
}

struct comparison_options {
  value_profile weights = unit_weights;
  /// Offers whose delivered values differ from the best by at most
  /// tie_tolerance × max(1, |best|) are tied for preference. The default absorbs only the
  /// rounding of summing eight doubles in different orders.
  double tie_tolerance = 1e-12;
};

struct offer_comparison {
  std::vector<offer_value> offers{};     ///< in the order given
  std::vector<std::size_t> preferred{};  ///< indices of the offers with the largest delivered value (several on a tie)
  std::size_t n = 0;                     ///< offers compared
};

/// Compares offers (one's own and competitors', as one customer or segment sees them)
/// and names the preferred one(s): the largest delivered value, ties reported.
[[nodiscard]] inline result<offer_comparison> try_compare_offers(std::span<const offer> offers,
                                                                 const comparison_options& options = {}) {
  if (auto bad = detail::check_offers(offers, options.weights, 1)) return *bad;
  if (auto bad = detail::check_tie_tolerance(options.tie_tolerance)) return *bad;
  offer_comparison out;
  out.n = offers.size();
  double best = -INFINITY;
  for (const auto& o : offers) {
    out.offers.push_back(detail::evaluate(o, options.weights));
    best = std::max(best, out.offers.back().delivered_value);
  }
  const double floor = detail::preference_floor(best, options.tie_tolerance);
  for (std::size_t i = 0; i < out.offers.size(); ++i)
    if (out.offers[i].delivered_value >= floor) out.preferred.push_back(i);
  return out;
}

[[nodiscard]] inline offer_comparison compare_offers(std::span<const offer> offers,
                                                     const comparison_options& options = {}) {
  return try_compare_offers(offers, options).value();
}

struct choice_shares {
  std::vector<double> shares{};  ///< per offer, in the order given; they sum to 1
  double sensitivity = 0;
  std::size_t n = 0;
};

/// Multinomial-logit choice shares on delivered value:
/// share_k = exp(λ·DV_k) / Σ_j exp(λ·DV_j), with sensitivity λ ≥ 0 in 1/value units.
/// λ = 0 gives equal shares; as λ grows the preferred offer takes the whole market.
/// Computed with the largest exponent subtracted, so large values cannot overflow.
[[nodiscard]] inline result<choice_shares> try_choice_shares(std::span<const offer> offers, double sensitivity,
                                                             const value_profile& weights = unit_weights) {
  if (auto bad = detail::check_offers(offers, weights, 1)) return *bad;
  if (!(sensitivity >= 0) || !std::isfinite(sensitivity))
    return diagnostic{errc::out_of_range, "", 0, 0, "sensitivity", "must be finite and non-negative"};
  std::vector<double> utility;
  for (const auto& o : offers) {
    utility.push_back(sensitivity * detail::evaluate(o, weights).delivered_value);
    if (!std::isfinite(utility.back()))
      return detail::input_error(errc::out_of_range, detail::indexed("offers", utility.size() - 1),
                                 "sensitivity x delivered value overflows");
  }
  const double top = *std::max_element(utility.begin(), utility.end());
  double sum = 0;
  for (auto& u : utility) sum += (u = std::exp(u - top));
  for (auto& u : utility) u /= sum;
  return choice_shares{std::move(utility), sensitivity, offers.size()};
}
/// Throwing form of try_choice_shares (named _of: `choice_shares` is the result type).
[[nodiscard]] inline choice_shares choice_shares_of(std::span<const offer> offers, double sensitivity,
                                                 const value_profile& weights = unit_weights) {
  return try_choice_shares(offers, sensitivity, weights).value();
}

/// What it takes for one offer to become preferred.
struct required_change {
  value_component component{};
  /// The change of this component alone that makes the offer tie with the best other
  /// offer: an increase for value components, a decrease for cost components. 0 when the
  /// offer is already preferred.
  double change = 0;
  /// false when this component cannot do it: its weight is 0, or the cost would have to
  /// fall below 0.
  bool feasible = true;
};

struct what_if_result {
  std::size_t offer = 0;
  double gap = 0;  ///< best other delivered value − this offer's; ≤ 0 when already preferred
  bool already_preferred = false;
  std::vector<required_change> changes{};  ///< one per component, in value_components order
};

/// For offer `index`: how much each component alone must change for the offer to reach
/// the best other offer's delivered value (at that point the two tie). Needs at least
/// two offers; an index out of range is invalid_value.
[[nodiscard]] inline result<what_if_result> try_what_if(std::span<const offer> offers, std::size_t index,
                                                        const value_profile& weights = unit_weights) {
  if (auto bad = detail::check_offers(offers, weights, 2)) return *bad;
  if (index >= offers.size())
    return diagnostic{errc::invalid_value, "", 0, 0, "index", "no offer " + std::to_string(index)};
  const auto mine = detail::evaluate(offers[index], weights);
  double best_other = -INFINITY;
  for (std::size_t i = 0; i < offers.size(); ++i)
    if (i != index) best_other = std::max(best_other, detail::evaluate(offers[i], weights).delivered_value);
  what_if_result out;
  out.offer = index;
  out.gap = best_other - mine.delivered_value;
  out.already_preferred = out.gap <= 0;
  for (auto c : value_components) {
    required_change change{c, 0, true};
    if (!out.already_preferred) {
      if (weights[c] == 0) {
        change.feasible = false;
      } else {
        change.change = out.gap / weights[c];
        change.feasible = !is_cost(c) || change.change <= offers[index].amounts[c];
      }
    }
    out.changes.push_back(change);
  }
  return out;
}
/// Throwing form of try_what_if: the value, or data_error with the diagnostic.
[[nodiscard]] inline what_if_result what_if(std::span<const offer> offers, std::size_t index,
                                            const value_profile& weights = unit_weights) {
  return try_what_if(offers, index, weights).value();
}

struct price_ceiling {
  double current = 0;   ///< the offer's monetary cost now
  double maximum = 0;   ///< the largest monetary cost at which it is still (at least tied) preferred
  double headroom = 0;  ///< maximum − current; negative when the price must fall
};

/// The largest price (monetary cost) at which offer `index` is still preferred, all else
/// equal: current + (DV − best other DV) / w_monetary. Errors: fewer than two offers or a
/// bad index (invalid_value); a monetary weight of 0, where price does not matter, or no
/// non-negative price that makes the offer preferred (invalid_value).
[[nodiscard]] inline result<price_ceiling> try_max_preferred_price(std::span<const offer> offers, std::size_t index,
                                                                   const value_profile& weights = unit_weights) {
  auto what_if = try_what_if(offers, index, weights);
  if (!what_if) return what_if.error();
  if (weights.monetary == 0)
    return diagnostic{errc::invalid_value,
                      "",
                      0,
                      0,
                      "weights.monetary",
                      "the monetary weight is 0: price does not affect preference"};
  price_ceiling out;
  out.current = offers[index].amounts.monetary;
  out.headroom = -what_if->gap / weights.monetary;
  out.maximum = out.current + out.headroom;
  if (out.maximum < 0)
    return diagnostic{errc::invalid_value,
                      "",
                      0,
                      0,
                      detail::indexed("offers", index),
                      "even at a price of 0 the offer is not preferred"};
  return out;
}
/// Throwing form of try_max_preferred_price: the value, or data_error with the diagnostic.
[[nodiscard]] inline price_ceiling max_preferred_price(std::span<const offer> offers, std::size_t index,
                                                       const value_profile& weights = unit_weights) {
  return try_max_preferred_price(offers, index, weights).value();
}

EXCELLENCE_END_NAMESPACE
