// The 0–100 satisfaction index of the ACSI/ECSI from a PLS fit.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct pls_index_result {
  std::vector<std::string> latent_variables{};
  Eigen::VectorXd index{};   ///< per latent variable: the index of the mean respondent, 0–100
  Eigen::MatrixXd scores{};  ///< respondents × latent variables: each respondent's index, 0–100
  /// Per indicator: the unstandardised outer weight normalised to sum to 1 in its block.
  Eigen::VectorXd normalised_weights{};
};

/// The index of each latent variable (ACSI: Fornell et al. 1996; metrics.md §3.4):
/// with w̃ the unstandardised outer weights (w/sd for standardised fits) normalised to sum
/// to 1 in the block, Index = (Σ w̃ x̄ − Σ w̃ min)/(Σ w̃ max − Σ w̃ min) × 100, where min and
/// max are the indicators' scale ends (per indicator, in the fit's indicator order; or one
/// pair for all). A respondent's index uses his own answers, which is the latent score
/// put back on the items' scale (plspm's rescale()). A weight that is not positive makes
/// the index meaningless, so it is an error naming the indicator, not a number; so are
/// answers outside the stated scale (an index outside 0–100).
[[nodiscard]] inline result<pls_index_result> try_pls_index(const pls_fit& fit, std::span<const double> scale_min,
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
    constexpr double slack = 1e-9;
    for (Eigen::Index i = 0; i < r.scores.rows(); ++i)
      if (!(r.scores(i, j) >= -slack && r.scores(i, j) <= 100 + slack))
        return input_error(errc::out_of_range, "scale",
                           concat("respondent ", std::to_string(i + 1), "'s answers to the block of \"",
                                  fit.latent_variables[static_cast<std::size_t>(j)], "\" lie outside the stated scale (",
                                  "index ", detail::shortest(r.scores(i, j)), "): state the questionnaire's scale"));
  }
  return r;
}
/// Throwing form of try_pls_index: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_index_result pls_index(const pls_fit& fit, std::span<const double> scale_min,
                                                std::span<const double> scale_max) {
  return try_pls_index(fit, scale_min, scale_max).value();
}

/// The same with one scale for every indicator (e.g. 1–10).
[[nodiscard]] inline result<pls_index_result> try_pls_index(const pls_fit& fit, double scale_min, double scale_max) {
  const std::vector<double> lo(fit.indicators.size(), scale_min);
  const std::vector<double> hi(fit.indicators.size(), scale_max);
  return try_pls_index(fit, lo, hi);
}

EXCELLENCE_END_NAMESPACE
