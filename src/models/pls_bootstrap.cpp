#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/quantile.hpp>
#include <excellence/models/pls/bootstrap.hpp>

#include "pls_core.hpp"
#include "pls_resampler.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

std::string arrow(const std::vector<std::string>& names, Index from, Index to) {
  return detail::concat(names[static_cast<std::size_t>(from)], " -> ", names[static_cast<std::size_t>(to)]);
}

// What one estimate (full sample, resample, jackknife sample) records, in one row of
// numbers: weights, loadings, paths, total effects, total indirect effects, specific
// indirect effects, R², HTMT, in the order of the result's lists.
struct recorded {
  std::vector<std::pair<Index, Index>> paths{};     // (from, to)
  std::vector<std::pair<Index, Index>> effects{};   // joined by a chain
  std::vector<std::pair<Index, Index>> indirect{};  // joined by a chain of two or more paths
  std::vector<pls_indirect_effect> chains{};
  std::vector<Index> endogenous{};
  std::vector<std::pair<std::size_t, std::size_t>> htmt{};  // i < j, defined on the full sample
  std::size_t p = 0;

  [[nodiscard]] std::size_t width() const {
    return 2 * p + paths.size() + effects.size() + indirect.size() + chains.size() + endogenous.size() + htmt.size();
  }

  // The row of a sample with moments S (covariances of the centred, scaled columns);
  // false when the sample gives no estimate.
  bool evaluate(const Eigen::MatrixXd& S, const pls_core::layout& l, const pls_options& options,
                const Eigen::VectorXd& unit, double* row) const {
    const Eigen::MatrixXd M = pls_core::moment_matrix(S, options.standardized);
    auto it = pls_core::iterate(M, l, options);
    if (!it || !it->converged) return false;
    const Eigen::VectorXd sds = S.diagonal().cwiseSqrt();
    auto rel = pls_core::relate(M, options.standardized ? unit : sds, l, it->W, options.consistent);
    if (!rel) return false;
    const Eigen::VectorXd w = pls_core::weight_vector(l, it->W);
    for (std::size_t k = 0; k < p; ++k) {
      row[k] = w(static_cast<Index>(k));
      row[p + k] = rel->loadings(static_cast<Index>(k));
    }
    std::size_t at = 2 * p;
    for (const auto& [from, to] : paths) row[at++] = rel->paths(to, from);
    for (const auto& [from, to] : effects) row[at++] = rel->total_effects(to, from);
    for (const auto& [from, to] : indirect) row[at++] = rel->total_effects(to, from) - rel->paths(to, from);
    for (const auto& c : chains) {
      double product = 1;
      for (std::size_t k = 1; k < c.chain.size(); ++k)
        product *= rel->paths(static_cast<Index>(c.chain[k]), static_cast<Index>(c.chain[k - 1]));
      row[at++] = product;
    }
    for (const Index j : endogenous) row[at++] = rel->r2(j);
    if (!htmt.empty()) {
      const auto ratios = pls_core::htmt(options.standardized ? M : pls_core::moment_matrix(S, true), l);
      for (const auto& [i, j] : htmt) {
        if (!ratios[i][j]) return false;
        row[at++] = *ratios[i][j];
      }
    }
    for (std::size_t k = 0; k < at; ++k)
      if (!std::isfinite(row[k])) return false;
    return true;
  }
};

// The levels of a bias-corrected (a = 0) or BCa interval, or nullopt where it is undefined.
std::optional<std::pair<double, double>> corrected_levels(double below_share, double a, double lo_q) {
  if (!(below_share > 0 && below_share < 1)) return std::nullopt;
  const boost::math::normal_distribution<double> normal;
  const double z0 = boost::math::quantile(normal, below_share);
  const auto level = [&](double q) -> std::optional<double> {
    const double z = z0 + boost::math::quantile(normal, q);
    const double denominator = 1 - a * z;
    if (!(denominator > 0)) return std::nullopt;
    return boost::math::cdf(normal, z0 + z / denominator);
  };
  const auto lo = level(lo_q);
  const auto hi = level(1 - lo_q);
  if (!lo || !hi || !(*lo < *hi)) return std::nullopt;
  return std::pair(*lo, *hi);
}

}  // namespace

