// Scoring one assessment against a criteria tree, exactly.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/error.hpp>
#include <excellence/scoring/assessment.hpp>
#include <excellence/scoring/points.hpp>
#include <excellence/scoring/score_band.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct scoring_options {
  /// Score only the part of the framework under this category or item ("4.3": max 90).
  /// "" scores the whole tree given.
  std::string scope{};
};

struct item_score {
  std::string id{};
  std::string category{};  ///< id of the enclosing category ("" when the scope is one item)
  evaluation_type evaluation = evaluation_type::process;
  bool assessed = false;
  std::int32_t percent = 0;          ///< 0 when not assessed
  std::optional<score_band> band{};  ///< absent when not assessed
  points score{};                    ///< percent × max, exact
  points max{};                      ///< the item's points
  std::vector<dimension_judgement> dimensions{};
};

struct category_score {
  std::string id{};
  points score{};
  points max{};
  std::size_t items = 0;           ///< scored items of the category
  std::size_t items_assessed = 0;  ///< of those, how many were assessed
  /// The score as a percent of the maximum (0–100), what charts compare across categories
  /// of different weight.
  [[nodiscard]] double percent() const noexcept {
    return max.hundredths() == 0
               ? 0.0
               : 100.0 * static_cast<double>(score.hundredths()) / static_cast<double>(max.hundredths());
  }
};

/// The scored assessment. Everything the command prints comes from here.
struct assessment_score {
  std::string framework{};  ///< id of the framework scored against
  std::string scope{};      ///< id of the scope root, "" for the whole framework
  std::string organization{};
  std::string examiner{};
  std::string date{};
  std::string source{};
  points total{};         ///< sum of the categories (or of the items when the scope is one item)
  points max{};           ///< maximum of the scope, counting not-assessed items
  points assessed_max{};  ///< maximum of the assessed items only
  std::vector<category_score> categories{};
  std::vector<item_score> items{};           ///< every scored item of the scope, in framework order
  std::vector<std::string> not_assessed{};   ///< items of the scope marked not_assessed
  std::vector<std::string> outside_scope{};  ///< items the assessment scores outside the scope (not counted)
  /// The framework's overall band for the total, when it defines bands, the whole
  /// framework is scored and every item was assessed.
  std::optional<overall_band> overall{};
  std::vector<diagnostic> warnings{};
};

