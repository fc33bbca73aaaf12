#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>

#include "clv_fit.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <array>
#include <cmath>

namespace excellence::inline v1 {

result<clv_fit> try_fit_gamma_gamma(const spend_data& data, const clv_fit_options& options,
                                    const model_control& control) {
  using boost::math::digamma;
  using boost::math::lgamma;
  const std::size_t n = data.frequency.size();
  if (data.mean_value.size() != n || (!data.weights.empty() && data.weights.size() != n))
    return detail::input_error(errc::invalid_value, "spend",
                               "frequency, mean_value (and weights) must be equally long");
  if (n == 0) return detail::input_error(errc::invalid_value, "spend", "no repeat customers");
  double customers = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = data.frequency[i];
    if (!std::isfinite(x) || x < 1 || x != std::floor(x))
      return detail::input_error(errc::invalid_value, detail::indexed("frequency", i),
                                 "Gamma-Gamma needs customers with a whole number >= 1 of repeat transactions");
    if (!std::isfinite(data.mean_value[i]) || !(data.mean_value[i] > 0))
      return detail::input_error(errc::out_of_range, detail::indexed("mean_value", i), "a mean spend must be > 0");
    const double w = data.weights.empty() ? 1.0 : data.weights[i];
    if (!std::isfinite(w) || w < 0)
      return detail::input_error(errc::out_of_range, detail::indexed("weights", i), "a weight must be >= 0");
    customers += w;
  }
  if (!options.start.empty() && options.start.size() != 3)
    return detail::input_error(errc::invalid_value, "start", "the Gamma-Gamma model has 3 parameters: p, q, gamma");
  const auto pool = clv_core::pool_for(n, options.threads);
  const clv_core::log_likelihood ll = [&](const std::vector<double>& params, std::vector<double>& gradient) {
    const double p = params[0], q = params[1], g = params[2];
    std::array<std::array<double, 4>, 64> parts{};
    const std::size_t used = pool->run(n, [&](std::size_t from, std::size_t to, std::size_t slot) {
      std::array<double, 4> s{};
      const double lgamma_q = lgamma(q), psi_q = digamma(q), log_g = std::log(g);
      for (std::size_t i = from; i < to; ++i) {
        const double x = data.frequency[i], z = data.mean_value[i];
        const double w = data.weights.empty() ? 1.0 : data.weights[i];
        const double px = p * x, log_gxz = std::log(g + x * z), log_x = std::log(x), log_z = std::log(z);
        s[0] += w * (lgamma(px + q) - lgamma(px) - lgamma_q + q * log_g + px * log_x + (px - 1) * log_z -
                     (px + q) * log_gxz);
        const double psi_pxq = digamma(px + q);
        s[1] += w * x * (psi_pxq - digamma(px) + log_x + log_z - log_gxz);
        s[2] += w * (psi_pxq - psi_q + log_g - log_gxz);
        s[3] += w * (q / g - (px + q) / (g + x * z));
      }
      parts[slot] = s;
    });
    return clv_core::reduce(parts, used, gradient);
  };
  return clv_core::maximise(clv_model::gamma_gamma,
                            options.start.empty() ? std::vector<double>{1, 1, 1} : options.start, customers, ll,
                            options, control);
}

result<std::vector<double>> try_gamma_gamma_predict(const gamma_gamma_params& g, std::span<const double> frequency,
                                                    std::span<const double> mean_value, unsigned threads) {
  if (auto bad = clv_core::check_positive({{"p", g.p}, {"q", g.q}, {"gamma", g.gamma}})) return *bad;
  if (!(g.q > 1)) return detail::input_error(errc::invalid_value, "params.q", "q <= 1: the expected spend is infinite");
  const std::size_t n = frequency.size();
  if (mean_value.size() != n)
    return detail::input_error(errc::invalid_value, "mean_value",
                               detail::concat("expected one mean value per customer (", std::to_string(n), "), got ",
                                              std::to_string(mean_value.size())));
  for (std::size_t i = 0; i < n; ++i) {
    const double x = frequency[i], z = mean_value[i];
    if (!std::isfinite(x) || x < 0 || x != std::floor(x))
      return detail::input_error(errc::invalid_value, detail::indexed("frequency", i),
                                 "a frequency must be a whole number >= 0");
    if (!std::isfinite(z) || z < 0 || (x > 0 && !(z > 0)))
      return detail::input_error(errc::out_of_range, detail::indexed("mean_value", i),
                                 x > 0 ? "a customer with repeat purchases needs a mean spend > 0"
                                       : "a mean spend must be a finite number >= 0");
  }
  std::vector<double> out(n);
  clv_core::pool_for(n, threads)->run(n, [&](std::size_t from, std::size_t to, std::size_t) {
    for (std::size_t i = from; i < to; ++i) out[i] = detail::gamma_gamma_expected_spend(g, frequency[i], mean_value[i]);
  });
  if (auto bad = clv_core::check_finite_predictions(out, "expected spend")) return *bad;
  return out;
}

result<clv_fit> try_fit_gamma_gamma_summary(const spend_data& summary, const clv_fit_options& options,
                                            const model_control& control) {
  const std::size_t n = summary.frequency.size();
  if (summary.mean_value.size() != n || (!summary.weights.empty() && summary.weights.size() != n))
    return detail::input_error(errc::invalid_value, "spend",
                               "frequency, mean_value (and weights) must be equally long");
  std::vector<double> x, z, w;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < n; ++i) {
    if (summary.frequency[i] == 0) continue;
    x.push_back(summary.frequency[i]);
    z.push_back(summary.mean_value[i]);
    if (!summary.weights.empty()) w.push_back(summary.weights[i]);
    rows.push_back(i);
  }
  auto fit = try_fit_gamma_gamma({x, z, w}, options, control);
  if (!fit) {
    auto d = fit.error();
    detail::readdress(d, rows, std::string(d.path.head()));
    return d;
  }
  fit->left_out = n - rows.size();
  if (fit->left_out > 0)
    fit->warnings.push_back(
        {errc::rows_dropped, "", 0, 0, "frequency",
         detail::concat(std::to_string(fit->left_out), " customers without a repeat purchase left out"),
         severity::warning});
  return fit;
}

}  // namespace excellence::inline v1
