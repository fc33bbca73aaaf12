#include <excellence/report/json.hpp>

#include "document.hpp"

#include <excellence/complaints/summary.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/models/clv/transactions.hpp>
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
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/score.hpp>
#include <excellence/value/comparison.hpp>

#include <excellence/detail/utf8.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace excellence::inline v1::report_detail {

namespace {

// Exact points as a JSON number: whole values as integers ("40"), others as the
// shortest double that prints back as the same two-decimal value ("5.25").
ordered_json number(points p) {
  if (p.is_whole()) return p.hundredths() / 100;
  return p.value();
}

ordered_json optional_number(const std::optional<double>& x) {
  return x ? ordered_json(*x) : ordered_json(nullptr);
}

// A count that is a sum of weights: an integer when whole.
// {name: value} of a fit's parameters or standard errors.
ordered_json by_name(const std::vector<std::string>& names, const std::vector<double>& values) {
  ordered_json out = ordered_json::object();
  for (std::size_t i = 0; i < names.size(); ++i) out[names[i]] = values[i];
  return out;
}

ordered_json weight_sum(double w) {
  if (w == std::floor(w) && std::abs(w) < 9.0e15) return static_cast<std::int64_t>(w);
  return w;
}

// Walks a document for what JSON cannot hold: a NaN or infinity (nlohmann would print
// null, and a consumer would read a missing value where an overflow happened) and text
// that is not UTF-8 (a label or file name given by the user; nlohmann would throw).
void check_finite(const ordered_json& j, field_path& at) {
  if (j.is_number_float()) {
    if (!std::isfinite(j.get<double>()))
      throw data_error(diagnostic{errc::out_of_range, "", 0, 0, at,
                                  "the result is not a finite number (an overflow in the computation)"});
  } else if (j.is_string()) {
    if (detail::first_invalid_utf8(j.get_ref<const std::string&>()))
      throw data_error(diagnostic{errc::invalid_utf8, "", 0, 0, at, "the text is not valid UTF-8"});
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (detail::first_invalid_utf8(key))
        throw data_error(diagnostic{errc::invalid_utf8, "", 0, 0, at, "a name is not valid UTF-8"});
      auto inner = at.field(key);
      check_finite(value, inner);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      auto inner = at.index(i);
      check_finite(j[i], inner);
    }
  }
}

ordered_json score_object(const assessment_score& s) {
  ordered_json out;
  out["format"] = "excellence.score/1";
  out["framework"] = s.framework;
  out["scope"] = s.scope.empty() ? ordered_json(nullptr) : ordered_json(s.scope);
  out["organization"] = s.organization;
  out["examiner"] = s.examiner;
  out["date"] = s.date;
  out["source"] = s.source;
  out["total"] = number(s.total);
  out["max"] = number(s.max);
  out["assessed_max"] = number(s.assessed_max);
  if (s.overall) {
    ordered_json band;
    band["level"] = s.overall->level;
    band["min"] = s.overall->min_total;
    band["max"] = s.overall->max_total;
    band["description_en"] = s.overall->description_en;
    out["overall_band"] = std::move(band);
  } else {
    out["overall_band"] = nullptr;
  }
  auto& categories = out["categories"] = ordered_json::array();
  for (const auto& c : s.categories) {
    ordered_json entry;
    entry["id"] = c.id;
    entry["score"] = number(c.score);
    entry["max"] = number(c.max);
    entry["items"] = c.items;
    entry["items_assessed"] = c.items_assessed;
    categories.push_back(std::move(entry));
  }
  auto& items = out["items"] = ordered_json::array();
  for (const auto& i : s.items) {
    ordered_json entry;
    entry["id"] = i.id;
    entry["category"] = i.category.empty() ? ordered_json(nullptr) : ordered_json(i.category);
    entry["evaluation"] = to_string(i.evaluation);
    entry["assessed"] = i.assessed;
    entry["percent"] = i.assessed ? ordered_json(i.percent) : ordered_json(nullptr);
    entry["band"] = i.band ? ordered_json(i.band->label()) : ordered_json(nullptr);
    entry["score"] = number(i.score);
    entry["max"] = number(i.max);
    ordered_json dims = ordered_json::object();
    for (const auto& d : i.dimensions) dims[std::string(to_string(d.dimension))] = d.percent;
    entry["dimensions"] = std::move(dims);
    items.push_back(std::move(entry));
  }
  out["not_assessed"] = s.not_assessed;
  out["outside_scope"] = s.outside_scope;
  out["warnings"] = diagnostics(s.warnings);
  return out;
}

}  // namespace

