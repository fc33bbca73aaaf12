#include <excellence/detail/diagnose.hpp>
#include <excellence/models/clv/bgbb.hpp>

#include "clv_fit.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace excellence::inline v1 {

namespace {

using boost::math::digamma;
using boost::math::lgamma;

double lbeta(double a, double b) {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

// log L and its gradient for one (x, t_x, n): L is a sum of n − t_x + 1 products of beta
// ratios, summed in log space; the gradient weights each term's by its share of L.
double customer(const bgbb_params& p, double x, double t_x, double n, std::array<double, 4>* gradient) {
  const double base_ab = lbeta(p.alpha, p.beta), base_gd = lbeta(p.gamma, p.delta);
  const double psi_ab = digamma(p.alpha + p.beta), psi_gd = digamma(p.gamma + p.delta);
  const double d_alpha0 = digamma(p.alpha) - psi_ab, d_beta0 = digamma(p.beta) - psi_ab;
  const double d_gamma0 = digamma(p.gamma) - psi_gd, d_delta0 = digamma(p.delta) - psi_gd;
  struct term {
    double log = 0;
    std::array<double, 4> d{};
  };
  std::vector<term> terms;
  // Alive through period n.
  {
    term t;
    t.log = lbeta(p.alpha + x, p.beta + n - x) - base_ab + lbeta(p.gamma, p.delta + n) - base_gd;
    if (gradient != nullptr) {
      const double psi = digamma(p.alpha + p.beta + n), psi2 = digamma(p.gamma + p.delta + n);
      t.d = {digamma(p.alpha + x) - psi - d_alpha0, digamma(p.beta + n - x) - psi - d_beta0,
             digamma(p.gamma) - psi2 - d_gamma0, digamma(p.delta + n) - psi2 - d_delta0};
    }
    terms.push_back(t);
  }
  // Dropped out at the end of period t_x + i.
  const auto last = static_cast<int>(n - t_x) - 1;
  for (int i = 0; i <= last; ++i) {
    const double k = t_x + i;
    term t;
    t.log = lbeta(p.alpha + x, p.beta + k - x) - base_ab + lbeta(p.gamma + 1, p.delta + k) - base_gd;
    if (gradient != nullptr) {
      const double psi = digamma(p.alpha + p.beta + k), psi2 = digamma(p.gamma + p.delta + k + 1);
      t.d = {digamma(p.alpha + x) - psi - d_alpha0, digamma(p.beta + k - x) - psi - d_beta0,
             digamma(p.gamma + 1) - psi2 - d_gamma0, digamma(p.delta + k) - psi2 - d_delta0};
    }
    terms.push_back(t);
  }
  double m = terms.front().log;
  for (const auto& t : terms) m = std::max(m, t.log);
  double sum = 0;
  for (const auto& t : terms) sum += std::exp(t.log - m);
  if (gradient != nullptr) {
    *gradient = {};
    for (const auto& t : terms) {
      const double share = std::exp(t.log - m) / sum;
      for (std::size_t j = 0; j < 4; ++j) (*gradient)[j] += share * t.d[j];
    }
  }
  return m + std::log(sum);
}

}  // namespace

double bgbb_customer_log_likelihood(const bgbb_params& p, double x, double t_x, double n) {
  return customer(p, x, t_x, n, nullptr);
}

double bgbb_p_alive(const bgbb_params& p, double x, double t_x, double n) {
  const double alive = lbeta(p.alpha + x, p.beta + n - x) - lbeta(p.alpha, p.beta) + lbeta(p.gamma, p.delta + n + 1) -
                       lbeta(p.gamma, p.delta);
  return std::exp(alive - customer(p, x, t_x, n, nullptr));
}

double bgbb_conditional_expected_transactions(const bgbb_params& p, double future, double x, double t_x, double n) {
  const double log_l = customer(p, x, t_x, n, nullptr);
  const double head = lbeta(p.alpha + x + 1, p.beta + n - x) - lbeta(p.alpha, p.beta) - log_l;
  const double g = lgamma(p.gamma + p.delta) - lgamma(1 + p.delta);
  const double now = std::exp(lgamma(1 + p.delta + n) - lgamma(p.gamma + p.delta + n) + g);
  const double later = std::exp(lgamma(1 + p.delta + n + future) - lgamma(p.gamma + p.delta + n + future) + g);
  return std::exp(head) * p.delta / (p.gamma - 1) * (now - later);
}

std::optional<diagnostic> check_bgbb_data(const bgbb_data& data) {
  const std::size_t rows = data.frequency.size();
  if (data.recency.size() != rows || data.periods.size() != rows ||
      (!data.weights.empty() && data.weights.size() != rows))
    return detail::input_error(errc::invalid_value, "data",
                               "frequency, recency, periods (and weights) must have one entry per row");
  if (rows == 0) return detail::input_error(errc::invalid_value, "data", "no customers");
  double customers = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    const double x = data.frequency[i], t = data.recency[i], n = data.periods[i];
    for (const auto& [v, name] : {std::pair{x, "frequency"}, std::pair{t, "recency"}, std::pair{n, "periods"}})
      if (!std::isfinite(v) || v < 0 || v != std::floor(v))
        return detail::input_error(errc::invalid_value, detail::indexed(name, i), "must be a whole number >= 0");
    if (x > t || t > n || (x == 0 && t != 0) || (x > 0 && t == 0))
      return detail::input_error(
          errc::invalid_value, detail::indexed("recency", i),
          detail::concat("needs x <= t_x <= n and t_x = 0 exactly when x = 0 (x ", detail::shortest(x), ", t_x ",
                         detail::shortest(t), ", n ", detail::shortest(n), ")"));
    const double w = data.weights.empty() ? 1.0 : data.weights[i];
    if (!std::isfinite(w) || w < 0)
      return detail::input_error(errc::out_of_range, detail::indexed("weights", i), "a weight must be >= 0");
    customers += w;
  }
  if (!(customers > 0)) return detail::input_error(errc::invalid_value, "weights", "the weights sum to 0");
  return std::nullopt;
}

