// Lifetime-value models for R (R/clv.R): transaction summaries, the five fits, and
// predictions from a fit's document (excellence.clv_fit/1, which the R object keeps),
// read back by the library's own reader.
//
// Thread counts arrive checked (R/errors.R: threads_arg): 0 for all cores, or a count.
#include "common.h"

#include <excellence/io/clv_fit_json.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/intervals.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/clv/validation.hpp>
#include <excellence/report/clv_html.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <chrono>
#include <cmath>

using namespace excellence;
using excellence::r::checked;
using excellence::r::failure;
using excellence::r::span_of;

namespace {

// The day `d` days after 1970-01-01.
std::chrono::sys_days day_of(double d) {
  return std::chrono::sys_days(std::chrono::days(static_cast<std::int64_t>(std::floor(d))));
}

// Transactions from R's columns (dates as days since 1970-01-01); a missing date names its row.
std::optional<diagnostic> records_of(std::vector<transaction_record>& records,
                                     const std::vector<std::string>& customers, const Rcpp::NumericVector& days,
                                     const Rcpp::NumericVector& amounts) {
  records.resize(customers.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const double d = days[static_cast<R_xlen_t>(i)];
    if (!std::isfinite(d))
      return diagnostic{errc::invalid_value, "", 0, 0, field_path("date").index(i), "the date is missing"};
    records[i] = {customers[i], day_of(d), amounts[static_cast<R_xlen_t>(i)]};
  }
  return std::nullopt;
}

// A fit as the R functions read it.
Rcpp::List fit_list(const clv_fit& f) {
  const auto covariance = r::covariance_matrix(f.covariance, f.names.size());
  return Rcpp::List::create(Rcpp::Named("model") = std::string(to_string(f.model)),
                            Rcpp::Named("title") = std::string(title(f.model)), Rcpp::Named("names") = f.names,
                            Rcpp::Named("params") = f.params, Rcpp::Named("standard_errors") = f.standard_errors,
                            Rcpp::Named("covariance") = covariance, Rcpp::Named("log_likelihood") = f.log_likelihood,
                            Rcpp::Named("converged") = f.converged, Rcpp::Named("evaluations") = f.evaluations,
                            Rcpp::Named("status") = f.status, Rcpp::Named("customers") = f.customers,
                            Rcpp::Named("left_out") = static_cast<double>(f.left_out),
                            Rcpp::Named("warnings") = r::warnings_frame(f.warnings), Rcpp::Named("json") = to_json(f));
}

// A fit with covariates as the R functions read it.
Rcpp::List covariate_fit_list(const clv_covariate_fit& f) {
  return Rcpp::List::create(Rcpp::Named("kind") = "covariates", Rcpp::Named("fit") = fit_list(f.fit),
                            Rcpp::Named("without") = fit_list(f.without),
                            Rcpp::Named("statistic") = f.lr_statistic,
                            Rcpp::Named("df") = static_cast<double>(f.degrees_of_freedom),
                            Rcpp::Named("p_value") = f.p_value, Rcpp::Named("json") = to_json(f),
                            Rcpp::Named("transaction") = f.transaction_covariates(),
                            Rcpp::Named("lifetime") = f.lifetime_covariates());
}

clv_fit_options fit_options(const std::vector<double>& start, int max_evaluations, double tolerance, unsigned threads) {
  clv_fit_options o;
  o.start = start;
  o.max_evaluations = max_evaluations;
  o.tolerance = tolerance;
  o.threads = threads;
  return o;
}

// Named columns as covariates; the spans point into R's vectors, which outlive the call.
std::vector<clv_covariate> covariate_group(const std::vector<std::string>& names, const Rcpp::List& values) {
  std::vector<clv_covariate> group;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const Rcpp::NumericVector v = values[static_cast<R_xlen_t>(k)];
    group.push_back({names[k], span_of(v)});
  }
  return group;
}

}  // namespace

// [[Rcpp::export]]
SEXP cpp_clv_summary(const std::vector<std::string>& customers, const Rcpp::NumericVector& days,
                     const Rcpp::NumericVector& amounts, double end, const std::string& unit) {
  const auto u = clv_time_unit_names.parse(unit);
  if (!u) return r::argument_failure("unit", "expected " + clv_time_unit_names.choices());
  std::vector<transaction_record> records;
  if (const auto bad = records_of(records, customers, days, amounts)) return failure(*bad);
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
  if (!m) return r::argument_failure("model", "expected bgnbd, pnbd, mbgnbd, ggomnbd, bgbb or gamma_gamma");
  const clv_columns columns{span_of(frequency), span_of(recency), span_of(age), span_of(monetary), span_of(weights)};
  const auto o = fit_options(start, max_evaluations, tolerance, threads);
  r::interrupt_watch watch;
  return checked(try_fit_clv(*m, columns, o, watch.control()), fit_list, &watch);
}