ordered_json diagnostics(const std::vector<diagnostic>& list) {
  auto out = ordered_json::array();
  for (const auto& d : list) {
    ordered_json entry;
    entry["code"] = to_string(d.code);
    entry["file"] = d.file;
    entry["path"] = d.path.to_string();
    entry["message"] = d.message;
    out.push_back(std::move(entry));
  }
  return out;
}

void check_finite(const ordered_json& document) {
  field_path root;
  check_finite(document, root);
}

std::string dump(const ordered_json& document, int indent) {
  check_finite(document);
  return document.dump(indent) + "\n";
}

ordered_json document(const assessment_score& s) {
  return score_object(s);
}

ordered_json document(const consensus_result& c) {
  ordered_json out;
  out["format"] = "excellence.consensus/1";
  out["framework"] = c.framework;
  out["scope"] = c.scope.empty() ? ordered_json(nullptr) : ordered_json(c.scope);
  out["organization"] = c.organization;
  out["flag_range"] = c.flag_range;
  auto& scores = out["scores"] = ordered_json::array();
  for (const auto& s : c.scores) scores.push_back(score_object(s));
  auto& items = out["consensus"] = ordered_json::array();
  for (const auto& i : c.items) {
    ordered_json entry;
    entry["id"] = i.id;
    entry["n"] = i.n;
    auto& percents = entry["percents"] = ordered_json::array();
    for (const auto& p : i.percents) percents.push_back(p ? ordered_json(*p) : ordered_json(nullptr));
    if (i.statistics) {
      const auto& st = *i.statistics;
      entry["mean"] = st.mean;
      entry["median"] = st.median;
      entry["min"] = st.min;
      entry["max"] = st.max;
      entry["range"] = st.range;
      entry["standard_deviation"] =
          st.standard_deviation ? ordered_json(*st.standard_deviation) : ordered_json(nullptr);
      entry["proposed"] = st.proposed;
    } else {
      for (const char* key : {"mean", "median", "min", "max", "range", "standard_deviation", "proposed"})
        entry[key] = nullptr;
    }
    entry["flagged"] = i.flagged;
    items.push_back(std::move(entry));
  }
  return out;
}

ordered_json document(const clv_fit& fit) {
  ordered_json out;
  out["format"] = "excellence.clv_fit/1";
  out["model"] = std::string(to_string(fit.model));
  out["params"] = by_name(fit.names, fit.params);
  // null when the information matrix is not positive definite
  out["standard_errors"] =
      fit.standard_errors.empty() ? ordered_json(nullptr) : by_name(fit.names, fit.standard_errors);
  if (fit.covariance.empty()) {
    out["covariance"] = nullptr;
  } else {
    auto& covariance = out["covariance"] = ordered_json::object();
    const std::size_t k = fit.names.size();
    for (std::size_t i = 0; i < k; ++i)
      covariance[fit.names[i]] =
          by_name(fit.names, std::vector<double>(fit.covariance.begin() + static_cast<std::ptrdiff_t>(i * k),
                                                 fit.covariance.begin() + static_cast<std::ptrdiff_t>((i + 1) * k)));
  }
  out["log_likelihood"] = fit.log_likelihood;
  out["converged"] = fit.converged;
  out["evaluations"] = fit.evaluations;
  out["status"] = fit.status;
  out["customers"] = weight_sum(fit.customers);  // Σ weights
  out["customers_left_out"] = fit.left_out;
  out["warnings"] = diagnostics(fit.warnings);
  return out;
}

ordered_json document(const clv_covariate_fit& f) {
  ordered_json out;
  out["format"] = "excellence.clv_covariate_fit/1";
  auto fit = document(f.fit);
  fit.erase("format");
  out["fit"] = std::move(fit);
  out["covariates"] = {{"transaction", f.transaction_covariates()}, {"lifetime", f.lifetime_covariates()}};
  auto without = document(f.without);
  without.erase("format");
  out["without"] = std::move(without);
  out["likelihood_ratio"] = {
      {"statistic", f.lr_statistic}, {"degrees_of_freedom", f.degrees_of_freedom}, {"p_value", f.p_value}};
  return out;
}

