// The examiner's report for Python: a Report (the review and its framework) whose pieces
// are strings (HTML, charts, CSV tables) and whose workbook is a file.
#include "common.hpp"

#include <excellence/report/html.hpp>
#include <excellence/report/workbook.hpp>
#include <excellence/scoring/review.hpp>

namespace excellence::python {

namespace {

/// A review with the tree its titles come from.
struct report {
  excellence::review value;
  criteria_tree tree;
};

}  // namespace

void bind_report(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<report>(m, "Report",
                     "The examiner's report of one assessment (feedback), one year's examiners (consensus) or one\n"
                     "record per year (history): docs/reports.md.")
      .def_property_readonly("kind", [](const report& r) { return std::string(to_string(r.value.kind)); })
      .def_property_readonly("scores", [](const report& r) { return r.value.scores; })
      .def_property_readonly("consensus", [](const report& r) { return r.value.consensus; })
      .def_property_readonly("evidence_warnings",
                             [](const report& r) {
                               py::list out;
                               for (const auto& list : r.value.evidence_warnings) out.append(diagnostics(list));
                               return out;
                             })
      .def_property_readonly("tables",
                             [](const report& r) {
                               py::list out;
                               for (const auto t : report_tables(r.value)) out.append(std::string(to_string(t)));
                               return out;
                             })
      .def(
          "to_html",
          [](const report& r, const std::string& lang) { return to_html(r.value, r.tree, language_argument(lang)); },
          "lang"_a = "en", "The whole report: one self-contained HTML document.")
      .def(
          "chart",
          [](const report& r, const std::string& kind, const std::optional<std::string>& category,
             const std::string& lang) {
            return value(try_chart(r.value, r.tree, enum_argument<chart_kind>(kind, chart_kind_names, "kind"),
                                   category.value_or(""), language_argument(lang)));
          },
          "kind"_a, "category"_a = py::none(), "lang"_a = "en",
          "One chart as an HTML figure (SVG, title, text alternative, numbers): 'categories', 'radar', 'bands'\n"
          "(of one category, or all items), 'spread' (consensus) or 'history' (history).")
      .def(
          "to_csv",
          [](const report& r, const std::string& table, const std::string& lang) {
            return value(try_to_csv(r.value, r.tree, enum_argument<report_table>(table, report_table_names, "table"),
                                    language_argument(lang)));
          },
          "table"_a, "lang"_a = "en", "One of the report's tables as CSV text.")
      .def(
          "write_xlsx",
          [](const report& r, const std::string& path, const std::string& lang) {
            (void)value(try_write_xlsx(r.value, r.tree, path, language_argument(lang)));
          },
          "path"_a, "lang"_a = "en", "Writes the report's tables as an XLSX workbook.")
      .def("_repr_html_", [](const report& r) { return to_html(r.value, r.tree, language::en); })
      .def("__repr__", [](const report& r) {
        return "<Report " + std::string(to_string(r.value.kind)) + " of " + r.value.organization + ", " +
               std::to_string(r.value.scores.size()) + " assessment(s)>";
      });

  m.def(
      "report",
      [](const std::vector<assessment>& assessments, const criteria_tree& tree, std::int32_t flag_range,
         const std::optional<std::string>& scope, const std::optional<results_evidence>& evidence) {
        return report{
            value(try_review(assessments, tree, {scope.value_or(""), flag_range}, evidence ? &*evidence : nullptr)),
            tree};
      },
      "assessments"_a, "framework"_a, "flag_range"_a = 20, "scope"_a = py::none(), "evidence"_a = py::none(),
      "The examiner's report of the assessments: feedback (one), consensus (several of one year) or history (one\n"
      "per year); with `evidence` (excellence.evidence(...)) the measured results beside the results items.");
}

}  // namespace excellence::python
