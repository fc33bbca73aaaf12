// The measures beside the headline metrics for Python: CES, SERVQUAL/SERVPERF, IPA, CSI,
// customer delivered value, ABC tiers and the customer pyramid, simple lifetime value.
#include "common.hpp"

#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/tiers.hpp>
#include <excellence/report/json.hpp>
#include <excellence/satisfaction/ces.hpp>
#include <excellence/satisfaction/csi.hpp>
#include <excellence/satisfaction/ipa.hpp>
#include <excellence/satisfaction/servqual.hpp>
#include <excellence/value/comparison.hpp>

#include <cmath>

namespace excellence::python {

namespace {

// Optional answers: None (or NaN) is a missing answer.
std::vector<std::optional<double>> optional_answers(const py::sequence& values) {
  std::vector<std::optional<double>> out;
  out.reserve(values.size());
  for (const auto& v : values) {
    if (v.is_none()) {
      out.emplace_back();
      continue;
    }
    const double x = py::cast<double>(v);
    out.push_back(std::isnan(x) ? std::nullopt : std::optional<double>(x));
  }
  return out;
}

ipa_crosshair crosshair_argument(const std::string& name) {
  for (const auto c : {ipa_crosshair::data_means, ipa_crosshair::scale_midpoint, ipa_crosshair::given})
    if (name == to_string(c)) return c;
  throw py::value_error("crosshair must be data_means, scale_midpoint or given, not '" + name + "'");
}

tier_basis basis_argument(const std::string& name) {
  if (name == "value") return tier_basis::value;
  if (name == "count") return tier_basis::count;
  throw py::value_error("basis must be value or count, not '" + name + "'");
}

}  // namespace

void bind_measures(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<ces_result>(m, "CesResult", "Customer effort: the mean answer and the shares of easy and hard answers.")
      .def_readonly("mean", &ces_result::mean)
      .def_readonly("easy", &ces_result::easy, "Share of easy answers, 0-100.")
      .def_readonly("hard", &ces_result::hard)
      .def_readonly("net", &ces_result::net, "easy - hard")
      .def_readonly("n", &ces_result::n)
      .def_readonly("version", &ces_result::version);
  m.def(
      "ces",
      [](const numbers& answers, const std::string& version) {
        if (version != "2.0" && version != "1.0") throw py::value_error("version must be '2.0' or '1.0'");
        return value(try_ces(span_of(answers, "answers"), version == "2.0" ? ces_2_0 : ces_1_0));
      },
      "answers"_a, "version"_a = "2.0",
      "Customer Effort Score: CES 2.0 (1-7 agreement, 5-7 easy) or CES 1.0 (1-5 effort, 1-2 easy).");

  py::class_<servqual_result>(m, "ServqualResult",
                              "SERVQUAL or SERVPERF by item and dimension (excellence.servqual/1).")
      .def_property_readonly("model", [](const servqual_result& r) { return std::string(to_string(r.model)); })
      .def_readonly("unweighted", &servqual_result::unweighted, "Mean of the dimension scores.")
      .def_property_readonly("weighted", [](const servqual_result& r) { return optional_value(r.weighted); })
      .def_readonly("respondents", &servqual_result::respondents)
      .def_readonly("dropped", &servqual_result::dropped)
      .def_property_readonly(
          "dimensions",
          [](const servqual_result& r) {
            py::dict out;
            for (const auto& d : r.dimensions) out[py::str(to_string(d.dimension))] = d.score;
            return out;
          },
          "Score per dimension: the mean gap P - E (SERVQUAL) or the mean perception (SERVPERF).")
      .def_property_readonly("warnings", [](const servqual_result& r) { return diagnostics(r.warnings); })
      .def(
          "to_json", [](const servqual_result& r, int indent) { return to_json(r, indent); }, "indent"_a = 2)
      .def("to_dict", [](const servqual_result& r) { return document(to_json(r)); });
  m.def(
      "servqual",
      [](const std::vector<std::string>& respondent, const std::vector<std::string>& item,
         const std::vector<std::string>& dimension, const std::optional<py::sequence>& expectation,
         const py::sequence& perception, const std::optional<std::vector<double>>& importance, int scale_min,
         int scale_max, const std::string& missing) {
        const auto e = expectation ? optional_answers(*expectation) : std::vector<std::optional<double>>{};
        const auto p = optional_answers(perception);
        servqual_options o;
        o.scale_min = scale_min;
        o.scale_max = scale_max;
        o.missing = enum_argument<missing_answers>(missing, missing_answers_names, "missing");
        if (importance) o.importance = *importance;
        return value(try_servqual_long({respondent, item, dimension, e, p},
                                       expectation ? servqual_model::servqual : servqual_model::servperf, o));
      },
      "respondent"_a, "item"_a, "dimension"_a, "expectation"_a, "perception"_a, "importance"_a = py::none(),
      "scale_min"_a = 1, "scale_max"_a = 7, "missing"_a = "error",
      "SERVQUAL (expectations given) or SERVPERF (expectation=None) of long-format answers: one row per respondent\n"
      "and item, the dimension by name ('tangibles', 'reliability', ...); None is a missing answer.");

  py::class_<ipa_point>(m, "IpaPoint", "One attribute in the importance-performance grid.")
      .def_readonly("name", &ipa_point::name)
      .def_readonly("importance", &ipa_point::importance)
      .def_readonly("performance", &ipa_point::performance)
      .def_property_readonly("quadrant", [](const ipa_point& p) { return std::string(to_string(p.quadrant)); });
  py::class_<ipa_result>(m, "IpaResult", "Importance-performance analysis: a quadrant per attribute.")
      .def_readonly("attributes", &ipa_result::attributes)
      .def_property_readonly("crosshair", [](const ipa_result& r) { return std::string(to_string(r.crosshair)); })
      .def_readonly("importance_line", &ipa_result::importance_line)
      .def_readonly("performance_line", &ipa_result::performance_line);
  m.def(
      "ipa",
      [](const std::vector<std::string>& names, const numbers& importance, const numbers& performance,
         const std::string& crosshair, double scale_min, double scale_max) {
        const auto i = span_of(importance, "importance"), p = span_of(performance, "performance");
        if (i.size() != names.size() || p.size() != names.size())
          throw py::value_error("names, importance and performance must have one entry per attribute");
        std::vector<ipa_attribute> attributes;
        for (std::size_t k = 0; k < names.size(); ++k) attributes.push_back({names[k], i[k], p[k]});
        ipa_options o;
        o.crosshair = crosshair_argument(crosshair);
        o.importance_min = o.performance_min = scale_min;
        o.importance_max = o.performance_max = scale_max;
        return value(try_ipa(attributes, o));
      },
      "names"_a, "importance"_a, "performance"_a, "crosshair"_a = "data_means", "scale_min"_a = 1.0,
      "scale_max"_a = 5.0, "Importance-performance analysis (Martilla & James 1977) on one scale for both axes.");

  py::class_<csi_result>(m, "CsiResult", "A weighted satisfaction index, 0-100, with each attribute's points.")
      .def_readonly("index", &csi_result::index)
      .def_property_readonly("attributes", [](const csi_result& r) {
        py::list out;
        for (const auto& a : r.attributes) {
          py::dict d;
          d["name"] = a.name;
          d["rescaled"] = a.rescaled;
          d["weight"] = a.weight;
          d["points"] = a.points;
          d["potential"] = a.potential;
          out.append(d);
        }
        return out;
      });
  m.def(
      "csi",
      [](const std::vector<std::string>& names, const numbers& scores, const numbers& importance, double scale_min,
         double scale_max) {
        const auto s = span_of(scores, "scores"), w = span_of(importance, "importance");
        if (s.size() != names.size() || w.size() != names.size())
          throw py::value_error("names, scores and importance must have one entry per attribute");
        std::vector<csi_attribute> attributes;
        for (std::size_t k = 0; k < names.size(); ++k)
          attributes.push_back({names[k], s[k], w[k], scale_min, scale_max});
        return value(try_weighted_csi(attributes));
      },
      "names"_a, "scores"_a, "importance"_a, "scale_min"_a = 1.0, "scale_max"_a = 5.0,
      "CSI = sum of w_i 100 (x_i - min)/(max - min), w the normalised importances.");

  py::class_<tier_result>(m, "TierResult", "Customers in tiers by value rank (ABC, customer pyramid).")
      .def_readonly("tier", &tier_result::tier, "Per customer in input order: 0 = the top tier.")
      .def_property_readonly("tiers",
                             [](const tier_result& r) {
                               py::list out;
                               for (const auto& t : r.tiers) {
                                 py::dict d;
                                 d["name"] = t.name;
                                 d["customers"] = t.customers;
                                 d["value"] = t.value;
                                 d["customer_share"] = t.customer_share;
                                 d["value_share"] = optional_value(t.value_share);
                                 out.append(d);
                               }
                               return out;
                             })
      .def_readonly("unprofitable", &tier_result::unprofitable);
  m.def(
      "abc_tiers",
      [](const numbers& values, const std::string& basis, double a_cut, double b_cut) {
        return value(try_abc_tiers(span_of(values, "values"), {basis_argument(basis), a_cut, b_cut}));
      },
      "values"_a, "basis"_a = "value", "a_cut"_a = 0.80, "b_cut"_a = 0.95,
      "ABC tiers of customer values by cumulative share of value (or of customers: basis='count').");
  m.def(
      "customer_pyramid",
      [](const numbers& values, const std::string& basis, const std::vector<double>& cuts, bool unprofitable_are_lead) {
        return value(
            try_customer_pyramid(span_of(values, "values"), {basis_argument(basis), cuts, unprofitable_are_lead}));
      },
      "values"_a, "basis"_a = "count", "cuts"_a = std::vector<double>{0.20, 0.50, 0.80},
      "unprofitable_are_lead"_a = true,
      "The customer pyramid (Zeithaml, Rust & Lemon 2001): platinum, gold, iron and lead.");

  py::class_<simple_clv_result>(
      m, "SimpleClvResult",
      "Lifetime value from a margin, a retention rate and a discount rate (excellence.clv_simple/1).")
      .def_readonly("clv", &simple_clv_result::clv)
      .def_readonly("margin_multiple", &simple_clv_result::margin_multiple)
      .def_property_readonly("average_life", [](const simple_clv_result& r) { return optional_value(r.average_life); })
      .def(
          "to_json", [](const simple_clv_result& r, int indent) { return to_json(r, std::nullopt, indent); },
          "indent"_a = 2)
      .def("to_dict", [](const simple_clv_result& r) { return document(to_json(r)); });
  m.def(
      "simple_clv",
      [](double margin, double retention, double discount, const std::optional<std::int32_t>& horizon,
         const std::string& timing, double acquisition_cost) {
        clv_options o;
        o.timing = enum_argument<margin_timing>(timing, margin_timing_names, "timing");
        o.horizon = horizon;
        o.acquisition_cost = acquisition_cost;
        return value(try_simple_clv(margin, {retention, {}}, {discount, {}}, o));
      },
      "margin"_a, "retention"_a, "discount"_a, "horizon"_a = py::none(), "timing"_a = "end", "acquisition_cost"_a = 0.0,
      "Lifetime value of a customer with this margin per period, retention and discount rates per the same period;\n"
      "horizon None is infinite; timing 'end' or 'start' of each period.");

  py::class_<value_summary>(m, "ValueSummary", "Customer delivered value per offer (excellence.value/1).")
      .def_readonly("respondents", &value_summary::respondents)
      .def_readonly("preferred", &value_summary::preferred)
      .def_property_readonly("offers",
                             [](const value_summary& v) {
                               py::list out;
                               for (const auto& o : v.offers) {
                                 py::dict d;
                                 d["name"] = o.name;
                                 d["total_value"] = o.total_value;
                                 d["total_cost"] = o.total_cost;
                                 d["delivered_value"] = o.delivered_value;
                                 d["value_ratio"] = optional_value(o.value_ratio);
                                 d["preferred_share"] = o.preferred_share;
                                 d["choice_share"] = optional_value(o.choice_share);
                                 out.append(d);
                               }
                               return out;
                             })
      .def(
          "to_json", [](const value_summary& v, int indent) { return to_json(v, indent); }, "indent"_a = 2)
      .def("to_dict", [](const value_summary& v) { return document(to_json(v)); });
  m.def(
      "delivered_value",
      [](const std::optional<std::vector<std::string>>& respondent, const std::vector<std::string>& offer,
         const py::dict& amounts, const std::optional<double>& sensitivity) {
        // The eight components by name; every one is needed (0 where an offer has none).
        std::vector<numbers> columns;
        value_answers answers;
        if (respondent) answers.respondent = *respondent;
        answers.offer = offer;
        columns.reserve(value_components.size());
        for (std::size_t k = 0; k < value_components.size(); ++k) {
          const auto name = std::string(to_string(value_components[k]));
          if (!amounts.contains(name))
            throw py::value_error(
                "amounts: the component '" + name +
                "' is missing (product, service, personnel, image, monetary, time, energy, physical)");
          columns.push_back(py::cast<numbers>(amounts[py::str(name)]));
          answers.amounts[k] = span_of(columns.back(), name.c_str());
        }
        value_summary_options o;
        o.sensitivity = sensitivity;
        return value(try_value_summary(answers, o));
      },
      "respondent"_a, "offer"_a, "amounts"_a, "sensitivity"_a = py::none(),
      "Customer delivered value = total customer value - total customer cost (Kotler), per respondent and offer\n"
      "(long format: one row per respondent and offer; amounts maps each of the eight components to a column),\n"
      "averaged per offer, with the share of respondents preferring each and the preferred set.");
}

}  // namespace excellence::python