ordered_json document(const nps_result& r, const nps_interval& interval) {
  ordered_json out;
  out["format"] = "excellence.nps/1";
  out["nps"] = r.nps;
  out["se"] = r.se;
  out["n"] = r.n;
  out["promoters"] = weight_sum(r.promoters);
  out["passives"] = weight_sum(r.passives);
  out["detractors"] = weight_sum(r.detractors);
  out["effective_n"] = r.effective_n;
  out["interval"] = {{"method", to_string(interval.method)},
                     {"confidence", interval.confidence},
                     {"lower", interval.lower},
                     {"upper", interval.upper}};
  return out;
}

ordered_json document(const csat_result& r) {
  ordered_json out;
  out["format"] = "excellence.csat/1";
  out["csat"] = r.csat;
  out["lower"] = r.lower;
  out["upper"] = r.upper;
  out["confidence"] = r.confidence;
  out["mean_rating"] = r.mean_rating;
  out["satisfied"] = r.satisfied;
  out["n"] = r.n;
  out["scale"] = {{"min", r.scale.min}, {"max", r.scale.max}, {"top_box_min", r.scale.top_box_min}};
  return out;
}

ordered_json document(const simple_clv_result& r, std::optional<time_unit> unit) {
  ordered_json out;
  out["format"] = "excellence.clv_simple/1";
  out["clv"] = r.clv;
  out["margin_multiple"] = r.margin_multiple;
  out["average_life"] = optional_number(r.average_life);
  out["period"] = unit ? ordered_json(std::string(to_string(*unit))) : ordered_json(nullptr);
  out["timing"] = to_string(r.options.timing);
  out["horizon"] = r.options.horizon ? ordered_json(*r.options.horizon) : ordered_json(nullptr);
  out["acquisition_cost"] = r.options.acquisition_cost;
  return out;
}

ordered_json document(const value_summary& v) {
  ordered_json out;
  out["format"] = "excellence.value/1";
  out["respondents"] = v.respondents;
  auto& weights = out["weights"] = ordered_json::object();
  for (const auto c : value_components) weights[std::string(to_string(c))] = v.weights[c];
  out["sensitivity"] = optional_number(v.sensitivity);
  auto& list = out["offers"] = ordered_json::array();
  for (const auto& o : v.offers) {
    ordered_json entry;
    entry["offer"] = o.name;
    entry["total_value"] = o.total_value;
    entry["total_cost"] = o.total_cost;
    entry["delivered_value"] = o.delivered_value;
    entry["value_ratio"] = optional_number(o.value_ratio);
    entry["preferred_share"] = o.preferred_share;
    entry["choice_share"] = optional_number(o.choice_share);
    list.push_back(std::move(entry));
  }
  out["preferred"] = v.preferred;
  return out;
}

ordered_json document(const rfm_analysis& a, bool with_customers) {
  const auto& r = a.scores;
  ordered_json out;
  out["format"] = "excellence.rfm/1";
  out["bins"] = r.bins;
  out["n"] = r.n;
  out["cuts"] = {{"recency", r.recency_cuts}, {"frequency", r.frequency_cuts}, {"monetary", r.monetary_cuts}};
  auto& customers = out["customers"] = ordered_json::array();
  for (std::size_t i = 0; with_customers && i < r.n; ++i) {
    const auto& s = r.scores[i];
    customers.push_back({{"customer", a.customers[i]},
                         {"recency", s.recency},
                         {"frequency", s.frequency},
                         {"monetary", s.monetary},
                         {"segment", segment_code(s, r.bins)}});
  }
  auto& segments = out["segments"] = ordered_json::array();
  for (const auto& s : a.segments) segments.push_back({{"segment", s.code}, {"customers", s.customers}});
  out["gini"] = a.concentration ? ordered_json(a.concentration->gini) : ordered_json(nullptr);
  out["top_20_share"] = a.concentration ? ordered_json(a.concentration->top_share(0.2)) : ordered_json(nullptr);
  return out;
}

ordered_json document(const complaint_summary& s) {
  const auto& t = s.times;
  ordered_json out;
  out["format"] = "excellence.complaints/1";
  out["n"] = t.n;
  out["resolved"] = t.n_resolved;
  out["open"] = t.n_open;
  out["unit"] = s.unit.empty() ? ordered_json(nullptr) : ordered_json(s.unit);
  out["median"] = optional_number(s.median);
  out["p90"] = optional_number(s.p90);
  out["restricted_mean"] = t.restricted_mean;
  out["restricted_to"] = t.restricted_to;
  out["mean_is_lower_bound"] = t.mean_is_lower_bound;
  out["limit"] = optional_number(s.limit);
  out["share_within_limit"] = optional_number(s.share_within_limit);
  out["first_contact_resolution"] = optional_number(s.first_contact_resolution);
  out["reopen_rate"] = optional_number(s.reopen_rate);
  return out;
}

