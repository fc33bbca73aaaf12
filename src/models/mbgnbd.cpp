#include <excellence/models/clv/mbgnbd.hpp>

#include "clv_fit.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace excellence::inline v1 {

namespace {

using boost::math::digamma;
using boost::math::lgamma;

// Terms that depend on x only, once per distinct frequency.
struct x_terms {
  double c = 0, c_r = 0, c_a = 0, c_b = 0;  // lgamma(r+x) − lgamma(r) + r log α + log B(a, b+x+1)/B(a, b)
};

class mbgnbd_likelihood {
 public:
  mbgnbd_likelihood(const clv_customers& c, unsigned threads)
      : c_(c), threads_(threads), x_(clv_core::distinct_frequencies(c.frequency)) {}

  double operator()(const std::vector<double>& params, std::vector<double>& gradient) const {
    const double r = params[0], alpha = params[1], a = params[2], b = params[3];
    const double log_alpha = std::log(alpha), psi_r = digamma(r), psi_ab = digamma(a + b), psi_b = digamma(b);
    const double lbeta_ab = lgamma(a) + lgamma(b) - lgamma(a + b);
    std::vector<x_terms> terms(x_.values.size());
    for (std::size_t k = 0; k < x_.values.size(); ++k) {
      const double x = x_.values[k];
      const double psi_abx1 = digamma(a + b + x + 1);
      terms[k] = {
          lgamma(r + x) - lgamma(r) + r * log_alpha + lgamma(a) + lgamma(b + x + 1) - lgamma(a + b + x + 1) - lbeta_ab,
          digamma(r + x) - psi_r + log_alpha, psi_ab - psi_abx1, digamma(b + x + 1) - psi_abx1 - psi_b + psi_ab};
    }
    std::array<std::array<double, 5>, 64> parts{};
    const std::size_t used = clv_core::parallel_parts(
        c_.frequency.size(), threads_, [&](std::size_t from, std::size_t to, std::size_t slot) {
          std::array<double, 5> s{};
          const double log_a = std::log(a);
          for (std::size_t i = from; i < to; ++i) {
            const double x = c_.frequency[i];
            const double w = c_.weights.empty() ? 1.0 : c_.weights[i];
            const auto& t = terms[x_.slot[i]];
            const double l_T = std::log(alpha + c_.age[i]), l_tx = std::log(alpha + c_.recency[i]);
            const double u = -(r + x) * l_T;
            const double v = log_a - std::log(b + x) - (r + x) * l_tx;
            const double m = std::max(u, v);
            const double eu = std::exp(u - m), ev = std::exp(v - m);
            const double wu = eu / (eu + ev), wv = 1 - wu;
            s[0] += w * (t.c + m + std::log(eu + ev));
            s[1] += w * (t.c_r - wu * l_T - wv * l_tx);
            s[2] += w * (r / alpha - wu * (r + x) / (alpha + c_.age[i]) - wv * (r + x) / (alpha + c_.recency[i]));
            s[3] += w * (t.c_a + wv / a);
            s[4] += w * (t.c_b - wv / (b + x));
          }
          parts[slot] = s;
        });
    return clv_core::reduce(parts, used, gradient);
  }

 private:
  const clv_customers& c_;
  unsigned threads_;
  clv_core::frequency_slots x_{};
};

}  // namespace

result<clv_fit> try_fit_mbgnbd(const clv_customers& customers, const clv_fit_options& options,
                               const model_control& control) {
  return clv_core::fit_model(clv_model::mbgnbd, {"r", "alpha", "a", "b"}, customers, options, control,
                             [&] { return clv_core::log_likelihood(mbgnbd_likelihood(customers, options.threads)); });
}

result<double> try_mbgnbd_log_likelihood(const mbgnbd_params& params, const clv_customers& customers) {
  return clv_core::log_likelihood_at({params.r, params.alpha, params.a, params.b}, customers,
                                     [&] { return clv_core::log_likelihood(mbgnbd_likelihood(customers, 0)); });
}

}  // namespace excellence::inline v1
