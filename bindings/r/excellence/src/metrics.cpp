// Satisfaction, value and loyalty metrics for R (R/metrics.R). Each function takes
// columns (the R code picks them out of a data frame or takes vectors) and returns its
// result as a list the R code shapes into data frames.
#include "common.h"

#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/report/json.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/ipa.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/nps.hpp>
#include <excellence/satisfaction/servqual.hpp>
#include <excellence/value/comparison.hpp>

#include <cmath>

using namespace excellence;
using excellence::r::checked;
using excellence::r::or_na;
using excellence::r::span_of;

namespace {

// Answers that may be missing: NA is an absent answer.
std::vector<std::optional<double>> optional_answers(const Rcpp::NumericVector& v) {
  std::vector<std::optional<double>> out;
  out.reserve(static_cast<std::size_t>(v.size()));
  for (const double x : v) out.push_back(std::isnan(x) ? std::nullopt : std::optional<double>(x));
  return out;
}

}  // namespace

// [[Rcpp::export]]
SEXP cpp_nps(const Rcpp::NumericVector& answers, const Rcpp::Nullable<Rcpp::NumericVector>& weights, double confidence,
             const std::string& interval, int scale_min, int scale_max, int detractor_max, int promoter_min) {
  const auto method = nps_interval_method_names.parse(interval);
  if (!method) return r::argument_failure("interval", "expected wald or adjusted-wald, not '" + interval + "'");
  std::optional<Rcpp::NumericVector> keep;
  auto score =
      try_nps(span_of(answers), {scale_min, scale_max, detractor_max, promoter_min}, r::optional_span(weights, keep));
  if (!score) return r::failure(score.error());
  return checked(try_nps_interval(*score, confidence, *method), [&](const nps_interval& i) {
    const auto& s = *score;
    return Rcpp::List::create(Rcpp::Named("nps") = s.nps, Rcpp::Named("se") = s.se, Rcpp::Named("lower") = i.lower,
                              Rcpp::Named("upper") = i.upper, Rcpp::Named("confidence") = i.confidence,
                              Rcpp::Named("n") = s.n, Rcpp::Named("promoters") = s.promoters,
                              Rcpp::Named("passives") = s.passives, Rcpp::Named("detractors") = s.detractors,
                              Rcpp::Named("effective_n") = s.effective_n, Rcpp::Named("json") = to_json(s, i));
  });
}

// [[Rcpp::export]]
SEXP cpp_csat(const Rcpp::NumericVector& ratings, int scale_min, int scale_max, int top_box_min, double confidence) {
  return checked(try_csat(span_of(ratings), {scale_min, scale_max, top_box_min}, confidence), [](const csat_result& c) {
    return Rcpp::List::create(Rcpp::Named("csat") = c.csat, Rcpp::Named("lower") = c.lower,
                              Rcpp::Named("upper") = c.upper, Rcpp::Named("confidence") = c.confidence,
                              Rcpp::Named("mean_rating") = c.mean_rating,
                              Rcpp::Named("satisfied") = static_cast<double>(c.satisfied),
                              Rcpp::Named("n") = static_cast<double>(c.n), Rcpp::Named("json") = to_json(c));
  });
}

// [[Rcpp::export]]
SEXP cpp_servqual(const std::vector<std::string>& respondent, const std::vector<std::string>& item,
                  const std::vector<std::string>& dimension, const Rcpp::Nullable<Rcpp::NumericVector>& expectation,
                  const Rcpp::NumericVector& perception, const Rcpp::Nullable<Rcpp::NumericVector>& importance,
                  int scale_min, int scale_max, const std::string& missing) {
  servqual_options o;
  o.scale_min = scale_min;
  o.scale_max = scale_max;
  const auto rule = missing_answers_names.parse(missing);
  if (!rule) return r::argument_failure("missing", "expected " + std::string(missing_answers_names.choices()));
  o.missing = *rule;
  if (importance.isNotNull()) o.importance = Rcpp::as<std::vector<double>>(importance.get());
  const auto e = expectation.isNull() ? std::vector<std::optional<double>>{}
                                      : optional_answers(Rcpp::NumericVector(expectation.get()));
  const auto p = optional_answers(perception);
  const auto model = expectation.isNull() ? servqual_model::servperf : servqual_model::servqual;
  return checked(try_servqual_long({respondent, item, dimension, e, p}, model, o), [](const servqual_result& s) {
    using d = servqual_dimension_result;
    using i = servqual_item_result;
    const auto& ds = s.dimensions;
    const auto& is = s.items;
    const auto name = [](const auto& x) { return std::string(to_string(x.dimension)); };
    return Rcpp::List::create(
        Rcpp::Named("model") = std::string(to_string(s.model)),
        Rcpp::Named("dimensions") = Rcpp::DataFrame::create(
            Rcpp::Named("dimension") = r::column(ds, name), Rcpp::Named("score") = r::column(ds, &d::score),
            Rcpp::Named("perception") = r::column(ds, &d::perception),
            Rcpp::Named("expectation") = r::column(ds, [](const d& x) { return or_na(x.expectation); }),
            Rcpp::Named("items") = r::column(ds, [](const d& x) { return static_cast<int>(x.items); }),
            Rcpp::Named("weight") = r::column(ds, &d::weight), Rcpp::Named("stringsAsFactors") = false),
        Rcpp::Named("items") = Rcpp::DataFrame::create(
            Rcpp::Named("item") = r::column(is, &i::id), Rcpp::Named("dimension") = r::column(is, name),
            Rcpp::Named("score") = r::column(is, &i::score), Rcpp::Named("perception") = r::column(is, &i::perception),
            Rcpp::Named("expectation") = r::column(is, [](const i& x) { return or_na(x.expectation); }),
            Rcpp::Named("n") = r::column(is, [](const i& x) { return static_cast<int>(x.n); }),
            Rcpp::Named("dropped") = r::column(is, [](const i& x) { return static_cast<int>(x.dropped); }),
            Rcpp::Named("stringsAsFactors") = false),
        Rcpp::Named("unweighted") = s.unweighted, Rcpp::Named("weighted") = or_na(s.weighted),
        Rcpp::Named("respondents") = static_cast<double>(s.respondents),
        Rcpp::Named("dropped") = static_cast<double>(s.dropped),
        Rcpp::Named("warnings") = r::warnings_frame(s.warnings), Rcpp::Named("json") = to_json(s));
  });
}

