#include <excellence/detail/diagnose.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/value.hpp>

#include "clv_fit.hpp"

#include <cmath>

namespace excellence::inline v1 {

result<std::vector<double>> try_residual_value(transaction_model model, std::span<const double> params,
                                               const clv_customers& customers, std::span<const double> spend,
                                               const discounting& discount) {
  using detail::input_error;
  if (auto bad = detail::check_clv_customers(customers)) return *bad;
  const std::size_t n = customers.frequency.size();
  if (spend.size() != n)
    return input_error(errc::invalid_value, "spend",
                       detail::concat("expected one spend per customer (", std::to_string(n), "), got ",
                                      std::to_string(spend.size())));
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(spend[i]) || spend[i] < 0)
      return input_error(errc::out_of_range, detail::indexed("spend", i), "a spend must be a finite number >= 0");
  if (params.size() != 4) return input_error(errc::invalid_value, "params", "expected 4 parameters");
  for (std::size_t i = 0; i < 4; ++i)
    if (!std::isfinite(params[i]) || !(params[i] > 0))
      return input_error(errc::out_of_range, detail::indexed("params", i), "parameters must be > 0");
  if (!std::isfinite(discount.rate) || discount.rate <= -1)
    return input_error(errc::out_of_range, "rate", "the discount rate must be a finite number > -1");
  if (!std::isfinite(discount.period_length) || !(discount.period_length > 0))
    return input_error(errc::out_of_range, "period_length", "the period length must be > 0");
  if (discount.periods < 1 || discount.periods > max_discount_periods)
    return input_error(errc::out_of_range, "periods",
                       detail::concat("1 to ", std::to_string(max_discount_periods), " periods"));

  auto expected = [&](double t, double x, double t_x, double T) {
    if (t == 0) return 0.0;
    switch (model) {
      case transaction_model::bgnbd:
        return bgnbd_conditional_expected_transactions({params[0], params[1], params[2], params[3]}, t, x, t_x, T);
      case transaction_model::pnbd:
        return pnbd_conditional_expected_transactions({params[0], params[1], params[2], params[3]}, t, x, t_x, T);
      case transaction_model::mbgnbd:
        return mbgnbd_conditional_expected_transactions({params[0], params[1], params[2], params[3]}, t, x, t_x, T);
    }
    return 0.0;
  };
  std::vector<double> value(n, 0.0);
  // The first customer whose value is not finite stops the work (first_not_finite).
  const auto bad = clv_core::first_not_finite(n, 0, [&](std::size_t i) {
    const double x = customers.frequency[i], t_x = customers.recency[i], T = customers.age[i];
    double previous = 0, factor = 1, total = 0;
    // Once the discount factor is below 1e-17 no later period can change the sum.
    for (std::int32_t k = 1; k <= discount.periods && factor >= 1e-17; ++k) {
      const double now = expected(k * discount.period_length, x, t_x, T);
      factor /= 1 + discount.rate;
      total += (now - previous) * factor;
      previous = now;
    }
    value[i] = spend[i] * total;
    return std::isfinite(value[i]);
  });
  if (bad) return clv_core::not_finite_prediction(*bad, "residual value");
  return value;
}

}  // namespace excellence::inline v1
