// Frameworks, assessments, scores and consensus for R (R/criteria.R).
//
// Frameworks and assessments cross into R as their JSON documents and come back as them:
// an R object is then a plain list that saveRDS() and parallel workers can carry. The
// assessment's document keeps the file it was read from as its source, so scoring errors
// still name that file and the JSON path.
#include "common.h"

#include <excellence/criteria/builtin.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/report/json.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/score.hpp>

#include <filesystem>

using namespace excellence;
using excellence::r::checked;
using excellence::r::failure;

namespace {

Rcpp::List framework_list(const criteria_tree& tree) {
  std::vector<std::string> id, kind, title_zh, title_en, evaluation, parent;
  std::vector<int> points;
  for (const auto* n : tree.nodes()) {
    id.push_back(n->id);
    kind.emplace_back(to_string(n->kind));
    title_zh.push_back(n->title_zh);
    title_en.push_back(n->title_en);
    evaluation.push_back(n->evaluation ? std::string(to_string(*n->evaluation)) : std::string());
    points.push_back(n->points ? *n->points : NA_INTEGER);
    const auto* p = tree.parent(*n);
    parent.push_back(p != nullptr ? p->id : std::string());
  }
  Rcpp::CharacterVector evaluations = Rcpp::wrap(evaluation), parents = Rcpp::wrap(parent);
  for (R_xlen_t i = 0; i < evaluations.size(); ++i) {
    if (evaluation[static_cast<std::size_t>(i)].empty()) evaluations[i] = NA_STRING;
    if (parent[static_cast<std::size_t>(i)].empty()) parents[i] = NA_STRING;
  }
  const auto nodes = Rcpp::DataFrame::create(Rcpp::Named("id") = id, Rcpp::Named("kind") = kind,
                                             Rcpp::Named("title_zh") = title_zh, Rcpp::Named("title_en") = title_en,
                                             Rcpp::Named("evaluation") = evaluations, Rcpp::Named("points") = points,
                                             Rcpp::Named("parent") = parents, Rcpp::Named("stringsAsFactors") = false);
  return Rcpp::List::create(
      Rcpp::Named("id") = tree.id(), Rcpp::Named("scope") = tree.scope(), Rcpp::Named("max_points") = tree.max_points(),
      Rcpp::Named("title_zh") = tree.info().title_zh, Rcpp::Named("title_en") = tree.info().title_en,
      Rcpp::Named("nodes") = nodes, Rcpp::Named("json") = to_json(tree.whole()));
}

// The tree cut at `scope` ("" keeps it whole), or the error of either step.
result<criteria_tree> cut(result<criteria_tree> tree, const std::string& scope) {
  if (!tree || scope.empty()) return tree;
  return tree->try_subtree(scope);
}

Rcpp::List score_list(const assessment_score& s) {
  using i = item_score;
  using c = category_score;
  const auto& is = s.items;
  const auto& cs = s.categories;
  Rcpp::CharacterVector bands = Rcpp::wrap(r::column(is, [](const i& x) { return x.band ? x.band->label() : ""; }));
  for (R_xlen_t k = 0; k < bands.size(); ++k)
    if (!is[static_cast<std::size_t>(k)].band) bands[k] = NA_STRING;
  const auto items = Rcpp::DataFrame::create(
      Rcpp::Named("id") = r::column(is, &i::id), Rcpp::Named("category") = r::column(is, &i::category),
      Rcpp::Named("evaluation") = r::column(is, [](const i& x) { return std::string(to_string(x.evaluation)); }),
      Rcpp::Named("assessed") = r::column(is, &i::assessed),
      Rcpp::Named("percent") = r::column(is, [](const i& x) { return x.assessed ? x.percent : NA_INTEGER; }),
      Rcpp::Named("band") = bands, Rcpp::Named("score") = r::column(is, [](const i& x) { return x.score.value(); }),
      Rcpp::Named("max") = r::column(is, [](const i& x) { return x.max.value(); }),
      Rcpp::Named("stringsAsFactors") = false);
  const auto categories = Rcpp::DataFrame::create(
      Rcpp::Named("id") = r::column(cs, &c::id),
      Rcpp::Named("score") = r::column(cs, [](const c& x) { return x.score.value(); }),
      Rcpp::Named("max") = r::column(cs, [](const c& x) { return x.max.value(); }),
      Rcpp::Named("items") = r::column(cs, [](const c& x) { return static_cast<int>(x.items); }),
      Rcpp::Named("items_assessed") = r::column(cs, [](const c& x) { return static_cast<int>(x.items_assessed); }),
      Rcpp::Named("stringsAsFactors") = false);
  return Rcpp::List::create(
      Rcpp::Named("framework") = s.framework, Rcpp::Named("scope") = s.scope,
      Rcpp::Named("organization") = s.organization, Rcpp::Named("examiner") = s.examiner, Rcpp::Named("date") = s.date,
      Rcpp::Named("source") = s.source, Rcpp::Named("total") = s.total.value(), Rcpp::Named("max") = s.max.value(),
      Rcpp::Named("assessed_max") = s.assessed_max.value(),
      Rcpp::Named("overall_band") = s.overall ? s.overall->level : NA_INTEGER, Rcpp::Named("items") = items,
      Rcpp::Named("categories") = categories, Rcpp::Named("not_assessed") = s.not_assessed,
      Rcpp::Named("warnings") = r::warnings_frame(s.warnings), Rcpp::Named("json") = to_json(s));
}

// An assessment for R: its fields, its items, and its text (excellence.assessment/1,
// what the scoring calls parse again) with the file it came from.
Rcpp::List assessment_list(const assessment& a) {
  std::vector<std::string> id;
  std::vector<int> percent, strengths, opportunities;
  std::vector<bool> not_assessed;
  for (const auto& i : a.items) {
    id.push_back(i.id);
    percent.push_back(i.percent ? *i.percent : NA_INTEGER);
    not_assessed.push_back(i.not_assessed);
    strengths.push_back(static_cast<int>(i.strengths.size()));
    opportunities.push_back(static_cast<int>(i.opportunities.size()));
  }
  const auto items =
      Rcpp::DataFrame::create(Rcpp::Named("id") = id, Rcpp::Named("percent") = percent,
                              Rcpp::Named("not_assessed") = not_assessed, Rcpp::Named("strengths") = strengths,
                              Rcpp::Named("opportunities") = opportunities, Rcpp::Named("stringsAsFactors") = false);
  return Rcpp::List::create(Rcpp::Named("framework") = a.framework, Rcpp::Named("organization") = a.organization,
                            Rcpp::Named("examiner") = a.examiner, Rcpp::Named("date") = a.date,
                            Rcpp::Named("items") = items, Rcpp::Named("source") = a.source,
                            Rcpp::Named("text") = to_json(a));
}

}  // namespace

