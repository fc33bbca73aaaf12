// Plain-text renderings of results: trees, scores and consensus tables in Chinese or
// English, and the reports of the other results.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/error.hpp>
#include <excellence/fwd.hpp>
#include <excellence/period.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/score.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

namespace detail {

inline std::string node_line(const criteria_node& node, language lang) {
  std::string line = node.id + " " + title(node, lang);
  std::vector<std::string> facts;
  if (node.points) facts.push_back(std::to_string(*node.points) + (lang == language::zh ? " 分" : " points"));
  if (node.evaluation) facts.emplace_back(to_string(*node.evaluation));
  if (!facts.empty()) line += " (" + join(facts, ", ") + ")";
  return line;
}

inline void tree_lines(std::string& out, const criteria_node& node, language lang, const std::string& prefix, bool last,
                       bool top) {
  if (!top) {
    out += prefix;
    out += last ? "└─ " : "├─ ";
  }
  out += node_line(node, lang);
  out += '\n';
  const std::string inner = top ? std::string() : prefix + (last ? "   " : "│  ");
  for (std::size_t i = 0; i < node.children.size(); ++i)
    tree_lines(out, node.children[i], lang, inner, i + 1 == node.children.size(), false);
}

inline std::string item_title(const criteria_tree& tree, std::string_view id, language lang) {
  const auto* node = tree.find(id);
  return node == nullptr ? std::string() : title(*node, lang);
}

}  // namespace detail

/// The tree as indented text: a heading with the framework and its maximum, then one
/// line per node with id, title, points and evaluation type.
[[nodiscard]] inline std::string render_tree(const criteria_tree& tree, language lang = language::en) {
  const auto& info = tree.info();
  std::string out = info.id + "  " + (lang == language::zh && !info.title_zh.empty() ? info.title_zh : info.title_en);
  out += '\n';
  if (!tree.scope().empty()) out += "scope " + tree.scope() + ", ";
  out += std::to_string(tree.max_points());
  out += lang == language::zh ? " 分\n\n" : " points\n\n";
  for (const auto& root : tree.roots()) detail::tree_lines(out, root, lang, "", true, true);
  return out;
}

/// One assessment's score: categories with their items, the total, the overall band,
/// items not assessed or outside the scope, and warnings.
[[nodiscard]] inline std::string render_score(const assessment_score& s, const criteria_tree& tree,
                                              language lang = language::en) {
  std::string out = s.organization + " — " + s.examiner + ", " + s.date + "\n" + s.framework +
                    (s.scope.empty() ? std::string() : ", scope " + s.scope) + "\n\n";
  detail::text_table table({2, 3, 4});
  table.add({"id", "title", "percent", "band", "score / max"});
  table.rule();
  auto item_row = [&](const item_score& item, const std::string& indent) {
    table.add({indent + item.id, detail::item_title(tree, item.id, lang),
               item.assessed ? std::to_string(item.percent) + "%" : "n/a", item.band ? item.band->label() : "",
               item.score.to_string() + " / " + item.max.to_string()});
  };
  if (s.categories.empty()) {
    for (const auto& item : s.items) item_row(item, "");
  }
  for (const auto& category : s.categories) {
    table.add({category.id, detail::item_title(tree, category.id, lang), "", "",
               category.score.to_string() + " / " + category.max.to_string()});
    for (const auto& item : s.items)
      if (item.category == category.id) item_row(item, "  ");
  }
  table.rule();
  table.add({"total", "", "", "", s.total.to_string() + " / " + s.max.to_string()});
  out += table.str();
  if (s.overall)
    out += "overall band " + std::to_string(s.overall->level) + " (" + std::to_string(s.overall->min_total) + "-" +
           std::to_string(s.overall->max_total) + "): " +
           (lang == language::zh && !s.overall->description_zh.empty() ? s.overall->description_zh
                                                                       : s.overall->description_en) +
           "\n";
  auto list = [&out](const char* label, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out += label;
    for (const auto& id : ids) out += " " + id;
    out += "\n";
  };
  list("not assessed:", s.not_assessed);
  list("outside the scope, not counted:", s.outside_scope);
  for (const auto& w : s.warnings) out += "warning: " + w.to_string() + "\n";
  return out;
}

