// Bootstrap standard errors and percentile intervals for a PLS path model.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The most resamples a bootstrap takes: each keeps its estimates (for the percentile
/// intervals), so memory grows with the count.
inline constexpr std::size_t max_bootstrap_resamples = 1'000'000;

struct pls_bootstrap_options {
  std::size_t resamples = 5000;  ///< 1 … max_bootstrap_resamples
  std::uint64_t seed = 1;    ///< the same seed gives the same resamples on every platform and thread count
  double confidence = 0.95;  ///< of the percentile intervals
  unsigned threads = 0;      ///< 0: all cores
};

/// One parameter: its full-sample estimate and its bootstrap distribution.
struct pls_bootstrap_estimate {
  std::string name{};   ///< "imag1" for weights and loadings, "IMAG -> EXPE" for paths and effects
  double estimate = 0;  ///< from the full sample
  double mean = 0;      ///< over the successful resamples
  double se = 0;        ///< their standard deviation (divisor resamples − 1)
  double t = 0;         ///< estimate / se
  double lo = 0;        ///< percentile interval (type-7 quantiles at (1 ∓ confidence)/2)
  double hi = 0;
};

struct pls_bootstrap_result {
  std::vector<pls_bootstrap_estimate> weights{};        ///< per indicator, in block order
  std::vector<pls_bootstrap_estimate> loadings{};       ///< per indicator
  std::vector<pls_bootstrap_estimate> paths{};          ///< per path of the model
  std::vector<pls_bootstrap_estimate> total_effects{};  ///< per pair joined by a directed chain of paths
  std::size_t resamples = 0;                            ///< asked for
  std::size_t succeeded = 0;
  /// Resamples without an estimate: an indicator without variance in the resample, a
  /// singular system, or no convergence within max_iterations. Counted, never hidden;
  /// the statistics use the others.
  std::size_t failed = 0;
  std::uint64_t seed = 0;
  double confidence = 0;
  /// resamples_failed when some resamples gave no estimate (severity::warning).
  std::vector<diagnostic> warnings{};

  /// The entry named `name` in `list`, or nullptr when there is none.
  [[nodiscard]] EXCELLENCE_API static const pls_bootstrap_estimate* find(
      const std::vector<pls_bootstrap_estimate>& list, std::string_view name);
};

/// Estimates the model on the data and on `resamples` bootstrap samples (rows drawn with
/// replacement from the rows used, after the missing-value rule), in parallel. Resample b
/// draws its rows from its own generator, Boost's mt19937_64 seeded from (seed, b), with
/// Boost's uniform_int_distribution, so results do not depend on the platform or the
/// number of threads. Each resample's estimates are oriented like the full sample's (most
/// loadings positive). Errors: those of try_estimate_pls; no resamples; a confidence
/// outside (0, 1); fewer than 2 successful resamples; cancellation.
[[nodiscard]] EXCELLENCE_API result<pls_bootstrap_result> try_bootstrap_pls(const pls_model& model,
                                                                            const pls_data& data,
                                                                            const pls_options& options = {},
                                                                            const pls_bootstrap_options& bootstrap = {},
                                                                            const pls_control& control = {});
/// Throwing form of try_bootstrap_pls: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_bootstrap_result bootstrap_pls(const pls_model& model, const pls_data& data,
                                                        const pls_options& options = {},
                                                        const pls_bootstrap_options& bootstrap = {},
                                                        const pls_control& control = {}) {
  return try_bootstrap_pls(model, data, options, bootstrap, control).value();
}

EXCELLENCE_END_NAMESPACE