// [[Rcpp::export]]
SEXP cpp_clv_fit_covariates(const std::string& model, const Rcpp::NumericVector& frequency,
                            const Rcpp::NumericVector& recency, const Rcpp::NumericVector& age,
                            const Rcpp::NumericVector& weights, const std::vector<std::string>& transaction_names,
                            const Rcpp::List& transaction, const std::vector<std::string>& lifetime_names,
                            const Rcpp::List& lifetime, const std::vector<double>& start, int max_evaluations,
                            double tolerance, unsigned threads) {
  const auto m = parse_clv_model(model);
  if (!m) return r::argument_failure("model", "expected bgnbd, pnbd or ggomnbd");
  const clv_customers customers{span_of(frequency), span_of(recency), span_of(age), span_of(weights)};
  const clv_covariates covariates{covariate_group(transaction_names, transaction),
                                  covariate_group(lifetime_names, lifetime)};
  const auto o = fit_options(start, max_evaluations, tolerance, threads);
  r::interrupt_watch watch;
  return checked(try_fit_clv_covariates(*m, customers, covariates, o, watch.control()), covariate_fit_list, &watch);
}

// [[Rcpp::export]]
SEXP cpp_clv_read_fit(const std::string& path) {
  // A fit with covariates has its own document; any other is read as a plain fit.
  auto covariate = try_read_clv_covariate_fit(path);
  if (covariate || covariate.error().code != errc::unknown_format)
    return checked(std::move(covariate), covariate_fit_list);
  return checked(try_read_clv_fit(path), [](const clv_fit& f) {
    return Rcpp::List::create(Rcpp::Named("kind") = "fit", Rcpp::Named("fit") = fit_list(f));
  });
}