// [[Rcpp::export]]
Rcpp::CharacterVector cpp_builtin_framework_ids() {
  Rcpp::CharacterVector out;
  for (const auto id : builtin_framework_ids()) out.push_back(std::string(id));
  return out;
}

// [[Rcpp::export]]
SEXP cpp_builtin_framework(const std::string& id, const std::string& scope) {
  return checked(cut(try_builtin_framework(id), scope), framework_list);
}

// [[Rcpp::export]]
SEXP cpp_read_framework(const std::string& path, const std::string& scope) {
  return checked(cut(try_read_framework(path), scope), framework_list);
}

// [[Rcpp::export]]
SEXP cpp_read_assessment(const std::string& path) {
  return checked(try_read_assessment(path), assessment_list);
}

// [[Rcpp::export]]
SEXP cpp_parse_assessment(const std::string& text, const std::string& source) {
  return checked(try_parse_assessment(text, source), assessment_list);
}

namespace {

// The assessments of their documents, each with the file it came from.
result<std::vector<assessment>> assessments_of(const Rcpp::CharacterVector& texts,
                                               const Rcpp::CharacterVector& sources) {
  std::vector<assessment> out;
  for (R_xlen_t i = 0; i < texts.size(); ++i) {
    auto a = try_parse_assessment(Rcpp::as<std::string>(texts[i]), Rcpp::as<std::string>(sources[i]));
    if (!a) return a.error();
    out.push_back(*std::move(a));
  }
  return out;
}

// The framework given (an R framework object's whole-tree document and scope), or, with
// framework_json "", the one the first assessment names, resolved as the command resolves
// it (a built-in id, or a file beside the assessment).
result<criteria_tree> tree_for(const assessment& first, const std::string& framework_json, const std::string& scope) {
  if (!framework_json.empty()) return cut(try_parse_framework(framework_json, "<framework>"), scope);
  const auto base = first.source.empty() ? std::filesystem::path() : std::filesystem::path(first.source).parent_path();
  return cut(try_resolve_framework(first.framework, base), scope);
}

}  // namespace

