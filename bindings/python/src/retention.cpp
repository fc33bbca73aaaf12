// Contractual retention models for Python (excellence.clv: fit_retention, analyse_retention;
// the package's clv.py takes DataFrames).
#include "common.hpp"

#include <excellence/models/retention/analysis.hpp>
#include <excellence/models/retention/fit.hpp>
#include <excellence/models/retention/lifetime.hpp>
#include <excellence/models/retention/survivors.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

namespace excellence::python {

namespace {

// Survivor cohorts from long columns (the library's checks and messages, naming age[r] or
// survivors[r]).
std::vector<survivor_cohort> cohorts_of(const std::vector<std::string>& segments,
                                        const std::vector<std::string>& cohorts, const numbers& ages,
                                        const numbers& survivors) {
  return value(try_survivor_cohorts(segments, cohorts, span_of(ages, "age"), span_of(survivors, "survivors")));
}

retention_fit_options fit_options(const std::optional<std::vector<double>>& start, int max_evaluations,
                                  double tolerance) {
  retention_fit_options o;
  if (start) o.start = *start;
  o.max_evaluations = max_evaluations;
  o.tolerance = tolerance;
  return o;
}

// The fit's curve function (survival, retention_rate) at each age of t.
py::array_t<double> at_ages(const retention_fit& f, const numbers& t,
                            double (*function)(const retention_curve&, double)) {
  const auto curve = retention_curve::from(f);
  const auto ages = span_of(t, "t");
  std::vector<double> out(ages.size());
  for (std::size_t i = 0; i < ages.size(); ++i) out[i] = function(curve, ages[i]);
  return array_of(out);
}

py::dict by_name(const std::vector<std::string>& names, const std::vector<double>& values) {
  py::dict d;
  for (std::size_t i = 0; i < names.size(); ++i) d[py::str(names[i])] = values[i];
  return d;
}

}  // namespace

void bind_retention(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<retention_fit>(m, "RetentionFit",
                            "A maximum-likelihood fit of the sBG or BdW contractual retention model.")
      .def_property_readonly("model", [](const retention_fit& f) { return std::string(to_string(f.model)); })
      .def_readonly("names", &retention_fit::names)
      .def_property_readonly(
          "params", [](const retention_fit& f) { return by_name(f.names, f.params); },
          "alpha, beta (and c for the BdW) by name.")
      .def_property_readonly(
          "standard_errors",
          [](const retention_fit& f) -> py::object {
            if (f.standard_errors.empty()) return py::none();
            return by_name(f.names, f.standard_errors);
          },
          "By name; None when the information matrix is not positive definite at the estimate.")
      .def_property_readonly(
          "covariance",
          [](const retention_fit& f) -> py::object {
            if (f.covariance.empty()) return py::none();
            auto a = array_of(f.covariance);
            const auto k = static_cast<py::ssize_t>(f.names.size());
            return a.reshape({k, k});
          },
          "The parameters' covariance matrix (numpy, names order), or None.")
      .def_readonly("log_likelihood", &retention_fit::log_likelihood)
      .def_property_readonly("aic", &retention_fit::aic)
      .def_readonly("converged", &retention_fit::converged)
      .def_readonly("evaluations", &retention_fit::evaluations)
      .def_readonly("status", &retention_fit::status)
      .def_readonly("customers", &retention_fit::customers)
      .def_readonly("cohorts", &retention_fit::cohorts)
      .def_readonly("observations", &retention_fit::observations)
      .def_property_readonly("warnings", [](const retention_fit& f) { return diagnostics(f.warnings); })
      .def(
          "survival", [](const retention_fit& f, const numbers& t) { return at_ages(f, t, survival); }, "t"_a,
          "S(t), the share of a cohort still under contract at each age t.")
      .def(
          "retention_rate", [](const retention_fit& f, const numbers& t) { return at_ages(f, t, retention_rate); },
          "t"_a, "r(t) = S(t)/S(t - 1) at each age t >= 1.")
      .def(
          "expected_lifetime",
          [](const retention_fit& f, double discount) {
            return value(try_discounted_expected_lifetime(retention_curve::from(f), discount));
          },
          "discount"_a, "DEL: a new customer's discounted expected number of payments (per-period rate).")
      .def(
          "residual_lifetime",
          [](const retention_fit& f, double discount, std::size_t renewals) {
            return value(try_discounted_residual_lifetime(retention_curve::from(f), discount, renewals));
          },
          "discount"_a, "renewals"_a, "DERL of a customer who has renewed `renewals` times.")
      .def(
          "elasticity",
          [](const retention_fit& f, double discount, std::size_t renewals) {
            return value(try_retention_elasticity(retention_curve::from(f), discount, renewals));
          },
          "discount"_a, "renewals"_a, "The retention elasticity of that DERL (sBG only).")
      .def("__repr__", [](const retention_fit& f) {
        return std::string("<clv.RetentionFit ") + to_string(f.model) + " on " +
               std::to_string(static_cast<long long>(f.customers)) + " customers>";
      });

  py::class_<retention_analysis>(m, "RetentionAnalysis",
                                 "Per segment a retention model's fit, projection and lifetimes "
                                 "(excellence.retention_fit/1).")
      .def_property_readonly("model", [](const retention_analysis& a) { return std::string(to_string(a.model)); })
      .def_property_readonly("discount", [](const retention_analysis& a) { return optional_value(a.discount); })
      .def_readonly("horizon", &retention_analysis::horizon)
      .def_property_readonly(
          "fits",
          [](const retention_analysis& a) {
            py::dict d;
            for (const auto& s : a.segments) d[py::str(s.segment)] = s.fit;
            return d;
          },
          "Each segment's RetentionFit by segment name (\"\" for the one segment).")
      .def(
          "to_json", [](const retention_analysis& a, int indent) { return to_json(a, indent); }, "indent"_a = 2)
      .def("to_dict", [](const retention_analysis& a) { return document(to_json(a)); })
      .def("to_text", [](const retention_analysis& a) { return to_text(a); })
      .def("__repr__", [](const retention_analysis& a) {
        return std::string("<clv.RetentionAnalysis ") + to_string(a.model) + ", " + std::to_string(a.segments.size()) +
               " segment(s)>";
      });

  m.def(
      "_fit_retention",
      [](const std::string& model, const std::vector<std::string>& segments, const std::vector<std::string>& cohorts,
         const numbers& ages, const numbers& survivors, const std::optional<std::vector<double>>& start,
         int max_evaluations, double tolerance, const py::object& progress) {
        const auto which = enum_argument<retention_model>(model, retention_model_names, "model");
        const auto c = cohorts_of(segments, cohorts, ages, survivors);
        const auto o = fit_options(start, max_evaluations, tolerance);
        return without_gil(progress,
                           [&](const model_control& control) { return try_fit_retention(which, c, o, control); });
      },
      "model"_a, "segments"_a, "cohorts"_a, "ages"_a, "survivors"_a, "start"_a, "max_evaluations"_a, "tolerance"_a,
      "progress"_a);

  m.def(
      "_analyse_retention",
      [](const std::string& model, const std::vector<std::string>& segments, const std::vector<std::string>& cohorts,
         const numbers& ages, const numbers& survivors, std::optional<double> discount, std::size_t horizon,
         std::optional<std::size_t> fit_through, const std::string& unit, int max_evaluations, double tolerance) {
        retention_analysis_options o;
        o.model = enum_argument<retention_model>(model, retention_model_names, "model");
        o.discount = discount;
        o.horizon = horizon;
        o.fit_through = fit_through;
        o.unit = enum_argument<time_unit>(unit, time_unit_names, "unit");
        o.fit = fit_options(std::nullopt, max_evaluations, tolerance);
        const auto c = cohorts_of(segments, cohorts, ages, survivors);
        auto r = [&] {
          py::gil_scoped_release release;
          return try_analyse_retention(c, o);
        }();
        return value(std::move(r));
      },
      "model"_a, "segments"_a, "cohorts"_a, "ages"_a, "survivors"_a, "discount"_a, "horizon"_a, "fit_through"_a,
      "unit"_a, "max_evaluations"_a, "tolerance"_a);
}

}  // namespace excellence::python
