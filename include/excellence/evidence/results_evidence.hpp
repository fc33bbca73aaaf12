// Results evidence: from measured customer results to the levels, trends, comparisons and
// integration (LeTCI) a results item is scored on, and the scoring band the data support.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/evidence/measure.hpp>
#include <excellence/evidence/series.hpp>
#include <excellence/evidence/trend.hpp>
#include <excellence/scoring/assessment.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

class criteria_tree;

/// The guideline words as shares. The scoring guidelines speak of "a few", "some", "many",
/// "most" and "all" areas without numbers; these are ours, documented and settable
/// (docs/evidence.md). "A few" is any share above zero; "all" is every one; "a majority"
/// is more than half.
struct share_thresholds {
  double some = 0.25;
  double many = 0.50;
  double most = 0.75;
  friend bool operator==(const share_thresholds&, const share_thresholds&) = default;
};

struct evidence_options {
  share_thresholds shares{};
  /// A trend is beneficial (or adverse) when the Mann–Kendall two-sided p-value is at most
  /// this and its sign is better (worse). 0.10 because results series are short: of six
  /// yearly values, a rise every year gives p = 0.0028, two pairs out of order p = 0.056.
  double significance = 0.10;
  double confidence = 0.95;  ///< of the Theil–Sen intervals and the last change's test
  /// Fewer periods than this are "too few for a trend", never "no trend".
  std::size_t trend_periods = 3;
  /// An improvement is sustained when the last this-many periods never got worse and the
  /// last is better than the first of them.
  std::size_t sustained_periods = 3;
  /// The category (or item) whose areas integration asks to be measured: 4.3 顾客与市场.
  std::string integration_scope = "4.3";
  friend bool operator==(const evidence_options&, const evidence_options&) = default;
};

/// A series' last value against one comparison; `gap` is signed so that positive means
/// the measure is better, whatever its direction.
struct level_gap {
  std::size_t comparison = 0;  ///< index into measure_set::comparisons
  double value = 0;
  double gap = 0;
  friend bool operator==(const level_gap&, const level_gap&) = default;
};

/// Level: the last value against its target and comparisons.
struct level_evidence {
  std::int64_t period = 0;  ///< the last period
  double value = 0;
  std::optional<double> target{};
  std::optional<double> target_gap{};    ///< value − target, positive = better
  std::vector<level_gap> comparisons{};  ///< those with a value in the last period
  /// 1 = best among the value and the comparisons of the last period; ties share a rank.
  std::size_t rank = 1;
  std::size_t ranked = 1;  ///< how many values were ranked
  /// Good: meets its target, or beats a majority of the comparisons of the last period.
  /// Neither target nor comparisons: no basis, not good.
  bool good = false;
  /// Excellent: good and ranked first with at least one comparison beside it.
  bool excellent = false;
  friend bool operator==(const level_evidence&, const level_evidence&) = default;
};

enum class trend_status { too_few_periods, beneficial, adverse, no_significant_trend };

inline constexpr detail::enum_names<trend_status, 4> trend_status_names{
    {{{trend_status::too_few_periods, "too_few_periods"},
      {trend_status::beneficial, "beneficial"},
      {trend_status::adverse, "adverse"},
      {trend_status::no_significant_trend, "no_significant_trend"}}}};
[[nodiscard]] constexpr std::string_view to_string(trend_status s) noexcept {
  return trend_status_names.name(s);
}

/// Trend: Theil–Sen and Mann–Kendall on the values, the steps, and the last change.
struct trend_evidence {
  std::size_t periods = 0;
  trend_status status = trend_status::too_few_periods;
  /// Slope per period in the measure's units (raw sign: a falling complaint rate has a
  /// negative slope and is beneficial); absent with fewer than trend_periods points.
  std::optional<theil_sen_result> theil_sen{};
  std::optional<mann_kendall_result> mann_kendall{};
  std::size_t steps = 0;            ///< period-over-period changes
  std::size_t improving_steps = 0;  ///< changes for the better
  double improving_share = 0;       ///< improving_steps / steps (0 without steps)
  /// Periods in the final run that never got worse (1 when the last step was worse).
  std::size_t final_run = 0;
  bool sustained = false;               ///< final_run ≥ sustained_periods and its last value better than its first
  std::optional<double> last_change{};  ///< last − previous value, positive = better
  /// √(se_last² + se_previous²) when both values carry a standard error.
  std::optional<double> last_change_se{};
  /// Whether |last_change| exceeds z_{1−α/2} × last_change_se: a change larger than its
  /// sampling error. Absent without standard errors.
  std::optional<bool> last_change_beyond_error{};
  friend bool operator==(const trend_evidence&, const trend_evidence&) = default;
};

