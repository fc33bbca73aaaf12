// Delta-method intervals for the repeat-purchase models' predictions.
#include <excellence/models/clv/intervals.hpp>

#include <excellence/detail/diagnose.hpp>

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

double logit(double p) {
  return std::log(p) - std::log1p(-p);
}
double logistic(double z) {
  return 1 / (1 + std::exp(-z));
}

// The interval of a prediction whose transform h (logit or log) has the linearisation
// `gradient` (∂h/∂θ) at `estimate`; `slope` is dh/dg at the estimate, which turns the
// standard error on h's scale back into one on the prediction's.
interval_estimate interval_of(double estimate, const std::vector<double>& gradient, const std::vector<double>& cov,
                              double z, double transformed, double slope, double (*back)(double)) {
  const std::size_t k = gradient.size();
  double variance = 0;
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j) variance += gradient[i] * cov[i * k + j] * gradient[j];
  const double se = std::sqrt(std::max(variance, 0.0));
  return {estimate, se / slope, back(transformed - z * se), back(transformed + z * se)};
}

double identity_exp(double x) {
  return std::exp(x);
}

}  // namespace

result<clv_prediction_intervals> try_clv_predict_intervals(const clv_fit& fit, const clv_columns& data, double horizon,
                                                           double confidence, unsigned threads) {
  if (!(confidence > 0 && confidence < 1))
    return detail::input_error(errc::out_of_range, "confidence", "the confidence must lie in (0, 1)");
  const std::size_t k = fit.params.size();
  if (fit.covariance.size() != k * k)
    return detail::input_error(errc::standard_errors_unavailable, "covariance",
                               "the fit has no covariance matrix (its information matrix was not positive definite, "
                               "or it was read from a document without one): no intervals");
  auto at = try_clv_predict(fit, data, horizon, threads);
  if (!at) return at.error();
  const std::size_t n = at->p_alive.size();

  // Cov(θ) for θ = log p.
  std::vector<double> cov(k * k);
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j) cov[i * k + j] = fit.covariance[i * k + j] / (fit.params[i] * fit.params[j]);

  // Central differences of logit P(alive), log E and the sums in each log-parameter.
  constexpr double h = 1e-5;
  std::vector<std::vector<double>> d_alive(n, std::vector<double>(k)), d_expected(n, std::vector<double>(k));
  std::vector<double> d_alive_sum(k), d_expected_sum(k);
  clv_fit moved = fit;
  for (std::size_t j = 0; j < k; ++j) {
    moved.params = fit.params;
    moved.params[j] = fit.params[j] * std::exp(h);
    auto up = try_clv_predict(moved, data, horizon, threads);
    if (!up) return up.error();
    moved.params[j] = fit.params[j] * std::exp(-h);
    auto down = try_clv_predict(moved, data, horizon, threads);
    if (!down) return down.error();
    double alive_up = 0, alive_down = 0, expected_up = 0, expected_down = 0;
    for (std::size_t i = 0; i < n; ++i) {
      d_alive[i][j] = (logit(up->p_alive[i]) - logit(down->p_alive[i])) / (2 * h);
      d_expected[i][j] = (std::log(up->expected_transactions[i]) - std::log(down->expected_transactions[i])) / (2 * h);
      alive_up += up->p_alive[i];
      alive_down += down->p_alive[i];
      expected_up += up->expected_transactions[i];
      expected_down += down->expected_transactions[i];
    }
    d_alive_sum[j] = (std::log(alive_up) - std::log(alive_down)) / (2 * h);
    d_expected_sum[j] = (std::log(expected_up) - std::log(expected_down)) / (2 * h);
  }

  const double z = boost::math::quantile(boost::math::normal(), (1 + confidence) / 2);
  clv_prediction_intervals out;
  out.confidence = confidence;
  out.horizon = horizon;
  out.p_alive.resize(n);
  out.expected_transactions.resize(n);
  double alive = 0, expected = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double p = at->p_alive[i], e = at->expected_transactions[i];
    alive += p;
    expected += e;
    // A customer who is certainly alive (P = 1 in double precision) has no logit: his
    // interval is the point.
    if (p < 1 && p > 0)
      out.p_alive[i] = interval_of(p, d_alive[i], cov, z, logit(p), 1 / (p * (1 - p)), logistic);
    else
      out.p_alive[i] = {p, 0, p, p};
    if (e > 0)
      out.expected_transactions[i] = interval_of(e, d_expected[i], cov, z, std::log(e), 1 / e, identity_exp);
    else
      out.expected_transactions[i] = {e, 0, e, e};
  }
  out.customers_alive = interval_of(alive, d_alive_sum, cov, z, std::log(alive), 1 / alive, identity_exp);
  out.expected_total = interval_of(expected, d_expected_sum, cov, z, std::log(expected), 1 / expected, identity_exp);
  for (const auto& v : {out.customers_alive, out.expected_total})
    if (!std::isfinite(v.lower) || !std::isfinite(v.upper) || !std::isfinite(v.standard_error))
      return detail::input_error(errc::out_of_range, "params",
                                 "the intervals are not finite numbers at these parameters");
  return out;
}

}  // namespace excellence::inline v1