/// Scores an assessment: item points = percent × item points, category = sum of its
/// items, total = sum of categories (docs/scoring.md). Fails with a diagnostic naming
/// the assessment's file and JSON path on: any problem validate() finds; a framework
/// the assessment does not refer to (framework_mismatch); an unknown item or comment
/// area (unknown_criterion); a node that is not a scored item (not_a_scored_item); a
/// dimension that does not fit the item's evaluation type (dimension_mismatch); a
/// scored item of the scope that is missing (missing_item); an unknown or unscored
/// scope (unknown_criterion, empty_scope); a comment's dimension that does not fit its
/// item (dimension_mismatch); a key theme referring to an unknown or unscored node.
///
/// An item percent outside the span of its own dimension judgements is a warning.
/// The assessment's `framework` must equal the tree's id, unless it names a file, in
/// which case the caller has loaded the tree from that file.
[[nodiscard]] inline result<assessment_score> try_score(const assessment& a, const criteria_tree& tree,
                                                        const scoring_options& options = {}) {
  if (auto problem = validate(a)) return *std::move(problem);
  const auto& file = a.source;
  auto fail = [&file](errc code, field_path path, std::string message) {
    return diagnostic{code, file, 0, 0, std::move(path), std::move(message)};
  };
  if (!names_framework_file(a.framework) && a.framework != tree.id())
    return fail(errc::framework_mismatch, "framework",
                "the assessment is against " + a.framework + " but is being scored against " + tree.id());

  // Ids are checked against the whole framework, so that an item outside a tree cut by
  // subtree() is reported as outside the scope rather than unknown.
  const criteria_tree framework = tree.whole();
  criteria_tree scoped = tree;
  if (!options.scope.empty()) {
    auto cut = tree.try_subtree(options.scope);
    if (!cut) {
      auto d = cut.error();
      d.file = file;
      d.path = "scope";
      return d;
    }
    scoped = *std::move(cut);
  }
  if (scoped.scored_items().empty()) return fail(errc::empty_scope, "scope", "the scope contains no scored item");

  assessment_score out;
  out.framework = tree.id();
  out.scope = scoped.scope();
  out.organization = a.organization;
  out.examiner = a.examiner;
  out.date = a.date;
  out.source = a.source;

  // Check every item against the whole tree, then keep those inside the scope.
  std::map<std::string, std::size_t, std::less<>> position;  // item id -> index in a.items
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const auto& item = a.items[i];
    const auto path = field_path("items").index(i);
    const criteria_node* node = framework.find(item.id);
    if (node == nullptr)
      return fail(errc::unknown_criterion, path.field("id"), "unknown criterion \"" + item.id + "\" in " + tree.id());
    if (!node->is_scored_item())
      return fail(errc::not_a_scored_item, path.field("id"),
                  item.id + " is a " + std::string(to_string(node->kind)) + "; only items are scored");
    for (const auto& judgement : item.dimensions)
      if (!applies_to(judgement.dimension, *node->evaluation))
        return fail(errc::dimension_mismatch, path.field(to_string(judgement.dimension)),
                    std::string(to_string(judgement.dimension)) + " is not judged on the " +
                        std::string(to_string(*node->evaluation)) + " item " + item.id);
    for (const auto* list : {&item.strengths, &item.opportunities}) {
      const char* list_name = list == &item.strengths ? "strengths" : "opportunities";
      for (std::size_t c = 0; c < list->size(); ++c) {
        const auto& remark = (*list)[c];
        const auto cpath = path.field(list_name).index(c);
        if (remark.dimension && !applies_to(*remark.dimension, *node->evaluation))
          return fail(errc::dimension_mismatch, cpath.field("dimension"),
                      "a comment on " + std::string(to_string(*remark.dimension)) + " does not fit the " +
                          std::string(to_string(*node->evaluation)) + " item " + item.id);
        const auto& area = remark.area;
        if (area.empty()) continue;
        const auto apath = cpath.field("area");
        const criteria_node* target = framework.find(area);
        if (target == nullptr)
          return fail(errc::unknown_criterion, apath, "unknown area \"" + area + "\" in " + tree.id());
        if (!framework.is_within(*target, *node))
          return fail(errc::invalid_value, apath, "area " + area + " does not lie under item " + item.id);
      }
    }
    if (scoped.contains(item.id))
      position.emplace(item.id, i);
    else
      out.outside_scope.push_back(item.id);
  }

  for (std::size_t t = 0; t < a.key_themes.size(); ++t)
    for (std::size_t i = 0; i < a.key_themes[t].items.size(); ++i) {
      const auto& id = a.key_themes[t].items[i];
      const auto ipath = field_path("key_themes").index(t).field("items").index(i);
      const criteria_node* node = framework.find(id);
      if (node == nullptr)
        return fail(errc::unknown_criterion, ipath, "unknown criterion \"" + id + "\" in " + tree.id());
      if (!node->is_scored_item())
        return fail(errc::not_a_scored_item, ipath,
                    id + " is a " + std::string(to_string(node->kind)) + "; key themes refer to scored items");
    }
  std::map<std::string, category_score, std::less<>> by_category;
  for (const auto* category : scoped.categories())
    by_category.emplace(category->id, category_score{category->id, {}, points::whole(*category->points), 0, 0});

  for (const auto* node : scoped.scored_items()) {
    const auto found = position.find(node->id);
    if (found == position.end())
      return fail(errc::missing_item, "items",
                  "scored item " + node->id + " of " + (out.scope.empty() ? tree.id() : "scope " + out.scope) +
                      " is missing (mark it \"not_assessed\": true if it was not assessed)");
    const auto& item = a.items[found->second];
    item_score s;
    s.id = node->id;
    const criteria_node* category = scoped.category_of(*node);
    s.category = category == nullptr ? std::string() : category->id;
    s.evaluation = *node->evaluation;
    s.max = points::whole(*node->points);
    s.dimensions = item.dimensions;
    s.assessed = !item.not_assessed;
    if (s.assessed) {
      s.percent = *item.percent;
      s.band = band_of(s.percent);
      s.score = points::share(s.percent, *node->points);
      out.assessed_max += s.max;
      if (!item.dimensions.empty()) {
        const auto [lo, hi] = std::minmax_element(item.dimensions.begin(), item.dimensions.end(),
                                                  [](const auto& x, const auto& y) { return x.percent < y.percent; });
        if (s.percent < lo->percent || s.percent > hi->percent)
          out.warnings.push_back(
              {errc::percent_outside_dimensions, file, 0, 0, "items[" + std::to_string(found->second) + "].percent",
               "item " + s.id + " scores " + std::to_string(s.percent) + "% but its dimension judgements span " +
                   std::to_string(lo->percent) + "-" + std::to_string(hi->percent) + "%",
               severity::warning});
      }
    } else {
      out.not_assessed.push_back(s.id);
    }
    out.total += s.score;
    out.max += s.max;
    if (auto c = by_category.find(s.category); c != by_category.end()) {
      c->second.score += s.score;
      c->second.items += 1;
      c->second.items_assessed += s.assessed ? 1U : 0U;
    }
    out.items.push_back(std::move(s));
  }
  for (const auto* category : scoped.categories()) out.categories.push_back(by_category.at(category->id));

  if (!scoped.info().overall_bands.empty()) {
    if (out.not_assessed.empty()) {
      out.overall = scoped.band_of_total(out.total.value());
    } else {
      out.warnings.push_back({errc::overall_band_withheld, file, 0, 0, "items",
                              "no overall band is named: " + std::to_string(out.not_assessed.size()) +
                                  " item(s) were not assessed, so the total understates the organization",
                              severity::warning});
    }
  }
  return out;
}

/// As try_score, throwing data_error.
[[nodiscard]] inline assessment_score score(const assessment& a, const criteria_tree& tree,
                                            const scoring_options& options = {}) {
  return try_score(a, tree, options).value();
}

EXCELLENCE_END_NAMESPACE
