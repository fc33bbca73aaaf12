// Results evidence for Python: measured results against the bands a results item is scored
// in, the trend statistics on their own, and the warnings against an examiner.
#include "common.hpp"

#include <excellence/evidence/results_evidence.hpp>
#include <excellence/io/evidence_files.hpp>
#include <excellence/report/html.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

namespace excellence::python {

void bind_evidence(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<results_evidence>(
      m, "Evidence",
      "The evidence of measured customer results for the results items they evidence:\n"
      "levels, trends, comparisons, integration and the band each supports (docs/evidence.md).")
      .def_readonly("framework", &results_evidence::framework)
      .def_readonly("organization", &results_evidence::organization)
      // The document is held while its part is taken: an item accessor of a temporary dangles.
      .def_property_readonly("series",
                             [](const results_evidence& e) {
                               const py::object d = document(to_json(e));
                               return py::object(d["series"]);
                             })
      .def_property_readonly("items",
                             [](const results_evidence& e) {
                               const py::object d = document(to_json(e));
                               return py::object(d["items"]);
                             })
      .def(
          "check", [](const results_evidence& e, const assessment& a) { return diagnostics(check_assessment(e, a)); },
          "assessment"_a,
          "Warnings (percent_outside_evidence) where the assessment's results percents or dimension judgements lie\n"
          "outside the bands the evidence supports; the scores are not changed.")
      .def(
          "trend_chart",
          [](const results_evidence& e, std::size_t index, const std::string& lang) {
            const auto l = language_argument(lang);
            if (index >= e.series.size()) throw py::index_error("no series " + std::to_string(index));
            return trend_chart(e, index, l);
          },
          "index"_a, "lang"_a = "en", "One series as an HTML figure: values, comparisons, target.")
      .def(
          "to_text",
          [](const results_evidence& e, const std::string& lang) { return to_text(e, {}, language_argument(lang)); },
          "lang"_a = "en")
      .def(
          "to_json", [](const results_evidence& e, int indent) { return to_json(e, {}, indent); }, "indent"_a = 2)
      .def("to_dict", [](const results_evidence& e) { return document(to_json(e)); })
      .def("__repr__", [](const results_evidence& e) {
        return "<Evidence of " + e.organization + ": " + std::to_string(e.series.size()) + " series, " +
               std::to_string(e.items.size()) + " results item(s)>";
      });

  m.def(
      "evidence",
      [](const std::string& measures, const std::string& series, double some, double many, double most,
         double significance, double confidence, std::size_t trend_periods, std::size_t sustained_periods,
         const std::string& integration_scope) {
        evidence_options options;
        options.shares = {some, many, most};
        options.significance = significance;
        options.confidence = confidence;
        options.trend_periods = trend_periods;
        options.sustained_periods = sustained_periods;
        options.integration_scope = integration_scope;
        return value(try_read_results_evidence(measures, series, options));
      },
      "measures"_a, "series"_a, "some"_a = 0.25, "many"_a = 0.5, "most"_a = 0.75, "significance"_a = 0.10,
      "confidence"_a = 0.95, "trend_periods"_a = 3, "sustained_periods"_a = 3, "integration_scope"_a = "4.3",
      "The evidence of a measures file (excellence.measures/1) and its series CSV (docs/evidence.md).");

  m.def(
      "mann_kendall",
      [](const numbers& values) {
        const auto r = value(try_mann_kendall(span_of(values, "values")));
        py::dict d;
        d["n"] = r.n;
        d["s"] = r.s;
        d["tau"] = r.tau;
        d["tie_groups"] = r.tie_groups;
        d["variance"] = r.variance;
        d["z"] = r.z;
        d["p_value"] = r.p_value;
        d["exact"] = r.exact;
        return d;
      },
      "values"_a,
      "The Mann-Kendall trend test: S, Var(S) with the ties correction, z, the two-sided p-value (exact without\n"
      "ties up to 60 values).");

  m.def(
      "theil_sen",
      [](const numbers& times, const numbers& values, double confidence) {
        const auto r = value(try_theil_sen(span_of(times, "times"), span_of(values, "values"), confidence));
        py::dict d;
        d["slope"] = r.slope;
        d["intercept"] = r.intercept;
        d["lower"] = optional_value(r.lower);
        d["upper"] = optional_value(r.upper);
        d["confidence"] = r.confidence;
        d["slopes"] = r.slopes;
        return d;
      },
      "times"_a, "values"_a, "confidence"_a = 0.95,
      "The Theil-Sen slope with Sen's confidence interval (limits None when too few points bound it).");
}

}  // namespace excellence::python