// [[Rcpp::export]]
SEXP cpp_clv_covariate_predict(const std::string& model, const std::vector<std::string>& names,
                               const std::vector<double>& params, const Rcpp::NumericVector& frequency,
                               const Rcpp::NumericVector& recency, const Rcpp::NumericVector& age,
                               const std::vector<std::string>& transaction_names, const Rcpp::List& transaction,
                               const std::vector<std::string>& lifetime_names, const Rcpp::List& lifetime,
                               double horizon, unsigned threads) {
  const auto m = parse_clv_model(model);
  if (!m) return r::argument_failure("model", "expected bgnbd, pnbd or ggomnbd");
  // What the prediction reads of a covariate fit: its model, names and parameters.
  clv_covariate_fit fit;
  fit.fit.model = *m;
  fit.fit.names = names;
  fit.fit.params = params;
  fit.transaction_count = transaction_names.size();
  fit.lifetime_count = lifetime_names.size();
  const clv_customers customers{span_of(frequency), span_of(recency), span_of(age), {}};
  const clv_covariates covariates{covariate_group(transaction_names, transaction),
                                  covariate_group(lifetime_names, lifetime)};
  return checked(try_clv_covariate_predict(fit, customers, covariates, horizon, threads), [](const clv_predictions& p) {
    return Rcpp::List::create(Rcpp::Named("p_alive") = p.p_alive,
                              Rcpp::Named("expected_transactions") = p.expected_transactions);
  });
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
SEXP cpp_clv_dert(const std::string& fit_document, const Rcpp::NumericVector& frequency,
                  const Rcpp::NumericVector& recency, const Rcpp::NumericVector& age, double rate, double horizon,
                  unsigned threads) {
  const auto fit = try_parse_clv_fit(fit_document, "<fit>");
  if (!fit) return failure(fit.error());
  const auto p = pnbd_params::try_from(*fit);
  if (!p) return failure(p.error());
  const clv_customers customers{span_of(frequency), span_of(recency), span_of(age), {}};
  return checked(try_pnbd_discounted_transactions(*p, customers, rate, horizon, threads),
                 [](const std::vector<double>& v) { return Rcpp::wrap(v); });
}

// [[Rcpp::export]]
SEXP cpp_clv_predict_intervals(const std::string& fit_document, const Rcpp::NumericVector& frequency,
                               const Rcpp::NumericVector& recency, const Rcpp::NumericVector& age, double horizon,
                               double level, unsigned threads, int bootstrap, double seed) {
  const auto fit = try_parse_clv_fit(fit_document, "<fit>");
  if (!fit) return failure(fit.error());
  const clv_columns columns{span_of(frequency), span_of(recency), span_of(age), {}, {}};
  if (bootstrap < 0) return r::argument_failure("bootstrap", "expected a whole number >= 0");
  r::interrupt_watch watch;
  auto intervals = [&]() -> result<clv_prediction_intervals> {
    if (bootstrap == 0) return try_clv_predict_intervals(*fit, columns, horizon, level, threads);
    clv_bootstrap_options o;
    o.resamples = static_cast<std::size_t>(bootstrap);
    o.seed = static_cast<std::uint64_t>(seed);
    o.confidence = level;
    o.threads = threads;
    const auto b = try_clv_bootstrap(*fit, columns, horizon, o, watch.control());
    if (!b) return b.error();
    return b->predictions();
  }();
  return checked(
      std::move(intervals),
      [](const clv_prediction_intervals& v) {
        const auto& a = v.p_alive;
        const auto& e = v.expected_transactions;
        const auto total = [](const interval_estimate& x) {
          return Rcpp::NumericVector::create(Rcpp::Named("estimate") = x.estimate,
                                             Rcpp::Named("std_error") = x.standard_error,
                                             Rcpp::Named("lower") = x.lower, Rcpp::Named("upper") = x.upper);
        };
        return Rcpp::List::create(Rcpp::Named("p_alive") = r::column(a, &interval_estimate::estimate),
                                  Rcpp::Named("p_alive_lower") = r::column(a, &interval_estimate::lower),
                                  Rcpp::Named("p_alive_upper") = r::column(a, &interval_estimate::upper),
                                  Rcpp::Named("expected_transactions") = r::column(e, &interval_estimate::estimate),
                                  Rcpp::Named("expected_lower") = r::column(e, &interval_estimate::lower),
                                  Rcpp::Named("expected_upper") = r::column(e, &interval_estimate::upper),
                                  Rcpp::Named("customers_alive") = total(v.customers_alive),
                                  Rcpp::Named("expected_total") = total(v.expected_total));
      },
      &watch);
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

// [[Rcpp::export]]
SEXP cpp_clv_validate(const std::vector<std::string>& customers, const Rcpp::NumericVector& days,
                      const Rcpp::NumericVector& amounts, double end, double holdout_end, const std::string& unit,
                      const std::vector<std::string>& models, int largest_count, const std::string& lang) {
  const auto u = clv_time_unit_names.parse(unit);
  const auto report_language = lang.empty() ? std::optional(language::en) : parse_language(lang);
  if (!report_language) return r::argument_failure("lang", "expected en or zh");
  if (!u) return r::argument_failure("unit", "expected " + clv_time_unit_names.choices());
  if (largest_count < 1) return r::argument_failure("largest_count", "expected a whole number >= 1");
  holdout_options o;
  o.models.clear();
  for (const auto& name : models) {
    const auto m = parse_clv_model(name);
    if (!m) return r::argument_failure("models", "expected bgnbd, pnbd or mbgnbd, not '" + name + "'");
    o.models.push_back(*m);
  }
  o.largest_count = static_cast<std::size_t>(largest_count);
  std::vector<transaction_record> records;
  if (const auto bad = records_of(records, customers, days, amounts)) return failure(*bad);
  const auto data = try_split_transactions(records, day_of(end), day_of(holdout_end), *u);
  if (!data) return failure(data.error());
  r::interrupt_watch watch;
  return checked(
      try_validate_holdout(*data, o, watch.control()),
      [&](const holdout_validation& v) {
        const auto& c = data->calibration;
        Rcpp::List customers_frame =
            Rcpp::List::create(Rcpp::Named("customer") = c.customers, Rcpp::Named("frequency") = c.frequency,
                               Rcpp::Named("recency") = c.recency, Rcpp::Named("T") = c.age,
                               Rcpp::Named("holdout_frequency") = data->holdout_frequency,
                               Rcpp::Named("holdout_value") = data->holdout_value);
        const auto& ms = v.models;
        Rcpp::List models = Rcpp::List::create(
            Rcpp::Named("model") =
                r::column(ms, [](const holdout_model& m) { return std::string(to_string(m.fit.model)); }),
            Rcpp::Named("log_likelihood") = r::column(ms, [](const holdout_model& m) { return m.fit.log_likelihood; }),
            Rcpp::Named("converged") = r::column(ms, [](const holdout_model& m) { return m.fit.converged; }),
            Rcpp::Named("aic") = r::column(ms, &holdout_model::aic),
            Rcpp::Named("bic") = r::column(ms, &holdout_model::bic),
            Rcpp::Named("mae") = r::column(ms, &holdout_model::mae),
            Rcpp::Named("rmse") = r::column(ms, &holdout_model::rmse),
            Rcpp::Named("correlation") = r::column(ms, [](const holdout_model& m) { return r::or_na(m.correlation); }),
            Rcpp::Named("expected_total") = r::column(ms, &holdout_model::expected_total),
            Rcpp::Named("aggregate_error") = r::column(ms, &holdout_model::aggregate_error),
            Rcpp::Named("calibration_mape") = r::column(ms, &holdout_model::calibration_mape),
            Rcpp::Named("holdout_mape") = r::column(ms, &holdout_model::holdout_mape),
            Rcpp::Named("chi_square") = r::column(ms, [](const holdout_model& m) { return r::or_na(m.chi_square); }),
            Rcpp::Named("chi_square_df") =
                r::column(ms, [](const holdout_model& m) { return static_cast<double>(m.chi_square_df); }),
            Rcpp::Named("chi_square_p") =
                r::column(ms, [](const holdout_model& m) { return r::or_na(m.chi_square_p); }));
        // One column per model of a table's expectations: expected_bgnbd, ...
        const auto per_model = [&](Rcpp::List& frame, const char* prefix, auto rows, auto get) {
          for (std::size_t m = 0; m < ms.size(); ++m)
            frame.push_back(r::column(rows, [&](const auto& row) { return get(row)[m]; }),
                            std::string(prefix) + std::string(to_string(ms[m].fit.model)));
        };
        Rcpp::List tracking = Rcpp::List::create(
            Rcpp::Named("period") = r::column(v.tracking, [n = 0.0](const tracking_period&) mutable { return n += 1; }),
            Rcpp::Named("last_day") = r::column(
                v.tracking,
                [](const tracking_period& t) { return static_cast<double>(t.last_day.time_since_epoch().count()); }),
            Rcpp::Named("holdout") = r::column(v.tracking, &tracking_period::holdout),
            Rcpp::Named("actual") = r::column(v.tracking, &tracking_period::actual),
            Rcpp::Named("actual_cumulative") = r::column(v.tracking, &tracking_period::actual_cumulative));
        per_model(
            tracking, "expected_", v.tracking, [](const tracking_period& t) -> const auto& { return t.expected; });
        per_model(
            tracking, "cumulative_", v.tracking,
            [](const tracking_period& t) -> const auto& { return t.expected_cumulative; });
        Rcpp::List histogram =
            Rcpp::List::create(Rcpp::Named("count") = r::column(
                                   v.histogram, [](const count_bin& b) { return static_cast<double>(b.count); }),
                               Rcpp::Named("or_more") = r::column(v.histogram, &count_bin::or_more),
                               Rcpp::Named("actual") = r::column(v.histogram, &count_bin::actual));
        per_model(
            histogram, "expected_", v.histogram, [](const count_bin& b) -> const auto& { return b.expected; });
        Rcpp::List groups = Rcpp::List::create(
            Rcpp::Named("frequency") =
                r::column(v.by_frequency, [](const frequency_group& g) { return static_cast<double>(g.frequency); }),
            Rcpp::Named("or_more") = r::column(v.by_frequency, &frequency_group::or_more),
            Rcpp::Named("customers") = r::column(v.by_frequency, &frequency_group::customers),
            Rcpp::Named("actual") = r::column(v.by_frequency, &frequency_group::actual));
        per_model(
            groups, "expected_", v.by_frequency, [](const frequency_group& g) -> const auto& { return g.expected; });
        for (const auto& m : ms)
          customers_frame.push_back(m.expected, "expected_" + std::string(to_string(m.fit.model)));
        return Rcpp::List::create(Rcpp::Named("models") = models, Rcpp::Named("tracking") = tracking,
                                  Rcpp::Named("histogram") = histogram, Rcpp::Named("by_frequency") = groups,
                                  Rcpp::Named("customers") = customers_frame, Rcpp::Named("json") = to_json(v),
                                  Rcpp::Named("text") = to_text(v),
                                  Rcpp::Named("html") = lang.empty() ? std::string() : to_html(v, *report_language));
      },
      &watch);
}

// [[Rcpp::export]]
SEXP cpp_clv_expected_transactions(const std::string& fit_document, const Rcpp::NumericVector& times) {
  const auto fit = try_parse_clv_fit(fit_document, "<fit>");
  if (!fit) return failure(fit.error());
  return checked(try_clv_expected_transactions(*fit, span_of(times)),
                 [](const std::vector<double>& v) { return Rcpp::wrap(v); });
}

// [[Rcpp::export]]
SEXP cpp_clv_horizon(double amount, const std::string& unit, const std::string& model_unit, double from) {
  const auto u = clv_time_unit_names.parse(unit);
  if (!u) return r::argument_failure("unit", "expected " + clv_time_unit_names.choices());
  const auto m = clv_time_unit_names.parse(model_unit);
  if (!m) return r::argument_failure("model_unit", "expected " + clv_time_unit_names.choices());
  const auto start = std::isfinite(from) ? std::optional(day_of(from)) : std::nullopt;
  return checked(try_clv_horizon(amount, *u, *m, start), [](const clv_horizon& h) {
    return Rcpp::List::create(Rcpp::Named("length") = h.length, Rcpp::Named("statement") = h.statement);
  });
}
