#include <excellence/detail/diagnose.hpp>
#include <excellence/models/pls/index.hpp>

#include "pls_core.hpp"

#include <cmath>

namespace excellence::inline v1 {

result<pls_index_result> try_pls_index(const pls_fit& fit, std::span<const double> scale_min,
                                       std::span<const double> scale_max) {
  using detail::concat;
  using detail::input_error;
  const auto p = static_cast<Eigen::Index>(fit.indicators.size());
  const auto J = static_cast<Eigen::Index>(fit.latent_variables.size());
  if (scale_min.size() != fit.indicators.size() || scale_max.size() != fit.indicators.size())
    return input_error(errc::invalid_value, "scale",
                       concat("expected one scale minimum and maximum per indicator (", std::to_string(p), ")"));
  pls_index_result r;
  r.latent_variables = fit.latent_variables;
  r.normalised_weights.resize(p);
  Eigen::VectorXd raw(p);
  for (Eigen::Index k = 0; k < p; ++k) {
    const auto i = static_cast<std::size_t>(k);
    const auto& name = fit.indicators[i];
    if (!(scale_min[i] < scale_max[i]) || !std::isfinite(scale_min[i]) || !std::isfinite(scale_max[i]))
      return input_error(errc::invalid_value, detail::indexed("scale", i),
                         concat("the scale of \"", name, "\" must have min < max"));
    raw(k) = fit.options.standardized ? fit.weights(k) / fit.sds(k) : fit.weights(k);
    if (!(raw(k) > 0))
      return input_error(errc::invalid_value, field_path("weights").field(name),
                         concat("the outer weight of \"", name, "\" is ", detail::shortest(fit.weights(k)),
                                ": the 0-100 index needs every weight of the block > 0"));
  }
  r.index.resize(J);
  r.scores.resize(fit.scores.rows(), J);
  for (Eigen::Index j = 0; j < J; ++j) {
    double total = 0;
    for (Eigen::Index k = 0; k < p; ++k)
      if (static_cast<Eigen::Index>(fit.block_of[static_cast<std::size_t>(k)]) == j) total += raw(k);
    double mean = 0, lo = 0, hi = 0;
    for (Eigen::Index k = 0; k < p; ++k) {
      if (static_cast<Eigen::Index>(fit.block_of[static_cast<std::size_t>(k)]) != j) continue;
      const double w = raw(k) / total;
      r.normalised_weights(k) = w;
      mean += w * fit.means(k);
      lo += w * scale_min[static_cast<std::size_t>(k)];
      hi += w * scale_max[static_cast<std::size_t>(k)];
    }
    r.index(j) = 100 * (mean - lo) / (hi - lo);
    // A respondent's Σ w̃ x = Σ w̃ x̄ + score / Σ w (the score is Σ w (x − x̄)).
    r.scores.col(j) = 100 * ((mean - lo) + fit.scores.col(j).array() / total) / (hi - lo);
    // Every index is a weighted mean of answers with positive weights: outside 0-100
    // means some answers lie outside the stated scale, and the index would mislead.
    if (auto outside = pls_core::check_respondent_scores(fit, j, r.index(j), 100 / (total * (hi - lo))))
      return *std::move(outside);
  }
  return r;
}

}  // namespace excellence::inline v1
