// Frameworks, assessments, scores and consensus for Python.
#include "common.hpp"

#include <excellence/criteria/builtin.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/report/json.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/score.hpp>

namespace excellence::python {

namespace {

py::dict node_dict(const criteria_tree& tree, const criteria_node& n) {
  py::dict d;
  d["id"] = n.id;
  d["kind"] = std::string(to_string(n.kind));
  d["title_zh"] = n.title_zh;
  d["title_en"] = n.title_en;
  d["evaluation"] = n.evaluation ? py::object(py::str(std::string(to_string(*n.evaluation)))) : py::object(py::none());
  d["points"] = optional_value(n.points);
  const auto* parent = tree.parent(n);
  d["parent"] = parent != nullptr ? py::object(py::str(parent->id)) : py::object(py::none());
  py::list children;
  for (const auto& c : n.children) children.append(c.id);
  d["children"] = children;
  return d;
}

py::list ids(const std::vector<std::string>& v) {
  py::list out;
  for (const auto& s : v) out.append(s);
  return out;
}

}  // namespace

void bind_criteria(py::module_& m) {
  using namespace pybind11::literals;

  m.def(
      "builtin_frameworks",
      [] {
        py::list out;
        for (const auto id : builtin_framework_ids()) out.append(std::string(id));
        return out;
      },
      "The ids of the built-in frameworks: 'gbt19580-2012', 'baldrige-2023'.");

  py::class_<criteria_tree>(m, "Framework",
                            "A criteria tree: a whole framework (GB/T 19580, Baldrige) or the part under one node.")
      .def_static(
          "builtin", [](const std::string& id) { return value(try_builtin_framework(id)); }, "id"_a,
          "A built-in framework by id.")
      .def_static(
          "read", [](const std::string& path) { return value(try_read_framework(path)); }, "path"_a,
          "Reads a framework file (excellence.framework/1).")
      .def_static(
          "parse",
          [](const std::string& text, const std::string& source) { return value(try_parse_framework(text, source)); },
          "text"_a, "source"_a = "<memory>", "Parses framework JSON; source names it in errors.")
      .def_property_readonly("id", &criteria_tree::id, "The framework's id, 'gbt19580-2012'.")
      .def_property_readonly("scope", &criteria_tree::scope, "The node this tree is cut at ('' for a whole framework).")
      .def_property_readonly("max_points", &criteria_tree::max_points, "The points of the scope.")
      .def_property_readonly("title_zh", [](const criteria_tree& t) { return t.info().title_zh; })
      .def_property_readonly("title_en", [](const criteria_tree& t) { return t.info().title_en; })
      .def_property_readonly(
          "items",
          [](const criteria_tree& t) {
            py::list out;
            for (const auto* n : t.scored_items()) out.append(n->id);
            return out;
          },
          "The ids of the scored items, in framework order.")
      .def_property_readonly(
          "node_ids",
          [](const criteria_tree& t) {
            py::list out;
            for (const auto* n : t.nodes()) out.append(n->id);
            return out;
          },
          "Every node's id, in preorder.")
      .def(
          "subtree", [](const criteria_tree& t, const std::string& id) { return value(t.try_subtree(id)); }, "id"_a,
          "The part of the framework under node id ('4.3').")
      .def(
          "node",
          [](const criteria_tree& t, const std::string& id) {
            const auto* n = t.find(id);
            if (n == nullptr) throw py::key_error(id + " is not a node of " + t.id());
            return node_dict(t, *n);
          },
          "id"_a, "A node as a dict: id, kind, titles, evaluation, points, parent, children.")
      .def("__contains__", [](const criteria_tree& t, const std::string& id) { return t.contains(id); })
      .def("__len__", [](const criteria_tree& t) { return t.nodes().size(); })
      .def(
          "to_json", [](const criteria_tree& t, int indent) { return to_json(t, indent); }, "indent"_a = 2,
          "The framework as excellence.framework/1 text.")
      .def("to_dict", [](const criteria_tree& t) { return document(to_json(t)); })
      .def("__repr__", [](const criteria_tree& t) {
        return "<Framework " + t.id() + (t.scope().empty() ? "" : " scope " + t.scope()) + ", " +
               std::to_string(t.max_points()) + " points>";
      });

  py::class_<assessment>(m, "Assessment", "One examiner's assessment of one organisation (excellence.assessment/1).")
      .def_static(
          "read", [](const std::string& path) { return value(try_read_assessment(path)); }, "path"_a)
      .def_static(
          "parse",
          [](const std::string& text, const std::string& source) { return value(try_parse_assessment(text, source)); },
          "text"_a, "source"_a = "<memory>")
      .def_readonly("framework", &assessment::framework)
      .def_readonly("organization", &assessment::organization)
      .def_readonly("examiner", &assessment::examiner)
      .def_readonly("date", &assessment::date)
      .def_readonly("source", &assessment::source)
      .def(
          "to_json", [](const assessment& a, int indent) { return to_json(a, indent); }, "indent"_a = 2)
      .def("to_dict", [](const assessment& a) { return document(to_json(a)); })
      .def("__repr__", [](const assessment& a) {
        return "<Assessment " + a.organization + " by " + a.examiner + " (" + a.framework + ")>";
      });

  py::class_<item_score>(m, "ItemScore", "The score of one scored item.")
      .def_readonly("id", &item_score::id)
      .def_readonly("category", &item_score::category)
      .def_property_readonly("evaluation", [](const item_score& s) { return std::string(to_string(s.evaluation)); })
      .def_readonly("assessed", &item_score::assessed)
      .def_readonly("percent", &item_score::percent)
      .def_property_readonly(
          "band",
          [](const item_score& s) { return s.band ? py::object(py::str(s.band->label())) : py::object(py::none()); },
          "The band's label, '30-45%'; None when not assessed.")
      .def_property_readonly(
          "score", [](const item_score& s) { return s.score.value(); }, "Points, exact to the hundredth.")
      .def_property_readonly("max", [](const item_score& s) { return s.max.value(); });

  py::class_<assessment_score>(m, "Score", "A scored assessment (excellence.score/1).")
      .def_readonly("framework", &assessment_score::framework)
      .def_readonly("scope", &assessment_score::scope)
      .def_readonly("organization", &assessment_score::organization)
      .def_readonly("examiner", &assessment_score::examiner)
      .def_readonly("date", &assessment_score::date)
      .def_property_readonly("total", [](const assessment_score& s) { return s.total.value(); })
      .def_property_readonly("max", [](const assessment_score& s) { return s.max.value(); })
      .def_property_readonly("assessed_max", [](const assessment_score& s) { return s.assessed_max.value(); })
      .def_property_readonly(
          "overall_band",
          [](const assessment_score& s) {
            return s.overall ? py::object(py::int_(s.overall->level)) : py::object(py::none());
          },
          "The framework's overall band level for the total (1 = lowest), or None.")
      .def_readonly("items", &assessment_score::items)
      .def_property_readonly("not_assessed", [](const assessment_score& s) { return ids(s.not_assessed); })
      .def_property_readonly("warnings", [](const assessment_score& s) { return diagnostics(s.warnings); })
      .def(
          "to_json", [](const assessment_score& s, int indent) { return to_json(s, indent); }, "indent"_a = 2)
      .def("to_dict", [](const assessment_score& s) { return document(to_json(s)); })
      .def("__repr__",
           [](const assessment_score& s) { return "<Score " + s.total.to_string() + " / " + s.max.to_string() + ">"; });

  m.def(
      "score",
      [](const assessment& a, const criteria_tree& tree, const std::optional<std::string>& scope) {
        return value(try_score(a, tree, {scope.value_or("")}));
      },
      "assessment"_a, "framework"_a, "scope"_a = py::none(),
      "Scores an assessment against a framework, optionally only the part under node `scope` ('4.3').");

  py::class_<item_consensus>(m, "ItemConsensus", "The examiners' percents of one item and what they agree on.")
      .def_readonly("id", &item_consensus::id)
      .def_readonly("n", &item_consensus::n)
      .def_readonly("percents", &item_consensus::percents)
      .def_property_readonly("mean",
                             [](const item_consensus& c) {
                               return c.statistics ? py::object(py::float_(c.statistics->mean))
                                                   : py::object(py::none());
                             })
      .def_property_readonly("median",
                             [](const item_consensus& c) {
                               return c.statistics ? py::object(py::float_(c.statistics->median))
                                                   : py::object(py::none());
                             })
      .def_property_readonly("range",
                             [](const item_consensus& c) {
                               return c.statistics ? py::object(py::int_(c.statistics->range)) : py::object(py::none());
                             })
      .def_property_readonly("standard_deviation",
                             [](const item_consensus& c) {
                               return c.statistics && c.statistics->standard_deviation
                                          ? py::object(py::float_(*c.statistics->standard_deviation))
                                          : py::object(py::none());
                             })
      .def_property_readonly(
          "proposed",
          [](const item_consensus& c) {
            return c.statistics ? py::object(py::int_(c.statistics->proposed)) : py::object(py::none());
          },
          "The median rounded to a multiple of 5 (halves up).")
      .def_readonly("flagged", &item_consensus::flagged);

  py::class_<consensus_result>(m, "Consensus",
                               "Several examiners' assessments of one organisation (excellence.consensus/1).")
      .def_readonly("framework", &consensus_result::framework)
      .def_readonly("scope", &consensus_result::scope)
      .def_readonly("organization", &consensus_result::organization)
      .def_readonly("flag_range", &consensus_result::flag_range)
      .def_readonly("scores", &consensus_result::scores)
      .def_readonly("items", &consensus_result::items)
      .def(
          "to_json", [](const consensus_result& c, int indent) { return to_json(c, indent); }, "indent"_a = 2)
      .def("to_dict", [](const consensus_result& c) { return document(to_json(c)); });

  m.def(
      "consensus",
      [](const std::vector<assessment>& assessments, const criteria_tree& tree, std::int32_t flag_range,
         const std::optional<std::string>& scope) {
        return value(try_consensus(assessments, tree, {flag_range, scope.value_or("")}));
      },
      "assessments"_a, "framework"_a, "flag_range"_a = 20, "scope"_a = py::none(),
      "The consensus of several examiners: per item n, mean, median, range, standard deviation, the proposed percent,\n"
      "and a flag where the percents range over at least flag_range points.");
}

}  // namespace excellence::python
