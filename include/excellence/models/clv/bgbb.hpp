// The BG/BB model of discrete-time repeat transactions (Fader, Hardie & Shang 2010).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>

#include <optional>
#include <span>

EXCELLENCE_BEGIN_NAMESPACE

/// Each period an active customer transacts with probability p ~ Beta(α, β) and, at its
/// end, drops out with probability θ ~ Beta(γ, δ).
struct bgbb_params {
  double alpha = 0;
  double beta = 0;
  double gamma = 0;
  double delta = 0;

  /// The parameters of a BG/BB fit; model_mismatch for a fit of another model.
  [[nodiscard]] static result<bgbb_params> try_from(const clv_fit& fit) {
    const auto p = detail::params_of<4>(fit, clv_model::bgbb, {"alpha", "beta", "gamma", "delta"});
    if (!p) return p.error();
    return bgbb_params{(*p)[0], (*p)[1], (*p)[2], (*p)[3]};
  }
  [[nodiscard]] static bgbb_params from(const clv_fit& fit) { return try_from(fit).value(); }
};

/// Per customer (or per distinct row, with weights): x transactions in n opportunities
/// after the first, the last in period t_x (0 when x = 0). All whole numbers with
/// x ≤ t_x ≤ n.
struct bgbb_data {
  std::span<const double> frequency{};
  std::span<const double> recency{};
  std::span<const double> periods{};
  std::span<const double> weights{};
};

/// Checks the data: equal lengths, whole numbers, x ≤ t_x ≤ n with t_x = 0 exactly when
/// x = 0, weights ≥ 0 with a positive sum. The diagnostic names the element.
[[nodiscard]] EXCELLENCE_API std::optional<diagnostic> check_bgbb_data(const bgbb_data& data);

/// Maximum-likelihood fit (FHS 2010, eq. 5) from (1, 1, 1, 1) unless given. Errors name
/// the element that breaks x ≤ t_x ≤ n, whole numbers, weights ≥ 0.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_fit_bgbb(const bgbb_data& data, const clv_fit_options& options = {},
                                                          const model_control& control = {});
/// Throwing form of try_fit_bgbb: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit fit_bgbb(const bgbb_data& data, const clv_fit_options& options = {},
                                      const model_control& control = {}) {
  return try_fit_bgbb(data, options, control).value();
}

/// log L of one (x, t_x, n).
[[nodiscard]] EXCELLENCE_API double bgbb_customer_log_likelihood(const bgbb_params& p, double x, double t_x, double n);

/// P(alive at the start of period n + 1 | x, t_x, n).
[[nodiscard]] EXCELLENCE_API double bgbb_p_alive(const bgbb_params& p, double x, double t_x, double n);

/// E[transactions in periods n+1 … n+n* | x, t_x, n] (FHS 2010, eq. 13).
[[nodiscard]] EXCELLENCE_API double bgbb_conditional_expected_transactions(const bgbb_params& p, double future,
                                                                           double x, double t_x, double n);

/// E[X(n)], the expected transactions of a new customer in n opportunities (FHS 2010,
/// eq. 8): α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))].
[[nodiscard]] EXCELLENCE_API double bgbb_expected_transactions(const bgbb_params& p, double n);

/// P(X(n) = x), the probability that a new customer makes x transactions in n
/// opportunities (FHS 2010, eq. 7).
[[nodiscard]] EXCELLENCE_API double bgbb_probability_of_transactions(const bgbb_params& p, double n, double x);

/// P(alive) and the expected transactions in the next `future` opportunities of every row,
/// on all cores (from 20,000 rows). Errors: invalid data (check_bgbb_data), parameters
/// that are not positive and finite, `future` not a whole number ≥ 1.
[[nodiscard]] EXCELLENCE_API result<clv_predictions> try_bgbb_predict(const bgbb_params& params, const bgbb_data& data,
                                                                      double future, unsigned threads = 0);
/// Throwing form of try_bgbb_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_predictions bgbb_predict(const bgbb_params& params, const bgbb_data& data, double future,
                                                  unsigned threads = 0) {
  return try_bgbb_predict(params, data, future, threads).value();
}

EXCELLENCE_END_NAMESPACE