result<pls_bootstrap_result> try_bootstrap_pls(const pls_model& model, const pls_data& data, const pls_options& options,
                                               const pls_bootstrap_options& bootstrap, const pls_control& control) {
  if (bootstrap.resamples == 0) return input_error(errc::out_of_range, "resamples", "at least one resample is needed");
  // Every resample's estimates are kept (for the intervals): memory grows with the count.
  if (bootstrap.resamples > max_bootstrap_resamples)
    return input_error(errc::out_of_range, "resamples",
                       detail::concat("at most ", std::to_string(max_bootstrap_resamples), " resamples (asked for ",
                                      std::to_string(bootstrap.resamples), ")"));
  if (!(bootstrap.confidence > 0 && bootstrap.confidence < 1))
    return input_error(errc::out_of_range, "confidence", "a confidence level must lie strictly between 0 and 1");
  if (!pls_interval_names.contains(bootstrap.interval))
    return input_error(errc::invalid_value, "interval", "expected " + pls_interval_names.choices());
  // The full-sample fit honours cancellation but reports no progress of its own: the
  // caller's progress counts resamples.
  auto estimated = pls_core::estimate(model, data, options, {{}, control.cancel});
  if (!estimated) return estimated.error();
  const pls_fit* const full = &estimated->fit;
  const pls_core::layout* const l = &estimated->l;
  const Index p = l->indicators;
  const Index J = l->lvs;

  // The rows used, centred (and scaled, for conditioning) by the full sample.
  const auto n = static_cast<Index>(full->n);
  const Eigen::MatrixXd Xt = pls_core::columns_of_rows(*estimated, data, options.standardized);

  // What is recorded per resample.
  recorded rec;
  rec.p = static_cast<std::size_t>(p);
  for (Index to = 0; to < J; ++to)
    for (const Index from : l->predecessors[static_cast<std::size_t>(to)]) rec.paths.emplace_back(from, to);
  auto chains = try_specific_indirect_effects(*full);
  if (!chains) return chains.error();
  rec.chains = *std::move(chains);
  {
    // Total effects for the pairs a chain of paths joins; indirect ones for the pairs some
    // specific indirect effect (a chain of two or more paths) joins.
    const auto reach = pls_core::reachability(full->path_matrix);
    Eigen::MatrixXi mediated = Eigen::MatrixXi::Zero(J, J);
    for (const auto& c : rec.chains)
      mediated(static_cast<Index>(c.chain.back()), static_cast<Index>(c.chain.front())) = 1;
    for (Index from = 0; from < J; ++from)
      for (Index to = 0; to < J; ++to) {
        if (reach[static_cast<std::size_t>(to)][static_cast<std::size_t>(from)]) rec.effects.emplace_back(from, to);
        if (mediated(to, from) != 0) rec.indirect.emplace_back(from, to);
      }
  }
  for (Index j = 0; j < J; ++j)
    if (full->endogenous[static_cast<std::size_t>(j)]) rec.endogenous.push_back(j);
  for (std::size_t i = 0; i < full->htmt.size(); ++i)
    for (std::size_t j = i + 1; j < full->htmt.size(); ++j)
      if (full->htmt[i][j]) rec.htmt.emplace_back(i, j);

  const std::size_t width = rec.width();
  const std::size_t B = bootstrap.resamples;
  pls_core::draws_table draws(B, width);

  pls_core::resampler pool(bootstrap.threads, B, control);
  const Eigen::VectorXd unit = Eigen::VectorXd::Ones(p);
  const pls_core::variance_check usable(Xt);
  if (!pool.resample(Xt, B, bootstrap.seed, [&](std::size_t b, const Eigen::MatrixXd& S, const Eigen::VectorXd&) {
        if (usable(S) && rec.evaluate(S, *l, options, unit, draws.row(b))) draws.succeed(b);
      }))
    return input_error(errc::cancelled, "", "the bootstrap was cancelled");

  pls_bootstrap_result out;
  out.resamples = B;
  out.seed = bootstrap.seed;
  out.confidence = bootstrap.confidence;
  out.interval = bootstrap.interval;
  out.succeeded = draws.succeeded();
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

  // BCa: the jackknife, one leave-one-out estimate per row used, from the full moments
  // downdated by that row (no pass over the data).
  std::vector<double> acceleration(width, 0.0);
  if (bootstrap.interval == pls_interval::bca) {
    const auto rows = static_cast<std::size_t>(n);
    pls_core::draws_table jack(rows, width);
    const Eigen::VectorXd total = Xt.rowwise().sum();
    Eigen::MatrixXd second = Eigen::MatrixXd::Zero(p, p);
    second.selfadjointView<Eigen::Lower>().rankUpdate(Xt);
    second = second.selfadjointView<Eigen::Lower>();
    const double m = static_cast<double>(n - 1);
    if (!pool.each(rows, [&](std::size_t i) {
          const auto x = Xt.col(static_cast<Index>(i));
          const Eigen::VectorXd mean = (total - x) / m;
          Eigen::MatrixXd S = (second - x * x.transpose()) / m;
          S.noalias() -= mean * mean.transpose();
          if (usable(S) && rec.evaluate(S, *l, options, unit, jack.row(i))) jack.succeed(i);
        }))
      return input_error(errc::cancelled, "", "the bootstrap was cancelled");
    const std::size_t jack_count = jack.succeeded();
    if (jack_count < rows)
      out.warnings.push_back({errc::resamples_failed, "", 0, 0, "jackknife",
                              detail::concat(std::to_string(rows - jack_count), " of ", std::to_string(rows),
                                             " leave-one-out estimates failed; the acceleration uses the others"),
                              severity::warning});
    std::vector<double> values;
    for (std::size_t c = 0; c < width; ++c) {
      jack.column(c, values);
      double mean = 0;
      for (const double v : values) mean += v;
      mean /= static_cast<double>(std::max<std::size_t>(values.size(), 1));
      double s2 = 0, s3 = 0;
      for (const double v : values) {
        const double d = mean - v;
        s2 += d * d;
        s3 += d * d * d;
      }
      acceleration[c] = s2 > 0 ? s3 / (6 * std::pow(s2, 1.5)) : 0.0;
    }
  }

  const double lo_q = (1 - bootstrap.confidence) / 2;
  std::vector<double> column;
  auto summarise = [&](std::size_t c, std::string name, double estimate) {
    draws.column(c, column);
    const auto [mean, se] = pls_core::mean_and_sd(column);
    std::size_t below = 0;
    for (const double v : column) below += v < estimate ? 1U : 0U;
    std::vector<double> kept;
    if (bootstrap.keep_draws) kept = column;  // before the selection reorders it
    std::pair<double, double> levels{lo_q, 1 - lo_q};
    auto interval = pls_interval::percentile;
    if (bootstrap.interval != pls_interval::percentile) {
      const double a = bootstrap.interval == pls_interval::bca ? acceleration[c] : 0.0;
      if (const auto corrected =
              corrected_levels(static_cast<double>(below) / static_cast<double>(column.size()), a, lo_q)) {
        levels = *corrected;
        interval = bootstrap.interval;
      } else {
        out.warnings.push_back(
            {errc::interval_undefined, "", 0, 0, name,
             detail::concat("the ", to_string(bootstrap.interval), " interval of ", name, " is undefined (",
                            std::to_string(below), " of ", std::to_string(column.size()),
                            " resamples below the estimate): the percentile interval is given"),
             severity::warning});
      }
    }
    const auto [lo, hi] = detail::select_quantiles(column, levels.first, levels.second);
    return pls_bootstrap_estimate{std::move(name), estimate,       mean, se, se > 0 ? estimate / se : 0.0, lo, hi,
                                  interval,        std::move(kept)};
  };
  const auto& names = model.latent_variables;
  for (std::size_t k = 0; k < rec.p; ++k)
    out.weights.push_back(summarise(k, l->names[k], full->weights(static_cast<Index>(k))));
  for (std::size_t k = 0; k < rec.p; ++k)
    out.loadings.push_back(summarise(rec.p + k, l->names[k], full->loadings(static_cast<Index>(k))));
  std::size_t at = 2 * rec.p;
  for (const auto& [from, to] : rec.paths)
    out.paths.push_back(summarise(at++, arrow(names, from, to), full->paths(to, from)));
  for (const auto& [from, to] : rec.effects)
    out.total_effects.push_back(summarise(at++, arrow(names, from, to), full->total_effects(to, from)));
  for (const auto& [from, to] : rec.indirect)
    out.indirect_effects.push_back(summarise(at++, arrow(names, from, to), full->indirect_effects(to, from)));
  for (const auto& chain : rec.chains)
    out.specific_indirect_effects.push_back(summarise(at++, chain.name, chain.effect));
  for (const Index j : rec.endogenous)
    out.r2.push_back(summarise(at++, names[static_cast<std::size_t>(j)], full->r2(j)));
  for (const auto& [i, j] : rec.htmt)
    out.htmt.push_back(summarise(at++, detail::concat(names[i], ", ", names[j]), *full->htmt[i][j]));
  return out;
}

}  // namespace excellence::inline v1
