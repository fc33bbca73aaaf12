// Contractual retention models for R (R/retention.R): the sBG and BdW fits, the curve and
// lifetimes at given parameters, and the analysis per segment.
#include "common.h"

#include <excellence/models/retention/analysis.hpp>
#include <excellence/models/retention/fit.hpp>
#include <excellence/models/retention/lifetime.hpp>
#include <excellence/models/retention/survivors.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

using namespace excellence;
using excellence::r::checked;
using excellence::r::failure;
using excellence::r::span_of;

namespace {

Rcpp::List fit_list(const retention_fit& f) {
  const auto covariance = r::covariance_matrix(f.covariance, f.names.size());
  return Rcpp::List::create(Rcpp::Named("model") = std::string(to_string(f.model)), Rcpp::Named("names") = f.names,
                            Rcpp::Named("params") = f.params, Rcpp::Named("standard_errors") = f.standard_errors,
                            Rcpp::Named("covariance") = covariance, Rcpp::Named("log_likelihood") = f.log_likelihood,
                            Rcpp::Named("converged") = f.converged, Rcpp::Named("evaluations") = f.evaluations,
                            Rcpp::Named("status") = f.status, Rcpp::Named("customers") = f.customers,
                            Rcpp::Named("cohorts") = static_cast<double>(f.cohorts),
                            Rcpp::Named("observations") = static_cast<double>(f.observations),
                            Rcpp::Named("warnings") = r::warnings_frame(f.warnings));
}

std::optional<retention_model> model_of(const std::string& name) {
  return retention_model_names.parse(name);
}

}  // namespace

// [[Rcpp::export]]
SEXP cpp_retention_fit(const std::vector<std::string>& cohorts, const Rcpp::NumericVector& ages,
                       const Rcpp::NumericVector& survivors, const std::string& model, const std::vector<double>& start,
                       int max_evaluations, double tolerance) {
  const auto m = model_of(model);
  if (!m) return r::argument_failure("model", "expected " + retention_model_names.choices());
  const auto c = try_survivor_cohorts({}, cohorts, span_of(ages), span_of(survivors));
  if (!c) return failure(c.error());
  retention_fit_options o;
  o.start = start;
  o.max_evaluations = max_evaluations;
  o.tolerance = tolerance;
  r::interrupt_watch watch;
  return checked(try_fit_retention(*m, *c, o, watch.control()), fit_list, &watch);
}

// [[Rcpp::export]]
SEXP cpp_retention_curve(double alpha, double beta, double c, const Rcpp::NumericVector& t) {
  const retention_curve curve{alpha, beta, c};
  Rcpp::NumericVector s(t.size()), r(t.size());
  for (R_xlen_t i = 0; i < t.size(); ++i) {
    s[i] = survival(curve, t[i]);
    r[i] = t[i] >= 1 ? retention_rate(curve, t[i]) : NA_REAL;
  }
  return Rcpp::List::create(Rcpp::Named("survival") = s, Rcpp::Named("retention") = r);
}

// [[Rcpp::export]]
SEXP cpp_retention_lifetime(double alpha, double beta, double c, double discount, const std::vector<int>& renewals) {
  const retention_curve curve{alpha, beta, c};
  const auto del = try_discounted_expected_lifetime(curve, discount);
  if (!del) return failure(del.error());
  std::vector<double> derl, elasticity;
  for (const int n : renewals) {
    if (n < 0) return r::argument_failure("renewals", "renewal counts are whole numbers >= 0");
    const auto d = try_discounted_residual_lifetime(curve, discount, static_cast<std::size_t>(n));
    if (!d) return failure(d.error());
    derl.push_back(*d);
    const auto e =
        c == 1.0 ? try_retention_elasticity(curve, discount, static_cast<std::size_t>(n)) : result<double>(NA_REAL);
    if (!e) return failure(e.error());
    elasticity.push_back(*e);
  }
  return Rcpp::List::create(Rcpp::Named("expected_lifetime") = *del, Rcpp::Named("residual_lifetime") = derl,
                            Rcpp::Named("elasticity") = elasticity);
}