// [[Rcpp::export]]
SEXP cpp_kano(const std::vector<std::string>& attribute, const Rcpp::NumericVector& functional,
              const Rcpp::NumericVector& dysfunctional, double tie_margin) {
  return checked(
      try_kano_by_attribute(attribute, span_of(functional), span_of(dysfunctional), {.tie_margin = tie_margin}),
      [](const kano_table& t) {
        using k = kano_attribute;
        const auto& a = t.attributes;
        return Rcpp::List::create(
            Rcpp::Named("table") = Rcpp::DataFrame::create(
                Rcpp::Named("attribute") = r::column(a, &k::name),
                Rcpp::Named("category") =
                    r::column(a, [](const k& x) { return std::string(to_string(x.result.category)); }),
                Rcpp::Named("n") = r::column(a, [](const k& x) { return static_cast<int>(x.result.n); }),
                Rcpp::Named("better") = r::column(a, [](const k& x) { return or_na(x.result.better); }),
                Rcpp::Named("worse") = r::column(a, [](const k& x) { return or_na(x.result.worse); }),
                Rcpp::Named("questionable_share") =
                    r::column(a, [](const k& x) { return x.result.questionable_share; }),
                Rcpp::Named("stringsAsFactors") = false),
            Rcpp::Named("json") = to_json(t));
      });
}

// [[Rcpp::export]]
SEXP cpp_ipa(const std::vector<std::string>& names, const Rcpp::NumericVector& importance,
             const Rcpp::NumericVector& performance, const std::string& crosshair, double scale_min, double scale_max,
             double importance_line, double performance_line) {
  ipa_options o;
  bool known = false;
  for (const auto c : {ipa_crosshair::data_means, ipa_crosshair::scale_midpoint, ipa_crosshair::given})
    if (crosshair == to_string(c)) {
      o.crosshair = c;
      known = true;
    }
  if (!known) return r::argument_failure("crosshair", "expected data_means, scale_midpoint or given");
  o.importance_min = o.performance_min = scale_min;
  o.importance_max = o.performance_max = scale_max;
  o.importance_line = importance_line;
  o.performance_line = performance_line;
  std::vector<ipa_attribute> attributes;
  for (std::size_t k = 0; k < names.size(); ++k)
    attributes.push_back({names[k], importance[static_cast<R_xlen_t>(k)], performance[static_cast<R_xlen_t>(k)]});
  return checked(try_ipa(attributes, o), [](const ipa_result& r) {
    const auto& a = r.attributes;
    return Rcpp::List::create(
        Rcpp::Named("table") =
            Rcpp::DataFrame::create(Rcpp::Named("attribute") = r::column(a, &ipa_point::name),
                                    Rcpp::Named("importance") = r::column(a, &ipa_point::importance),
                                    Rcpp::Named("performance") = r::column(a, &ipa_point::performance),
                                    Rcpp::Named("quadrant") = r::column(
                                        a, [](const ipa_point& p) { return std::string(to_string(p.quadrant)); }),
                                    Rcpp::Named("stringsAsFactors") = false),
        Rcpp::Named("crosshair") = std::string(to_string(r.crosshair)),
        Rcpp::Named("importance_line") = r.importance_line, Rcpp::Named("performance_line") = r.performance_line);
  });
}

