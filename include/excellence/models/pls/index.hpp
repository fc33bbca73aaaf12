// The 0–100 satisfaction index of the ACSI/ECSI from a PLS fit.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <Eigen/Core>

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
[[nodiscard]] EXCELLENCE_API result<pls_index_result> try_pls_index(const pls_fit& fit,
                                                                    std::span<const double> scale_min,
                                                                    std::span<const double> scale_max);
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
