#include "pls_resampler.hpp"

#include "../detail/seed_mix.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>

namespace excellence::inline v1::pls_core {

using Eigen::Index;

void draw_resample(std::uint64_t seed, std::uint64_t b, Eigen::VectorXd& counts) {
  const Index n = counts.size();
  boost::random::mt19937_64 engine(detail::stream_seed(seed, b));
  boost::random::uniform_int_distribution<Index> pick(0, n - 1);
  counts.setZero();
  for (Index i = 0; i < n; ++i) counts(pick(engine)) += 1;
}

void resampled_covariance(const Eigen::MatrixXd& Xt, const Eigen::VectorXd& counts, Eigen::MatrixXd& scratch,
                          Eigen::MatrixXd& S) {
  const Index n = Xt.cols();
  scratch.resize(Xt.rows(), n);
  Index drawn = 0;
  for (Index i = 0; i < n; ++i)
    if (counts(i) > 0) scratch.col(drawn++) = std::sqrt(counts(i)) * Xt.col(i);
  const Eigen::VectorXd mean = Xt * counts / static_cast<double>(n);
  S.setZero(Xt.rows(), Xt.rows());
  S.selfadjointView<Eigen::Lower>().rankUpdate(scratch.leftCols(drawn), 1.0 / static_cast<double>(n));
  S = S.selfadjointView<Eigen::Lower>();
  S.noalias() -= mean * mean.transpose();
}

resampler::resampler(unsigned threads, std::size_t jobs, const pls_control& control)
    : pool_(static_cast<unsigned>(std::min<std::size_t>(threads, jobs))), control_(control) {}

bool resampler::cancelled() {
  if (stop_.load(std::memory_order_relaxed)) return true;
  if (control_.cancel != nullptr && control_.cancel->load(std::memory_order_relaxed)) {
    stop_ = true;
    return true;
  }
  return false;
}

bool resampler::resample(
    const Eigen::MatrixXd& Xt, std::size_t B, std::uint64_t seed,
    const std::function<void(std::size_t, const Eigen::MatrixXd&, const Eigen::VectorXd&)>& visit) {
  // Each slot keeps its own buffers; the counts and moments of resample b depend on b alone.
  struct buffers {
    Eigen::VectorXd counts;
    Eigen::MatrixXd scratch, S;
  };
  std::vector<buffers> slots(pool_.size());
  return each(
      B,
      [&](std::size_t b, std::size_t slot) {
        auto& own = slots[slot];
        own.counts.resize(Xt.cols());
        draw_resample(seed, b, own.counts);
        resampled_covariance(Xt, own.counts, own.scratch, own.S);
        visit(b, own.S, own.counts);
      },
      true);
}

bool resampler::each(std::size_t count, const std::function<void(std::size_t)>& visit, bool report) {
  return each(
      count, [&](std::size_t i, std::size_t) { visit(i); }, report);
}

bool resampler::each(std::size_t count, const std::function<void(std::size_t, std::size_t)>& visit, bool report) {
  std::atomic<std::size_t> done{0};
  std::size_t reported = 0;
  report = report && static_cast<bool>(control_.progress);
  pool_.run(
      count,
      [&](std::size_t first, std::size_t last, std::size_t slot) {
        for (std::size_t i = first; i < last; ++i) {
          if (cancelled()) return;
          visit(i, slot);
          const auto finished = ++done;
          if (report && slot == 0 && finished - reported >= 64) {
            reported = finished;
            control_.progress(finished, count);
          }
        }
      },
      1);
  if (cancelled()) return false;
  if (report && reported != count) control_.progress(count, count);
  return true;
}

std::size_t draws_table::succeeded(std::size_t first, std::size_t last) const noexcept {
  last = std::min(last, ok_.size());
  std::size_t k = 0;
  for (std::size_t r = first; r < last; ++r) k += ok_[r] != 0 ? 1U : 0U;
  return k;
}

void draws_table::column(std::size_t c, std::vector<double>& out, std::size_t first, std::size_t last) const {
  last = std::min(last, ok_.size());
  out.clear();
  for (std::size_t r = first; r < last; ++r)
    if (ok_[r] != 0) out.push_back(values_[r * width_ + c]);
}

mean_sd mean_and_sd(const std::vector<double>& values) {
  double mean = 0;
  for (const double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double ss = 0;
  for (const double v : values) ss += (v - mean) * (v - mean);
  return {mean, std::sqrt(ss / static_cast<double>(values.size() - 1))};
}

}  // namespace excellence::inline v1::pls_core
