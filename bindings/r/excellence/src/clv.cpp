// Lifetime-value models for R (R/clv.R): transaction summaries, the five fits, and
// predictions from a fit's document (excellence.clv_fit/1, which the R object keeps),
// read back by the library's own reader.
//
// Thread counts arrive checked (R/errors.R: threads_arg): 0 for all cores, or a count.
#include "common.h"

#include <excellence/io/clv_fit_json.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/report/json.hpp>

#include <chrono>
#include <cmath>

using namespace excellence;
using excellence::r::checked;
using excellence::r::failure;
using excellence::r::span_of;

// [[Rcpp::export]]
SEXP cpp_clv_summary(const std::vector<std::string>& customers, const Rcpp::NumericVector& days,
                     const Rcpp::NumericVector& amounts, double end, const std::string& unit) {
  const auto u = clv_time_unit_names.parse(unit);
  if (!u) return r::argument_failure("unit", "expected " + clv_time_unit_names.choices());
  std::vector<transaction_record> records(customers.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const double d = days[static_cast<R_xlen_t>(i)];
    if (!std::isfinite(d))
      return failure(diagnostic{errc::invalid_value, "", 0, 0, field_path("date").index(i), "the date is missing"});
    records[i] = {customers[i], std::chrono::sys_days(std::chrono::days(static_cast<std::int64_t>(std::floor(d)))),
                  amounts[static_cast<R_xlen_t>(i)]};
  }
  const std::chrono::sys_days last(std::chrono::days(static_cast<std::int64_t>(std::floor(end))));
  return checked(try_summarize_transactions(records, last, *u), [](const transaction_summary& s) {
    return Rcpp::List::create(
        Rcpp::Named("customer") = s.customers, Rcpp::Named("frequency") = s.frequency,
        Rcpp::Named("recency") = s.recency, Rcpp::Named("T") = s.age, Rcpp::Named("monetary_value") = s.monetary_value,
        Rcpp::Named("records") = static_cast<double>(s.records), Rcpp::Named("merged") = static_cast<double>(s.merged),
        Rcpp::Named("after_end") = static_cast<double>(s.after_end),
        Rcpp::Named("customers_after_end") = static_cast<double>(s.customers_after_end));
  });
}

// [[Rcpp::export]]
SEXP cpp_clv_fit(const std::string& model, const Rcpp::NumericVector& frequency, const Rcpp::NumericVector& recency,
                 const Rcpp::NumericVector& age, const Rcpp::NumericVector& monetary,
                 const Rcpp::NumericVector& weights, const std::vector<double>& start, int max_evaluations,
                 double tolerance, unsigned threads) {
  const auto m = parse_clv_model(model);
  if (!m) return r::argument_failure("model", "expected bgnbd, pnbd, mbgnbd, bgbb or gamma_gamma");
  const clv_columns columns{span_of(frequency), span_of(recency), span_of(age), span_of(monetary), span_of(weights)};
  clv_fit_options o;
  o.start = start;
  o.max_evaluations = max_evaluations;
  o.tolerance = tolerance;
  o.threads = threads;
  r::interrupt_watch watch;
  return checked(
      try_fit_clv(*m, columns, o, watch.control()),
      [](const clv_fit& f) {
        const auto k = static_cast<int>(f.names.size());
        Rcpp::NumericMatrix covariance(k, k);
        if (f.covariance.empty())
          std::fill(covariance.begin(), covariance.end(), NA_REAL);
        else
          for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) covariance(i, j) = f.covariance[static_cast<std::size_t>(i * k + j)];
        return Rcpp::List::create(
            Rcpp::Named("model") = std::string(to_string(f.model)), Rcpp::Named("title") = std::string(title(f.model)),
            Rcpp::Named("names") = f.names, Rcpp::Named("params") = f.params,
            Rcpp::Named("standard_errors") = f.standard_errors, Rcpp::Named("covariance") = covariance,
            Rcpp::Named("log_likelihood") = f.log_likelihood, Rcpp::Named("converged") = f.converged,
            Rcpp::Named("evaluations") = f.evaluations, Rcpp::Named("status") = f.status,
            Rcpp::Named("customers") = f.customers, Rcpp::Named("left_out") = static_cast<double>(f.left_out),
            Rcpp::Named("warnings") = r::warnings_frame(f.warnings), Rcpp::Named("json") = to_json(f));
      },
      &watch);
}

// [[Rcpp::export]]
SEXP cpp_clv_predict(const std::string& fit_document, const Rcpp::NumericVector& frequency,
                     const Rcpp::NumericVector& recency, const Rcpp::NumericVector& age, double horizon,
                     unsigned threads) {
  const auto fit = try_parse_clv_fit(fit_document, "<fit>");
  if (!fit) return failure(fit.error());
  const clv_columns columns{span_of(frequency), span_of(recency), span_of(age), {}, {}};
  return checked(try_clv_predict(*fit, columns, horizon, threads), [](const clv_predictions& p) {
    return Rcpp::List::create(Rcpp::Named("p_alive") = p.p_alive,
                              Rcpp::Named("expected_transactions") = p.expected_transactions);
  });
}

// [[Rcpp::export]]
SEXP cpp_clv_spend(const std::string& fit_document, const Rcpp::NumericVector& frequency,
                   const Rcpp::NumericVector& monetary, unsigned threads) {
  const auto fit = try_parse_clv_fit(fit_document, "<fit>");
  if (!fit) return failure(fit.error());
  const auto g = gamma_gamma_params::try_from(*fit);
  if (!g) return failure(g.error());
  return checked(try_gamma_gamma_predict(*g, span_of(frequency), span_of(monetary), threads),
                 [](const std::vector<double>& spend) { return Rcpp::wrap(spend); });
}