ordered_json document(const kano_table& t) {
  ordered_json out;
  out["format"] = "excellence.kano/1";
  out["tie_margin"] = t.tie_margin;
  auto& list = out["attributes"] = ordered_json::array();
  for (const auto& [name, r] : t.attributes) {
    ordered_json counts;
    for (std::size_t c = 0; c < kano_category_count; ++c)
      counts[to_string(static_cast<kano_category>(c))] = r.counts[c];
    list.push_back({{"attribute", name},
                    {"n", r.n},
                    {"counts", counts},
                    {"category", to_string(r.category)},
                    {"tie_broken", r.tie_broken},
                    {"better", optional_number(r.better)},
                    {"worse", optional_number(r.worse)},
                    {"questionable_share", r.questionable_share},
                    {"total_strength", r.total_strength},
                    {"category_strength", r.category_strength},
                    {"fong_significant", r.fong_significant}});
  }
  return out;
}

ordered_json document(const servqual_result& r) {
  ordered_json out;
  out["format"] = "excellence.servqual/1";
  out["model"] = to_string(r.model);
  out["scale"] = {{"min", r.scale_min}, {"max", r.scale_max}};
  out["respondents"] = r.respondents;
  out["dropped"] = r.dropped;
  auto& list = out["items"] = ordered_json::array();
  for (const auto& i : r.items) {
    ordered_json entry{{"item", i.id}, {"dimension", to_string(i.dimension)}};
    entry["expectation"] = optional_number(i.expectation);
    entry["perception"] = i.perception;
    entry["gap"] = i.expectation ? ordered_json(i.score) : ordered_json(nullptr);
    entry["n"] = i.n;
    entry["dropped"] = i.dropped;
    list.push_back(std::move(entry));
  }
  auto& dims = out["dimensions"] = ordered_json::array();
  for (const auto& d : r.dimensions) {
    ordered_json entry{{"dimension", to_string(d.dimension)}, {"items", d.items}};
    entry["expectation"] = optional_number(d.expectation);
    entry["perception"] = d.perception;
    entry["gap"] = d.expectation ? ordered_json(d.score) : ordered_json(nullptr);
    entry["weight"] = r.weighted ? ordered_json(d.weight) : ordered_json(nullptr);
    dims.push_back(std::move(entry));
  }
  out["unweighted"] = r.unweighted;
  out["weighted"] = optional_number(r.weighted);
  out["warnings"] = diagnostics(r.warnings);
  return out;
}

ordered_json document(const cohort_table& t) {
  ordered_json out;
  out["format"] = "excellence.retention/1";
  out["unit"] = std::string(to_string(t.per.unit));
  out["customers"] = t.customers;
  out["records"] = t.records;
  out["repeated"] = t.repeated;
  out["first_period"] = t.label(t.first_period);
  out["last_period"] = t.label(t.last_period);
  auto& cohorts = out["cohorts"] = ordered_json::array();
  for (const auto& c : t.cohorts)
    cohorts.push_back({{"cohort", t.label(c.cohort)},
                       {"size", c.size},
                       {"retained", c.retained},
                       {"retention", c.retention},
                       {"active", c.active},
                       {"active_share", c.active_share}});
  out["retention_by_age"] = t.retention_by_age;
  out["active_share_by_age"] = t.active_share_by_age;
  return out;
}

namespace {

// {model: value} in the validation's model order.
ordered_json by_model(const holdout_validation& v, const std::vector<double>& values) {
  ordered_json out = ordered_json::object();
  for (std::size_t m = 0; m < v.models.size(); ++m) out[std::string(to_string(v.models[m].fit.model))] = values[m];
  return out;
}

}  // namespace

