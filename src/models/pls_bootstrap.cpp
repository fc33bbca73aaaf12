#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/quantile.hpp>
#include <excellence/models/pls/bootstrap.hpp>

#include "../detail/worker_pool.hpp"
#include "pls_core.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace excellence::inline v1 {

using Eigen::Index;

const pls_bootstrap_estimate* pls_bootstrap_result::find(const std::vector<pls_bootstrap_estimate>& list,
                                                         std::string_view name) {
  for (const auto& e : list)
    if (e.name == name) return &e;
  return nullptr;
}

namespace {

using detail::input_error;

// SplitMix64 (Steele, Lea & Flood 2014): spreads (seed, b) into a well-mixed 64-bit seed
// per resample, so neighbouring resamples start far apart in the generator's state.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::string arrow(const std::vector<std::string>& names, Index from, Index to) {
  return detail::concat(names[static_cast<std::size_t>(from)], " -> ", names[static_cast<std::size_t>(to)]);
}

}  // namespace

result<pls_bootstrap_result> try_bootstrap_pls(const pls_model& model, const pls_data& data, const pls_options& options,
                                               const pls_bootstrap_options& bootstrap, const pls_control& control) {
  if (bootstrap.resamples == 0) return input_error(errc::out_of_range, "resamples", "at least one resample is needed");
  // Every resample's estimates are kept (for the percentiles): memory grows with the count.
  if (bootstrap.resamples > max_bootstrap_resamples)
    return input_error(errc::out_of_range, "resamples",
                       detail::concat("at most ", std::to_string(max_bootstrap_resamples), " resamples (asked for ",
                                      std::to_string(bootstrap.resamples), ")"));
  if (!(bootstrap.confidence > 0 && bootstrap.confidence < 1))
    return input_error(errc::out_of_range, "confidence", "a confidence level must lie strictly between 0 and 1");
  // The full-sample fit honours cancellation but reports no progress of its own: the
  // caller's progress counts resamples.
  auto estimated = pls_core::estimate(model, data, options, {{}, control.cancel});
  if (!estimated) return estimated.error();
  const pls_fit* const full = &estimated->fit;
  const pls_core::layout* const l = &estimated->l;
  const Index p = l->indicators;
  const Index J = l->lvs;

  // The rows used, centred (and scaled, for conditioning) by the full sample, one column
  // per row so that the rows a resample draws are contiguous columns; an imputed value is
  // the mean, so 0 here.
  const auto n = static_cast<Index>(full->n);
  Eigen::MatrixXd Xt(p, n);
  pls_core::for_each_centred_chunk(*l, data, estimated->m, [&](Index first, const auto& rows) {
    Xt.middleCols(first, rows.rows()) = rows.transpose();
  });
  if (options.standardized) Xt = full->sds.cwiseInverse().asDiagonal() * Xt;

  // What is recorded per resample.
  std::vector<std::pair<Index, Index>> path_list;  // (from, to)
  for (Index to = 0; to < J; ++to)
    for (const Index from : l->predecessors[static_cast<std::size_t>(to)]) path_list.emplace_back(from, to);
  std::vector<std::pair<Index, Index>> effect_list;
  {
    // Reachability by a directed chain: the transitive closure of the path matrix.
    Eigen::MatrixXi reach = Eigen::MatrixXi::Zero(J, J);
    for (const auto& [from, to] : path_list) reach(to, from) = 1;
    for (Index k = 0; k < J; ++k)
      for (Index i = 0; i < J; ++i)
        for (Index j = 0; j < J; ++j)
          if (reach(i, k) != 0 && reach(k, j) != 0) reach(i, j) = 1;
    for (Index from = 0; from < J; ++from)
      for (Index to = 0; to < J; ++to)
        if (reach(to, from) != 0) effect_list.emplace_back(from, to);
  }
  const auto P = static_cast<std::size_t>(p);
  const std::size_t width = 2 * P + path_list.size() + effect_list.size();
  const std::size_t B = bootstrap.resamples;
  std::vector<double> draws(B * width, 0.0);
  std::vector<char> ok(B, 0);

  // A pool of the threads asked for (0: all cores; never more than resamples); a thread the
  // system refuses leaves fewer, with the same results (each resample has its own seed).
  detail::worker_pool pool(static_cast<unsigned>(std::min<std::size_t>(bootstrap.threads, B)));
  std::atomic<std::size_t> done{0};
  std::atomic<bool> stop{false};
  const Eigen::VectorXd unit = Eigen::VectorXd::Ones(p);
  const Eigen::VectorXd scale = Xt.cwiseAbs2().rowwise().mean();
  // Progress comes from the calling thread (the pool's thread 0) every 64 resamples or more
  // that all threads together finished, and once more at the end.
  std::size_t reported = 0;
  auto work = [&](std::size_t first, std::size_t last, std::size_t t) {
    Eigen::VectorXd counts(n);
    Eigen::MatrixXd weighted(p, n);
    for (std::size_t b = first; b < last; ++b) {
      if (stop.load(std::memory_order_relaxed)) return;
      if (control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed)) {
        stop = true;
        return;
      }
      boost::random::mt19937_64 engine(mix(bootstrap.seed ^ mix(static_cast<std::uint64_t>(b))));
      boost::random::uniform_int_distribution<Index> pick(0, n - 1);
      counts.setZero();
      for (Index i = 0; i < n; ++i) counts(pick(engine)) += 1;
      // Moments of the resample: Σ cᵢ xᵢ xᵢᵀ / n − mean meanᵀ over the rows drawn (about
      // 63 % of them), each scaled by √cᵢ, as one symmetric rank-k update.
      Index drawn = 0;
      for (Index i = 0; i < n; ++i)
        if (counts(i) > 0) weighted.col(drawn++) = std::sqrt(counts(i)) * Xt.col(i);
      const Eigen::VectorXd mean = Xt * counts / static_cast<double>(n);
      Eigen::MatrixXd S = Eigen::MatrixXd::Zero(p, p);
      S.selfadjointView<Eigen::Lower>().rankUpdate(weighted.leftCols(drawn), 1.0 / static_cast<double>(n));
      S = S.selfadjointView<Eigen::Lower>();
      S.noalias() -= mean * mean.transpose();
      // A column that is constant in the resample (all draws equal) cannot be standardised.
      const bool usable = (S.diagonal().array() > 1e-12 * scale.array()).all();
      if (usable) {
        const Eigen::MatrixXd M = pls_core::moment_matrix(S, options.standardized);
        auto it = pls_core::iterate(M, *l, options);
        if (it && it->converged) {
          const Eigen::VectorXd sds = S.diagonal().cwiseSqrt();
          auto rel = pls_core::relate(M, options.standardized ? unit : sds, *l, it->W, options.consistent);
          if (rel) {
            double* row = &draws[b * width];
            const Eigen::VectorXd w = pls_core::weight_vector(*l, it->W);
            for (std::size_t k = 0; k < P; ++k) {
              row[k] = w(static_cast<Index>(k));
              row[P + k] = rel->loadings(static_cast<Index>(k));
            }
            std::size_t at = 2 * P;
            for (const auto& [from, to] : path_list) row[at++] = rel->paths(to, from);
            for (const auto& [from, to] : effect_list) row[at++] = rel->total_effects(to, from);
            ok[b] = 1;
          }
        }
      }
      const auto finished = ++done;
      if (t == 0 && control.progress && finished - reported >= 64) {
        reported = finished;
        control.progress(finished, B);
      }
    }
  };
  pool.run(B, work, 1);
  if (!stop && control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed)) stop = true;
  if (!stop && control.progress && reported != B) control.progress(B, B);
  if (stop) return input_error(errc::cancelled, "", "the bootstrap was cancelled");

  pls_bootstrap_result out;
  out.resamples = B;
  out.seed = bootstrap.seed;
  out.confidence = bootstrap.confidence;
  for (std::size_t b = 0; b < B; ++b) out.succeeded += ok[b] != 0 ? 1U : 0U;
  out.failed = B - out.succeeded;
  if (out.failed > 0)
    out.warnings.push_back({errc::resamples_failed, "", 0, 0, "resamples",
                            detail::concat(std::to_string(out.failed), " of ", std::to_string(B),
                                           " resamples gave no estimate (a singular block or path regression) and "
                                           "were left out"),
                            severity::warning});
  if (out.succeeded < 2)
    return input_error(errc::invalid_value, "resamples",
                       detail::concat("only ", std::to_string(out.succeeded), " of ", std::to_string(B),
                                      " resamples gave estimates: no standard error"));
  const double lo_q = (1 - bootstrap.confidence) / 2;
  std::vector<double> column;
  auto summarise = [&](std::size_t c, std::string name, double estimate) {
    column.clear();
    for (std::size_t b = 0; b < B; ++b)
      if (ok[b] != 0) column.push_back(draws[b * width + c]);
    double mean = 0;
    for (const double v : column) mean += v;
    mean /= static_cast<double>(column.size());
    double ss = 0;
    for (const double v : column) ss += (v - mean) * (v - mean);
    const double se = std::sqrt(ss / static_cast<double>(column.size() - 1));
    const auto lo = detail::select_quantile(column, lo_q);
    const auto hi = detail::select_quantile(column, 1 - lo_q, lo.lo);
    return pls_bootstrap_estimate{std::move(name), estimate, mean, se, se > 0 ? estimate / se : 0.0,
                                  lo.value,        hi.value};
  };
  for (std::size_t k = 0; k < P; ++k) {
    out.weights.push_back(summarise(k, l->names[k], full->weights(static_cast<Index>(k))));
    out.loadings.push_back(summarise(P + k, l->names[k], full->loadings(static_cast<Index>(k))));
  }
  std::size_t at = 2 * P;
  for (const auto& [from, to] : path_list)
    out.paths.push_back(summarise(at++, arrow(model.latent_variables, from, to), full->paths(to, from)));
  for (const auto& [from, to] : effect_list)
    out.total_effects.push_back(
        summarise(at++, arrow(model.latent_variables, from, to), full->total_effects(to, from)));
  return out;
}

}  // namespace excellence::inline v1
