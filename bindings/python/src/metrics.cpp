// Satisfaction and loyalty metrics for Python.
#include "common.hpp"

#include <excellence/complaints/summary.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/report/json.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/kano.hpp>
#include <excellence/satisfaction/nps.hpp>

namespace excellence::python {

namespace {

// The NPS and its interval, one Python object (the JSON document has both).
struct nps_with_interval {
  nps_result score;
  nps_interval interval;
};

}  // namespace

void bind_metrics(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<nps_with_interval>(m, "NpsResult", "A Net Promoter Score with its interval (excellence.nps/1).")
      .def_property_readonly(
          "nps", [](const nps_with_interval& r) { return r.score.nps; }, "-100 ... 100")
      .def_property_readonly("se", [](const nps_with_interval& r) { return r.score.se; })
      .def_property_readonly("n", [](const nps_with_interval& r) { return r.score.n; })
      .def_property_readonly("promoters", [](const nps_with_interval& r) { return r.score.promoters; })
      .def_property_readonly("passives", [](const nps_with_interval& r) { return r.score.passives; })
      .def_property_readonly("detractors", [](const nps_with_interval& r) { return r.score.detractors; })
      .def_property_readonly("effective_n", [](const nps_with_interval& r) { return r.score.effective_n; })
      .def_property_readonly("lower", [](const nps_with_interval& r) { return r.interval.lower; })
      .def_property_readonly("upper", [](const nps_with_interval& r) { return r.interval.upper; })
      .def_property_readonly("confidence", [](const nps_with_interval& r) { return r.interval.confidence; })
      .def(
          "to_json", [](const nps_with_interval& r, int indent) { return to_json(r.score, r.interval, indent); },
          "indent"_a = 2)
      .def("to_dict", [](const nps_with_interval& r) { return document(to_json(r.score, r.interval)); })
      .def("__repr__", [](const nps_with_interval& r) { return "<NpsResult " + std::to_string(r.score.nps) + ">"; });

  m.def(
      "nps",
      [](const numbers& answers, const std::optional<numbers>& weights, double confidence, const std::string& interval,
         int scale_min, int scale_max, int detractor_max, int promoter_min) {
        const auto method = enum_argument<nps_interval_method>(interval, nps_interval_method_names, "interval");
        const auto r = value(try_nps(span_of(answers, "answers"), {scale_min, scale_max, detractor_max, promoter_min},
                                     optional_span(weights, "weights")));
        return nps_with_interval{r, value(try_nps_interval(r, confidence, method))};
      },
      "answers"_a, "weights"_a = py::none(), "confidence"_a = 0.95, "interval"_a = "wald", "scale_min"_a = 0,
      "scale_max"_a = 10, "detractor_max"_a = 6, "promoter_min"_a = 9,
      "Net Promoter Score of whole-number answers (0-10: detractors 0-6, promoters 9-10), optionally weighted,\n"
      "with a Wald or adjusted-Wald ('adjusted-wald') interval.");

  py::class_<csat_result>(m, "CsatResult", "CSAT: the top-box share with its Wilson interval (excellence.csat/1).")
      .def_readonly("csat", &csat_result::csat, "Top-box share, 0-100 (not the mean rating).")
      .def_readonly("lower", &csat_result::lower)
      .def_readonly("upper", &csat_result::upper)
      .def_readonly("confidence", &csat_result::confidence)
      .def_readonly("mean_rating", &csat_result::mean_rating)
      .def_readonly("satisfied", &csat_result::satisfied)
      .def_readonly("n", &csat_result::n)
      .def(
          "to_json", [](const csat_result& r, int indent) { return to_json(r, indent); }, "indent"_a = 2)
      .def("to_dict", [](const csat_result& r) { return document(to_json(r)); });

  m.def(
      "csat",
      [](const numbers& ratings, int scale_min, int scale_max, int top_box_min, double confidence) {
        return value(try_csat(span_of(ratings, "ratings"), {scale_min, scale_max, top_box_min}, confidence));
      },
      "ratings"_a, "scale_min"_a = 1, "scale_max"_a = 5, "top_box_min"_a = 4, "confidence"_a = 0.95,
      "CSAT: the share of ratings in the top box (4-5 of 1-5 by default) with a Wilson interval, and the mean rating.");

  py::class_<rfm_analysis>(m, "RfmResult", "RFM scores and the concentration of value (excellence.rfm/1).")
      .def_readonly("customers", &rfm_analysis::customers)
      .def_property_readonly(
          "recency",
          [](const rfm_analysis& a) {
            std::vector<int> v;
            for (const auto& s : a.scores.scores) v.push_back(s.recency);
            return v;
          },
          "Per customer, 1 ... bins; high = recent.")
      .def_property_readonly("frequency",
                             [](const rfm_analysis& a) {
                               std::vector<int> v;
                               for (const auto& s : a.scores.scores) v.push_back(s.frequency);
                               return v;
                             })
      .def_property_readonly("monetary",
                             [](const rfm_analysis& a) {
                               std::vector<int> v;
                               for (const auto& s : a.scores.scores) v.push_back(s.monetary);
                               return v;
                             })
      .def_property_readonly(
          "segments",
          [](const rfm_analysis& a) {
            std::vector<std::string> v;
            for (const auto& s : a.scores.scores) v.push_back(segment_code(s, a.scores.bins));
            return v;
          },
          "Per customer, the segment code ('534').")
      .def_property_readonly("gini",
                             [](const rfm_analysis& a) {
                               return a.concentration ? py::cast(a.concentration->gini) : py::object(py::none());
                             })
      .def_property_readonly("top_20_share",
                             [](const rfm_analysis& a) {
                               return a.concentration ? py::cast(a.concentration->top_share(0.2))
                                                      : py::object(py::none());
                             })
      .def(
          "to_json", [](const rfm_analysis& a, int indent) { return to_json(a, indent); }, "indent"_a = 2)
      .def("to_dict", [](const rfm_analysis& a) { return document(to_json(a)); });

  m.def(
      "rfm",
      [](const std::vector<std::string>& customers, const numbers& recency, const numbers& frequency,
         const numbers& monetary, int bins) {
        return value(try_rfm_analysis(customers, span_of(recency, "recency"), span_of(frequency, "frequency"),
                                      span_of(monetary, "monetary"), {.bins = bins}));
      },
      "customers"_a, "recency"_a, "frequency"_a, "monetary"_a, "bins"_a = 5,
      "RFM scores by quantiles (recency = time since the last purchase), segment codes, Gini and the top-20 % share.");

  py::class_<kano_attribute>(m, "KanoAttribute", "The Kano classification of one attribute.")
      .def_readonly("name", &kano_attribute::name)
      .def_property_readonly("category",
                             [](const kano_attribute& a) { return std::string(to_string(a.result.category)); })
      .def_property_readonly("n", [](const kano_attribute& a) { return a.result.n; })
      .def_property_readonly("better", [](const kano_attribute& a) { return optional_value(a.result.better); })
      .def_property_readonly("worse", [](const kano_attribute& a) { return optional_value(a.result.worse); })
      .def_property_readonly("questionable_share", [](const kano_attribute& a) { return a.result.questionable_share; });

  py::class_<kano_table>(m, "KanoResult", "Kano classification per attribute (excellence.kano/1).")
      .def_readonly("attributes", &kano_table::attributes)
      .def(
          "to_json", [](const kano_table& t, int indent) { return to_json(t, indent); }, "indent"_a = 2)
      .def("to_dict", [](const kano_table& t) { return document(to_json(t)); });

  m.def(
      "kano",
      [](const std::vector<std::string>& attributes, const numbers& functional, const numbers& dysfunctional,
         double tie_margin) {
        return value(try_kano_by_attribute(attributes, span_of(functional, "functional"),
                                           span_of(dysfunctional, "dysfunctional"), {.tie_margin = tie_margin}));
      },
      "attributes"_a, "functional"_a, "dysfunctional"_a, "tie_margin"_a = 0.0,
      "Kano classification, one row per respondent and attribute (answers 1 like ... 5 dislike).");

  py::class_<complaint_summary>(m, "ComplaintSummary",
                                "Complaint resolution with open complaints censored (excellence.complaints/1).")
      .def_property_readonly("complaints", [](const complaint_summary& s) { return s.times.n; })
      .def_property_readonly("resolved", [](const complaint_summary& s) { return s.times.n_resolved; })
      .def_property_readonly("open", [](const complaint_summary& s) { return s.times.n_open; })
      .def_property_readonly("median", [](const complaint_summary& s) { return optional_value(s.median); })
      .def_property_readonly("p90", [](const complaint_summary& s) { return optional_value(s.p90); })
      .def_property_readonly("share_within_limit",
                             [](const complaint_summary& s) { return optional_value(s.share_within_limit); })
      .def_property_readonly("first_contact_resolution",
                             [](const complaint_summary& s) { return optional_value(s.first_contact_resolution); })
      .def_property_readonly("reopen_rate", [](const complaint_summary& s) { return optional_value(s.reopen_rate); })
      .def(
          "to_json", [](const complaint_summary& s, int indent) { return to_json(s, indent); }, "indent"_a = 2)
      .def("to_dict", [](const complaint_summary& s) { return document(to_json(s)); });

  m.def(
      "complaints",
      [](const numbers& duration, const std::vector<std::string>& status,
         const std::optional<std::vector<std::optional<double>>>& first_contact,
         const std::optional<std::vector<std::optional<double>>>& reopened, const std::optional<double>& limit,
         const std::string& unit) {
        const std::vector<std::optional<double>> none;
        return value(try_complaint_summary(
            {span_of(duration, "duration"), status, first_contact ? *first_contact : none, reopened ? *reopened : none},
            {limit, unit}));
      },
      "duration"_a, "status"_a, "first_contact"_a = py::none(), "reopened"_a = py::none(), "limit"_a = py::none(),
      "unit"_a = "days",
      "Resolution times (status 'resolved' or 'open'; open ones censored, Kaplan-Meier), first-contact resolution\n"
      "and reopen rate (flags 0/1, None where unknown).");

  py::class_<cohort_table>(m, "RetentionTable", "Cohort retention (excellence.retention/1).")
      .def_readonly("retention_by_age", &cohort_table::retention_by_age)
      .def_readonly("active_share_by_age", &cohort_table::active_share_by_age)
      .def_readonly("customers", &cohort_table::customers)
      .def_property_readonly("cohorts",
                             [](const cohort_table& t) {
                               py::list out;
                               for (const auto& c : t.cohorts) {
                                 py::dict d;
                                 d["cohort"] = format_period_label(c.cohort, t.notation);
                                 d["size"] = c.size;
                                 d["retention"] = c.retention;
                                 d["active_share"] = c.active_share;
                                 out.append(d);
                               }
                               return out;
                             })
      .def(
          "to_json", [](const cohort_table& t, int indent) { return to_json(t, indent); }, "indent"_a = 2)
      .def("to_dict", [](const cohort_table& t) { return document(to_json(t)); });

  m.def(
      "retention",
      [](const std::vector<std::string>& customers, const std::vector<std::string>& periods, const std::string& unit) {
        return value(try_cohort_retention(customers, periods, enum_argument<time_unit>(unit, time_unit_names, "unit")));
      },
      "customers"_a, "periods"_a, "unit"_a = "month",
      "Cohort retention from activity records (customer, period: 'YYYY-MM' for months, 'YYYY-Qn' for quarters, or "
      "integers).");
}

}  // namespace excellence::python
