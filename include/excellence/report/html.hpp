// The examiner's report as one self-contained HTML file, and its charts as SVG figures
// (docs/reports.md, "The examiner's report"). Renderers only: every number shown comes
// from the review (scoring/review.hpp); nothing is computed here but positions on a page.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/fwd.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// The whole report: a feedback report, a consensus report or a history, as the review's
/// kind says, in `lang` (titles, labels and band descriptions; the examiners' own text is
/// shown as written). One file with inline CSS and SVG: no script, font, image or URL is
/// loaded, and it prints to A4 with each category on a new page and table headers
/// repeated. Throws data_error (invalid_utf8) for text that is not UTF-8.
[[nodiscard]] EXCELLENCE_API std::string to_html(const review& r, const criteria_tree& tree,
                                                 language lang = language::en);

// The charts, each an HTML <figure>: an inline <svg role="img"> with a <title> and a
// <desc> (the text alternative), a caption, and a table of the numbers drawn. `id`
// prefixes the element ids, so that several figures can share a page.

/// Category scores as bars against their maximum (the items, when the scope is one item).
[[nodiscard]] EXCELLENCE_API std::string category_chart(const assessment_score& s, const criteria_tree& tree,
                                                        language lang = language::en,
                                                        std::string_view id = "category-scores");

/// A radar of the categories' percents of their maximum, one polygon per score (several
/// examiners, or several years), labelled by `series` (one label per score). Empty when
/// the scope has fewer than three categories, where a radar shows nothing a bar does not.
[[nodiscard]] EXCELLENCE_API std::string radar_chart(std::span<const assessment_score> scores,
                                                     std::span<const std::string> series, const criteria_tree& tree,
                                                     language lang = language::en,
                                                     std::string_view id = "category-radar");

/// Each item of `category` (all items when empty) as a position on the six-band scale,
/// with the examiner's dimension judgements marked below it.
[[nodiscard]] EXCELLENCE_API std::string band_chart(const assessment_score& s, const criteria_tree& tree,
                                                    std::string_view category = {}, language lang = language::en,
                                                    std::string_view id = "item-bands");

/// The consensus spread: per item one dot per examiner, the median and the proposed
/// percent marked, flagged items highlighted.
[[nodiscard]] EXCELLENCE_API std::string spread_chart(const consensus_result& c, language lang = language::en,
                                                      std::string_view id = "consensus-spread");

/// The history: each category's percent of its maximum, one line per category across the
/// records.
[[nodiscard]] EXCELLENCE_API std::string history_chart(const score_history& h, const criteria_tree& tree,
                                                       language lang = language::en,
                                                       std::string_view id = "history-lines");

/// One series of results evidence (results_evidence::series[index]): its values by period,
/// each comparison with values (dashed) and the target (dotted), with the trend in words in
/// the text alternative. The report draws one per key series next to its results item.
/// An index outside the series is invalid_value (data_error).
[[nodiscard]] EXCELLENCE_API std::string trend_chart(const results_evidence& evidence, std::size_t index,
                                                     language lang = language::en, std::string_view id = "trend");

/// The charts of a review, by kind.
enum class chart_kind {
  categories,  ///< category_chart of the lead assessment (review::lead)
  radar,       ///< radar_chart of every score, labelled by review::series
  bands,       ///< band_chart of the lead assessment's items of a category (all when none)
  spread,      ///< spread_chart of a consensus
  history,     ///< history_chart of a history
};

/// The names of the values, as the command and the bindings spell them.
inline constexpr detail::enum_names<chart_kind, 5> chart_kind_names{{{{chart_kind::categories, "categories"},
                                                                      {chart_kind::radar, "radar"},
                                                                      {chart_kind::bands, "bands"},
                                                                      {chart_kind::spread, "spread"},
                                                                      {chart_kind::history, "history"}}}};

[[nodiscard]] constexpr std::string_view to_string(chart_kind k) noexcept {
  return chart_kind_names.name(k);
}

/// One chart of a review, as the report draws it. A chart the review lacks (the spread of
/// a feedback report, the history lines of a consensus) is invalid_value at `chart`.
[[nodiscard]] EXCELLENCE_API result<std::string> try_chart(const review& r, const criteria_tree& tree, chart_kind kind,
                                                           std::string_view category = {},
                                                           language lang = language::en);
/// As try_chart, throwing data_error.
[[nodiscard]] EXCELLENCE_API std::string chart(const review& r, const criteria_tree& tree, chart_kind kind,
                                               std::string_view category = {}, language lang = language::en);

EXCELLENCE_END_NAMESPACE