ordered_json document(const holdout_validation& v) {
  ordered_json out;
  out["format"] = "excellence.clv_validation/1";
  out["unit"] = to_string(v.unit);
  out["end"] = format_date(v.end);
  out["holdout_end"] = format_date(v.holdout_end);
  out["holdout_length"] = v.holdout_length;
  out["customers"] = weight_sum(v.customers);
  out["actual_total"] = weight_sum(v.actual_total);
  auto& models = out["models"] = ordered_json::array();
  for (const auto& m : v.models) {
    ordered_json entry = document(m.fit);
    entry.erase("format");
    entry.erase("customers_left_out");
    entry["aic"] = m.aic;
    entry["bic"] = m.bic;
    entry["mae"] = m.mae;
    entry["rmse"] = m.rmse;
    entry["correlation"] = optional_number(m.correlation);
    entry["expected_total"] = m.expected_total;
    entry["aggregate_error"] = m.aggregate_error;
    entry["calibration_mape"] = m.calibration_mape;
    entry["holdout_mape"] = m.holdout_mape;
    entry["chi_square"] = optional_number(m.chi_square);
    entry["chi_square_df"] = m.chi_square_df;
    entry["chi_square_p"] = optional_number(m.chi_square_p);
    models.push_back(std::move(entry));
  }
  auto& tracking = out["tracking"] = ordered_json::array();
  for (std::size_t p = 0; p < v.tracking.size(); ++p) {
    const auto& t = v.tracking[p];
    tracking.push_back({{"period", p + 1},
                        {"last_day", format_date(t.last_day)},
                        {"holdout", t.holdout},
                        {"actual", weight_sum(t.actual)},
                        {"actual_cumulative", weight_sum(t.actual_cumulative)},
                        {"expected", by_model(v, t.expected)},
                        {"expected_cumulative", by_model(v, t.expected_cumulative)}});
  }
  auto& histogram = out["histogram"] = ordered_json::array();
  for (const auto& b : v.histogram)
    histogram.push_back({{"count", b.count},
                         {"or_more", b.or_more},
                         {"actual", weight_sum(b.actual)},
                         {"expected", by_model(v, b.expected)}});
  auto& groups = out["by_frequency"] = ordered_json::array();
  for (const auto& g : v.by_frequency)
    groups.push_back({{"frequency", g.frequency},
                      {"or_more", g.or_more},
                      {"customers", weight_sum(g.customers)},
                      {"actual", g.actual},
                      {"expected", by_model(v, g.expected)}});
  return out;
}

ordered_json document(const retention_analysis& a) {
  ordered_json out;
  out["format"] = "excellence.retention_fit/1";
  out["model"] = to_string(a.model);
  out["unit"] = std::string(to_string(a.unit));
  out["discount"] = optional_number(a.discount);
  out["horizon"] = a.horizon;
  out["fit_through"] = a.fit_through ? ordered_json(*a.fit_through) : ordered_json(nullptr);
  auto& segments = out["segments"] = ordered_json::array();
  for (const auto& s : a.segments) {
    const auto& fit = s.fit;
    ordered_json entry;
    entry["segment"] = s.segment;
    entry["cohorts"] = s.cohorts;
    entry["params"] = by_name(fit.names, fit.params);
    entry["standard_errors"] =
        fit.standard_errors.empty() ? ordered_json(nullptr) : by_name(fit.names, fit.standard_errors);
    entry["log_likelihood"] = fit.log_likelihood;
    entry["aic"] = fit.aic();
    entry["converged"] = fit.converged;
    entry["evaluations"] = fit.evaluations;
    entry["status"] = fit.status;
    entry["customers"] = weight_sum(fit.customers);
    entry["observations"] = fit.observations;
    auto& ages = entry["ages"] = ordered_json::array();
    for (const auto& r : s.ages)
      ages.push_back({{"age", r.age},
                      {"observed_survival", optional_number(r.observed_survival)},
                      {"survival", r.survival},
                      {"observed_retention", optional_number(r.observed_retention)},
                      {"retention", optional_number(r.retention)},
                      {"survivors", r.survivors ? weight_sum(*r.survivors) : ordered_json(nullptr)},
                      {"expected_survivors", optional_number(r.expected_survivors)},
                      {"held_out", r.held_out}});
    entry["expected_lifetime"] = optional_number(s.expected_lifetime);
    auto& renewals = entry["renewals"] = ordered_json::array();
    for (const auto& r : s.renewals)
      renewals.push_back({{"renewals", r.renewals},
                          {"residual_lifetime", r.residual_lifetime},
                          {"elasticity", optional_number(r.elasticity)}});
    entry["warnings"] = diagnostics(fit.warnings);
    segments.push_back(std::move(entry));
  }
  return out;
}