// [[Rcpp::export]]
SEXP cpp_score(const std::string& text, const std::string& source, const std::string& framework_json,
               const std::string& framework_scope, const std::string& scope) {
  auto a = try_parse_assessment(text, source);
  if (!a) return failure(a.error());
  auto tree = tree_for(*a, framework_json, framework_scope);
  if (!tree) return failure(tree.error());
  return checked(try_score(*a, *tree, {scope}), score_list);
}

// [[Rcpp::export]]
SEXP cpp_consensus(const Rcpp::CharacterVector& texts, const Rcpp::CharacterVector& sources,
                   const std::string& framework_json, const std::string& framework_scope, int flag_range,
                   const std::string& scope) {
  auto list = assessments_of(texts, sources);
  if (!list) return failure(list.error());
  if (list->empty()) return r::argument_failure("assessments", "no assessments given");
  auto tree = tree_for(list->front(), framework_json, framework_scope);
  if (!tree) return failure(tree.error());
  return checked(try_consensus(*list, *tree, {flag_range, scope}), [](const consensus_result& c) {
    const auto examiners = c.scores.size();
    std::vector<std::string> id;
    std::vector<int> n, range, proposed;
    std::vector<double> mean, median, sd;
    std::vector<bool> flagged;
    std::vector<std::vector<int>> percents(examiners);
    for (const auto& i : c.items) {
      id.push_back(i.id);
      n.push_back(static_cast<int>(i.n));
      const auto& s = i.statistics;
      mean.push_back(s ? s->mean : NA_REAL);
      median.push_back(s ? s->median : NA_REAL);
      range.push_back(s ? s->range : NA_INTEGER);
      sd.push_back(s && s->standard_deviation ? *s->standard_deviation : NA_REAL);
      proposed.push_back(s ? s->proposed : NA_INTEGER);
      flagged.push_back(i.flagged);
      for (std::size_t e = 0; e < examiners; ++e) percents[e].push_back(i.percents[e] ? *i.percents[e] : NA_INTEGER);
    }
    Rcpp::List percent_columns;
    for (std::size_t e = 0; e < examiners; ++e) percent_columns.push_back(percents[e]);
    Rcpp::List scores;
    for (const auto& s : c.scores) scores.push_back(score_list(s));
    const auto items = Rcpp::DataFrame::create(
        Rcpp::Named("id") = id, Rcpp::Named("n") = n, Rcpp::Named("mean") = mean, Rcpp::Named("median") = median,
        Rcpp::Named("range") = range, Rcpp::Named("sd") = sd, Rcpp::Named("proposed") = proposed,
        Rcpp::Named("flagged") = flagged, Rcpp::Named("stringsAsFactors") = false);
    return Rcpp::List::create(Rcpp::Named("framework") = c.framework, Rcpp::Named("scope") = c.scope,
                              Rcpp::Named("organization") = c.organization, Rcpp::Named("flag_range") = c.flag_range,
                              Rcpp::Named("items") = items, Rcpp::Named("percents") = percent_columns,
                              Rcpp::Named("scores") = scores, Rcpp::Named("json") = to_json(c));
  });
}