// [[Rcpp::export]]
SEXP cpp_retention_analysis(const std::vector<std::string>& segments, const std::vector<std::string>& cohorts,
                            const Rcpp::NumericVector& ages, const Rcpp::NumericVector& survivors,
                            const std::string& model, const Rcpp::Nullable<Rcpp::NumericVector>& discount, int horizon,
                            const Rcpp::Nullable<Rcpp::IntegerVector>& fit_through, const std::string& unit) {
  retention_analysis_options o;
  const auto m = model_of(model);
  if (!m) return r::argument_failure("model", "expected " + retention_model_names.choices());
  o.model = *m;
  const auto u = time_unit_names.parse(unit);
  if (!u) return r::argument_failure("unit", "expected " + time_unit_names.choices());
  o.unit = *u;
  if (discount.isNotNull()) o.discount = Rcpp::NumericVector(discount)[0];
  if (horizon < 0) return r::argument_failure("horizon", "expected a whole number >= 0");
  o.horizon = static_cast<std::size_t>(horizon);
  if (fit_through.isNotNull()) {
    const int k = Rcpp::IntegerVector(fit_through)[0];
    if (k < 0) return r::argument_failure("fit_through", "expected a whole number >= 1");
    o.fit_through = static_cast<std::size_t>(k);
  }
  const auto c = try_survivor_cohorts(segments, cohorts, span_of(ages), span_of(survivors));
  if (!c) return failure(c.error());
  r::interrupt_watch watch;
  return checked(
      try_analyse_retention(*c, o, watch.control()),
      [](const retention_analysis& a) {
        Rcpp::List out;
        for (const auto& s : a.segments) {
          const auto& rows = s.ages;
          Rcpp::DataFrame ages_frame = Rcpp::DataFrame::create(
              Rcpp::Named("age") = r::column(rows, [](const retention_age& x) { return static_cast<double>(x.age); }),
              Rcpp::Named("survivors") = r::column(rows, [](const retention_age& x) { return r::or_na(x.survivors); }),
              Rcpp::Named("expected_survivors") =
                  r::column(rows, [](const retention_age& x) { return r::or_na(x.expected_survivors); }),
              Rcpp::Named("observed_survival") =
                  r::column(rows, [](const retention_age& x) { return r::or_na(x.observed_survival); }),
              Rcpp::Named("survival") = r::column(rows, &retention_age::survival),
              Rcpp::Named("observed_retention") =
                  r::column(rows, [](const retention_age& x) { return r::or_na(x.observed_retention); }),
              Rcpp::Named("retention") = r::column(rows, [](const retention_age& x) { return r::or_na(x.retention); }),
              Rcpp::Named("held_out") = r::column(rows, &retention_age::held_out));
          const auto& n = s.renewals;
          Rcpp::DataFrame renewals = Rcpp::DataFrame::create(
              Rcpp::Named("renewals") =
                  r::column(n, [](const retention_renewal& x) { return static_cast<double>(x.renewals); }),
              Rcpp::Named("residual_lifetime") = r::column(n, &retention_renewal::residual_lifetime),
              Rcpp::Named("elasticity") =
                  r::column(n, [](const retention_renewal& x) { return r::or_na(x.elasticity); }));
          out.push_back(Rcpp::List::create(Rcpp::Named("segment") = s.segment, Rcpp::Named("cohorts") = s.cohorts,
                                           Rcpp::Named("fit") = fit_list(s.fit), Rcpp::Named("ages") = ages_frame,
                                           Rcpp::Named("expected_lifetime") = r::or_na(s.expected_lifetime),
                                           Rcpp::Named("renewals") = renewals));
        }
        return Rcpp::List::create(Rcpp::Named("segments") = out, Rcpp::Named("json") = to_json(a),
                                  Rcpp::Named("text") = to_text(a));
      },
      &watch);
}
