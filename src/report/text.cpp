#include <excellence/report/text.hpp>

#include "document.hpp"

#include <excellence/complaints/summary.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/models/clv/validation.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/models/pls/mga.hpp>
#include <excellence/models/pls/model_fit.hpp>
#include <excellence/models/pls/predict.hpp>
#include <excellence/models/retention/analysis.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/nps.hpp>
#include <excellence/satisfaction/servqual.hpp>
#include <excellence/value/comparison.hpp>

#include <iomanip>
#include <sstream>

namespace excellence::inline v1 {

namespace {

using detail::fixed;

// A number with `digits` decimals, or "-" where there is none.
std::string or_dash(const std::optional<double>& v, int digits) {
  return v ? fixed(*v, digits) : "-";
}
using detail::text_table;
using report_detail::check_finite;
using report_detail::document;

}  // namespace

std::string to_text(const clv_fit& fit) {
  check_finite(document(fit));
  text_table t({1, 2});
  t.add({"parameter", "estimate", "SE"});
  t.rule();
  for (std::size_t i = 0; i < fit.names.size(); ++i)
    t.add({fit.names[i], fixed(fit.params[i], 6),
           fit.standard_errors.empty() ? std::string("-") : fixed(fit.standard_errors[i], 6)});
  std::ostringstream out;
  out << to_string(fit.model) << " fit on " << fixed(fit.customers, 0) << " customers";
  if (fit.model == clv_model::gamma_gamma && fit.left_out > 0)
    out << " with repeat purchases (" << fit.left_out << " without them left out)";
  out << "\n\n"
      << t.str() << "\nlog-likelihood " << fixed(fit.log_likelihood, 5) << "\n"
      << (fit.converged ? "converged" : "NOT CONVERGED") << ": " << fit.status << ", " << fit.evaluations
      << " evaluations\n";
  for (const auto& w : fit.warnings)
    if (w.code != errc::rows_dropped) out << "warning: " << w.message << "\n";
  return out.str();
}

std::string to_text(const clv_covariate_fit& f) {
  check_finite(document(f));
  std::ostringstream out;
  out << to_text(f.fit) << "\nwithout covariates: log-likelihood " << fixed(f.without.log_likelihood, 5)
      << "\nlikelihood-ratio test: chi-square " << fixed(f.lr_statistic, 3) << " on " << f.degrees_of_freedom
      << " degrees of freedom, p = ";
  // Three significant digits: a p-value of 1e-26 is not "0.0000".
  std::ostringstream p;
  p << std::setprecision(3) << f.p_value;
  out << p.str() << "\n";
  return out.str();
}

std::string to_text(const nps_result& r, const nps_interval& interval) {
  check_finite(document(r, interval));
  std::ostringstream out;
  out << "NPS  " << fixed(r.nps, 1) << "  (SE " << fixed(r.se, 1) << ", " << fixed(100 * interval.confidence, 0) << "% "
      << to_string(interval.method) << " interval " << fixed(interval.lower, 1) << " to " << fixed(interval.upper, 1)
      << ")\n"
      << "n " << r.n << ": " << fixed(r.promoters, r.promoters == std::floor(r.promoters) ? 0 : 2) << " promoters, "
      << fixed(r.passives, r.passives == std::floor(r.passives) ? 0 : 2) << " passives, "
      << fixed(r.detractors, r.detractors == std::floor(r.detractors) ? 0 : 2) << " detractors\n";
  return out.str();
}

std::string to_text(const csat_result& r) {
  check_finite(document(r));
  std::ostringstream out;
  out << "CSAT  " << fixed(r.csat, 1) << "%  (" << fixed(100 * r.confidence, 0) << "% Wilson interval "
      << fixed(r.lower, 1) << "-" << fixed(r.upper, 1) << "%)\n"
      << "mean rating " << fixed(r.mean_rating, 2) << " on " << r.scale.min << "-" << r.scale.max << ", n " << r.n
      << "\n";
  return out.str();
}

std::string to_text(const simple_clv_result& r, std::optional<time_unit> unit) {
  check_finite(document(r, unit));
  const std::string periods = unit ? std::string(to_string(*unit)) + "s" : std::string("periods");
  std::ostringstream out;
  out << "lifetime value   " << fixed(r.clv, 2) << "\n"
      << "margin multiple  " << fixed(r.margin_multiple, 4) << "\n"
      << "average life     " << (r.average_life ? fixed(*r.average_life, 2) + " " + periods : "infinite") << "\n";
  return out.str();
}

std::string to_text(const value_summary& v) {
  check_finite(document(v));
  const bool shares = v.sensitivity.has_value();
  text_table t({1, 2, 3, 4, 5, 6});
  std::vector<std::string> head{"offer", "value", "cost", "delivered", "ratio", "preferred"};
  if (shares) head.push_back("logit share");
  t.add(head);
  t.rule();
  for (const auto& o : v.offers) {
    std::vector<std::string> row{o.name,
                                 fixed(o.total_value, 2),
                                 fixed(o.total_cost, 2),
                                 fixed(o.delivered_value, 2),
                                 o.value_ratio ? fixed(*o.value_ratio, 3) : "-",
                                 fixed(100 * o.preferred_share, 1) + "%"};
    if (shares) row.push_back(fixed(100 * o.choice_share.value_or(0.0), 1) + "%");
    t.add(row);
  }
  std::ostringstream out;
  if (v.respondents > 1) out << "means over " << v.respondents << " respondents\n";
  out << t.str() << "preferred: " << detail::join(v.preferred, ", ") << (v.preferred.size() > 1 ? " (tied)" : "")
      << "\n";
  return out.str();
}

std::string to_text(const rfm_analysis& a) {
  check_finite(document(a, false));  // what is printed: not the customers' scores (whole numbers)
  const auto& r = a.scores;
  text_table cuts;
  cuts.add({"dimension", "cut points (a value on a cut takes the lower score)"});
  cuts.rule();
  auto list = [](const std::vector<double>& v) {
    std::vector<std::string> parts;
    for (double x : v) parts.push_back(fixed(x, 2));
    return detail::join(parts, "  ");
  };
  cuts.add({"recency", list(r.recency_cuts) + "  (recent = high score)"});
  cuts.add({"frequency", list(r.frequency_cuts)});
  cuts.add({"monetary", list(r.monetary_cuts)});
  text_table segments({1});
  segments.add({"segment", "customers"});
  segments.rule();
  for (const auto& s : a.segments) segments.add({s.code, std::to_string(s.customers)});
  std::ostringstream out;
  out << r.n << " customers, " << r.bins << " bins\n\n" << cuts.str() << "\n" << segments.str();
  if (a.concentration)
    out << "\nmonetary concentration: Gini " << fixed(a.concentration->gini, 3) << ", top 20% of customers hold "
        << fixed(100 * a.concentration->top_share(0.2), 1) << "%\n";
  return out.str();
}

std::string to_text(const complaint_summary& s) {
  check_finite(document(s));
  const auto& t = s.times;
  const std::string unit = s.unit.empty() ? std::string() : " " + s.unit;
  auto shown = [&unit](const std::optional<double>& x) {
    return x ? fixed(*x, 2) + unit : std::string("not reached (too many still open)");
  };
  std::ostringstream out;
  out << t.n << " complaints: " << t.n_resolved << " resolved, " << t.n_open << " open (censored at their age)\n"
      << "median time to resolution  " << shown(s.median) << "\n"
      << "90th percentile            " << shown(s.p90) << "\n"
      << "mean (to " << fixed(t.restricted_to, 2) << unit << ")  " << fixed(t.restricted_mean, 2) << unit
      << (t.mean_is_lower_bound ? " (a lower bound: the longest complaint is still open)" : "") << "\n";
  if (s.share_within_limit)
    out << "resolved within " << fixed(*s.limit, 2) << unit << "  " << fixed(100 * *s.share_within_limit, 1) << "%\n";
  if (s.first_contact_resolution)
    out << "first-contact resolution   " << fixed(100 * *s.first_contact_resolution, 1) << "%\n";
  if (s.reopen_rate) out << "reopen rate                " << fixed(100 * *s.reopen_rate, 1) << "%\n";
  return out.str();
}

std::string to_text(const kano_table& table) {
  check_finite(document(table));
  text_table t({1, 2, 3, 4, 5, 6, 7, 9, 10, 11});
  t.add({"attribute", "n", "A", "O", "M", "I", "R", "Q", "category", "Better", "Worse", "Q %"});
  t.rule();
  auto shown = [](const std::optional<double>& x) { return x ? fixed(*x, 2) : std::string("-"); };
  for (const auto& [name, r] : table.attributes) {
    std::vector<std::string> row{name, std::to_string(r.n)};
    for (const auto count : r.counts) row.push_back(std::to_string(count));
    std::string category = to_string(r.category);
    if (r.tie_broken) category += " (tie)";
    row.push_back(category);
    row.push_back(shown(r.better));
    row.push_back(shown(r.worse));
    row.push_back(fixed(r.questionable_share, 1));
    t.add(row);
  }
  return t.str();
}

std::string to_text(const servqual_result& r) {
  check_finite(document(r));
  const bool gaps = r.model == servqual_model::servqual;
  auto add_row = [gaps](text_table& t, std::vector<std::string> row, const std::optional<double>& expected,
                        double perceived, double score) {
    if (gaps) row.push_back(fixed(expected.value_or(0.0), 2));
    row.push_back(fixed(perceived, 2));
    if (gaps) row.push_back(fixed(score, 2));
    t.add(std::move(row));
  };
  std::vector<std::string> head{"dimension", "items"};
  if (gaps) head.push_back("expectation");
  head.push_back("perception");
  if (gaps) head.push_back("gap");
  text_table dims({1, 2, 3, 4});
  dims.add(head);
  dims.rule();
  for (const auto& d : r.dimensions)
    add_row(dims, {to_string(d.dimension), std::to_string(d.items)}, d.expectation, d.perception, d.score);
  head[0] = "item";
  head[1] = "dimension";
  text_table items({2, 3, 4});
  items.add(head);
  items.rule();
  for (const auto& i : r.items) add_row(items, {i.id, to_string(i.dimension)}, i.expectation, i.perception, i.score);
  std::ostringstream out;
  out << (gaps ? "SERVQUAL (gap = perception - expectation)" : "SERVPERF (perceptions)") << ", " << r.respondents
      << " respondents, scale " << r.scale_min << "-" << r.scale_max;
  if (r.dropped > 0) out << ", " << r.dropped << " missing pairs dropped";
  out << "\n\n"
      << dims.str() << "\n"
      << (gaps ? "unweighted SERVQUAL " : "unweighted SERVPERF ") << fixed(r.unweighted, 2) << "\n";
  if (r.weighted) out << (gaps ? "weighted SERVQUAL   " : "weighted SERVPERF   ") << fixed(*r.weighted, 2) << "\n";
  out << "\n" << items.str();
  return out.str();
}

std::string to_text(const cohort_table& t, cohort_measure measure) {
  check_finite(document(t));
  const bool retained = measure == cohort_measure::retained;
  const std::size_t ages = t.retention_by_age.size();
  std::vector<std::size_t> right;
  for (std::size_t a = 1; a <= ages + 1; ++a) right.push_back(a);
  text_table table(right);
  std::vector<std::string> head{"cohort", "customers"};
  for (std::size_t a = 0; a < ages; ++a) head.push_back(std::to_string(a));
  table.add(head);
  table.rule();
  for (const auto& c : t.cohorts) {
    std::vector<std::string> row{t.label(c.cohort), std::to_string(c.size)};
    for (const double share : retained ? c.retention : c.active_share) row.push_back(fixed(100 * share, 1));
    table.add(row);
  }
  table.rule();
  std::vector<std::string> pooled{"all", std::to_string(t.customers)};
  for (const double share : retained ? t.retention_by_age : t.active_share_by_age)
    pooled.push_back(fixed(100 * share, 1));
  table.add(pooled);
  std::ostringstream out;
  out << (retained ? "Retained" : "Active") << " customers, % of cohort, by age in " << to_string(t.per.unit) << "s ("
      << t.customers << " customers, " << t.records << " records";
  if (t.repeated > 0) out << ", " << t.repeated << " repeated records merged";
  out << ")\n\n" << table.str();
  return out.str();
}

std::string to_text(const holdout_validation& v) {
  const auto doc = document(v);
  check_finite(doc);
  const std::string unit(to_string(v.unit));
  const std::string period(unit.substr(0, unit.size() - 1));  // "weeks" -> "week"
  std::ostringstream out;
  out << "Holdout validation: " << fixed(v.customers, 0) << " customers, calibration to "
      << doc.at("end").get<std::string>() << ", holdout to " << doc.at("holdout_end").get<std::string>() << " ("
      << fixed(v.holdout_length, 2) << " " << unit << "), " << fixed(v.actual_total, 0) << " holdout transactions\n\n";
  text_table models({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
  models.add({"model", "LL", "AIC", "BIC", "MAE", "RMSE", "r", "expected", "error %", "MAPE cal %", "MAPE hold %",
              "chi2 (df) p"});
  models.rule();
  for (const auto& m : v.models)
    models.add({std::string(title(m.fit.model)) + (m.fit.converged ? "" : " (NOT CONVERGED)"),
                fixed(m.fit.log_likelihood, 2), fixed(m.aic, 2), fixed(m.bic, 2), fixed(m.mae, 4), fixed(m.rmse, 4),
                or_dash(m.correlation, 4), fixed(m.expected_total, 1), fixed(100 * m.aggregate_error, 2),
                fixed(100 * m.calibration_mape, 2), fixed(100 * m.holdout_mape, 2),
                m.chi_square ? fixed(*m.chi_square, 1) + " (" + std::to_string(m.chi_square_df) + ") " +
                                   fixed(*m.chi_square_p, 3)
                             : std::string("-")});
  out << models.str();
  for (const auto& m : v.models)
    for (const auto& w : m.fit.warnings) out << "warning (" << title(m.fit.model) << "): " << w.message << "\n";

  std::vector<std::size_t> right;
  for (std::size_t c = 0; c < 3 + 2 * v.models.size(); ++c)
    if (c != 1) right.push_back(c);  // all but the date
  text_table tracking(right);
  std::vector<std::string> head{period, "last day", "actual"};
  for (const auto& m : v.models) head.emplace_back(title(m.fit.model));
  head.emplace_back("cumulative");
  for (const auto& m : v.models) head.emplace_back(title(m.fit.model));
  tracking.add(head);
  tracking.rule();
  const auto& rows = doc.at("tracking");
  for (std::size_t p = 0; p < v.tracking.size(); ++p) {
    const auto& t = v.tracking[p];
    std::vector<std::string> row{std::to_string(p + 1) + (t.holdout ? "*" : ""),
                                 rows[p].at("last_day").get<std::string>(), fixed(t.actual, 0)};
    for (const double e : t.expected) row.push_back(fixed(e, 1));
    row.push_back(fixed(t.actual_cumulative, 0));
    for (const double e : t.expected_cumulative) row.push_back(fixed(e, 1));
    tracking.add(row);
  }
  out << "\nRepeat transactions per " << period << ", actual and expected (* holdout)\n\n" << tracking.str();

  std::vector<std::size_t> numbers;
  for (std::size_t c = 0; c < 2 + v.models.size(); ++c) numbers.push_back(c);
  text_table histogram(numbers);
  std::vector<std::string> bins{"repeat transactions", "customers"};
  for (const auto& m : v.models) bins.emplace_back(title(m.fit.model));
  histogram.add(bins);
  histogram.rule();
  for (const auto& b : v.histogram) {
    std::vector<std::string> row{std::to_string(b.count) + (b.or_more ? "+" : ""), fixed(b.actual, 0)};
    for (const double e : b.expected) row.push_back(fixed(e, 1));
    histogram.add(row);
  }
  out << "\nCalibration: customers by repeat transactions, actual and expected\n\n" << histogram.str();

  std::vector<std::size_t> group_numbers;
  for (std::size_t c = 0; c < 3 + v.models.size(); ++c) group_numbers.push_back(c);
  text_table groups(group_numbers);
  std::vector<std::string> group_head{"calibration frequency", "customers", "holdout mean"};
  for (const auto& m : v.models) group_head.emplace_back(title(m.fit.model));
  groups.add(group_head);
  groups.rule();
  for (const auto& g : v.by_frequency) {
    std::vector<std::string> row{std::to_string(g.frequency) + (g.or_more ? "+" : ""), fixed(g.customers, 0),
                                 fixed(g.actual, 3)};
    for (const double e : g.expected) row.push_back(fixed(e, 3));
    groups.add(row);
  }
  out << "\nHoldout transactions per customer by calibration frequency, actual and expected\n\n" << groups.str();
  return out.str();
}

std::string to_text(const retention_analysis& a) {
  check_finite(document(a));
  const std::string unit(to_string(a.unit));
  std::ostringstream out;
  out << (a.model == retention_model::sbg ? "sBG" : "BdW") << " retention model, ages in " << unit << "s";
  if (a.discount) out << ", discount " << fixed(100 * *a.discount, 2) << " % a " << unit;
  out << "\n";
  for (const auto& s : a.segments) {
    const auto& fit = s.fit;
    out << "\n";
    if (!s.segment.empty()) out << "segment " << s.segment << ": ";
    out << fit.cohorts << (fit.cohorts == 1 ? " cohort, " : " cohorts, ") << fixed(fit.customers, 0) << " customers, "
        << fit.observations << " renewal decisions";
    if (a.fit_through) out << " (fitted through age " << *a.fit_through << ")";
    out << "\n\n";
    text_table params({1, 2});
    params.add({"parameter", "estimate", "SE"});
    params.rule();
    for (std::size_t i = 0; i < fit.names.size(); ++i)
      params.add({fit.names[i], fixed(fit.params[i], 4),
                  fit.standard_errors.empty() ? std::string("-") : fixed(fit.standard_errors[i], 4)});
    out << params.str() << "log-likelihood " << fixed(fit.log_likelihood, 4) << ", AIC " << fixed(fit.aic(), 4) << "\n"
        << (fit.converged ? "converged" : "NOT CONVERGED") << ": " << fit.status << ", " << fit.evaluations
        << " evaluations\n";
    for (const auto& w : fit.warnings) out << "warning: " << w.message << "\n";

    text_table ages({0, 1, 2, 3, 4, 5, 6});
    ages.add({"age", "survivors", "expected", "survival %", "model %", "retention %", "model %"});
    ages.rule();
    bool held_out = false;
    for (const auto& r : s.ages) {
      held_out = held_out || r.held_out;
      ages.add({std::to_string(r.age) + (r.held_out ? "*" : ""), r.survivors ? fixed(*r.survivors, 0) : "-",
                or_dash(r.expected_survivors, 1),
                or_dash(r.observed_survival ? std::optional<double>(100 * *r.observed_survival) : std::nullopt, 1),
                fixed(100 * r.survival, 1),
                or_dash(r.observed_retention ? std::optional<double>(100 * *r.observed_retention) : std::nullopt, 1),
                or_dash(r.retention ? std::optional<double>(100 * *r.retention) : std::nullopt, 1)});
    }
    out << "\n" << ages.str();
    if (held_out) out << "* held out: observed, not fitted\n";
    if (s.expected_lifetime) {
      out << "\nDEL, a new customer's discounted expected lifetime: " << fixed(*s.expected_lifetime, 4) << " " << unit
          << "s (payments, the first at acquisition)\n\n";
      text_table renewals({0, 1, 2});
      renewals.add({"renewals", "DERL", "elasticity"});
      renewals.rule();
      for (const auto& r : s.renewals)
        renewals.add({std::to_string(r.renewals), fixed(r.residual_lifetime, 4), or_dash(r.elasticity, 4)});
      out << renewals.str();
    }
  }
  return out.str();
}

std::string to_text(const pls_fit& fit, const pls_bootstrap_result* boot, const pls_index_result* index) {
  check_finite(document(fit, boot, index));
  const auto J = fit.latent_variables.size();
  std::ostringstream out;
  out << "PLS path model: " << J << " latent variables, " << fit.indicators.size() << " indicators, n " << fit.n;
  if (fit.rows_dropped > 0) out << " (" << fit.rows_dropped << " rows with missing values dropped)";
  if (fit.cells_imputed > 0) out << " (" << fit.cells_imputed << " missing values set to the mean)";
  out << "\n"
      << (fit.options.consistent ? "consistent PLS (PLSc), " : "") << to_string(fit.options.scheme) << " scheme, "
      << (fit.options.standardized ? "standardised" : "centred") << " indicators, " << to_string(fit.options.stop)
      << " stop: " << fit.iterations << " iterations, " << (fit.converged ? "converged" : "NOT CONVERGED") << "\n\n";
  text_table paths({1, 2, 3, 4, 5, 6});
  paths.add(boot != nullptr ? std::vector<std::string>{"path", "estimate", "boot mean", "SE", "t", "lo", "hi"}
                            : std::vector<std::string>{"path", "estimate"});
  paths.rule();
  for (std::size_t to = 0; to < J; ++to)
    for (std::size_t from = 0; from < J; ++from) {
      if (fit.path_matrix[to][from] == 0) continue;
      const auto name = fit.latent_variables[from] + " -> " + fit.latent_variables[to];
      std::vector<std::string> row{name,
                                   fixed(fit.paths(static_cast<Eigen::Index>(to), static_cast<Eigen::Index>(from)), 4)};
      if (boot != nullptr) {
        if (const auto* e = pls_bootstrap_result::find(boot->paths, name))
          for (const double v : {e->mean, e->se, e->t, e->lo, e->hi}) row.push_back(fixed(v, 4));
      }
      paths.add(row);
    }
  out << paths.str() << "\n";
  if (boot != nullptr)
    out << boot->resamples << " bootstrap resamples (seed " << boot->seed << "), " << boot->failed << " failed; "
        << fixed(100 * boot->confidence, 0) << "% "
        << (boot->interval == pls_interval::bca              ? "BCa"
            : boot->interval == pls_interval::bias_corrected ? "bias-corrected"
                                                             : "percentile")
        << " intervals\n\n";
  if (boot != nullptr && !boot->specific_indirect_effects.empty()) {
    // Mediation: each chain of paths, then the total indirect effect of each pair.
    text_table mediation({1, 2, 3, 4, 5, 6});
    mediation.add({"indirect effect", "estimate", "boot mean", "SE", "t", "lo", "hi"});
    mediation.rule();
    for (const auto* list : {&boot->specific_indirect_effects, &boot->indirect_effects})
      for (const auto& e : *list) {
        std::vector<std::string> row{list == &boot->indirect_effects ? e.name + " (total)" : e.name};
        for (const double v : {e.estimate, e.mean, e.se, e.t, e.lo, e.hi}) row.push_back(fixed(v, 4));
        mediation.add(row);
      }
    out << mediation.str() << "\n";
  }
  text_table lvs({2, 3, 4, 5, 6, 7, 8});
  lvs.add({"latent", "mode", "R2", "alpha", "rho_A", "rho_DG", "rho_c", "AVE", index != nullptr ? "index" : ""});
  lvs.rule();
  for (std::size_t j = 0; j < J; ++j) {
    const auto& q = fit.blocks[j];
    const auto at = static_cast<Eigen::Index>(j);
    lvs.add({fit.latent_variables[j], to_string(q.mode), fit.endogenous[j] ? fixed(fit.r2(at), 4) : "-",
             fixed(q.cronbach_alpha, 4), q.rho_a ? fixed(*q.rho_a, 4) : "-", fixed(q.dg_rho, 4),
             fixed(q.composite_reliability, 4), fixed(q.ave, 4), index != nullptr ? fixed(index->index(at), 1) : ""});
  }
  out << lvs.str() << "\nGoF " << fixed(fit.gof, 4) << "\n\n";
  text_table outer({2, 3, 4});
  outer.add({"indicator", "latent", "weight", "loading", "communality"});
  outer.rule();
  for (std::size_t k = 0; k < fit.indicators.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(k);
    outer.add({fit.indicators[k], fit.latent_variables[fit.block_of[k]], fixed(fit.weights(i), 4),
               fixed(fit.loadings(i), 4), fixed(fit.communality(i), 4)});
  }
  out << outer.str();
  // Dropped rows and imputed values are in the first line; every other warning here.
  for (const auto& w : fit.warnings)
    if (w.code != errc::rows_dropped && w.code != errc::values_imputed) out << "warning: " << w.message << "\n";
  if (boot != nullptr)
    for (const auto& w : boot->warnings) out << "warning: " << w.message << "\n";
  return out.str();
}

std::string to_text(const pls_ipma_result& ipma) {
  check_finite(document(ipma));
  std::ostringstream out;
  out << "Importance-performance map of " << ipma.target << " (performance " << fixed(ipma.target_performance, 1)
      << " of 100); crosshair " << to_string(ipma.crosshair) << ": importance " << fixed(ipma.importance_line, 3)
      << ", performance " << fixed(ipma.performance_line, 1) << "\n\n";
  const bool intervals = ipma.resamples > 0;
  if (intervals)
    out << "Bootstrap: " << ipma.succeeded << " of " << ipma.resamples << " resamples, "
        << fixed(100 * ipma.confidence, 0) << " % percentile intervals\n\n";
  const auto range = [](const std::optional<pls_ipma_interval>& i, int digits) {
    return i ? "[" + fixed(i->lo, digits) + ", " + fixed(i->hi, digits) + "]" : std::string();
  };
  const auto table = [&](const std::vector<pls_ipma_point>& points, const char* heading) {
    text_table t({1, 2, 3, 4});
    if (intervals)
      t.add({heading, "importance", "interval", "performance", "interval", "quadrant"});
    else
      t.add({heading, "importance", "performance", "quadrant"});
    t.rule();
    for (const auto& p : points) {
      const auto quadrant =
          std::string(to_string(p.quadrant)) + (p.on_importance_line || p.on_performance_line ? " (on a line)" : "");
      if (intervals)
        t.add({p.name, fixed(p.importance, 4), range(p.importance_interval, 4), fixed(p.performance, 1),
               range(p.performance_interval, 1), quadrant});
      else
        t.add({p.name, fixed(p.importance, 4), fixed(p.performance, 1), quadrant});
    }
    out << t.str();
  };
  table(ipma.constructs, "construct");
  out << "\n";
  table(ipma.indicators, "indicator");
  for (const auto& w : ipma.warnings) out << "warning: " << w.message << "\n";
  return out.str();
}

std::string to_text(const pls_predict_result& predict) {
  check_finite(document(predict));
  std::ostringstream out;
  out << "PLSpredict: " << predict.folds << "-fold cross-validation, " << predict.repetitions << " repetitions (seed "
      << predict.seed << "), n " << predict.n << "; means over the repetitions\n\n";
  text_table t({2, 3, 4, 5, 6});
  t.add({"indicator", "construct", "RMSE", "MAE", "Q2_predict", "LM RMSE", "LM MAE"});
  t.rule();
  for (const auto& x : predict.indicators)
    t.add({x.name, x.construct, fixed(x.rmse, 4), fixed(x.mae, 4), fixed(x.q2_predict, 4), fixed(x.lm_rmse, 4),
           fixed(x.lm_mae, 4)});
  out << t.str();
  out << "\nCVPAT (Liengaard et al. 2021): loss difference = benchmark - PLS, above 0 PLS predicts better\n";
  text_table c({2, 3, 4, 5, 6});
  c.add({"benchmark", "indicators of", "loss diff", "t", "p (PLS better)", "p (two-sided)"});
  c.rule();
  for (const auto& x : predict.cvpat)
    c.add({x.benchmark, x.construct.empty() ? "all endogenous" : x.construct, fixed(x.loss_difference, 4),
           or_dash(x.t, 3), or_dash(x.p_better, 4), or_dash(x.p_two_sided, 4)});
  out << c.str();
  return out.str();
}

std::string to_text(const pls_model_fit_result& fit) {
  check_finite(document(fit));
  std::ostringstream out;
  out << "Model fit (" << (fit.common_factor ? "common-factor model: PLSc" : "composite model") << "), n " << fit.n;
  if (fit.resamples > 0) out << "; exact-fit test with " << fit.resamples << " resamples (seed " << fit.seed << ")";
  out << "\n\n";
  text_table t({2, 3, 4, 5, 6, 7});
  t.add({"model", "measure", "value", "HI95", "HI99", "p", "resamples"});
  t.rule();
  for (const auto& [name, variant] : {std::pair{"saturated", &fit.saturated}, std::pair{"estimated", &fit.estimated}})
    for (const auto& m : variant->measures)
      t.add({name, m.name, or_dash(m.value, 4), or_dash(m.q95, 4), or_dash(m.q99, 4), or_dash(m.p_value, 4),
             fit.resamples > 0 ? std::to_string(variant->succeeded) : "-"});
  out << t.str();
  for (const auto& w : fit.warnings) out << "warning: " << w.message << "\n";
  return out.str();
}

std::string to_text(const pls_mga_result& mga) {
  check_finite(document(mga));
  std::ostringstream out;
  out << "Multigroup analysis: " << mga.groups[0] << " (n " << mga.n[0] << ") vs " << mga.groups[1] << " (n "
      << mga.n[1] << "); " << mga.succeeded << " of " << mga.permutations << " permutations";
  if (mga.resamples > 0) out << ", " << mga.resamples << " resamples per group (Henseler)";
  out << ", seed " << mga.seed << "\n\nMICOM (step 2: c not below its 5 % quantile; step 3: 0 inside the intervals)\n";
  text_table micom({1, 2, 3, 4, 5, 6, 7, 8, 9});
  micom.add(
      {"construct", "c", "c q05", "c p", "mean diff", "95 % interval", "p", "log var ratio", "95 % interval", "p"});
  micom.rule();
  const auto range = [](double lo, double hi) { return "[" + fixed(lo, 3) + ", " + fixed(hi, 3) + "]"; };
  for (const auto& m : mga.micom)
    micom.add({m.name, fixed(m.c, 4), fixed(m.c_q05, 4), fixed(m.c_p, 4), fixed(m.mean_difference, 3),
               range(m.mean_lo, m.mean_hi), fixed(m.mean_p, 4), fixed(m.log_variance_ratio, 3),
               range(m.variance_lo, m.variance_hi), fixed(m.variance_p, 4)});
  out << micom.str() << "\n";
  text_table paths({1, 2, 3, 4, 5});
  paths.add({"path", mga.groups[0], mga.groups[1], "difference", "p (permutation)", "P(1 <= 2) Henseler"});
  paths.rule();
  for (const auto& d : mga.paths)
    paths.add({d.name, fixed(d.first, 4), fixed(d.second, 4), fixed(d.difference, 4), fixed(d.p_permutation, 4),
               or_dash(d.p_henseler, 4)});
  out << paths.str();
  for (const auto& w : mga.warnings) out << "warning: " << w.message << "\n";
  return out.str();
}

}  // namespace excellence::inline v1
