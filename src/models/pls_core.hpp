// Internal to the PLS implementation: the layout of a model over its data, the moments
// of the indicators, and Wold's iteration on a moment matrix. Shared by the estimation
// and the bootstrap, which repeats the iteration on resampled moments.
#pragma once

#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <Eigen/Dense>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace excellence::inline v1::pls_core {

using Eigen::Index;

/// Blocks are contiguous in indicator order: block j is rows start[j] … start[j] + size[j].
struct layout {
  Index lvs = 0;
  Index indicators = 0;
  std::vector<Index> start{};
  std::vector<Index> size{};
  std::vector<std::vector<Index>> predecessors{};
  std::vector<std::vector<Index>> successors{};
  std::vector<pls_mode> modes{};
  std::vector<std::size_t> column{};  ///< data column of each indicator
  std::vector<std::string> names{};   ///< indicator names in block order
  std::vector<std::size_t> block_of{};
};

/// The layout of a valid model over the data's columns; unknown indicators are errors.
result<layout> make_layout(const pls_model& model, const pls_data& data);
/// The same over columns known only by name (pls_moments).
result<layout> make_layout(const pls_model& model, std::span<const std::string> names);

/// Means and population covariance of the model's indicators over the rows used.
struct moments {
  Eigen::VectorXd mean{};
  Eigen::MatrixXd covariance{};
  std::size_t n = 0;
  std::size_t rows_dropped = 0;
  std::size_t cells_imputed = 0;
  std::vector<char> keep{};  ///< per data row, after listwise deletion (empty: all rows)
};

/// One name per column of `data`, and a missing-value mask of the values' size (or none).
std::optional<diagnostic> check_data_shape(const pls_data& data);

/// At least 3 rows to estimate from.
std::optional<diagnostic> check_row_count(std::size_t n);

/// Every indicator varies (else it can be neither standardised nor weighted).
std::optional<diagnostic> check_variances(const layout& l, const Eigen::MatrixXd& covariance);

/// Two passes over the data in chunks (threads for large inputs), honouring the missing
/// rule. Errors: a missing value under pls_missing::error; too few rows; cancellation.
result<moments> compute_moments(const layout& l, const pls_data& data, pls_missing missing, const pls_control& control);

/// Rows [from, to) of the model's indicators minus `mean`, as a (rows × indicators) matrix
/// in `out`, skipping rows that `keep` (when not empty) excludes; NaN (an imputed value)
/// becomes 0. Returns the rows written.
Index centred_chunk(const layout& l, const pls_data& data, const Eigen::VectorXd& mean, const std::vector<char>& keep,
                    Index from, Index to, Eigen::MatrixXd& out);

/// Rows [begin, end) of the model's columns are read in chunks of this many rows.
inline constexpr Index chunk_rows = 4096;