/// The consensus table: per item the examiners' percents and their statistics, with
/// flagged items marked for discussion.
[[nodiscard]] inline std::string render_consensus(const consensus_result& c) {
  std::vector<std::string_view> examiners;
  for (const auto& s : c.scores) examiners.push_back(s.examiner);
  std::string out = "consensus of " + std::to_string(c.scores.size()) + " examiners (percents in this order): ";
  out += detail::join(examiners, ", ");
  out += '\n';
  detail::text_table table({1, 3, 4, 5, 6, 7, 8, 9});
  table.add({"id", "n", "percents", "mean", "median", "min", "max", "range", "sd", "proposed", "flag"});
  table.rule();
  for (const auto& item : c.items) {
    std::vector<std::string> given;
    for (const auto& p : item.percents) given.push_back(p ? std::to_string(*p) : "-");
    const std::string percents = detail::join(given, " ");
    if (!item.statistics) {
      table.add({item.id, std::to_string(item.n), percents, "", "", "", "", "", "", "", "not assessed"});
      continue;
    }
    const auto& st = *item.statistics;
    table.add({item.id, std::to_string(item.n), percents, detail::fixed(st.mean, 2), detail::fixed(st.median, 1),
               std::to_string(st.min), std::to_string(st.max), std::to_string(st.range),
               st.standard_deviation ? detail::fixed(*st.standard_deviation, 2) : "", std::to_string(st.proposed),
               item.flagged ? "discuss" : ""});
  }
  out += table.str();
  std::size_t flagged = 0;
  for (const auto& item : c.items) flagged += item.flagged ? 1U : 0U;
  out += std::to_string(flagged) + " item(s) with a range of " + std::to_string(c.flag_range) +
         " or more points flagged for discussion\n";
  return out;
}

/// Plain-text reports of the other results, as the `excellence` command prints them
/// (English). Each checks, as to_json does, that every number is finite (data_error
/// otherwise). Numbers are rounded for reading; the JSON documents carry full precision.
[[nodiscard]] EXCELLENCE_API std::string to_text(const clv_fit& fit);

/// A fit with covariates: its parameters and coefficients, the fit without covariates and
/// the likelihood-ratio test.
[[nodiscard]] EXCELLENCE_API std::string to_text(const clv_covariate_fit& fit);

/// A holdout validation for people: the models' comparison, the tracking table, the
/// calibration histogram and the holdout by calibration frequency.
[[nodiscard]] EXCELLENCE_API std::string to_text(const holdout_validation& v);
[[nodiscard]] EXCELLENCE_API std::string to_text(const nps_result& r, const nps_interval& interval);
[[nodiscard]] EXCELLENCE_API std::string to_text(const csat_result& r);
/// `unit` names what the rates are per ("2.50 years"); without it, "periods".
[[nodiscard]] EXCELLENCE_API std::string to_text(const simple_clv_result& r, std::optional<time_unit> unit = {});
[[nodiscard]] EXCELLENCE_API std::string to_text(const value_summary& v);
[[nodiscard]] EXCELLENCE_API std::string to_text(const rfm_analysis& a);
[[nodiscard]] EXCELLENCE_API std::string to_text(const complaint_summary& s);
[[nodiscard]] EXCELLENCE_API std::string to_text(const kano_table& t);
[[nodiscard]] EXCELLENCE_API std::string to_text(const servqual_result& r);
/// The cohorts by age: the retained share (default) or the active share of each cohort.
[[nodiscard]] EXCELLENCE_API std::string to_text(const cohort_table& t, cohort_measure measure);

/// A retention analysis for people: per segment the estimates, the projection by age
/// beside the observed survivors (held-out ages marked), DEL and the DERL table.
[[nodiscard]] EXCELLENCE_API std::string to_text(const retention_analysis& a);
[[nodiscard]] EXCELLENCE_API std::string to_text(const pls_fit& fit, const pls_bootstrap_result* bootstrap = nullptr,
                                                 const pls_index_result* index = nullptr);
/// The IPMA: the constructs, then the indicators, with importance, performance and quadrant.
[[nodiscard]] EXCELLENCE_API std::string to_text(const pls_ipma_result& ipma);
/// PLSpredict: per indicator the PLS and linear-model errors and Q²_predict; the CVPAT tests.
[[nodiscard]] EXCELLENCE_API std::string to_text(const pls_predict_result& predict);
/// Model fit: SRMR, d_ULS and d_G of the saturated and estimated models, with the
/// exact-fit test's 95 % and 99 % quantiles and p-values when it was run.
[[nodiscard]] EXCELLENCE_API std::string to_text(const pls_model_fit_result& fit);
/// Multigroup analysis: MICOM steps 2 and 3 per construct, then the paths in both groups
/// with the permutation and Henseler p-values.
[[nodiscard]] EXCELLENCE_API std::string to_text(const pls_mga_result& mga);

/// Results evidence as text: one row per series (last level, target gap, rank among the
/// comparisons, trend, Theil–Sen slope, comparison standing), then per results item the
/// band each of levels, trends, comparisons and integration supports with its reason in
/// `lang`, what has no measure, and the examiner warnings of check_assessment.
[[nodiscard]] EXCELLENCE_API std::string to_text(const results_evidence& e,
                                                 const std::vector<diagnostic>& warnings = {},
                                                 language lang = language::en);

EXCELLENCE_END_NAMESPACE