namespace {

std::string arrow(const pls_fit& fit, std::size_t from, std::size_t to) {
  return fit.latent_variables[from] + " -> " + fit.latent_variables[to];
}

ordered_json bootstrap_estimates(const std::vector<pls_bootstrap_estimate>& list) {
  ordered_json out = ordered_json::object();
  for (const auto& e : list)
    out[e.name] = {
        {"estimate", e.estimate},           {"mean", e.mean}, {"se", e.se}, {"t", e.t}, {"lo", e.lo}, {"hi", e.hi},
        {"interval", to_string(e.interval)}};
  return out;
}

}  // namespace

ordered_json document(const pls_fit& fit, const pls_bootstrap_result* boot, const pls_index_result* index) {
  const auto J = fit.latent_variables.size();
  ordered_json out;
  out["format"] = "excellence.pls_fit/1";
  out["n"] = fit.n;
  out["rows_dropped"] = fit.rows_dropped;
  out["cells_imputed"] = fit.cells_imputed;
  out["scheme"] = to_string(fit.options.scheme);
  out["stop"] = to_string(fit.options.stop);
  out["missing"] = to_string(fit.options.missing);
  out["standardized"] = fit.options.standardized;
  out["consistent"] = fit.options.consistent;
  out["iterations"] = fit.iterations;
  out["converged"] = fit.converged;
  // Pairs of members are filled apart and moved in: a reference into `out` would not survive
  // the insertion of its sibling (an ordered_json object keeps its members in a vector).
  auto weights = ordered_json::object();
  auto loadings = ordered_json::object();
  for (std::size_t k = 0; k < fit.indicators.size(); ++k) {
    weights[fit.indicators[k]] = fit.weights(static_cast<Eigen::Index>(k));
    loadings[fit.indicators[k]] = fit.loadings(static_cast<Eigen::Index>(k));
  }
  out["weights"] = std::move(weights);
  out["loadings"] = std::move(loadings);
  auto paths = ordered_json::object();
  auto total = ordered_json::object();
  for (std::size_t to = 0; to < J; ++to)
    for (std::size_t from = 0; from < J; ++from) {
      const auto t = static_cast<Eigen::Index>(to), f = static_cast<Eigen::Index>(from);
      if (fit.path_matrix[to][from] != 0) paths[arrow(fit, from, to)] = fit.paths(t, f);
      if (fit.total_effects(t, f) != 0) total[arrow(fit, from, to)] = fit.total_effects(t, f);
    }
  out["paths"] = std::move(paths);
  out["total_effects"] = std::move(total);
  auto& r2 = out["r2"] = ordered_json::object();
  for (std::size_t j = 0; j < J; ++j)
    if (fit.endogenous[j]) r2[fit.latent_variables[j]] = fit.r2(static_cast<Eigen::Index>(j));
  auto& blocks = out["blocks"] = ordered_json::object();
  for (std::size_t j = 0; j < J; ++j) {
    const auto& q = fit.blocks[j];
    blocks[fit.latent_variables[j]] = {{"mode", to_string(q.mode)},
                                       {"cronbach_alpha", q.cronbach_alpha},
                                       {"dg_rho", q.dg_rho},
                                       {"composite_reliability", q.composite_reliability},
                                       {"rho_a", q.rho_a ? ordered_json(*q.rho_a) : ordered_json(nullptr)},
                                       {"ave", q.ave},
                                       {"eig_1st", q.eig_1st},
                                       {"eig_2nd", q.eig_2nd},
                                       {"block_communality", q.block_communality},
                                       {"mean_redundancy", q.mean_redundancy}};
  }
  out["gof"] = fit.gof;
  if (boot != nullptr)
    out["bootstrap"] = {{"resamples", boot->resamples},
                        {"succeeded", boot->succeeded},
                        {"failed", boot->failed},
                        {"seed", boot->seed},
                        {"confidence", boot->confidence},
                        {"interval", to_string(boot->interval)},
                        {"paths", bootstrap_estimates(boot->paths)},
                        {"total_effects", bootstrap_estimates(boot->total_effects)},
                        {"indirect_effects", bootstrap_estimates(boot->indirect_effects)},
                        {"specific_indirect_effects", bootstrap_estimates(boot->specific_indirect_effects)},
                        {"weights", bootstrap_estimates(boot->weights)},
                        {"loadings", bootstrap_estimates(boot->loadings)},
                        {"r2", bootstrap_estimates(boot->r2)},
                        {"htmt", bootstrap_estimates(boot->htmt)}};
  else
    out["bootstrap"] = nullptr;
  if (index != nullptr) {
    auto& idx = out["index"] = ordered_json::object();
    for (std::size_t j = 0; j < J; ++j) idx[fit.latent_variables[j]] = index->index(static_cast<Eigen::Index>(j));
  } else {
    out["index"] = nullptr;
  }
  auto warnings = fit.warnings;
  if (boot != nullptr) warnings.insert(warnings.end(), boot->warnings.begin(), boot->warnings.end());
  out["warnings"] = diagnostics(warnings);
  return out;
}

