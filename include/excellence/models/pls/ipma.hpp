// Importance–performance map analysis (IPMA) of a PLS path model on the 0–100 scale of the
// satisfaction indexes (Ringle & Sarstedt 2016, Industrial Management & Data Systems 116(9)).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/satisfaction/ipa.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct pls_ipma_options {
  std::string target{};  ///< the construct explained: satisfaction or loyalty
  /// The questionnaire's theoretical scale, never the sample's: one value for every
  /// indicator, or one per indicator in the fit's order.
  std::vector<double> scale_min{};
  std::vector<double> scale_max{};
  /// Crosshairs of the constructs' map: data_means (the means over the points) or given
  /// (the lines below); scale_midpoint is not offered, importance having no scale. The
  /// indicators' map always uses its own means (their importances are fractions of their
  /// constructs').
  ipa_crosshair crosshair = ipa_crosshair::data_means;
  double importance_line = 0;
  double performance_line = 0;
};

/// A bootstrap's verdict on an importance or a performance.
struct pls_ipma_interval {
  double se = 0;  ///< standard deviation over the successful resamples (divisor resamples − 1)
  double lo = 0;  ///< the percentile interval at the bootstrap's confidence (type-7 quantiles)
  double hi = 0;
};

/// A construct or an indicator on the map.
struct pls_ipma_point {
  std::string name{};
  std::string construct{};                             ///< for an indicator: its construct; for a construct: itself
  double importance = 0;                               ///< unstandardised total effect on the target (0–100 scores)
  double performance = 0;                              ///< mean on the 0–100 scale
  ipa_quadrant quadrant = ipa_quadrant::low_priority;  ///< with IPA's rule: on a line is high
  bool on_importance_line = false;
  bool on_performance_line = false;
  /// With a bootstrap (try_pls_ipma from the data): the intervals; otherwise nullopt.
  std::optional<pls_ipma_interval> importance_interval{};
  std::optional<pls_ipma_interval> performance_interval{};
};

struct pls_ipma_result {
  std::string target{};
  double target_performance = 0;  ///< the target's 0–100 index
  /// Every construct with a chain of paths to the target, in model order.
  std::vector<pls_ipma_point> constructs{};
  /// The indicators of those constructs, in the fit's order: importance = rescaled weight ×
  /// the construct's importance; performance = the indicator's mean on 0–100.
  std::vector<pls_ipma_point> indicators{};
  /// Per indicator of the fit: the unstandardised weight on the 0–100 scale, normalised to
  /// sum to 1 in its block (the index weights).
  std::vector<double> rescaled_weights{};
  ipa_crosshair crosshair = ipa_crosshair::data_means;
  double importance_line = 0;  ///< of the constructs' map
  double performance_line = 0;
  double indicator_importance_line = 0;  ///< of the indicators' map
  double indicator_performance_line = 0;
  std::size_t resamples = 0;  ///< of the bootstrap behind the intervals (0: none)
  std::size_t succeeded = 0;  ///< resamples that gave a map
  double confidence = 0;      ///< of the intervals
  /// inadmissible_estimate: a negative rescaled weight (the indicator lowers its
  /// construct's 0–100 score as it rises), reported, not hidden; resamples_failed
  /// (severity::warning).
  std::vector<diagnostic> warnings{};
};

/// The IPMA of `options.target`: each indicator rescaled to 0–100 by the stated scale,
/// x̃ = 100 (x − min)/(max − min); the rescaled weights w̃ (unstandardised weights on x̃,
/// normalised per block); each construct's performance Σ w̃ mean(x̃) (its 0–100 index) and
/// importance, its total effect on the target in the units of the 0–100 scores: the
/// standardised total effect × sd(target's score)/sd(construct's score). Errors: an unknown
/// target or one without predecessors; scales of the wrong size, not finite or with
/// min ≥ max; an indicator mean outside its stated scale; a consistent (PLSc) fit, whose
/// effects belong to factors rather than to the 0–100 composites; a block whose rescaled
/// weights sum to zero; given lines that are not finite.
[[nodiscard]] EXCELLENCE_API result<pls_ipma_result> try_pls_ipma(const pls_fit& fit, const pls_ipma_options& options);
/// Throwing form of try_pls_ipma: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_ipma_result pls_ipma(const pls_fit& fit, const pls_ipma_options& options) {
  return try_pls_ipma(fit, options).value();
}

/// The IPMA of the model estimated on `data`, with bootstrap intervals (percentile, at
/// bootstrap.confidence) for every importance and performance: each resample (drawn as
/// try_bootstrap_pls draws it, deterministic for a seed on any thread count) is estimated
/// from its moments and mapped. Errors: those of try_estimate_pls and try_pls_ipma, an
/// interval other than percentile, resamples out of range, fewer than two resamples that
/// give a map, cancellation.
[[nodiscard]] EXCELLENCE_API result<pls_ipma_result> try_pls_ipma(const pls_model& model, const pls_data& data,
                                                                  const pls_options& options,
                                                                  const pls_ipma_options& ipma,
                                                                  const pls_bootstrap_options& bootstrap,
                                                                  const pls_control& control = {});
/// Throwing form: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_ipma_result pls_ipma(const pls_model& model, const pls_data& data, const pls_options& options,
                                              const pls_ipma_options& ipma, const pls_bootstrap_options& bootstrap,
                                              const pls_control& control = {}) {
  return try_pls_ipma(model, data, options, ipma, bootstrap, control).value();
}

/// The constructs of an IPMA as IPA attributes (importance, performance), for the IPA
/// tables and the improvement priorities of clause 4.3.
[[nodiscard]] EXCELLENCE_API std::vector<ipa_attribute> ipa_attributes(const pls_ipma_result& ipma);

EXCELLENCE_END_NAMESPACE
