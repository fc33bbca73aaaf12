#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/models/pls/ipma.hpp>

#include "pls_core.hpp"
#include "pls_resampler.hpp"

#include <excellence/detail/quantile.hpp>

#include <cmath>

namespace excellence::inline v1 {

namespace {

using detail::concat;
using detail::input_error;
using Eigen::Index;

// The crosshair of a set of points and each point's quadrant, by IPA's rule.
std::pair<double, double> place(std::vector<pls_ipma_point>& points, const pls_ipma_options& o) {
  double importance = o.importance_line, performance = o.performance_line;
  if (o.crosshair == ipa_crosshair::data_means) {
    importance = performance = 0;
    for (const auto& p : points) {
      importance += p.importance / static_cast<double>(points.size());
      performance += p.performance / static_cast<double>(points.size());
    }
  }
  for (auto& p : points) {
    p.quadrant = ipa_quadrant_of(p.importance, p.performance, importance, performance);
    p.on_importance_line = p.importance == importance;
    p.on_performance_line = p.performance == performance;
  }
  return {importance, performance};
}

}  // namespace

result<pls_ipma_result> try_pls_ipma(const pls_fit& fit, const pls_ipma_options& options) {
  const auto p = fit.indicators.size();
  const auto J = fit.latent_variables.size();
  const auto target = fit.latent_index(options.target);
  if (!target)
    return input_error(errc::invalid_value, "target",
                       concat("\"", options.target, "\" is not a latent variable of the model"));
  if (fit.options.consistent)
    return input_error(errc::invalid_value, "fit",
                       "the IPMA works on the 0-100 composite scores: estimate the model without consistent PLS");
  if (options.crosshair == ipa_crosshair::scale_midpoint)
    return input_error(errc::invalid_value, "crosshair", "importance has no scale: use data_means or given lines");
  if (options.crosshair == ipa_crosshair::given &&
      (!std::isfinite(options.importance_line) || !std::isfinite(options.performance_line)))
    return input_error(errc::invalid_value, "crosshair", "the given lines must be finite");
  const auto scale_of = [&](const std::vector<double>& v, const char* field) -> result<std::vector<double>> {
    if (v.size() == 1) return std::vector<double>(p, v[0]);
    if (v.size() != p)
      return input_error(
          errc::invalid_value, field,
          concat("expected one value for every indicator, or one per indicator (", std::to_string(p), ")"));
    return v;
  };
  auto lo = scale_of(options.scale_min, "scale_min");
  if (!lo) return lo.error();
  auto hi = scale_of(options.scale_max, "scale_max");
  if (!hi) return hi.error();

  pls_ipma_result out;
  out.target = options.target;
  out.crosshair = options.crosshair;
  // Rescaled weights: u = (unstandardised weight) × range, normalised per block. A block's
  // 0–100 score is then (100/Σu) × its standardised score, whose spread is 100/Σu.
  std::vector<double> u(p), performance(p);
  Eigen::VectorXd total = Eigen::VectorXd::Zero(static_cast<Index>(J));
  for (std::size_t k = 0; k < p; ++k) {
    const double range = (*hi)[k] - (*lo)[k];
    if (!std::isfinite((*lo)[k]) || !std::isfinite((*hi)[k]) || !(range > 0))
      return input_error(errc::invalid_value, detail::indexed("scale", k),
                         concat("the scale of \"", fit.indicators[k], "\" must be finite with min < max"));
    const auto i = static_cast<Index>(k);
    u[k] = (fit.options.standardized ? fit.weights(i) / fit.sds(i) : fit.weights(i)) * range;
    total(static_cast<Index>(fit.block_of[k])) += u[k];
    performance[k] = 100 * (fit.means(i) - (*lo)[k]) / range;
    if (!(performance[k] >= 0 && performance[k] <= 100))
      return input_error(errc::out_of_range, detail::indexed("scale", k),
                         concat("the mean of \"", fit.indicators[k], "\" (", detail::shortest(fit.means(i)),
                                ") lies outside its stated scale: state the questionnaire's scale"));
  }
  for (std::size_t j = 0; j < J; ++j)
    if (!(std::abs(total(static_cast<Index>(j))) > 0))
      return input_error(errc::singular_matrix, detail::indexed("blocks", j),
                         concat("the rescaled weights of \"", fit.latent_variables[j], "\" sum to zero"));
  Eigen::VectorXd construct_performance = Eigen::VectorXd::Zero(static_cast<Index>(J));
  out.rescaled_weights.resize(p);
  for (std::size_t k = 0; k < p; ++k) {
    const auto j = static_cast<Index>(fit.block_of[k]);
    out.rescaled_weights[k] = u[k] / total(j);
    construct_performance(j) += out.rescaled_weights[k] * performance[k];
    if (out.rescaled_weights[k] < 0)
      out.warnings.push_back(
          {errc::inadmissible_estimate, "", 0, 0, detail::indexed("rescaled_weights", k),
           concat("the rescaled weight of \"", fit.indicators[k], "\" is ", detail::shortest(out.rescaled_weights[k]),
                  ": the indicator lowers its construct's 0-100 score as it rises"),
           severity::warning});
  }
  out.target_performance = construct_performance(static_cast<Index>(*target));
  // Each respondent's 0–100 score is the performance plus (100/Σu) × his standardised score;
  // where the rescaled weights are all positive it is a weighted mean of answers, so
  // outside 0–100 means answers outside the stated scale (the fit keeps the scores).
  for (std::size_t j = 0; j < J; ++j) {
    const auto jj = static_cast<Index>(j);
    bool positive = true;
    for (std::size_t k = 0; k < p; ++k) positive = positive && (fit.block_of[k] != j || out.rescaled_weights[k] >= 0);
    if (!positive) continue;
    if (auto outside = pls_core::check_respondent_scores(fit, jj, construct_performance(jj), 100 / total(jj)))
      return *std::move(outside);
  }

  // Constructs with a chain of paths to the target (reachability, not a non-zero effect).
  const auto reaches = pls_core::reachability(fit.path_matrix)[*target];
  const auto t = static_cast<Index>(*target);
  for (std::size_t j = 0; j < J; ++j) {
    if (!reaches[j]) continue;
    const auto jj = static_cast<Index>(j);
    // The standardised effect × sd(target's 0–100 score)/sd(its own), the spreads being 100/Σu.
    const double importance = fit.total_effects(t, jj) * total(jj) / total(t);
    out.constructs.push_back({fit.latent_variables[j], fit.latent_variables[j], importance, construct_performance(jj)});
    for (std::size_t k = 0; k < p; ++k)
      if (fit.block_of[k] == j)
        out.indicators.push_back(
            {fit.indicators[k], fit.latent_variables[j], out.rescaled_weights[k] * importance, performance[k]});
  }
  if (out.constructs.empty())
    return input_error(errc::invalid_value, "target",
                       concat("\"", options.target, "\" has no predecessors: nothing has an importance for it"));
  std::tie(out.importance_line, out.performance_line) = place(out.constructs, options);
  // Indicator importances are fractions of their construct's: their map has its own means.
  auto indicator_options = options;
  indicator_options.crosshair = ipa_crosshair::data_means;
  std::tie(out.indicator_importance_line, out.indicator_performance_line) = place(out.indicators, indicator_options);
  return out;
}

result<pls_ipma_result> try_pls_ipma(const pls_model& model, const pls_data& data, const pls_options& options,
                                     const pls_ipma_options& ipma, const pls_bootstrap_options& bootstrap,
                                     const pls_control& control) {
  if (bootstrap.resamples < 2 || bootstrap.resamples > max_bootstrap_resamples)
    return input_error(errc::out_of_range, "resamples",
                       concat("expected 2 to ", std::to_string(max_bootstrap_resamples), " resamples"));
  if (!(bootstrap.confidence > 0 && bootstrap.confidence < 1))
    return input_error(errc::out_of_range, "confidence", "a confidence level must lie strictly between 0 and 1");
  if (bootstrap.interval != pls_interval::percentile)
    return input_error(errc::invalid_value, "interval", "the IPMA's intervals are percentile intervals");
  auto estimated = pls_core::estimate(model, data, options, {{}, control.cancel});
  if (!estimated) return estimated.error();
  auto map = try_pls_ipma(estimated->fit, ipma);
  if (!map) return map.error();
  auto out = *std::move(map);
  const auto& e = *estimated;
  // Each resample's moments in the data's units: its mean is the full mean plus the mean
  // of the drawn centred rows.
  const Eigen::MatrixXd Xt = pls_core::columns_of_rows(e, data, false);
  const std::size_t B = bootstrap.resamples;
  const std::size_t width = 2 * (out.constructs.size() + out.indicators.size());
  pls_core::draws_table draws(B, width);
  pls_core::resampler pool(bootstrap.threads, B, control);
  const auto n = static_cast<double>(Xt.cols());
  if (!pool.resample(Xt, B, bootstrap.seed,
                     [&](std::size_t b, const Eigen::MatrixXd& S, const Eigen::VectorXd& counts) {
                       pls_core::moments m{e.m.mean + Xt * counts / n, S, e.m.n};
                       auto fit = pls_core::estimate_from_moments(model, e.l, std::move(m), options);
                       if (!fit || !fit->fit.converged) return;
                       const auto resampled = try_pls_ipma(fit->fit, ipma);
                       if (!resampled) return;
                       double* row = draws.row(b);
                       std::size_t at = 0;
                       for (const auto* points : {&resampled->constructs, &resampled->indicators})
                         for (const auto& point : *points) {
                           row[at++] = point.importance;
                           row[at++] = point.performance;
                         }
                       draws.succeed(b);
                     }))
    return input_error(errc::cancelled, "", "the IPMA's bootstrap was cancelled");
  out.resamples = B;
  out.confidence = bootstrap.confidence;
  out.succeeded = draws.succeeded();
  if (out.succeeded < 2)
    return input_error(errc::invalid_value, "resamples",
                       concat("only ", std::to_string(out.succeeded), " of ", std::to_string(B),
                              " resamples gave a map: no intervals"));
  if (out.succeeded < B)
    out.warnings.push_back({errc::resamples_failed, "", 0, 0, "resamples",
                            concat(std::to_string(B - out.succeeded), " of ", std::to_string(B),
                                   " resamples gave no map (an estimate that failed) and were left out"),
                            severity::warning});
  const double lo_q = (1 - bootstrap.confidence) / 2;
  std::vector<double> column;
  const auto interval = [&](std::size_t c) {
    draws.column(c, column);
    const auto sd = pls_core::mean_and_sd(column).sd;
    const auto [lo, hi] = detail::select_quantiles(column, lo_q, 1 - lo_q);
    return pls_ipma_interval{sd, lo, hi};
  };
  std::size_t at = 0;
  for (auto* points : {&out.constructs, &out.indicators})
    for (auto& point : *points) {
      point.importance_interval = interval(at++);
      point.performance_interval = interval(at++);
    }
  return out;
}

std::vector<ipa_attribute> ipa_attributes(const pls_ipma_result& ipma) {
  std::vector<ipa_attribute> out;
  for (const auto& c : ipma.constructs) out.push_back({c.name, c.importance, c.performance});
  return out;
}

}  // namespace excellence::inline v1
