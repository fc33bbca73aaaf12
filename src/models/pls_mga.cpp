#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/quantile.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/mga.hpp>

#include "../detail/seed_mix.hpp"
#include "pls_core.hpp"
#include "pls_resampler.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace excellence::inline v1 {

using Eigen::Index;

namespace {

using detail::concat;
using detail::input_error;

// A group's estimate from the covariance S of its rows (in the units of the pooled columns).
struct group_estimate {
  Eigen::VectorXd weights{};
  Eigen::VectorXd loadings{};
  Eigen::MatrixXd paths{};
};

result<group_estimate> estimate_group(const Eigen::MatrixXd& S, const pls_core::layout& l, const pls_options& options) {
  const Eigen::MatrixXd M = pls_core::moment_matrix(S, options.standardized);
  auto it = pls_core::iterate(M, l, options);
  if (!it) return it.error();
  if (!it->converged)
    return input_error(errc::invalid_value, "iterations",
                       concat("the weights did not converge in ", std::to_string(it->iterations), " iterations"));
  const Eigen::VectorXd sds =
      options.standardized ? Eigen::VectorXd(Eigen::VectorXd::Ones(l.indicators)) : S.diagonal().cwiseSqrt();
  auto rel = pls_core::relate(M, sds, l, it->W, options.consistent);
  if (!rel) return rel.error();
  return group_estimate{pls_core::weight_vector(l, it->W), rel->loadings, rel->paths};
}

// Everything one split of the rows into two groups gives, as one row of numbers: the
// differences of paths, weights and loadings, then per construct MICOM's c, the difference
// of mean scores and the log ratio of score variances.
struct split_statistics {
  const pls_core::layout& l;
  const Eigen::MatrixXd& Xt;                     // indicators × rows used, in the pooled units
  const Eigen::MatrixXd& pooled;                 // the pooled moment matrix the weights apply to (MICOM c)
  const Eigen::MatrixXd& scores;                 // rows used × constructs, of the pooled estimate
  std::vector<std::pair<Index, Index>> paths{};  // (from, to)
  Eigen::VectorXd sum{};                         // of the columns of Xt
  Eigen::MatrixXd second{};                      // Xt Xtᵀ
  Eigen::RowVectorXd score_sum{}, score_squares{};

  split_statistics(const pls_core::layout& layout, const Eigen::MatrixXd& columns, const Eigen::MatrixXd& moment,
                   const Eigen::MatrixXd& h)
      : l(layout), Xt(columns), pooled(moment), scores(h) {
    for (Index to = 0; to < l.lvs; ++to)
      for (const Index from : l.predecessors[static_cast<std::size_t>(to)]) paths.emplace_back(from, to);
    sum = Xt.rowwise().sum();
    second = Eigen::MatrixXd::Zero(Xt.rows(), Xt.rows());
    second.selfadjointView<Eigen::Lower>().rankUpdate(Xt);
    second = second.selfadjointView<Eigen::Lower>();
    score_sum = scores.colwise().sum();
    score_squares = scores.array().square().colwise().sum();
  }

  [[nodiscard]] std::size_t width() const {
    return paths.size() + 2 * static_cast<std::size_t>(l.indicators) + 3 * static_cast<std::size_t>(l.lvs);
  }

  // The covariances of the two groups, the first made of the rows `first` (the rest are the
  // second): the second group's sums are the totals less the first's.
  std::array<Eigen::MatrixXd, 2> covariances(std::span<const Index> first) const {
    const auto n = static_cast<double>(Xt.cols());
    const auto n1 = static_cast<double>(first.size());
    Eigen::MatrixXd G(Xt.rows(), static_cast<Index>(first.size()));
    for (std::size_t k = 0; k < first.size(); ++k) G.col(static_cast<Index>(k)) = Xt.col(first[k]);
    Eigen::MatrixXd GG = Eigen::MatrixXd::Zero(Xt.rows(), Xt.rows());
    GG.selfadjointView<Eigen::Lower>().rankUpdate(G);
    GG = GG.selfadjointView<Eigen::Lower>();
    const Eigen::VectorXd s1 = G.rowwise().sum();
    const Eigen::VectorXd m1 = s1 / n1;
    const Eigen::VectorXd m2 = (sum - s1) / (n - n1);
    Eigen::MatrixXd S1 = GG / n1 - m1 * m1.transpose();
    Eigen::MatrixXd S2 = (second - GG) / (n - n1) - m2 * m2.transpose();
    return {std::move(S1), std::move(S2)};
  }

