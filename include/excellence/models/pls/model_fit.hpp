// The overall fit of a PLS path model (Dijkstra & Henseler 2015; Henseler et al. 2014): the
// distance between the indicators' observed correlations and those the model implies (SRMR,
// d_ULS, d_G), and the bootstrap test of exact fit on Bollen–Stine transformed data.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/control.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct pls_model_fit_options {
  /// Resamples of the exact-fit test (0: the distances alone). Each refits the model on a
  /// resample of the data transformed to have the model-implied correlations.
  std::size_t resamples = 0;
  std::uint64_t seed = 1;  ///< the same seed gives the same resamples on every platform and thread count
  unsigned threads = 0;    ///< 0: all cores
  /// Keep the reference distribution of each measure (pls_fit_measure::draws).
  bool keep_draws = false;
};

/// One distance between the observed and the model-implied indicator correlations, and
/// its exact-fit test: the model fits exactly (up to sampling error) when the distance
/// lies below the reference distribution's 95 % (or 99 %) quantile.
struct pls_fit_measure {
  std::string name{};  ///< "SRMR", "d_ULS" or "d_G"
  /// The distance; nullopt for d_G where it is undefined (an implied correlation matrix
  /// that is not positive definite, with an inadmissible_estimate warning).
  std::optional<double> value{};
  std::optional<double> q95{};  ///< of the reference distribution; with the test only
  std::optional<double> q99{};
  std::optional<double> p_value{};  ///< share of the resamples at least as distant as the sample
  std::vector<double> draws{};      ///< with keep_draws: the successful resamples' values, in resample order
};

/// The measures of one model-implied correlation matrix and its test.
struct pls_model_fit_variant {
  std::vector<pls_fit_measure> measures{};  ///< SRMR, d_ULS, d_G
  /// indicators × indicators, in the fit's indicator order.
  Eigen::MatrixXd implied{};
  std::size_t succeeded = 0;  ///< resamples of the test that gave an estimate
  [[nodiscard]] EXCELLENCE_API const pls_fit_measure* find(std::string_view name) const;
};

struct pls_model_fit_result {
  std::vector<std::string> indicators{};
  /// PLSc: mode A blocks are common factors (their indicators correlate only through their
  /// construct); otherwise every block is a composite (its correlations are free).
  bool common_factor = false;
  Eigen::MatrixXd observed{};  ///< the indicators' correlations over the rows used
  /// Construct correlations as estimated: the structural model is not restricted.
  pls_model_fit_variant saturated{};
  /// Construct correlations implied by the path coefficients (uncorrelated structural
  /// errors): the structural model's restrictions are tested too.
  pls_model_fit_variant estimated{};
  std::size_t resamples = 0;
  std::uint64_t seed = 0;
  std::size_t n = 0;  ///< rows used
  /// inadmissible_estimate (an implied matrix that is not positive definite: no d_G, no
  /// test), resamples_failed (severity::warning).
  std::vector<diagnostic> warnings{};
};

/// Estimates the model and compares the observed indicator correlations S with the implied
/// ones Σ: SRMR = √(mean of (s_ij − σ_ij)² over i ≤ j), d_ULS = ½ Σ_ij (s_ij − σ_ij)², d_G =
/// ½ Σ_k (ln φ_k)² over the eigenvalues φ_k of S⁻¹Σ (natural logarithms, as Dijkstra &
/// Henseler define it; cSEM 0.5–0.6 uses base 10, giving ours / ln(10)²). Σ = Λ Φ Λ′ with
/// unit diagonal, where Λ holds the loadings, Φ the construct correlations (saturated) or
/// those the paths imply (estimated: exogenous correlations as estimated, endogenous
/// variance 1 − R² left to the structural error, cSEM's rule); within a composite block Σ
/// equals S. With resamples > 0, the exact-fit test: the rows, standardised, are transformed
/// to z·S^(−½)Σ^(½) (Bollen & Stine 1992; Beran & Srivastava 1985) so their correlations are
/// Σ, resampled as the bootstrap resamples them (the same seed draws the same rows), and
/// refitted; the quantiles are type 7 over the resamples that gave an estimate. Errors: the
/// errors of try_estimate_pls and try_bootstrap_pls's limits on resamples; S not positive
/// definite when a test or d_G needs its inverse.
[[nodiscard]] EXCELLENCE_API result<pls_model_fit_result> try_pls_model_fit(const pls_model& model,
                                                                            const pls_data& data,
                                                                            const pls_options& options = {},
                                                                            const pls_model_fit_options& fit = {},
                                                                            const pls_control& control = {});
/// Throwing form of try_pls_model_fit: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_model_fit_result pls_model_fit(const pls_model& model, const pls_data& data,
                                                        const pls_options& options = {},
                                                        const pls_model_fit_options& fit = {},
                                                        const pls_control& control = {}) {
  return try_pls_model_fit(model, data, options, fit, control).value();
}

EXCELLENCE_END_NAMESPACE