// [[Rcpp::export]]
SEXP cpp_delivered_value(const std::vector<std::string>& respondent, const std::vector<std::string>& offer,
                         const Rcpp::List& amounts, const Rcpp::Nullable<Rcpp::NumericVector>& sensitivity) {
  // The eight components in value_components order; the R code checked the names.
  value_answers answers;
  answers.respondent = respondent;
  answers.offer = offer;
  std::vector<Rcpp::NumericVector> columns;
  columns.reserve(value_components.size());
  for (std::size_t k = 0; k < value_components.size(); ++k) {
    columns.emplace_back(amounts[static_cast<R_xlen_t>(k)]);
    answers.amounts[k] = span_of(columns.back());
  }
  value_summary_options o;
  if (sensitivity.isNotNull()) o.sensitivity = Rcpp::as<double>(sensitivity.get());
  return checked(try_value_summary(answers, o), [](const value_summary& v) {
    using x = offer_summary;
    const auto& os = v.offers;
    return Rcpp::List::create(
        Rcpp::Named("table") = Rcpp::DataFrame::create(
            Rcpp::Named("offer") = r::column(os, &x::name), Rcpp::Named("total_value") = r::column(os, &x::total_value),
            Rcpp::Named("total_cost") = r::column(os, &x::total_cost),
            Rcpp::Named("delivered_value") = r::column(os, &x::delivered_value),
            Rcpp::Named("value_ratio") = r::column(os, [](const x& row) { return or_na(row.value_ratio); }),
            Rcpp::Named("preferred_share") = r::column(os, &x::preferred_share),
            Rcpp::Named("choice_share") = r::column(os, [](const x& row) { return or_na(row.choice_share); }),
            Rcpp::Named("stringsAsFactors") = false),
        Rcpp::Named("preferred") = v.preferred, Rcpp::Named("respondents") = static_cast<double>(v.respondents),
        Rcpp::Named("json") = to_json(v));
  });
}

// [[Rcpp::export]]
Rcpp::CharacterVector cpp_value_components() {
  Rcpp::CharacterVector out;
  for (const auto c : value_components) out.push_back(std::string(to_string(c)));
  return out;
}

// [[Rcpp::export]]
SEXP cpp_retention(const std::vector<std::string>& customers, const std::vector<std::string>& periods,
                   const std::string& unit) {
  const auto u = time_unit_names.parse(unit);
  if (!u) return r::argument_failure("unit", "expected " + std::string(time_unit_names.choices()));
  return checked(try_cohort_retention(customers, periods, *u), [](const cohort_table& t) {
    const auto ages = t.retention_by_age.size();
    std::vector<std::string> cohort;
    std::vector<int> size;
    Rcpp::NumericMatrix retention(static_cast<int>(t.cohorts.size()), static_cast<int>(ages));
    Rcpp::NumericMatrix active(static_cast<int>(t.cohorts.size()), static_cast<int>(ages));
    std::fill(retention.begin(), retention.end(), NA_REAL);
    std::fill(active.begin(), active.end(), NA_REAL);
    for (std::size_t c = 0; c < t.cohorts.size(); ++c) {
      const auto& row = t.cohorts[c];
      cohort.push_back(format_period_label(row.cohort, t.notation));
      size.push_back(static_cast<int>(row.size));
      for (std::size_t a = 0; a < row.retention.size() && a < ages; ++a) {
        retention(static_cast<int>(c), static_cast<int>(a)) = row.retention[a];
        active(static_cast<int>(c), static_cast<int>(a)) = row.active_share[a];
      }
    }
    return Rcpp::List::create(
        Rcpp::Named("cohort") = cohort, Rcpp::Named("size") = size, Rcpp::Named("retention") = retention,
        Rcpp::Named("active_share") = active, Rcpp::Named("retention_by_age") = t.retention_by_age,
        Rcpp::Named("active_share_by_age") = t.active_share_by_age,
        Rcpp::Named("customers") = static_cast<double>(t.customers), Rcpp::Named("json") = to_json(t));
  });
}

// [[Rcpp::export]]
SEXP cpp_rfm(const std::vector<std::string>& customers, const Rcpp::NumericVector& recency,
             const Rcpp::NumericVector& frequency, const Rcpp::NumericVector& monetary, int bins) {
  return checked(
      try_rfm_analysis(customers, span_of(recency), span_of(frequency), span_of(monetary), {.bins = bins}),
      [](const rfm_analysis& a) {
        std::vector<int> r, f, m;
        std::vector<std::string> segment;
        for (const auto& s : a.scores.scores) {
          r.push_back(s.recency);
          f.push_back(s.frequency);
          m.push_back(s.monetary);
          segment.push_back(segment_code(s, a.scores.bins));
        }
        const bool concentration = a.concentration.has_value();
        return Rcpp::List::create(
            Rcpp::Named("table") = Rcpp::DataFrame::create(
                Rcpp::Named("customer") = a.customers, Rcpp::Named("r") = r, Rcpp::Named("f") = f, Rcpp::Named("m") = m,
                Rcpp::Named("segment") = segment, Rcpp::Named("stringsAsFactors") = false),
            Rcpp::Named("gini") = concentration ? or_na(a.concentration->gini) : NA_REAL,
            Rcpp::Named("top_20_share") = concentration ? or_na(a.concentration->top_share(0.2)) : NA_REAL,
            Rcpp::Named("json") = to_json(a));
      });
}