/// Comparison: the measure against one comparison source over the periods both have.
struct comparison_evidence {
  std::size_t comparison = 0;        ///< index into measure_set::comparisons
  std::size_t periods = 0;           ///< periods with both values
  std::size_t beaten = 0;            ///< periods in which the measure was better
  std::optional<double> last_gap{};  ///< in the last common period, positive = better
  /// The trend of the gap (positive slope = the gap moving in the measure's favour);
  /// absent with fewer than trend_periods common periods.
  std::optional<theil_sen_result> gap_trend{};
  std::optional<mann_kendall_result> gap_test{};
  friend bool operator==(const comparison_evidence&, const comparison_evidence&) = default;
};

/// Everything one series says.
struct series_evidence {
  std::string measure{};
  std::string segment{};
  bool key = false;
  excellence::v1::better better = better::higher;
  level_evidence level{};
  trend_evidence trend{};
  std::vector<comparison_evidence> comparisons{};  ///< one per source with common periods
  /// Favourable: beats a majority of the comparisons in the last period. Leading: ranked
  /// first there with at least one comparison beside it.
  bool favourable = false;
  bool leading = false;
  std::vector<series_point> points{};  ///< the series itself, for charts and tables
  friend bool operator==(const series_evidence&, const series_evidence&) = default;
};

/// `count` of `of`; the share is 0 when `of` is 0.
struct evidence_share {
  std::size_t count = 0;
  std::size_t of = 0;
  [[nodiscard]] double value() const noexcept {
    return of == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(of);
  }
  friend bool operator==(const evidence_share&, const evidence_share&) = default;
};

/// What the band of one dimension rests on: the supported band, and the sentences saying
/// why and what the next band would need.
struct dimension_support {
  excellence::v1::dimension dimension = dimension::levels;
  std::int32_t band = 1;  ///< 1 (0–5 %) … 6 (90–100 %), as score_bands
  std::string reason_en{};
  std::string reason_zh{};
  friend bool operator==(const dimension_support&, const dimension_support&) = default;
};

/// The coverage of one list (key requirements, segments, areas): what has a measure, what
/// has none, by id.
struct coverage {
  std::vector<std::string> covered{};
  std::vector<std::string> missing{};
  [[nodiscard]] evidence_share share() const noexcept { return {covered.size(), covered.size() + missing.size()}; }
  friend bool operator==(const coverage&, const coverage&) = default;
};

/// The evidence of one results item: the shares over its series (all, and of key
/// measures), integration, and the band each of Le, T, C and I supports.
struct item_evidence {
  std::string item{};                     ///< e.g. 4.7.3
  std::vector<std::size_t> series{};      ///< indices into results_evidence::series
  std::vector<std::string> measures{};    ///< the measures that evidence it
  std::vector<std::string> unmeasured{};  ///< those of them without any series: defined, never reported
  evidence_share good_levels{}, key_good_levels{}, key_excellent_levels{};
  evidence_share with_trends{}, beneficial_trends{}, key_beneficial_trends{}, key_sustained_trends{};
  evidence_share adverse_trends{}, key_adverse_trends{};  ///< of the series with trend data
  evidence_share with_comparisons{}, favourable{}, key_favourable{}, leading{};
  coverage requirements{}, segments{}, areas{};
  /// Levels, trends, comparisons, integration, in that order.
  std::vector<dimension_support> support{};
  /// The percent span the four bands cover together: from the lowest band's minimum to
  /// the highest band's maximum.
  std::int32_t min_percent = 0;
  std::int32_t max_percent = 0;
  friend bool operator==(const item_evidence&, const item_evidence&) = default;
};

/// The evidence of a measure set's series for every results item they evidence.
struct results_evidence {
  std::string framework{};
  std::string organization{};
  evidence_options options{};
  excellence::v1::measure_set measures{};
  period_notation notation = period_notation::number;
  std::vector<series_evidence> series{};  ///< in the order of the series set
  std::vector<item_evidence> items{};     ///< in the framework's order
  friend bool operator==(const results_evidence&, const results_evidence&) = default;
};

/// The evidence of `series` (validated against `set`) for the results items of `tree`
/// that the set's measures evidence. Errors: a bad option (out_of_range naming it), and
/// everything validate and check_measures report.
[[nodiscard]] EXCELLENCE_API result<results_evidence> try_results_evidence(const measure_set& set,
                                                                           const series_set& series,
                                                                           const criteria_tree& tree,
                                                                           const evidence_options& options = {});
/// Throwing form of try_results_evidence.
[[nodiscard]] EXCELLENCE_API results_evidence results_evidence_of(const measure_set& set, const series_set& series,
                                                                  const criteria_tree& tree,
                                                                  const evidence_options& options = {});

/// The examiner's results items against the evidence: a warning (percent_outside_evidence)
/// for every item with evidence whose percent lies outside [min_percent, max_percent], and
/// for every levels / trends / comparisons / integration judgement outside its dimension's
/// supported band; each names the measures the band rests on. The scores stay the
/// examiner's: the library never changes them.
[[nodiscard]] EXCELLENCE_API std::vector<diagnostic> check_assessment(const results_evidence& evidence,
                                                                      const assessment& examiner);

EXCELLENCE_END_NAMESPACE
