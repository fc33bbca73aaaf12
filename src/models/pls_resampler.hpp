// Internal to the PLS implementation: the seeded, parallel resampling shared by the
// bootstrap and the exact-fit test, which refit the model on resampled moments.
#pragma once

#include <excellence/models/pls/estimate.hpp>

#include "../detail/worker_pool.hpp"

#include <Eigen/Dense>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace excellence::inline v1::pls_core {

/// How often each of the n rows is drawn in resample b of a bootstrap seeded with `seed`:
/// n draws with replacement from Boost's mt19937_64 seeded from (seed, b), so a resample is
/// the same whichever thread draws it.
void draw_resample(std::uint64_t seed, std::uint64_t b, Eigen::VectorXd& counts);

/// The covariance (divisor n) of the columns of Xt drawn `counts` times: Σ cᵢ xᵢ xᵢᵀ / n −
/// mean meanᵀ over the rows drawn (about 63 % of them), each scaled by √cᵢ, as one symmetric
/// rank-k update. `scratch` is reused between calls.
void resampled_covariance(const Eigen::MatrixXd& Xt, const Eigen::VectorXd& counts, Eigen::MatrixXd& scratch,
                          Eigen::MatrixXd& S);

/// A pool of the threads asked for (0: all cores; never more than the jobs), the caller's
/// cancellation flag and progress. A thread the system refuses leaves fewer, with the same
/// results: each resample has its own seed and its own slot for what it records.
class resampler {
 public:
  resampler(unsigned threads, std::size_t jobs, const pls_control& control);

  /// Calls visit(b, S, counts) for b = 0 … B − 1 with S the covariance of resample b of the
  /// columns of Xt and counts how often it drew each column, on every thread of the pool; progress counts resamples
  /// (from the calling thread, every 64 or more, and once at the end). False when cancelled.
  bool resample(const Eigen::MatrixXd& Xt, std::size_t B, std::uint64_t seed,
                const std::function<void(std::size_t, const Eigen::MatrixXd&, const Eigen::VectorXd&)>& visit);

  /// Calls visit(i) for i = 0 … count − 1 on every thread, reporting progress when asked
  /// (as resample does). False when cancelled.
  bool each(std::size_t count, const std::function<void(std::size_t)>& visit, bool report = false);
  /// The same with the slot (0 … threads − 1) that runs i, for per-thread buffers.
  bool each(std::size_t count, const std::function<void(std::size_t, std::size_t)>& visit, bool report = false);

  /// Threads in the pool, the caller's included: slots of `each` are below this.
  [[nodiscard]] std::size_t size() const noexcept { return pool_.size(); }

 private:
  bool cancelled();

  detail::worker_pool pool_;
  const pls_control& control_;
  std::atomic<bool> stop_{false};
};

/// Whether covariances S of resampled columns can be standardised: no column constant in
/// the resample (all its draws equal), judged against the columns' mean squares.
class variance_check {
 public:
  explicit variance_check(const Eigen::MatrixXd& Xt) : scale_(Xt.cwiseAbs2().rowwise().mean()) {}
  [[nodiscard]] bool operator()(const Eigen::MatrixXd& S) const {
    return (S.diagonal().array() > 1e-12 * scale_.array()).all();
  }

 private:
  Eigen::VectorXd scale_;
};

/// What each resample (or permutation) recorded: a row of `width` numbers and whether it gave
/// an estimate. Threads write disjoint rows; the summaries read the successful rows only.
class draws_table {
 public:
  draws_table(std::size_t rows, std::size_t width) : width_(width), values_(rows * width, 0.0), ok_(rows, 0) {}

  [[nodiscard]] double* row(std::size_t r) noexcept { return &values_[r * width_]; }
  void succeed(std::size_t r) noexcept { ok_[r] = 1; }
  /// Successful rows among [first, last) (all rows by default).
  [[nodiscard]] std::size_t succeeded(std::size_t first = 0, std::size_t last = SIZE_MAX) const noexcept;
  /// Column c of the successful rows among [first, last), in row order, into `out`.
  void column(std::size_t c, std::vector<double>& out, std::size_t first = 0, std::size_t last = SIZE_MAX) const;
  [[nodiscard]] std::vector<double> column(std::size_t c, std::size_t first = 0, std::size_t last = SIZE_MAX) const {
    std::vector<double> out;
    column(c, out, first, last);
    return out;
  }

 private:
  std::size_t width_;
  std::vector<double> values_;
  std::vector<char> ok_;
};

/// The mean and the standard deviation (divisor n − 1) of at least two values.
struct mean_sd {
  double mean = 0;
  double sd = 0;
};
[[nodiscard]] mean_sd mean_and_sd(const std::vector<double>& values);

}  // namespace excellence::inline v1::pls_core
