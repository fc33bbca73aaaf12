// What an examiner's report is about: one assessment, a team's assessments of one cycle
// (consensus) or one organization's records over several cycles (history), with every
// value the report shows computed here (docs/reports.md, "The examiner's report").
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/scoring/assessment.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/history.hpp>
#include <excellence/scoring/priority.hpp>
#include <excellence/scoring/score.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The three reports examiners hand over.
enum class review_kind {
  feedback,   ///< one assessment: the organization's feedback
  consensus,  ///< several examiners' assessments of one cycle, side by side
  history,    ///< one record per cycle: the changes between cycles
};

/// The names of the values, as the command and the bindings spell them.
inline constexpr detail::enum_names<review_kind, 3> review_kind_names{
    {{{review_kind::feedback, "feedback"}, {review_kind::consensus, "consensus"}, {review_kind::history, "history"}}}};

[[nodiscard]] constexpr std::string_view to_string(review_kind k) noexcept {
  return review_kind_names.name(k);
}

struct review_options {
  std::string scope{};  ///< as scoring_options::scope
  std::int32_t flag_range = consensus_options{}.flag_range;
};

struct review {
  review_kind kind = review_kind::feedback;
  std::string framework{};
  std::string scope{};
  std::string organization{};
  /// The assessments: as given for feedback and consensus, oldest first for a history.
  std::vector<assessment> assessments{};
  std::vector<assessment_score> scores{};  ///< each assessment scored, same order
  /// Each assessment's improvement priorities, same order.
  std::vector<improvement_priorities> priorities{};
  std::optional<consensus_result> consensus{};  ///< for review_kind::consensus
  std::optional<score_history> history{};       ///< for review_kind::history
  /// Measured results evidence shown next to the results items, when given.
  std::optional<results_evidence> evidence{};
  /// check_assessment of each assessment against the evidence, same order as assessments
  /// (empty without evidence).
  std::vector<std::vector<diagnostic>> evidence_warnings{};

  /// The assessment whose feedback the report gives in full: the only one, or the latest
  /// record of a history; for a consensus, the first examiner's.
  [[nodiscard]] std::size_t lead() const noexcept { return kind == review_kind::history ? assessments.size() - 1 : 0; }

  /// What tells the scores apart where they are drawn together (a radar's polygons): the
  /// records' dates in a history, the examiners otherwise.
  [[nodiscard]] std::vector<std::string> series() const {
    std::vector<std::string> out;
    for (const auto& s : scores) out.push_back(kind == review_kind::history ? s.date : s.examiner);
    return out;
  }
};

/// Decides the kind of report from the assessments and computes everything it shows.
/// One assessment is a feedback report. Several assessments all dated in one calendar
/// year are a consensus (the examiners of one award cycle: try_consensus and its rules);
/// several dated in as many different years are a history (one record per cycle:
/// try_history). Anything else — two examiners in 2025 and one record of 2026, say — is
/// invalid_value at `date`: the report cannot tell which record stands for a year.
///
/// With `evidence` (results_evidence_of the organization's measured results), the report
/// shows it next to the results items and checks every assessment against it
/// (check_assessment: warnings, the scores unchanged).
///
/// Errors: no assessment (too_few_assessments), the mixed dates above, anything
/// try_score, try_consensus or try_history reports, each naming its file; evidence of
/// another framework (framework_mismatch).
[[nodiscard]] inline result<review> try_review(std::span<const assessment> assessments, const criteria_tree& tree,
                                               const review_options& options = {},
                                               const results_evidence* evidence = nullptr) {
  if (assessments.empty())
    return diagnostic{errc::too_few_assessments, "", 0, 0, "", "a report needs at least one assessment"};
  if (evidence != nullptr && evidence->framework != tree.id())
    return diagnostic{errc::framework_mismatch,
                      evidence->measures.source,
                      0,
                      0,
                      "framework",
                      "the measured results are of framework \"" + evidence->framework + "\", the assessments of \"" +
                          tree.id() + "\""};
  review out;
  out.framework = tree.id();
  out.organization = assessments[0].organization;
  out.assessments.assign(assessments.begin(), assessments.end());
  const scoring_options scoring{options.scope};
  if (assessments.size() > 1) {
    std::set<std::string_view> years;
    for (const auto& a : assessments) years.insert(std::string_view(a.date).substr(0, 4));
    if (years.size() == 1) {
      auto c = try_consensus(assessments, tree, consensus_options{options.flag_range, options.scope});
      if (!c) return c.error();
      out.kind = review_kind::consensus;
      out.scores = c->scores;
      out.consensus = *std::move(c);
    } else if (years.size() == assessments.size()) {
      auto h = try_history(assessments, tree, scoring);
      if (!h) return h.error();
      out.kind = review_kind::history;
      std::stable_sort(out.assessments.begin(), out.assessments.end(),
                       [](const assessment& x, const assessment& y) { return x.date < y.date; });
      out.scores = h->scores;
      out.history = *std::move(h);
    } else {
      const auto& a = assessments.back();
      return diagnostic{errc::invalid_value,
                        a.source,
                        0,
                        0,
                        "date",
                        "the assessments span " + std::to_string(years.size()) + " years but some year has several: " +
                            "give one year's examiners (a consensus report) or one record per year (a history)"};
    }
  } else {
    auto s = try_score(assessments[0], tree, scoring);
    if (!s) return s.error();
    out.scores.push_back(*std::move(s));
  }
  out.scope = out.scores.front().scope;
  for (const auto& a : out.assessments) {
    auto p = try_prioritize(a, tree, scoring);
    if (!p) return p.error();
    out.priorities.push_back(*std::move(p));
  }
  if (evidence != nullptr) {
    out.evidence = *evidence;
    for (const auto& a : out.assessments) out.evidence_warnings.push_back(check_assessment(*evidence, a));
  }
  return out;
}

/// As try_review, throwing data_error.
[[nodiscard]] inline review review_of(std::span<const assessment> assessments, const criteria_tree& tree,
                                      const review_options& options = {}, const results_evidence* evidence = nullptr) {
  return try_review(assessments, tree, options, evidence).value();
}

EXCELLENCE_END_NAMESPACE
