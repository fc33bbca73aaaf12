// Examiner consensus: per-item statistics of several examiners' percents.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/error.hpp>
#include <excellence/scoring/assessment.hpp>
#include <excellence/scoring/score.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct consensus_options {
  /// Items whose percents range over at least this many points are flagged for
  /// discussion. The default 20 is the smallest range that can never fall inside one
  /// scoring band (the widest bands span 15 points), so a flagged item always has
  /// examiners in different bands. No award body publishes a numeric rule
  /// (docs/scoring.md); set your programme's own.
  std::int32_t flag_range = 20;
  /// As scoring_options::scope.
  std::string scope{};
};

/// Statistics of the percents of the examiners who assessed an item.
struct percent_statistics {
  double mean = 0;
  double median = 0;
  std::int32_t min = 0;
  std::int32_t max = 0;
  std::int32_t range = 0;
  /// Sample standard deviation (n − 1 in the denominator); absent with one examiner.
  std::optional<double> standard_deviation{};
  /// The median rounded to a multiple of 5, halves rounded up (a median of 37.5 proposes 40).
  std::int32_t proposed = 0;
};

struct item_consensus {
  std::string id{};
  /// Each assessment's percent, in the order the assessments were given; absent where
  /// that examiner marked the item not_assessed.
  std::vector<std::optional<std::int32_t>> percents{};
  std::size_t n = 0;                               ///< examiners who assessed the item
  std::optional<percent_statistics> statistics{};  ///< absent when nobody assessed the item
  bool flagged = false;                            ///< range >= flag_range
};

struct consensus_result {
  std::string framework{};
  std::string scope{};
  std::string organization{};
  std::int32_t flag_range = 0;
  std::vector<assessment_score> scores{};  ///< each assessment scored on its own, in input order
  std::vector<item_consensus> items{};     ///< every scored item of the scope, in framework order
};

/// The statistics of a non-empty list of valid percents. Median and proposed value are
/// computed in integers (twice the median is always whole), so the halves rule is exact.
[[nodiscard]] inline percent_statistics summarize_percents(std::vector<std::int32_t> values) {
  EXCELLENCE_EXPECTS(!values.empty());
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  percent_statistics s;
  s.min = values.front();
  s.max = values.back();
  s.range = s.max - s.min;
  std::int64_t sum = 0;
  for (auto v : values) sum += v;
  s.mean = static_cast<double>(sum) / static_cast<double>(n);
  const std::int64_t twice_median = n % 2 == 1 ? 2 * static_cast<std::int64_t>(values[n / 2])
                                               : static_cast<std::int64_t>(values[n / 2 - 1]) + values[n / 2];
  s.median = static_cast<double>(twice_median) / 2.0;
  // round(median / 5) * 5 with halves up == floor((2·median + 5) / 10) * 5; all terms >= 0.
  s.proposed = static_cast<std::int32_t>((twice_median + 5) / 10 * 5);
  if (n >= 2) {
    double squares = 0;
    for (auto v : values) squares += (v - s.mean) * (v - s.mean);
    s.standard_deviation = std::sqrt(squares / static_cast<double>(n - 1));
  }
  return s;
}

/// Scores each assessment (as try_score, so every error of one file is reported with
/// that file's name) and, per scored item of the scope, summarizes the examiners'
/// percents. The consensus itself is decided by the team and recorded as an ordinary
/// assessment; `proposed` is a starting point for that discussion.
///
/// Errors: fewer than two assessments (too_few_assessments); assessments of different
/// organizations (organization_mismatch); two assessments by the same examiner
/// (duplicate_id: the same file given twice, or one examiner's view counted twice, would
/// pull the median and the proposed percent towards it); an assessment not against `tree`
/// (framework_mismatch); anything try_score reports.
[[nodiscard]] inline result<consensus_result> try_consensus(std::span<const assessment> assessments,
                                                            const criteria_tree& tree,
                                                            const consensus_options& options = {}) {
  if (assessments.size() < 2)
    return diagnostic{errc::too_few_assessments,
                      assessments.empty() ? std::string() : assessments[0].source,
                      0,
                      0,
                      "",
                      "a consensus needs at least two assessments, got " + std::to_string(assessments.size())};
  if (options.flag_range < 0)
    return diagnostic{errc::out_of_range, "", 0, 0, "flag_range", "flag_range must not be negative"};
  consensus_result out;
  out.framework = tree.id();
  out.organization = assessments[0].organization;
  out.flag_range = options.flag_range;
  for (std::size_t i = 0; i < assessments.size(); ++i) {
    const auto& a = assessments[i];
    for (std::size_t j = 0; j < i; ++j)
      if (assessments[j].examiner == a.examiner)
        return diagnostic{errc::duplicate_id,
                          a.source,
                          0,
                          0,
                          "examiner",
                          "examiner \"" + a.examiner + "\" already gave an assessment" +
                              (assessments[j].source.empty() ? std::string() : " (" + assessments[j].source + ")") +
                              ": each examiner counts once in a consensus"};
    if (a.organization != out.organization)
      return diagnostic{
          errc::organization_mismatch,
          a.source,
          0,
          0,
          "organization",
          "\"" + a.organization + "\" differs from \"" + out.organization + "\" in " +
              (assessments[0].source.empty() ? std::string("the first assessment") : assessments[0].source)};
    auto scored = try_score(a, tree, scoring_options{options.scope});
    if (!scored) return scored.error();
    out.scores.push_back(*std::move(scored));
  }
  out.scope = out.scores.front().scope;

  const auto& first = out.scores.front().items;
  for (std::size_t i = 0; i < first.size(); ++i) {
    item_consensus c;
    c.id = first[i].id;
    std::vector<std::int32_t> given;
    for (const auto& s : out.scores) {
      // Every score lists the same items of the same scope in the same order.
      const auto& item = s.items[i];
      c.percents.push_back(item.assessed ? std::optional<std::int32_t>(item.percent) : std::nullopt);
      if (item.assessed) given.push_back(item.percent);
    }
    c.n = given.size();
    if (!given.empty()) {
      c.statistics = summarize_percents(std::move(given));
      c.flagged = c.statistics->range >= options.flag_range;
    }
    out.items.push_back(std::move(c));
  }
  return out;
}

/// As try_consensus, throwing data_error.
[[nodiscard]] inline consensus_result consensus(std::span<const assessment> assessments, const criteria_tree& tree,
                                                const consensus_options& options = {}) {
  return try_consensus(assessments, tree, options).value();
}

EXCELLENCE_END_NAMESPACE