  // MICOM's c of block j: the correlation of the pooled data's scores under two weight vectors.
  [[nodiscard]] double composite_correlation(Index j, const Eigen::VectorXd& w1, const Eigen::VectorXd& w2) const {
    const auto s = l.start[static_cast<std::size_t>(j)];
    const auto k = l.size[static_cast<std::size_t>(j)];
    const auto C = pooled.block(s, s, k, k);
    const auto a = w1.segment(s, k);
    const auto b = w2.segment(s, k);
    return a.dot(C * b) / std::sqrt(a.dot(C * a) * b.dot(C * b));
  }

  // The row of a split given both groups' estimates; `first` as for covariances.
  void record(std::span<const Index> first, const group_estimate& g1, const group_estimate& g2, double* row) const {
    std::size_t at = 0;
    for (const auto& [from, to] : paths) row[at++] = g1.paths(to, from) - g2.paths(to, from);
    for (Index k = 0; k < l.indicators; ++k) row[at++] = g1.weights(k) - g2.weights(k);
    for (Index k = 0; k < l.indicators; ++k) row[at++] = g1.loadings(k) - g2.loadings(k);
    for (Index j = 0; j < l.lvs; ++j) row[at++] = composite_correlation(j, g1.weights, g2.weights);
    const auto n = static_cast<double>(scores.rows());
    const auto n1 = static_cast<double>(first.size());
    const double n2 = n - n1;
    Eigen::RowVectorXd s1 = Eigen::RowVectorXd::Zero(l.lvs), q1 = Eigen::RowVectorXd::Zero(l.lvs);
    for (const Index i : first) {
      s1 += scores.row(i);
      q1 += scores.row(i).array().square().matrix();
    }
    // Per construct the difference of means, then (J columns on) the log variance ratio.
    const auto J = static_cast<std::size_t>(l.lvs);
    for (Index j = 0; j < l.lvs; ++j) {
      const double mean1 = s1(j) / n1;
      const double mean2 = (score_sum(j) - s1(j)) / n2;
      const double var1 = (q1(j) - n1 * mean1 * mean1) / (n1 - 1);
      const double var2 = (score_squares(j) - q1(j) - n2 * mean2 * mean2) / (n2 - 1);
      row[at + static_cast<std::size_t>(j)] = mean1 - mean2;
      row[at + J + static_cast<std::size_t>(j)] = std::log(var1 / var2);
    }
  }
};

// P(θ1 ≤ θ2) over all pairs of two samples: (1 + sign(θ2 − θ1)) / 2 averaged, by sorting.
double share_not_greater(const std::vector<double>& first, std::vector<double> second) {
  std::sort(second.begin(), second.end());
  double total = 0;
  for (const double x : first) {
    const auto lo = std::lower_bound(second.begin(), second.end(), x);
    const auto hi = std::upper_bound(lo, second.end(), x);
    total += static_cast<double>(second.end() - hi) + 0.5 * static_cast<double>(hi - lo);
  }
  return total / (static_cast<double>(first.size()) * static_cast<double>(second.size()));
}

}  // namespace