double bgbb_expected_transactions(const bgbb_params& p, double n) {
  const double ratio = std::exp(lgamma(p.gamma + p.delta) + lgamma(1 + p.delta + n) - lgamma(p.gamma + p.delta + n) -
                                lgamma(1 + p.delta));
  return p.alpha / (p.alpha + p.beta) * p.delta / (p.gamma - 1) * (1 - ratio);
}

double bgbb_probability_of_transactions(const bgbb_params& p, double n, double x) {
  auto log_choose = [](double m, double k) { return lgamma(m + 1) - lgamma(k + 1) - lgamma(m - k + 1); };
  const double base = lbeta(p.alpha, p.beta) + lbeta(p.gamma, p.delta);
  double total = std::exp(log_choose(n, x) + lbeta(p.alpha + x, p.beta + n - x) + lbeta(p.gamma, p.delta + n) - base);
  for (double i = x; i <= n - 1; ++i)
    total += std::exp(log_choose(i, x) + lbeta(p.alpha + x, p.beta + i - x) + lbeta(p.gamma + 1, p.delta + i) - base);
  return total;
}

result<clv_fit> try_fit_bgbb(const bgbb_data& data, const clv_fit_options& options, const model_control& control) {
  if (auto bad = check_bgbb_data(data)) return *bad;
  const std::size_t rows = data.frequency.size();
  double customers = 0;
  for (std::size_t i = 0; i < rows; ++i) customers += data.weights.empty() ? 1.0 : data.weights[i];
  if (!options.start.empty() && options.start.size() != 4)
    return detail::input_error(errc::invalid_value, "start", "the BG/BB has 4 parameters: alpha, beta, gamma, delta");
  const clv_core::log_likelihood ll = [&](const std::vector<double>& params, std::vector<double>& gradient) {
    const bgbb_params p{params[0], params[1], params[2], params[3]};
    gradient.assign(4, 0.0);
    double total = 0;
    std::array<double, 4> g{};
    for (std::size_t i = 0; i < rows; ++i) {
      const double w = data.weights.empty() ? 1.0 : data.weights[i];
      if (w == 0) continue;
      total += w * customer(p, data.frequency[i], data.recency[i], data.periods[i], &g);
      for (std::size_t j = 0; j < 4; ++j) gradient[j] += w * g[j];
    }
    return total;
  };
  auto fit =
      clv_core::maximise(clv_model::bgbb, options.start.empty() ? std::vector<double>{1, 1, 1, 1} : options.start,
                         customers, ll, options, control);
  if (fit) clv_core::mark_unidentified(*fit, data.frequency, data.weights);
  return fit;
}

result<clv_predictions> try_bgbb_predict(const bgbb_params& p, const bgbb_data& data, double future, unsigned threads) {
  if (auto bad = check_bgbb_data(data)) return *bad;
  if (auto bad =
          clv_core::check_positive({{"alpha", p.alpha}, {"beta", p.beta}, {"gamma", p.gamma}, {"delta", p.delta}}))
    return *bad;
  if (!std::isfinite(future) || future < 1 || future != std::floor(future))
    return detail::input_error(errc::out_of_range, "horizon", "the horizon is a whole number of periods >= 1");
  return clv_core::predict_all(data.frequency.size(), threads, [&](std::size_t i) {
    const double x = data.frequency[i], t_x = data.recency[i], n = data.periods[i];
    return std::pair{bgbb_p_alive(p, x, t_x, n), bgbb_conditional_expected_transactions(p, future, x, t_x, n)};
  });
}

}  // namespace excellence::inline v1