ordered_json document(const pls_ipma_result& ipma) {
  const auto interval = [](const std::optional<pls_ipma_interval>& i) {
    return i ? ordered_json{{"se", i->se}, {"lo", i->lo}, {"hi", i->hi}} : ordered_json(nullptr);
  };
  const auto points = [&](const std::vector<pls_ipma_point>& list) {
    ordered_json out = ordered_json::array();
    for (const auto& p : list)
      out.push_back({{"name", p.name},
                     {"construct", p.construct},
                     {"importance", p.importance},
                     {"performance", p.performance},
                     {"quadrant", to_string(p.quadrant)},
                     {"on_importance_line", p.on_importance_line},
                     {"on_performance_line", p.on_performance_line},
                     {"importance_interval", interval(p.importance_interval)},
                     {"performance_interval", interval(p.performance_interval)}});
    return out;
  };
  ordered_json out;
  out["format"] = "excellence.pls_ipma/1";
  out["target"] = ipma.target;
  out["target_performance"] = ipma.target_performance;
  out["crosshair"] = to_string(ipma.crosshair);
  out["importance_line"] = ipma.importance_line;
  out["performance_line"] = ipma.performance_line;
  out["indicator_importance_line"] = ipma.indicator_importance_line;
  out["indicator_performance_line"] = ipma.indicator_performance_line;
  out["constructs"] = points(ipma.constructs);
  out["indicators"] = points(ipma.indicators);
  out["rescaled_weights"] = ipma.rescaled_weights;
  out["resamples"] = ipma.resamples;
  out["confidence"] = ipma.resamples > 0 ? ordered_json(ipma.confidence) : ordered_json(nullptr);
  out["warnings"] = diagnostics(ipma.warnings);
  return out;
}

ordered_json document(const pls_predict_result& predict) {
  ordered_json out;
  out["format"] = "excellence.pls_predict/1";
  out["n"] = predict.n;
  out["folds"] = predict.folds;
  out["repetitions"] = predict.repetitions;
  out["seed"] = predict.seed;
  out["indicators"] = ordered_json::array();
  for (const auto& x : predict.indicators)
    out["indicators"].push_back({{"name", x.name},
                                 {"construct", x.construct},
                                 {"rmse", x.rmse},
                                 {"mae", x.mae},
                                 {"q2_predict", x.q2_predict},
                                 {"lm_rmse", x.lm_rmse},
                                 {"lm_mae", x.lm_mae}});
  out["cvpat"] = ordered_json::array();
  for (const auto& c : predict.cvpat)
    out["cvpat"].push_back({{"benchmark", c.benchmark},
                            {"construct", c.construct.empty() ? ordered_json(nullptr) : ordered_json(c.construct)},
                            {"loss_difference", c.loss_difference},
                            {"t", optional_number(c.t)},
                            {"p_better", optional_number(c.p_better)},
                            {"p_two_sided", optional_number(c.p_two_sided)},
                            {"df", c.df}});
  return out;
}

ordered_json document(const pls_model_fit_result& fit) {
  const auto matrix = [](const Eigen::MatrixXd& m) {
    ordered_json rows = ordered_json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      ordered_json row = ordered_json::array();
      for (Eigen::Index j = 0; j < m.cols(); ++j) row.push_back(m(i, j));
      rows.push_back(std::move(row));
    }
    return rows;
  };
  const auto variant = [&](const pls_model_fit_variant& v) {
    ordered_json measures = ordered_json::array();
    for (const auto& m : v.measures)
      measures.push_back({{"name", m.name},
                          {"value", optional_number(m.value)},
                          {"q95", optional_number(m.q95)},
                          {"q99", optional_number(m.q99)},
                          {"p_value", optional_number(m.p_value)}});
    return ordered_json{{"succeeded", v.succeeded}, {"measures", std::move(measures)}, {"implied", matrix(v.implied)}};
  };
  ordered_json out;
  out["format"] = "excellence.pls_model_fit/1";
  out["n"] = fit.n;
  out["common_factor"] = fit.common_factor;
  out["resamples"] = fit.resamples;
  out["seed"] = fit.seed;
  out["saturated"] = variant(fit.saturated);
  out["estimated"] = variant(fit.estimated);
  out["indicators"] = fit.indicators;
  out["observed"] = matrix(fit.observed);
  out["warnings"] = diagnostics(fit.warnings);
  return out;
}