result<pls_mga_result> try_pls_mga(const pls_model& model, const pls_data& data, std::span<const std::string> groups,
                                   const pls_options& options, const pls_mga_options& mga, const pls_control& control) {
  const auto rows = static_cast<std::size_t>(data.values.rows());
  if (groups.size() != rows)
    return input_error(
        errc::invalid_value, "groups",
        concat("one group label per row: ", std::to_string(rows), " rows, ", std::to_string(groups.size()), " labels"));
  if (mga.permutations == 0 || mga.permutations > max_bootstrap_resamples)
    return input_error(errc::out_of_range, "permutations",
                       concat("expected 1 to ", std::to_string(max_bootstrap_resamples), " permutations"));
  if (mga.resamples > max_bootstrap_resamples)
    return input_error(errc::out_of_range, "resamples",
                       concat("at most ", std::to_string(max_bootstrap_resamples), " resamples"));
  if (mga.resamples == 1)
    return input_error(errc::out_of_range, "resamples", "Henseler's MGA needs at least 2 resamples (or 0: not run)");

  // The labels, in order of first appearance; the two compared.
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < rows; ++i) {
    if (groups[i].empty())
      return input_error(errc::missing_field, detail::indexed("groups", i), "the group label is empty");
    if (std::find(labels.begin(), labels.end(), groups[i]) == labels.end()) labels.push_back(groups[i]);
  }
  std::array<std::string, 2> pair;
  if (mga.compare.empty()) {
    if (labels.size() != 2)
      return input_error(errc::invalid_value, "groups",
                         concat("expected two groups, found ", std::to_string(labels.size()), ": ",
                                detail::join(labels, ", "), labels.size() > 2 ? " (name the two to compare)" : ""));
    pair = {labels[0], labels[1]};
  } else {
    if (mga.compare.size() != 2 || mga.compare[0] == mga.compare[1])
      return input_error(errc::invalid_value, "compare", "name two different groups to compare");
    for (const auto& name : mga.compare)
      if (std::find(labels.begin(), labels.end(), name) == labels.end())
        return input_error(errc::invalid_value, "compare",
                           concat("no group '", name, "' (the groups: ", detail::join(labels, ", "), ")"));
    pair = {mga.compare[0], mga.compare[1]};
  }

  pls_mga_result out;
  out.groups = pair;
  out.permutations = mga.permutations;
  out.resamples = mga.resamples;
  out.seed = mga.seed;

  // The rows of the two groups (all rows when there are no others).
  std::vector<std::size_t> kept_rows;
  for (std::size_t i = 0; i < rows; ++i)
    if (groups[i] == pair[0] || groups[i] == pair[1]) kept_rows.push_back(i);
  pls_data subset;
  const pls_data* pooled_data = &data;
  if (kept_rows.size() < rows) {
    subset.names = data.names;
    subset.values.resize(static_cast<Index>(kept_rows.size()), data.values.cols());
    for (std::size_t k = 0; k < kept_rows.size(); ++k) {
      const auto r = static_cast<Index>(kept_rows[k]);
      subset.values.row(static_cast<Index>(k)) = data.values.row(r);
      for (Index c = 0; c < data.values.cols(); ++c)
        if (data.is_missing(r, c)) subset.set_missing(static_cast<Index>(k), c);
    }
    pooled_data = &subset;
    out.warnings.push_back({errc::rows_dropped, "", 0, 0, "groups",
                            concat(std::to_string(rows - kept_rows.size()), " rows of other groups left out"),
                            severity::warning});
  }

  auto estimated = pls_core::estimate(model, *pooled_data, options, {{}, control.cancel});
  if (!estimated) return estimated.error();
  const auto& e = *estimated;
  const auto& l = e.l;
  // The group (0 or 1) of each row used.
  std::vector<Index> first_rows;
  std::vector<char> in_first;
  {
    Index used = 0;
    for (std::size_t k = 0; k < kept_rows.size(); ++k) {
      if (!e.m.keep.empty() && e.m.keep[k] == 0) continue;
      const bool first = groups[kept_rows[k]] == pair[0];
      in_first.push_back(first ? 1 : 0);
      if (first) first_rows.push_back(used);
      ++used;
    }
  }
  const auto n = static_cast<Index>(in_first.size());
  out.n = {first_rows.size(), static_cast<std::size_t>(n) - first_rows.size()};
  for (std::size_t g = 0; g < 2; ++g)
    if (out.n[g] < 3)
      return input_error(errc::out_of_range, "groups",
                         concat("group '", pair[g], "' has ", std::to_string(out.n[g]),
                                " rows used: at least 3 are needed to estimate it"));

  const Eigen::MatrixXd Xt = pls_core::columns_of_rows(e, *pooled_data, options.standardized);
  const Eigen::MatrixXd pooled_moments = pls_core::moment_matrix(e.m.covariance, options.standardized);
  const split_statistics stats(l, Xt, pooled_moments, e.fit.scores);
  const std::size_t width = stats.width();

  // The groups as they are.
  std::array<group_estimate, 2> observed;
  {
    const auto S = stats.covariances(first_rows);
    for (std::size_t g = 0; g < 2; ++g) {
      auto estimate = estimate_group(S[g], l, options);
      if (!estimate) {
        auto d = estimate.error();
        d.message = concat("group '", pair[g], "': ", d.message);
        return d;
      }
      observed[g] = *std::move(estimate);
    }
  }
  std::vector<double> statistic(width);
  stats.record(first_rows, observed[0], observed[1], statistic.data());

  // The permutations: a shuffle of the rows used, whose first n1 form the first group.
  const std::size_t P = mga.permutations;
  pls_core::draws_table draws(P, width);
  pls_core::resampler pool(mga.threads, P, control);
  if (!pool.each(
          P,
          [&](std::size_t b) {
            std::vector<Index> order(static_cast<std::size_t>(n));
            std::iota(order.begin(), order.end(), Index{0});
            boost::random::mt19937_64 engine(detail::stream_seed(mga.seed, b));
            for (std::size_t i = order.size(); i > 1; --i) {
              boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
              std::swap(order[i - 1], order[pick(engine)]);
            }
            const std::span<const Index> first(order.data(), out.n[0]);
            const auto S = stats.covariances(first);
            const auto g1 = estimate_group(S[0], l, options);
            if (!g1) return;
            const auto g2 = estimate_group(S[1], l, options);
            if (!g2) return;
            stats.record(first, *g1, *g2, draws.row(b));
            draws.succeed(b);
          },
          true))
    return input_error(errc::cancelled, "", "the multigroup analysis was cancelled");
  out.succeeded = draws.succeeded();
  if (out.succeeded == 0)
    return input_error(errc::invalid_value, "permutations", "no permutation gave estimates in both groups");
  if (out.succeeded < P)
    out.warnings.push_back({errc::resamples_failed, "", 0, 0, "permutations",
                            concat(std::to_string(P - out.succeeded), " of ", std::to_string(P),
                                   " permutations gave no estimate in a group and were left out"),
                            severity::warning});
  const auto share = [&](const std::vector<double>& values, auto&& counted) {
    std::size_t k = 0;
    for (const double v : values) k += counted(v) ? 1U : 0U;
    return static_cast<double>(k) / static_cast<double>(values.size());
  };
  const auto two_sided = [&](std::size_t c) {
    const double at = std::abs(statistic[c]);
    return share(draws.column(c), [&](double v) { return std::abs(v) >= at; });
  };
  const auto interval = [&](std::size_t c) {
    auto values = draws.column(c);
    return detail::select_quantiles(values, 0.025, 0.975);
  };

  // Henseler's MGA: each group bootstrapped on its own rows.
  // Per group: resamples × (paths, weights, loadings).
  const std::size_t compared = stats.paths.size() + 2 * static_cast<std::size_t>(l.indicators);
  std::array<pls_core::draws_table, 2> boot{pls_core::draws_table(mga.resamples, compared),
                                            pls_core::draws_table(mga.resamples, compared)};
  if (mga.resamples > 0) {
    for (std::size_t g = 0; g < 2; ++g) {
      Eigen::MatrixXd Xg(Xt.rows(), static_cast<Index>(out.n[g]));
      Index at = 0;
      for (Index i = 0; i < n; ++i)
        if ((in_first[static_cast<std::size_t>(i)] != 0) == (g == 0)) Xg.col(at++) = Xt.col(i);
      pls_core::resampler group_pool(mga.threads, mga.resamples, control);
      if (!group_pool.resample(Xg, mga.resamples, detail::stream_seed(mga.seed, ~std::uint64_t{g}),
                               [&](std::size_t b, const Eigen::MatrixXd& S, const Eigen::VectorXd&) {
                                 const auto est = estimate_group(S, l, options);
                                 if (!est) return;
                                 double* row = boot[g].row(b);
                                 std::size_t k = 0;
                                 for (const auto& [from, to] : stats.paths) row[k++] = est->paths(to, from);
                                 for (Index i = 0; i < l.indicators; ++i) row[k++] = est->weights(i);
                                 for (Index i = 0; i < l.indicators; ++i) row[k++] = est->loadings(i);
                                 boot[g].succeed(b);
                               }))
        return input_error(errc::cancelled, "", "the multigroup analysis was cancelled");
      const auto good = boot[g].succeeded();
      if (good < 2)
        return input_error(errc::invalid_value, "resamples",
                           concat("group '", pair[g], "': only ", std::to_string(good), " resamples gave estimates"));
      if (good < mga.resamples)
        out.warnings.push_back({errc::resamples_failed, "", 0, 0, "resamples",
                                concat("group '", pair[g], "': ", std::to_string(mga.resamples - good), " of ",
                                       std::to_string(mga.resamples), " resamples gave no estimate and were left out"),
                                severity::warning});
    }
  }
  // The centred bootstrap distribution of parameter k in group g: θ* − mean(θ*) + θ̂.
  const auto centred = [&](std::size_t g, std::size_t k, double estimate) {
    auto values = boot[g].column(k);
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    for (double& v : values) v += estimate - mean;
    return values;
  };

  std::size_t c = 0;  // column of the statistics' row
  std::size_t k = 0;  // parameter of the bootstrap's row
  const auto difference = [&](std::string name, double first, double second) {
    pls_group_difference d{std::move(name), first, second, first - second, two_sided(c++), std::nullopt};
    if (mga.resamples > 0) d.p_henseler = share_not_greater(centred(0, k, first), centred(1, k, second));
    ++k;
    return d;
  };
  const auto& names = model.latent_variables;
  for (const auto& [from, to] : stats.paths)
    out.paths.push_back(
        difference(concat(names[static_cast<std::size_t>(from)], " -> ", names[static_cast<std::size_t>(to)]),
                   observed[0].paths(to, from), observed[1].paths(to, from)));
  for (Index i = 0; i < l.indicators; ++i)
    out.weights.push_back(
        difference(l.names[static_cast<std::size_t>(i)], observed[0].weights(i), observed[1].weights(i)));
  for (Index i = 0; i < l.indicators; ++i)
    out.loadings.push_back(
        difference(l.names[static_cast<std::size_t>(i)], observed[0].loadings(i), observed[1].loadings(i)));
  const std::size_t c_at = c, mean_at = c + static_cast<std::size_t>(l.lvs),
                    variance_at = c + 2 * static_cast<std::size_t>(l.lvs);
  for (std::size_t j = 0; j < static_cast<std::size_t>(l.lvs); ++j) {
    pls_micom_construct m;
    m.name = names[j];
    m.c = statistic[c_at + j];
    auto cs = draws.column(c_at + j);
    m.c_p = share(cs, [&](double v) { return v <= m.c; });
    m.c_q05 = detail::select_quantile(cs, 0.05).value;
    m.mean_difference = statistic[mean_at + j];
    std::tie(m.mean_lo, m.mean_hi) = interval(mean_at + j);
    m.mean_p = two_sided(mean_at + j);
    m.log_variance_ratio = statistic[variance_at + j];
    std::tie(m.variance_lo, m.variance_hi) = interval(variance_at + j);
    m.variance_p = two_sided(variance_at + j);
    out.micom.push_back(std::move(m));
  }
  return out;
}

}  // namespace excellence::inline v1
