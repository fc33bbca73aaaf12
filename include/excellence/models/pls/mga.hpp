// Multigroup analysis of a PLS path model: do two groups of respondents (men and women, two
// markets, two years) differ in their paths and weights? The permutation test (Chin &
// Dibbern 2010), Henseler's bootstrap MGA (Henseler, Ringle & Sinkovics 2009), and the
// measurement invariance of composites before it (MICOM steps 2 and 3; Henseler, Ringle &
// Sarstedt 2016).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct pls_mga_options {
  std::size_t permutations = 5000;  ///< 1 … max_bootstrap_resamples
  /// Bootstrap resamples per group for Henseler's MGA (0: not run).
  std::size_t resamples = 0;
  std::uint64_t seed = 1;  ///< the same seed gives the same result on every platform and thread count
  unsigned threads = 0;    ///< 0: all cores
  /// The two groups compared, by label, when the labels have more than two values (rows of
  /// other groups are left out, with a rows_dropped warning); empty: the labels must have
  /// exactly two values, the first one met being the first group.
  std::vector<std::string> compare{};
};

/// One parameter in the two groups.
struct pls_group_difference {
  std::string name{};     ///< "IMAG -> EXPE" for a path, the indicator for a weight or loading
  double first = 0;       ///< the estimate in the first group
  double second = 0;      ///< in the second group
  double difference = 0;  ///< first − second
  /// Permutation test: share of permutations of the group labels whose |difference| is at
  /// least this one's (two-sided).
  double p_permutation = 0;
  /// Henseler's MGA: P(θ_first ≤ θ_second) over all pairs of the groups' bootstrap estimates,
  /// each group's centred on its estimate; below α/2 or above 1 − α/2 the groups differ at
  /// level α. nullopt without resamples.
  std::optional<double> p_henseler{};
};

/// MICOM steps 2 and 3 for one composite: are its scores built, and do they fall, alike in
/// both groups?
struct pls_micom_construct {
  std::string name{};
  /// Step 2, compositional invariance: the correlation c of the pooled data's scores under
  /// the first and the second group's weights; it holds when c is not below the 5 %
  /// quantile of its permutation distribution (c_q05), i.e. c_p ≥ 0.05.
  double c = 0;
  double c_q05 = 0;
  double c_p = 0;  ///< share of permutations with c at most this one's
  /// Step 3, with the scores of the pooled estimate: the difference of the groups' mean
  /// scores (first − second) and the log of the ratio of their variances (divisor n − 1),
  /// each with the 2.5 % and 97.5 % quantiles of its permutation distribution and the share
  /// of permutations at least as far from 0 (two-sided).
  double mean_difference = 0;
  double mean_lo = 0;
  double mean_hi = 0;
  double mean_p = 0;
  double log_variance_ratio = 0;
  double variance_lo = 0;
  double variance_hi = 0;
  double variance_p = 0;
};

struct pls_mga_result {
  std::array<std::string, 2> groups{};  ///< the labels of the first and the second group
  std::array<std::size_t, 2> n{};       ///< rows used per group
  std::vector<pls_group_difference> paths{};
  std::vector<pls_group_difference> weights{};   ///< per indicator, in the fit's order
  std::vector<pls_group_difference> loadings{};  ///< per indicator
  std::vector<pls_micom_construct> micom{};      ///< per construct (c = 1 for a one-indicator block)
  std::size_t permutations = 0;
  std::size_t succeeded = 0;  ///< permutations in which both groups gave an estimate
  std::size_t resamples = 0;
  std::uint64_t seed = 0;
  /// rows_dropped (rows of other groups), resamples_failed (permutations or resamples
  /// without an estimate) (severity::warning).
  std::vector<diagnostic> warnings{};
};

/// Compares the model's estimates between two groups of rows: `groups` holds one label per
/// row of `data`. The model is estimated on each group (its own means and SDs) and on the
/// pooled rows; each permutation shuffles the labels (Boost's mt19937_64 seeded from (seed,
/// permutation); group sizes kept) and re-estimates both groups from their moments, giving
/// the permutation distributions of the differences and of MICOM's statistics at once.
/// Henseler's MGA bootstraps each group as try_bootstrap_pls does. Missing values follow
/// options.missing on the pooled rows. Errors: a label per row not given; an empty label
/// (groups[row]); not exactly two groups (the labels found are named) unless `compare`
/// names two of them; a group with fewer than 3 rows or whose estimate fails (named);
/// permutations or resamples out of range; no permutation with estimates in both groups;
/// cancellation.
[[nodiscard]] EXCELLENCE_API result<pls_mga_result> try_pls_mga(const pls_model& model, const pls_data& data,
                                                                std::span<const std::string> groups,
                                                                const pls_options& options = {},
                                                                const pls_mga_options& mga = {},
                                                                const pls_control& control = {});
/// Throwing form of try_pls_mga: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_mga_result pls_mga(const pls_model& model, const pls_data& data,
                                            std::span<const std::string> groups, const pls_options& options = {},
                                            const pls_mga_options& mga = {}, const pls_control& control = {}) {
  return try_pls_mga(model, data, groups, options, mga, control).value();
}

EXCELLENCE_END_NAMESPACE
