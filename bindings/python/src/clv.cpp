// Lifetime-value models for Python (excellence.clv; the package's clv.py adds DataFrames).
#include "common.hpp"

#include <excellence/io/clv_fit_json.hpp>
#include <excellence/models/clv/bgbb.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/compress.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/intervals.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/clv/validation.hpp>
#include <excellence/models/clv/value.hpp>
#include <excellence/report/clv_html.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <chrono>
#include <limits>

namespace excellence::python {

namespace {

using day_numbers = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

// Transactions from three columns: ids, days since 1970-01-01, amounts.
std::vector<transaction_record> records_of(const std::vector<std::string>& customers, const day_numbers& days,
                                           const numbers& amounts) {
  const auto a = span_of(amounts, "amounts");
  if (days.ndim() != 1 || static_cast<std::size_t>(days.shape(0)) != customers.size() || a.size() != customers.size())
    throw py::value_error("customers, dates and amounts must have one entry per transaction");
  std::vector<transaction_record> records(customers.size());
  for (std::size_t i = 0; i < records.size(); ++i)
    records[i] = {customers[i], std::chrono::sys_days(std::chrono::days(days.at(static_cast<py::ssize_t>(i)))), a[i]};
  return records;
}

clv_model model_argument(const std::string& name) {
  const auto m = parse_clv_model(name);
  if (!m) throw py::value_error("model must be bgnbd, pnbd, mbgnbd, ggomnbd, bgbb or gamma_gamma, not '" + name + "'");
  return *m;
}

// Covariates from two mappings name -> values: the arrays are kept (`keep`) while the
// spans point into them.
clv_covariates covariates_of(const std::vector<std::pair<std::string, numbers>>& transaction,
                             const std::vector<std::pair<std::string, numbers>>& lifetime) {
  clv_covariates c;
  for (const auto& [name, values] : transaction) c.transaction.push_back({name, span_of(values, name.c_str())});
  for (const auto& [name, values] : lifetime) c.lifetime.push_back({name, span_of(values, name.c_str())});
  return c;
}

}  // namespace

void bind_clv(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<clv_fit>(m, "Fit", "A maximum-likelihood fit of a lifetime-value model (excellence.clv_fit/1).")
      .def_property_readonly("model", [](const clv_fit& f) { return std::string(to_string(f.model)); })
      .def_readonly("names", &clv_fit::names)
      .def_property_readonly(
          "params",
          [](const clv_fit& f) {
            py::dict d;
            for (std::size_t i = 0; i < f.names.size(); ++i) d[py::str(f.names[i])] = f.params[i];
            return d;
          },
          "The parameters by name, in the model's order.")
      .def_property_readonly(
          "standard_errors",
          [](const clv_fit& f) -> py::object {
            if (f.standard_errors.empty()) return py::none();
            py::dict d;
            for (std::size_t i = 0; i < f.names.size(); ++i) d[py::str(f.names[i])] = f.standard_errors[i];
            return d;
          },
          "By name; None when the information matrix is not positive definite at the estimate.")
      .def_readonly("log_likelihood", &clv_fit::log_likelihood)
      .def_readonly("converged", &clv_fit::converged)
      .def_readonly("evaluations", &clv_fit::evaluations)
      .def_readonly("status", &clv_fit::status)
      .def_readonly("customers", &clv_fit::customers)
      .def_readonly("left_out", &clv_fit::left_out)
      .def_property_readonly("warnings", [](const clv_fit& f) { return diagnostics(f.warnings); })
      .def_static(
          "parse",
          [](const std::string& text, const std::string& source) { return value(try_parse_clv_fit(text, source)); },
          "text"_a, "source"_a = "<memory>", "Reads back an excellence.clv_fit/1 document.")
      .def_static(
          "read", [](const std::string& path) { return value(try_read_clv_fit(path)); }, "path"_a)
      .def(
          "to_json", [](const clv_fit& f, int indent) { return to_json(f, indent); }, "indent"_a = 2)
      .def("to_dict", [](const clv_fit& f) { return document(to_json(f)); })
      .def("__repr__", [](const clv_fit& f) { return "<clv.Fit " + std::string(title(f.model)) + ">"; });

  py::class_<clv_covariate_fit>(m, "CovariateFit",
                                "A lifetime-value model fitted with time-invariant covariates, the same model without "
                                "them and the likelihood-ratio test (excellence.clv_covariate_fit/1).")
      .def_readonly("fit", &clv_covariate_fit::fit,
                    "The fit: the model's parameters, then transaction.NAME and lifetime.NAME coefficients.")
      .def_readonly("without", &clv_covariate_fit::without, "The same model fitted without covariates.")
      .def_readonly("lr_statistic", &clv_covariate_fit::lr_statistic)
      .def_readonly("degrees_of_freedom", &clv_covariate_fit::degrees_of_freedom)
      .def_readonly("p_value", &clv_covariate_fit::p_value)
      .def_static(
          "parse",
          [](const std::string& text, const std::string& source) {
            return value(try_parse_clv_covariate_fit(text, source));
          },
          "text"_a, "source"_a = "<memory>", "Reads back an excellence.clv_covariate_fit/1 document.")
      .def_static(
          "read", [](const std::string& path) { return value(try_read_clv_covariate_fit(path)); }, "path"_a)
      .def(
          "to_json", [](const clv_covariate_fit& f, int indent) { return to_json(f, indent); }, "indent"_a = 2)
      .def("to_dict", [](const clv_covariate_fit& f) { return document(to_json(f)); })
      .def("to_text", [](const clv_covariate_fit& f) { return to_text(f); })
      .def("__repr__", [](const clv_covariate_fit& f) {
        return "<clv.CovariateFit " + std::string(title(f.fit.model)) + ", " + std::to_string(f.degrees_of_freedom) +
               " coefficients>";
      });

  m.def(
      "_fit_covariates",
      [](const std::string& model, const numbers& frequency, const numbers& recency, const numbers& age,
         const std::optional<numbers>& weights, const std::vector<std::pair<std::string, numbers>>& transaction,
         const std::vector<std::pair<std::string, numbers>>& lifetime, const std::optional<std::vector<double>>& start,
         int max_evaluations, double tolerance, unsigned threads, const py::object& progress) {
        const auto which = model_argument(model);
        const clv_customers c{span_of(frequency, "frequency"), span_of(recency, "recency"), span_of(age, "T"),
                              optional_span(weights, "weights")};
        const auto z = covariates_of(transaction, lifetime);
        clv_fit_options o;
        if (start) o.start = *start;
        o.max_evaluations = max_evaluations;
        o.tolerance = tolerance;
        o.threads = threads;
        return without_gil(
            progress, [&](const model_control& control) { return try_fit_clv_covariates(which, c, z, o, control); });
      },
      "model"_a, "frequency"_a, "recency"_a, "T"_a, "weights"_a, "transaction"_a, "lifetime"_a, "start"_a,
      "max_evaluations"_a, "tolerance"_a, "threads"_a, "progress"_a);

  m.def(
      "_predict_covariates",
      [](const clv_covariate_fit& fit, const numbers& frequency, const numbers& recency, const numbers& age,
         const std::vector<std::pair<std::string, numbers>>& transaction,
         const std::vector<std::pair<std::string, numbers>>& lifetime, double horizon, unsigned threads) {
        const clv_customers c{span_of(frequency, "frequency"), span_of(recency, "recency"), span_of(age, "T"), {}};
        const auto z = covariates_of(transaction, lifetime);
        auto r = [&] {
          py::gil_scoped_release release;
          return try_clv_covariate_predict(fit, c, z, horizon, threads);
        }();
        auto p = value(std::move(r));
        return py::make_tuple(array_of(p.p_alive), array_of(p.expected_transactions));
      },
      "fit"_a, "frequency"_a, "recency"_a, "T"_a, "transaction"_a, "lifetime"_a, "horizon"_a, "threads"_a);

  m.def(
      "expected_transactions",
      [](const clv_fit& fit, const numbers& times) {
        return array_of(value(try_clv_expected_transactions(fit, span_of(times, "times"))));
      },
      "fit"_a, "times"_a,
      "A new customer's expected repeat transactions in his first t time units (BG/BB: opportunities), for each t.");

  m.def(
      "_horizon",
      [](double amount, const std::string& unit, const std::string& model_unit, std::optional<std::int64_t> start) {
        const auto from = start ? std::optional(std::chrono::sys_days(std::chrono::days(*start)))
                                : std::optional<std::chrono::sys_days>();
        const auto h =
            value(try_clv_horizon(amount, enum_argument<clv_time_unit>(unit, clv_time_unit_names, "unit"),
                                  enum_argument<clv_time_unit>(model_unit, clv_time_unit_names, "model_unit"), from));
        return py::make_tuple(h.length, h.statement);
      },
      "amount"_a, "unit"_a, "model_unit"_a, "start"_a = py::none());

  m.def(
      "_fit",
      [](const std::string& model, const numbers& frequency, const std::optional<numbers>& recency,
         const std::optional<numbers>& age, const std::optional<numbers>& monetary,
         const std::optional<numbers>& weights, const std::optional<std::vector<double>>& start, int max_evaluations,
         double tolerance, unsigned threads, const py::object& progress) {
        const auto which = model_argument(model);
        const clv_columns c{span_of(frequency, "frequency"), optional_span(recency, "recency"), optional_span(age, "T"),
                            optional_span(monetary, "monetary"), optional_span(weights, "weights")};
        clv_fit_options o;
        if (start) o.start = *start;
        o.max_evaluations = max_evaluations;
        o.tolerance = tolerance;
        o.threads = threads;
        return without_gil(progress, [&](const model_control& control) { return try_fit_clv(which, c, o, control); });
      },
      "model"_a, "frequency"_a, "recency"_a, "T"_a, "monetary"_a, "weights"_a, "start"_a, "max_evaluations"_a,
      "tolerance"_a, "threads"_a, "progress"_a);

  m.def(
      "_predict",
      [](const clv_fit& fit, const numbers& frequency, const numbers& recency, const numbers& age, double horizon,
         unsigned threads) {
        const clv_columns c{span_of(frequency, "frequency"), span_of(recency, "recency"), span_of(age, "T"), {}, {}};
        auto r = [&] {
          py::gil_scoped_release release;
          return try_clv_predict(fit, c, horizon, threads);
        }();
        auto p = value(std::move(r));
        return py::make_tuple(array_of(p.p_alive), array_of(p.expected_transactions));
      },
      "fit"_a, "frequency"_a, "recency"_a, "T"_a, "horizon"_a, "threads"_a);

  m.def(
      "_predict_intervals",
      [](const clv_fit& fit, const numbers& frequency, const numbers& recency, const numbers& age, double horizon,
         double confidence, unsigned threads, std::size_t bootstrap, std::uint64_t seed, const py::object& progress) {
        const clv_columns c{span_of(frequency, "frequency"), span_of(recency, "recency"), span_of(age, "T"), {}, {}};
        clv_prediction_intervals v;
        if (bootstrap == 0) {
          auto r = [&] {
            py::gil_scoped_release release;
            return try_clv_predict_intervals(fit, c, horizon, confidence, threads);
          }();
          v = value(std::move(r));
        } else {
          clv_bootstrap_options o;
          o.resamples = bootstrap;
          o.seed = seed;
          o.confidence = confidence;
          o.threads = threads;
          const auto b = without_gil(
              progress, [&](const model_control& control) { return try_clv_bootstrap(fit, c, horizon, o, control); });
          v = b.predictions();
        }
        py::dict out;
        const auto columns = [&](const char* prefix, const std::vector<interval_estimate>& values) {
          std::vector<double> estimate, se, lower, upper;
          for (const auto& x : values) {
            estimate.push_back(x.estimate);
            se.push_back(x.standard_error);
            lower.push_back(x.lower);
            upper.push_back(x.upper);
          }
          const std::string p(prefix);
          out[py::str(p)] = array_of(estimate);
          out[py::str(p + "_se")] = array_of(se);
          out[py::str(p + "_lower")] = array_of(lower);
          out[py::str(p + "_upper")] = array_of(upper);
        };
        columns("p_alive", v.p_alive);
        columns("expected_transactions", v.expected_transactions);
        const auto total = [](const interval_estimate& x) {
          return py::make_tuple(x.estimate, x.standard_error, x.lower, x.upper);
        };
        return py::make_tuple(out, total(v.customers_alive), total(v.expected_total));
      },
      "fit"_a, "frequency"_a, "recency"_a, "T"_a, "horizon"_a, "confidence"_a, "threads"_a, "bootstrap"_a, "seed"_a,
      "progress"_a);

  m.def(
      "expected_spend",
      [](const clv_fit& fit, const numbers& frequency, const numbers& monetary, unsigned threads) {
        const auto g = value(gamma_gamma_params::try_from(fit));
        const auto f = span_of(frequency, "frequency");
        const auto v = span_of(monetary, "monetary");
        auto r = [&] {
          py::gil_scoped_release release;
          return try_gamma_gamma_predict(g, f, v, threads);
        }();
        return array_of(value(std::move(r)));
      },
      "fit"_a, "frequency"_a, "monetary"_a, "threads"_a = 0,
      "Each customer's expected spend per transaction from a Gamma-Gamma fit.");

  m.def(
      "residual_value",
      [](const clv_fit& fit, const numbers& frequency, const numbers& recency, const numbers& age, const numbers& spend,
         double rate, double period_length, std::int32_t periods) {
        const auto kind = fit.model == clv_model::bgnbd  ? transaction_model::bgnbd
                          : fit.model == clv_model::pnbd ? transaction_model::pnbd
                          : fit.model == clv_model::mbgnbd
                              ? transaction_model::mbgnbd
                              : (raise(diagnostic{errc::model_mismatch, "", 0, 0, "model",
                                                  "residual value needs a bgnbd, pnbd or mbgnbd fit, not " +
                                                      std::string(to_string(fit.model))}),
                                 transaction_model::bgnbd);
        const clv_customers c{span_of(frequency, "frequency"), span_of(recency, "recency"), span_of(age, "T"), {}};
        const auto s = span_of(spend, "spend");
        auto r = [&] {
          py::gil_scoped_release release;
          return try_residual_value(kind, fit.params, c, s, {rate, period_length, periods});
        }();
        return array_of(value(std::move(r)));
      },
      "fit"_a, "frequency"_a, "recency"_a, "T"_a, "spend"_a, "rate"_a = 0.0, "period_length"_a = 1.0, "periods"_a = 1,
      "Residual (future, discounted) value per customer: spend x the transactions expected in each of `periods`\n"
      "periods of `period_length`, discounted at `rate` per period.");

  m.def(
      "discounted_transactions",
      [](const clv_fit& fit, const numbers& frequency, const numbers& recency, const numbers& age, double rate,
         double horizon, unsigned threads) {
        const auto p = value(pnbd_params::try_from(fit));
        const clv_customers c{span_of(frequency, "frequency"), span_of(recency, "recency"), span_of(age, "T"), {}};
        auto r = [&] {
          py::gil_scoped_release release;
          return try_pnbd_discounted_transactions(p, c, rate, horizon, threads);
        }();
        return array_of(value(std::move(r)));
      },
      "fit"_a, "frequency"_a, "recency"_a, "T"_a, "rate"_a, "horizon"_a = std::numeric_limits<double>::infinity(),
      "threads"_a = 0,
      "Per customer of a Pareto/NBD fit: the future transactions discounted continuously at `rate` per time\n"
      "unit (log(1.15)/52 for 15 % a year on weeks) - the DERT of Fader, Hardie & Lee (2005) when `horizon` is\n"
      "infinite, the DECT over a finite `horizon`. Times the expected spend: the residual lifetime value.");

  m.def(
      "_summarize",
      [](const std::vector<std::string>& customers, const day_numbers& days, const numbers& amounts, std::int64_t end,
         const std::string& unit) {
        const auto u = enum_argument<clv_time_unit>(unit, clv_time_unit_names, "unit");
        const auto records = records_of(customers, days, amounts);
        auto s = value(try_summarize_transactions(records, std::chrono::sys_days(std::chrono::days(end)), u));
        py::dict out;
        out["customer_id"] = s.customers;
        out["frequency"] = array_of(s.frequency);
        out["recency"] = array_of(s.recency);
        out["T"] = array_of(s.age);
        out["monetary_value"] = array_of(s.monetary_value);
        out["records"] = s.records;
        out["merged"] = s.merged;
        out["after_end"] = s.after_end;
        out["customers_after_end"] = s.customers_after_end;
        return out;
      },
      "customers"_a, "days"_a, "amounts"_a, "end"_a, "unit"_a);

  // A holdout validation with the split it was made from (for the per-customer columns).
  struct validation_run {
    holdout_data data;
    holdout_validation result;
  };
  py::class_<validation_run>(m, "HoldoutValidation",
                             "Models fitted to a calibration period against the holdout "
                             "(excellence.clv_validation/1).")
      .def_property_readonly(
          "fits",
          [](const validation_run& r) {
            py::dict d;
            for (const auto& model : r.result.models) d[py::str(std::string(to_string(model.fit.model)))] = model.fit;
            return d;
          },
          "Each model's calibration fit by name.")
      .def(
          "customers",
          [](const validation_run& r) {
            const auto& c = r.data.calibration;
            py::dict out;
            out["customer_id"] = c.customers;
            out["frequency"] = array_of(c.frequency);
            out["recency"] = array_of(c.recency);
            out["T"] = array_of(c.age);
            out["holdout_frequency"] = array_of(r.data.holdout_frequency);
            out["holdout_value"] = array_of(r.data.holdout_value);
            for (const auto& model : r.result.models)
              out[py::str("expected_" + std::string(to_string(model.fit.model)))] = array_of(model.expected);
            return out;
          },
          "Per customer: the calibration summary, the holdout purchases and value, and each model's expectation "
          "(a dict of columns; pandas.DataFrame(v.customers()) makes a frame).")
      .def(
          "to_json", [](const validation_run& r, int indent) { return to_json(r.result, indent); }, "indent"_a = 2)
      .def("to_dict", [](const validation_run& r) { return document(to_json(r.result)); })
      .def("to_text", [](const validation_run& r) { return to_text(r.result); })
      .def(
          "to_html",
          [](const validation_run& r, const std::string& lang) {
            const auto l = parse_language(lang);
            if (!l) throw py::value_error("lang must be en or zh, not '" + lang + "'");
            return to_html(r.result, *l);
          },
          "lang"_a = "en",
          "The validation report: one HTML page with the models compared and SVG charts of the tracking, the "
          "calibration histogram and the holdout by calibration frequency.")
      .def("__repr__", [](const validation_run& r) {
        return "<clv.HoldoutValidation of " + std::to_string(r.result.models.size()) + " model(s) on " +
               std::to_string(r.data.calibration.customers.size()) + " customers>";
      });

  m.def(
      "_validate",
      [](const std::vector<std::string>& customers, const day_numbers& days, const numbers& amounts, std::int64_t end,
         std::int64_t holdout_end, const std::string& unit, const std::vector<std::string>& models,
         std::size_t largest_count, int max_evaluations, double tolerance, unsigned threads,
         const py::object& progress) {
        const auto u = enum_argument<clv_time_unit>(unit, clv_time_unit_names, "unit");
        const auto records = records_of(customers, days, amounts);
        holdout_options o;
        o.models.clear();
        for (const auto& name : models) o.models.push_back(model_argument(name));
        o.largest_count = largest_count;
        o.fit.max_evaluations = max_evaluations;
        o.fit.tolerance = tolerance;
        o.fit.threads = threads;
        auto data = value(try_split_transactions(records, std::chrono::sys_days(std::chrono::days(end)),
                                                 std::chrono::sys_days(std::chrono::days(holdout_end)), u));
        auto result =
            without_gil(progress, [&](const model_control& control) { return try_validate_holdout(data, o, control); });
        return validation_run{std::move(data), std::move(result)};
      },
      "customers"_a, "days"_a, "amounts"_a, "end"_a, "holdout_end"_a, "unit"_a, "models"_a, "largest_count"_a,
      "max_evaluations"_a, "tolerance"_a, "threads"_a, "progress"_a);

  // Compressions cross as tuples of four arrays (frequency, recency, T, weights): plain
  // Python objects, so that Dask can move and pickle them.
  const auto as_tuple = [](const clv_compressed& c) {
    return py::make_tuple(array_of(c.frequency), array_of(c.recency), array_of(c.age), array_of(c.weights));
  };
  const auto from_tuple = [](const py::tuple& t) {
    if (t.size() != 4)
      throw py::value_error("a compression is a tuple of four arrays (frequency, recency, T, weights)");
    auto vec = [&](std::size_t i) {
      const auto a = py::cast<numbers>(t[i]);
      const auto s = span_of(a, "compression");
      return std::vector<double>(s.begin(), s.end());
    };
    return clv_compressed{vec(0), vec(1), vec(2), vec(3)};
  };
  m.def(
      "_compress",
      [as_tuple](const numbers& frequency, const numbers& recency, const numbers& age,
                 const std::optional<numbers>& weights) {
        const clv_customers c{span_of(frequency, "frequency"), span_of(recency, "recency"), span_of(age, "T"),
                              optional_span(weights, "weights")};
        auto r = [&] {
          py::gil_scoped_release release;
          return try_compress(c);
        }();
        return as_tuple(value(std::move(r)));
      },
      "frequency"_a, "recency"_a, "T"_a, "weights"_a = py::none());
  m.def(
      "_merge",
      [as_tuple, from_tuple](const py::tuple& a, const py::tuple& b) {
        const auto x = from_tuple(a), y = from_tuple(b);
        py::gil_scoped_release release;
        auto merged = merge(x, y);
        py::gil_scoped_acquire gil;
        return as_tuple(merged);
      },
      "a"_a, "b"_a);
}

}  // namespace excellence::python