ordered_json document(const pls_mga_result& mga) {
  const auto differences = [](const std::vector<pls_group_difference>& list) {
    ordered_json out = ordered_json::array();
    for (const auto& d : list)
      out.push_back({{"name", d.name},
                     {"first", d.first},
                     {"second", d.second},
                     {"difference", d.difference},
                     {"p_permutation", d.p_permutation},
                     {"p_henseler", optional_number(d.p_henseler)}});
    return out;
  };
  ordered_json out;
  out["format"] = "excellence.pls_mga/1";
  out["groups"] = {mga.groups[0], mga.groups[1]};
  out["n"] = {mga.n[0], mga.n[1]};
  out["permutations"] = mga.permutations;
  out["succeeded"] = mga.succeeded;
  out["resamples"] = mga.resamples;
  out["seed"] = mga.seed;
  out["paths"] = differences(mga.paths);
  out["weights"] = differences(mga.weights);
  out["loadings"] = differences(mga.loadings);
  ordered_json micom = ordered_json::array();
  for (const auto& m : mga.micom)
    micom.push_back({{"name", m.name},
                     {"c", m.c},
                     {"c_q05", m.c_q05},
                     {"c_p", m.c_p},
                     {"mean_difference", m.mean_difference},
                     {"mean_lo", m.mean_lo},
                     {"mean_hi", m.mean_hi},
                     {"mean_p", m.mean_p},
                     {"log_variance_ratio", m.log_variance_ratio},
                     {"variance_lo", m.variance_lo},
                     {"variance_hi", m.variance_hi},
                     {"variance_p", m.variance_p}});
  out["micom"] = std::move(micom);
  out["warnings"] = diagnostics(mga.warnings);
  return out;
}

}  // namespace excellence::inline v1::report_detail

namespace excellence::inline v1 {

using report_detail::document;
using report_detail::dump;

std::string to_json(const assessment_score& s, int indent) {
  return dump(document(s), indent);
}
std::string to_json(const consensus_result& c, int indent) {
  return dump(document(c), indent);
}
std::string to_json(const clv_fit& fit, int indent) {
  return dump(document(fit), indent);
}
std::string to_json(const clv_covariate_fit& f, int indent) {
  return dump(document(f), indent);
}
std::string to_json(const nps_result& r, const nps_interval& interval, int indent) {
  return dump(document(r, interval), indent);
}
std::string to_json(const csat_result& r, int indent) {
  return dump(document(r), indent);
}
std::string to_json(const simple_clv_result& r, std::optional<time_unit> unit, int indent) {
  return dump(document(r, unit), indent);
}
std::string to_json(const value_summary& v, int indent) {
  return dump(document(v), indent);
}
std::string to_json(const rfm_analysis& a, int indent) {
  return dump(document(a), indent);
}
std::string to_json(const complaint_summary& s, int indent) {
  return dump(document(s), indent);
}
std::string to_json(const kano_table& t, int indent) {
  return dump(document(t), indent);
}
std::string to_json(const servqual_result& r, int indent) {
  return dump(document(r), indent);
}
std::string to_json(const results_evidence& e, const std::vector<diagnostic>& warnings, int indent) {
  return dump(document(e, warnings), indent);
}
std::string to_json(const cohort_table& t, int indent) {
  return dump(document(t), indent);
}
std::string to_json(const retention_analysis& a, int indent) {
  return dump(document(a), indent);
}
std::string to_json(const holdout_validation& v, int indent) {
  return dump(document(v), indent);
}
std::string to_json(const pls_predict_result& predict, int indent) {
  return dump(document(predict), indent);
}
std::string to_json(const pls_model_fit_result& fit, int indent) {
  return dump(document(fit), indent);
}
std::string to_json(const pls_mga_result& mga, int indent) {
  return dump(document(mga), indent);
}
std::string to_json(const pls_ipma_result& ipma, int indent) {
  return dump(document(ipma), indent);
}
std::string to_json(const pls_fit& fit, const pls_bootstrap_result* bootstrap, const pls_index_result* index,
                    int indent) {
  return dump(document(fit, bootstrap, index), indent);
}

}  // namespace excellence::inline v1