/// Calls work(thread, begin, end) for contiguous row ranges of at most chunk_rows, on every
/// core when the input is large (200,000 rows or more); thread 0 is the calling thread,
/// which also reports progress. Stops early when cancelled.
template <class Work>
void for_row_ranges(Index rows, const pls_control& control, std::size_t total_for_progress, std::size_t done_before,
                    Work work) {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  // Threads pay off only on large inputs; a 250-row survey stays on the calling thread.
  const auto threads = static_cast<Index>(rows < 200'000 ? 1U : hardware);
  std::atomic<std::size_t> done{0};
  auto run = [&](Index t) {
    const Index begin = rows * t / threads;
    const Index end = rows * (t + 1) / threads;
    for (Index from = begin; from < end; from += chunk_rows) {
      if (control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed)) return;
      const Index to = std::min(end, from + chunk_rows);
      work(t, from, to);
      done += static_cast<std::size_t>(to - from);
      if (t == 0 && control.progress) control.progress(done_before + done.load(), total_for_progress);
    }
  };
  std::vector<std::thread> pool;
  for (Index t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (auto& th : pool) th.join();
}

/// Calls visit(first_row, rows) for the rows used (after the missing-value rule) in
/// chunks of 4096, centred by m.mean: `rows` is a (rows × indicators) block and
/// `first_row` its position among the rows used. Without listwise deletion every row is
/// used and a chunk's position is known in advance: the chunks are then visited on every
/// core (for large inputs), so `visit` must be safe to call at once for different rows.
template <class Visit>
void for_each_centred_chunk(const layout& l, const pls_data& data, const moments& m, Visit visit) {
  if (m.keep.empty()) {
    for_row_ranges(data.values.rows(), pls_control{}, 0, 0, [&](Index, Index from, Index to) {
      Eigen::MatrixXd chunk;
      const Index used = centred_chunk(l, data, m.mean, m.keep, from, to, chunk);
      visit(from, chunk.topRows(used));
    });
    return;
  }
  Eigen::MatrixXd chunk;
  Index row = 0;
  for (Index from = 0; from < data.values.rows(); from += chunk_rows) {
    const Index to = std::min(data.values.rows(), from + chunk_rows);
    const Index used = centred_chunk(l, data, m.mean, m.keep, from, to, chunk);
    visit(row, chunk.topRows(used));
    row += used;
  }
}

/// The matrix the iteration works on: correlations (standardised) or covariances.
Eigen::MatrixXd moment_matrix(const Eigen::MatrixXd& covariance, bool standardized);

/// Weights after Wold's iteration: p × J, block-diagonal, each block normalised so its
/// score has unit variance under M, signs set so that most loadings are positive.
struct iteration {
  Eigen::MatrixXd W{};
  int iterations = 0;
  bool converged = false;
};

result<iteration> iterate(const Eigen::MatrixXd& M, const layout& l, const pls_options& options);

/// What follows from M and W: score correlations, loadings (as correlations), path
/// coefficients, R², total effects, ρ_A. With `consistent` (PLSc, Dijkstra & Henseler
/// 2015) the correlations, loadings of mode A blocks, paths, R² and effects are those of the
/// common factors behind the mode A blocks, corrected for the attenuation of their proxies.
struct structural {
  Eigen::VectorXd rho_a{};            ///< per block; 1 for mode B and one-indicator blocks
  Eigen::MatrixXd lv_correlations{};  ///< of the scores, or the corrected ones (consistent)
  Eigen::MatrixXd cross_loadings{};
  Eigen::VectorXd loadings{};
  Eigen::MatrixXd paths{};
  Eigen::VectorXd r2{};
  Eigen::MatrixXd total_effects{};
};

/// Errors: collinear predecessors; with `consistent`, a mode A block whose ρ_A is not
/// positive (its proxy carries no common factor to correct for).
result<structural> relate(const Eigen::MatrixXd& M, const Eigen::VectorXd& sds, const layout& l,
                          const Eigen::MatrixXd& W, bool consistent);

/// reach[to][from]: a directed chain of one or more paths leads from `from` to `to` — the
/// transitive closure of the path matrix (Warshall's algorithm), which decides which pairs
/// have a total effect whatever its value.
std::vector<std::vector<bool>> reachability(const std::vector<std::vector<int>>& path_matrix);

/// The heterotrait–monotrait ratio of every pair of blocks from the indicators'
/// correlations R (symmetric; nullopt on the diagonal, for one-indicator blocks and where
/// the monotrait correlations' product is not positive).
std::vector<std::vector<std::optional<double>>> htmt(const Eigen::MatrixXd& R, const layout& l);

/// An estimation and what it was computed from, for the bootstrap to reuse.
struct estimation {
  pls_fit fit{};
  layout l{};
  moments m{};
  Eigen::MatrixXd W{};  ///< the weights as the p × J block-diagonal matrix
};

/// Everything of a fit that follows from the moments (all but the scores, which need the
/// rows): weights, loadings, paths, effects, R², block quality, HTMT, GoF, warnings.
result<estimation> estimate_from_moments(const pls_model& model, layout l, moments m, const pls_options& options);

/// try_estimate_pls, keeping the layout and the moments.
result<estimation> estimate(const pls_model& model, const pls_data& data, const pls_options& options,
                            const pls_control& control);

/// The rows used, centred by the estimation's means (and scaled by its SDs when
/// `standardized`), one column per row: indicators × rows, so that the rows a resample
/// draws are contiguous columns. An imputed value is the mean, so 0 here.
Eigen::MatrixXd columns_of_rows(const estimation& e, const pls_data& data, bool standardized);

/// A 0–100 score per respondent of block j, offset + factor × his score, must lie in 0–100
/// where it is a weighted mean of answers with positive weights: outside it means answers
/// outside the stated scale. The error names the first such respondent (nullopt: none).
/// Shared by the index and the IPMA, which differ in how they rescale the weights.
std::optional<diagnostic> check_respondent_scores(const pls_fit& fit, Index j, double offset, double factor);

/// The outer weights as one vector in indicator order.
Eigen::VectorXd weight_vector(const layout& l, const Eigen::MatrixXd& W);

}  // namespace excellence::inline v1::pls_core
