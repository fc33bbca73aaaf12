// Score history: one organization's scores against one framework over the years, and what
// changed between consecutive records (docs/scoring.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/error.hpp>
#include <excellence/scoring/assessment.hpp>
#include <excellence/scoring/points.hpp>
#include <excellence/scoring/score.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// One scored item across the records, oldest first.
struct item_history {
  std::string id{};
  std::string category{};  ///< "" when the scope is one item
  points max{};
  /// The item's percent in each record; absent where that record marks it not_assessed.
  std::vector<std::optional<std::int32_t>> percents{};
  /// Percent change from each record to the next (one fewer than the records); absent
  /// where either record did not assess the item.
  std::vector<std::optional<std::int32_t>> changes{};
};

/// One category across the records, oldest first.
struct category_history {
  std::string id{};
  points max{};
  std::vector<points> scores{};  ///< the category's points in each record
  /// Change of points from each record to the next; absent where either record left an
  /// item of the category not assessed (a not-assessed item counts 0, so the difference
  /// would mix a change of performance with a change of coverage).
  std::vector<std::optional<points>> changes{};
};

struct score_history {
  std::string framework{};
  std::string scope{};
  std::string organization{};
  std::vector<assessment_score> scores{};  ///< every record scored, oldest first
  std::vector<item_history> items{};       ///< every scored item of the scope, framework order
  std::vector<category_history> categories{};
  /// Change of the total from each record to the next; absent where either record has
  /// an item of the scope not assessed.
  std::vector<std::optional<points>> total_changes{};
};

/// The history of dated records (assessments, or consensus records kept as assessments)
/// of one organization against `tree`: each scored as try_score scores it (`options`,
/// whose errors it reports with the record's file), ordered by date, and per item and
/// category the change between consecutive records.
///
/// Errors: fewer than two records (too_few_assessments); records of different
/// organizations (organization_mismatch); two records of the same date (duplicate_id at
/// `date`: the history of one organization has one record per date, so which one counts
/// would be a guess); anything try_score reports.
[[nodiscard]] inline result<score_history> try_history(std::span<const assessment> records, const criteria_tree& tree,
                                                       const scoring_options& options = {}) {
  if (records.size() < 2)
    return diagnostic{errc::too_few_assessments,
                      records.empty() ? std::string() : records[0].source,
                      0,
                      0,
                      "",
                      "a history needs at least two dated records, got " + std::to_string(records.size())};
  score_history out;
  out.framework = tree.id();
  out.organization = records[0].organization;
  for (const auto& r : records) {
    if (r.organization != out.organization)
      return diagnostic{errc::organization_mismatch,
                        r.source,
                        0,
                        0,
                        "organization",
                        "\"" + r.organization + "\" differs from \"" + out.organization + "\" in " +
                            (records[0].source.empty() ? std::string("the first record") : records[0].source)};
    auto scored = try_score(r, tree, options);
    if (!scored) return scored.error();
    out.scores.push_back(*std::move(scored));
  }
  // ISO 8601 dates (validated by try_score) sort as text.
  std::stable_sort(out.scores.begin(), out.scores.end(),
                   [](const assessment_score& x, const assessment_score& y) { return x.date < y.date; });
  for (std::size_t i = 1; i < out.scores.size(); ++i)
    if (out.scores[i].date == out.scores[i - 1].date)
      return diagnostic{errc::duplicate_id,
                        out.scores[i].source,
                        0,
                        0,
                        "date",
                        "another record" +
                            (out.scores[i - 1].source.empty() ? std::string() : " (" + out.scores[i - 1].source + ")") +
                            " is dated " + out.scores[i].date + ": a history takes one record per date"};
  out.scope = out.scores.front().scope;

  const auto steps = out.scores.size() - 1;
  std::vector<bool> complete;  // per record: every item of the scope assessed
  for (const auto& s : out.scores) complete.push_back(s.not_assessed.empty());
  // Every score lists the same items of the same scope in the same order.
  for (std::size_t i = 0; i < out.scores.front().items.size(); ++i) {
    const auto& first = out.scores.front().items[i];
    item_history h{first.id, first.category, first.max, {}, {}};
    for (const auto& s : out.scores)
      h.percents.push_back(s.items[i].assessed ? std::optional<std::int32_t>(s.items[i].percent) : std::nullopt);
    for (std::size_t k = 0; k < steps; ++k)
      h.changes.push_back(h.percents[k] && h.percents[k + 1]
                              ? std::optional<std::int32_t>(*h.percents[k + 1] - *h.percents[k])
                              : std::nullopt);
    out.items.push_back(std::move(h));
  }
  for (std::size_t c = 0; c < out.scores.front().categories.size(); ++c) {
    const auto& first = out.scores.front().categories[c];
    category_history h{first.id, first.max, {}, {}};
    for (const auto& s : out.scores) h.scores.push_back(s.categories[c].score);
    for (std::size_t k = 0; k < steps; ++k) {
      const bool whole = out.scores[k].categories[c].items_assessed == out.scores[k].categories[c].items &&
                         out.scores[k + 1].categories[c].items_assessed == out.scores[k + 1].categories[c].items;
      h.changes.push_back(whole ? std::optional<points>(h.scores[k + 1] - h.scores[k]) : std::nullopt);
    }
    out.categories.push_back(std::move(h));
  }
  for (std::size_t k = 0; k < steps; ++k)
    out.total_changes.push_back(complete[k] && complete[k + 1]
                                    ? std::optional<points>(out.scores[k + 1].total - out.scores[k].total)
                                    : std::nullopt);
  return out;
}

/// As try_history, throwing data_error.
[[nodiscard]] inline score_history history(std::span<const assessment> records, const criteria_tree& tree,
                                           const scoring_options& options = {}) {
  return try_history(records, tree, options).value();
}

EXCELLENCE_END_NAMESPACE
