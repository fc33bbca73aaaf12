// The statistics a PLS estimate needs of its data, computed where the data lives and merged:
// the count, the means and the co-moments of the indicators (docs/scale-out.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// What a PLS estimate with standardised or centred indicators depends on: the number of
/// rows, the means and the co-moments Σ (x − x̄)(x − x̄)ᵀ of the columns (not divided by
/// n). Built from a block of rows, and merged pairwise with Chan, Golub & LeVeque's update
/// (1979), which stays accurate where summing raw squares would cancel: blocks of one data
/// set can be summarised on different machines and reduced in any grouping to the moments
/// of the whole, up to rounding.
struct pls_moments {
  std::vector<std::string> names{};
  std::size_t n = 0;
  Eigen::VectorXd mean{};
  Eigen::MatrixXd comoments{};  ///< symmetric, names.size() square
  /// Rows left out by listwise deletion (pls_missing::listwise), summed over merged blocks.
  std::size_t rows_dropped = 0;
};

/// The moments of every column of `data`. A missing value (a masked cell) is an error
/// naming its row and column with pls_missing::error, drops its row with
/// pls_missing::listwise (counted); pls_missing::mean cannot be served from moments (the
/// mean is the whole data's) and is an error. A block may have no rows at all.
[[nodiscard]] EXCELLENCE_API result<pls_moments> try_pls_moments(const pls_data& data,
                                                                 pls_missing missing = pls_missing::error);
/// Throwing form of try_pls_moments (named _of: `pls_moments` is the result type).
[[nodiscard]] inline pls_moments pls_moments_of(const pls_data& data, pls_missing missing = pls_missing::error) {
  return try_pls_moments(data, missing).value();
}

/// The moments of the union of the rows of `a` and `b`, which must have the same columns
/// in the same order.
[[nodiscard]] EXCELLENCE_API result<pls_moments> try_merge(const pls_moments& a, const pls_moments& b);
/// Throwing form of try_merge: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_moments merge(const pls_moments& a, const pls_moments& b) {
  return try_merge(a, b).value();
}

/// try_estimate_pls from moments instead of rows: the same weights, loadings, paths,
/// effects, R², block quality, HTMT and GoF (equal up to rounding to an estimate on the
/// rows the moments summarise), without the per-respondent scores (`scores` is empty: they
/// need the rows) and without mean imputation. A bootstrap resamples rows, so it still needs
/// the data (try_bootstrap_pls). `options.missing` is not used: the moments' own rule applied.
[[nodiscard]] EXCELLENCE_API result<pls_fit> try_estimate_pls(const pls_model& model, const pls_moments& moments,
                                                              const pls_options& options = {},
                                                              const pls_control& control = {});
/// Throwing form of try_estimate_pls from moments: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_fit estimate_pls(const pls_model& model, const pls_moments& moments,
                                          const pls_options& options = {}, const pls_control& control = {}) {
  return try_estimate_pls(model, moments, options, control).value();
}

EXCELLENCE_END_NAMESPACE
