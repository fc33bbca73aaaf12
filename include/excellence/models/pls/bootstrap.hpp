// Bootstrap standard errors and percentile, bias-corrected and BCa intervals for a PLS
// path model.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The most resamples a bootstrap takes: each keeps its estimates (for the percentile
/// intervals), so memory grows with the count.
inline constexpr std::size_t max_bootstrap_resamples = 1'000'000;

/// Which bootstrap confidence interval (Efron & Tibshirani 1993, ch. 13–14).
enum class pls_interval {
  percentile,      ///< the (1 ∓ confidence)/2 quantiles of the resamples
  bias_corrected,  ///< quantiles shifted by z0 = Φ⁻¹(share of resamples below the estimate)
  bca              ///< bias-corrected and accelerated: z0, and the acceleration from a jackknife
};

inline constexpr detail::enum_names<pls_interval, 3> pls_interval_names{
    {{{pls_interval::percentile, "percentile"}, {pls_interval::bias_corrected, "bc"}, {pls_interval::bca, "bca"}}}};

/// "percentile", "bc", "bca".
[[nodiscard]] constexpr const char* to_string(pls_interval i) noexcept {
  return pls_interval_names.name(i);
}
/// "percentile", "bc", "bca", or nullopt.
[[nodiscard]] constexpr std::optional<pls_interval> parse_pls_interval(std::string_view name) noexcept {
  return pls_interval_names.parse(name);
}

struct pls_bootstrap_options {
  std::size_t resamples = 5000;  ///< 1 … max_bootstrap_resamples
  std::uint64_t seed = 1;        ///< the same seed gives the same resamples on every platform and thread count
  double confidence = 0.95;      ///< of the intervals
  unsigned threads = 0;          ///< 0: all cores
  pls_interval interval = pls_interval::percentile;
  /// Keep every successful resample's value of every parameter (pls_bootstrap_estimate::
  /// draws), e.g. to plot the bootstrap distributions: 8 bytes × resamples × parameters.
  bool keep_draws = false;
};

/// One parameter: its full-sample estimate and its bootstrap distribution.
struct pls_bootstrap_estimate {
  std::string name{};   ///< "imag1" for weights and loadings, "IMAG -> EXPE" for paths and effects
  double estimate = 0;  ///< from the full sample
  double mean = 0;      ///< over the successful resamples
  double se = 0;        ///< their standard deviation (divisor resamples − 1)
  double t = 0;         ///< estimate / se
  double lo = 0;        ///< the interval (type-7 quantiles of the resamples at its levels)
  double hi = 0;
  /// The interval lo–hi is: the one asked for, or the percentile interval where that one is
  /// undefined (with an interval_undefined warning naming the parameter).
  pls_interval interval = pls_interval::percentile;
  /// With pls_bootstrap_options::keep_draws: the successful resamples' values, in resample
  /// order; otherwise empty.
  std::vector<double> draws{};
};

struct pls_bootstrap_result {
  std::vector<pls_bootstrap_estimate> weights{};        ///< per indicator, in block order
  std::vector<pls_bootstrap_estimate> loadings{};       ///< per indicator
  std::vector<pls_bootstrap_estimate> paths{};          ///< per path of the model
  std::vector<pls_bootstrap_estimate> total_effects{};  ///< per pair joined by a directed chain of paths
  /// Total indirect effect per pair joined by a chain of two or more paths.
  std::vector<pls_bootstrap_estimate> indirect_effects{};
  /// Per chain of two or more paths (try_specific_indirect_effects), "IMAG -> EXPE -> SAT".
  std::vector<pls_bootstrap_estimate> specific_indirect_effects{};
  std::vector<pls_bootstrap_estimate> r2{};    ///< per endogenous latent variable
  std::vector<pls_bootstrap_estimate> htmt{};  ///< per pair of blocks where it is defined, "IMAG, EXPE"
  std::size_t resamples = 0;                   ///< asked for
  std::size_t succeeded = 0;
  /// Resamples without an estimate: an indicator without variance in the resample, a
  /// singular system, or no convergence within max_iterations. Counted, never hidden;
  /// the statistics use the others.
  std::size_t failed = 0;
  std::uint64_t seed = 0;
  double confidence = 0;
  pls_interval interval = pls_interval::percentile;  ///< asked for
  /// resamples_failed when some resamples (or, for BCa, jackknife estimates) gave no
  /// estimate; interval_undefined per parameter whose interval fell back to the percentile
  /// one (severity::warning).
  std::vector<diagnostic> warnings{};

  /// The entry named `name` in `list`, or nullptr when there is none.
  [[nodiscard]] EXCELLENCE_API static const pls_bootstrap_estimate* find(
      const std::vector<pls_bootstrap_estimate>& list, std::string_view name);
};

/// Estimates the model on the data and on `resamples` bootstrap samples (rows drawn with
/// replacement from the rows used, after the missing-value rule), in parallel; for BCa also
/// on the n leave-one-out samples (the jackknife), for the acceleration
/// a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}). The bias correction is
/// z0 = Φ⁻¹(share of resamples below the estimate); the interval's levels are
/// Φ(z0 + (z0 + z_α)/(1 − a(z0 + z_α))) (a = 0 for the bias-corrected one). Where z0 is
/// infinite (every resample on one side) or the levels are not increasing, the interval is
/// undefined: lo–hi is the percentile interval, and a warning names the parameter. A
/// resample in which an HTMT ratio or ρ_A becomes undefined counts as failed. Resample b
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
