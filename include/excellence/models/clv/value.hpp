// Discounted residual lifetime value: expected transactions of a repeat-purchase model
// times expected spend, discounted period by period.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>

#include <cstdint>
#include <span>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// Which repeat-purchase model predicts the transactions.
enum class transaction_model { bgnbd, pnbd, mbgnbd };

/// How future cash is discounted. Nothing is assumed about calendars: the caller says how
/// long one discounting period is in the data's time unit (52 for yearly discounting of
/// weekly data, say, or 365.25/7 — the caller's choice) and the rate per such period.
/// The longest sum try_residual_value computes: 1,000 years of weekly periods.
inline constexpr std::int32_t max_discount_periods = 52'000;

struct discounting {
  double rate = 0;           ///< per period, > −1
  double period_length = 1;  ///< in the data's time unit, > 0
  std::int32_t periods = 1;  ///< how many periods ahead, ≥ 1
};

/// Residual value per customer = spend × Σₖ (E[Y(kL)] − E[Y((k−1)L)]) / (1 + d)ᵏ over
/// k = 1 … periods, with E[Y(t) | x, t_x, T] from the model (params r, alpha, a, b or r,
/// alpha, s, beta) and each customer's expected spend per transaction (e.g. from
/// try_expected_average_spend). The transactions expected in a period are discounted as
/// if paid at its end. With rate 0 this is spend × E[Y(periods × L)]. Errors: an invalid
/// summary, spend of another length or not finite and ≥ 0, parameters not positive, a
/// rate ≤ −1, a period length ≤ 0, periods < 1.
[[nodiscard]] EXCELLENCE_API result<std::vector<double>> try_residual_value(transaction_model model,
                                                                            std::span<const double> params,
                                                                            const clv_customers& customers,
                                                                            std::span<const double> spend,
                                                                            const discounting& discount);
/// Throwing form of try_residual_value: the value, or data_error with the diagnostic.
[[nodiscard]] inline std::vector<double> residual_value(transaction_model model, std::span<const double> params,
                                                        const clv_customers& customers, std::span<const double> spend,
                                                        const discounting& discount) {
  return try_residual_value(model, params, customers, spend, discount).value();
}

EXCELLENCE_END_NAMESPACE
