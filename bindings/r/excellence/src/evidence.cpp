// Results evidence for R (docs/r.md): a measures file and its series to the bands the data
// support, the series as a data frame, and the warnings against examiners.
#include "common.h"

#include <excellence/evidence/results_evidence.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/evidence_files.hpp>
#include <excellence/report/json.hpp>

using namespace excellence;
using excellence::r::failure;

namespace {

Rcpp::DataFrame series_frame(const results_evidence& e) {
  const auto& s = e.series;
  std::vector<std::string> period, status;
  std::vector<double> target_gap, slope, p_value;
  for (const auto& one : s) {
    period.push_back(format_period_label(one.level.period, e.notation));
    status.push_back(std::string(to_string(one.trend.status)));
    target_gap.push_back(r::or_na(one.level.target_gap));
    slope.push_back(one.trend.theil_sen ? one.trend.theil_sen->slope : NA_REAL);
    p_value.push_back(one.trend.mann_kendall ? one.trend.mann_kendall->p_value : NA_REAL);
  }
  return Rcpp::DataFrame::create(
      Rcpp::Named("measure") = r::column(s, &series_evidence::measure),
      Rcpp::Named("segment") = r::column(s, &series_evidence::segment),
      Rcpp::Named("key") = r::column(s, &series_evidence::key), Rcpp::Named("period") = period,
      Rcpp::Named("value") = r::column(s, [](const series_evidence& x) { return x.level.value; }),
      Rcpp::Named("target_gap") = target_gap,
      Rcpp::Named("rank") = r::column(s, [](const series_evidence& x) { return static_cast<int>(x.level.rank); }),
      Rcpp::Named("good") = r::column(s, [](const series_evidence& x) { return x.level.good; }),
      Rcpp::Named("trend") = status, Rcpp::Named("slope") = slope, Rcpp::Named("p_value") = p_value,
      Rcpp::Named("sustained") = r::column(s, [](const series_evidence& x) { return x.trend.sustained; }),
      Rcpp::Named("favourable") = r::column(s, &series_evidence::favourable),
      Rcpp::Named("leading") = r::column(s, &series_evidence::leading), Rcpp::Named("stringsAsFactors") = false);
}

Rcpp::DataFrame items_frame(const results_evidence& e) {
  std::vector<std::string> item, dimension, band, reason_en, reason_zh;
  std::vector<int> min_percent, max_percent;
  for (const auto& i : e.items)
    for (const auto& s : i.support) {
      item.push_back(i.item);
      dimension.push_back(std::string(to_string(s.dimension)));
      band.push_back(score_bands[static_cast<std::size_t>(s.band) - 1].label());
      reason_en.push_back(s.reason_en);
      reason_zh.push_back(s.reason_zh);
      min_percent.push_back(i.min_percent);
      max_percent.push_back(i.max_percent);
    }
  return Rcpp::DataFrame::create(Rcpp::Named("item") = item, Rcpp::Named("dimension") = dimension,
                                 Rcpp::Named("band") = band, Rcpp::Named("min_percent") = min_percent,
                                 Rcpp::Named("max_percent") = max_percent, Rcpp::Named("reason_en") = reason_en,
                                 Rcpp::Named("reason_zh") = reason_zh, Rcpp::Named("stringsAsFactors") = false);
}

}  // namespace

// [[Rcpp::export]]
SEXP cpp_evidence(const std::string& measures, const std::string& series, const Rcpp::CharacterVector& texts,
                  const Rcpp::CharacterVector& sources, double some, double many, double most, double significance,
                  double confidence, int trend_periods, int sustained_periods, const std::string& integration_scope) {
  if (trend_periods < 0 || sustained_periods < 0)
    return r::argument_failure("trend_periods", "period counts must not be negative");
  evidence_options options;
  options.shares = {some, many, most};
  options.significance = significance;
  options.confidence = confidence;
  options.trend_periods = static_cast<std::size_t>(trend_periods);
  options.sustained_periods = static_cast<std::size_t>(sustained_periods);
  options.integration_scope = integration_scope;
  auto e = try_read_results_evidence(measures, series, options);
  if (!e) return failure(e.error());
  std::vector<diagnostic> warnings;
  for (R_xlen_t i = 0; i < texts.size(); ++i) {
    auto a = try_parse_assessment(Rcpp::as<std::string>(texts[i]), Rcpp::as<std::string>(sources[i]));
    if (!a) return failure(a.error());
    for (auto& w : check_assessment(*e, *a)) warnings.push_back(std::move(w));
  }
  return Rcpp::List::create(Rcpp::Named("organization") = e->organization, Rcpp::Named("series") = series_frame(*e),
                            Rcpp::Named("items") = items_frame(*e), Rcpp::Named("checks") = r::warnings_frame(warnings),
                            Rcpp::Named("json") = to_json(*e, warnings));
}

// [[Rcpp::export]]
SEXP cpp_mann_kendall(const Rcpp::NumericVector& values) {
  auto r = try_mann_kendall(r::span_of(values));
  if (!r) return failure(r.error());
  return Rcpp::List::create(Rcpp::Named("n") = static_cast<int>(r->n), Rcpp::Named("s") = static_cast<double>(r->s),
                            Rcpp::Named("tau") = r->tau, Rcpp::Named("tie_groups") = static_cast<int>(r->tie_groups),
                            Rcpp::Named("variance") = r->variance, Rcpp::Named("z") = r->z,
                            Rcpp::Named("p_value") = r->p_value, Rcpp::Named("exact") = r->exact);
}

// [[Rcpp::export]]
SEXP cpp_theil_sen(const Rcpp::NumericVector& times, const Rcpp::NumericVector& values, double confidence) {
  auto r = try_theil_sen(r::span_of(times), r::span_of(values), confidence);
  if (!r) return failure(r.error());
  return Rcpp::List::create(Rcpp::Named("slope") = r->slope, Rcpp::Named("intercept") = r->intercept,
                            Rcpp::Named("lower") = r::or_na(r->lower), Rcpp::Named("upper") = r::or_na(r->upper),
                            Rcpp::Named("confidence") = r->confidence,
                            Rcpp::Named("slopes") = static_cast<int>(r->slopes));
}
