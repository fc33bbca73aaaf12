// Customer summaries for repeat-purchase models: frequency, recency and age per customer.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// What a continuous-time "buy till you die" model sees of each customer, all times in
/// one unit (weeks for CDNOW): x repeat transactions, the time t_x of the last one since
/// the first purchase (0 when x = 0), and the customer's age T at the end of calibration.
/// The likelihood depends on customers only through (x, t_x, T), so equal rows may be
/// given once with a weight (the number of customers).
struct clv_customers {
  std::span<const double> frequency{};
  std::span<const double> recency{};
  std::span<const double> age{};      ///< T
  std::span<const double> weights{};  ///< empty: every row is one customer
};

/// Per-customer predictions of a transaction model for many customers at once, in input
/// order.
struct clv_predictions {
  std::vector<double> p_alive{};
  std::vector<double> expected_transactions{};  ///< in the next `horizon`
};

namespace detail {

/// Whether customers [from, to) of a summary without weights, with columns of equal length,
/// are valid (see check_clv_customers), in one pass without branches, which the compiler
/// vectorises: the usual case of every batch call, which a batch of millions splits among
/// threads. x is whole when x ≥ 2^52 (every double there is) or when adding and taking away
/// 2^52 leaves it unchanged (that rounds to a whole number). NaN fails every comparison.
[[nodiscard]] inline bool clv_customers_valid(const clv_customers& c, std::size_t from, std::size_t to) noexcept {
  constexpr double largest = std::numeric_limits<double>::max();
  bool valid = true;
  for (std::size_t i = from; i < to; ++i) {
    const double x = c.frequency[i], t = c.recency[i], T = c.age[i];
    const bool whole = (x >= 0x1p52) | ((x + 0x1p52) - 0x1p52 == x);
    valid &= (x >= 0) & (x <= largest) & whole & (T >= 0) & (T <= largest) & (t >= 0) & (t <= T) &
             ((x == 0) == (t == 0));
  }
  return valid;
}

/// Checks a summary: equal lengths; x a whole number ≥ 0; 0 ≤ t_x ≤ T; T > 0; t_x = 0
/// when x = 0 and t_x > 0 when x > 0 (same-day purchases are one transaction); weights
/// finite and ≥ 0 with a positive sum. Errors name `frequency[i]` and so on.
[[nodiscard]] inline std::optional<diagnostic> check_clv_customers(const clv_customers& c) {
  const std::size_t n = c.frequency.size();
  if (c.recency.size() != n || c.age.size() != n || (!c.weights.empty() && c.weights.size() != n))
    return input_error(errc::invalid_value, "customers",
                       concat("frequency, recency, T (and weights) must have one entry per customer (",
                              std::to_string(n), " frequencies)"));
  if (n == 0) return input_error(errc::invalid_value, "customers", "no customers");
  // Every batch call checks every customer: first the fast pass over the usual case, a
  // valid summary; only an invalid one is then searched below for its first offender.
  if (c.weights.empty() && clv_customers_valid(c, 0, n)) return std::nullopt;
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = c.frequency[i], t = c.recency[i], T = c.age[i];
    // Whole: from 2^53 on every double is; below, the integer conversion is exact
    // (std::floor is a library call where SSE4.1 is not assumed, and this loop sees every
    // customer of every call).
    if (!(x >= 0) || !std::isfinite(x) || (x < 0x1p53 && x != static_cast<double>(static_cast<std::int64_t>(x))))
      return input_error(errc::invalid_value, indexed("frequency", i), "a frequency must be a whole number >= 0");
    if (!std::isfinite(T) || T < 0) return input_error(errc::out_of_range, indexed("T", i), "T must be >= 0");
    if (!std::isfinite(t) || t < 0 || t > T)
      return input_error(errc::out_of_range, indexed("recency", i),
                         concat("recency ", shortest(t), " must lie in 0 .. T (", shortest(T), ")"));
    if (x == 0 && t != 0)
      return input_error(errc::invalid_value, indexed("recency", i),
                         "a customer without repeat purchases has recency 0");
    if (x > 0 && t == 0)
      return input_error(errc::invalid_value, indexed("recency", i),
                         "a repeat purchase at time 0 (same-day purchases are one transaction)");
    if (!c.weights.empty()) {
      const double w = c.weights[i];
      if (!std::isfinite(w) || w < 0)
        return input_error(errc::out_of_range, indexed("weights", i), "a weight must be >= 0");
      total += w;
    } else {
      total += 1;
    }
  }
  if (!(total > 0)) return input_error(errc::invalid_value, "weights", "the weights sum to 0");
  return std::nullopt;
}

}  // namespace detail

EXCELLENCE_END_NAMESPACE
