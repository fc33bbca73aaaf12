// Series of a measure: its values by period for one customer segment, with comparison
// values, targets and the sampling error of survey measures.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct nps_result;
struct csat_result;
struct measure_set;

/// One period of a series.
struct series_point {
  std::int64_t period = 0;  ///< the running number of period_label (2024 for the year 2024)
  double value = 0;
  std::optional<double> se{};      ///< standard error of `value` (survey measures)
  std::optional<double> target{};  ///< this period's target, over the measure's own
  /// One per measure_set::comparisons, in that order: the comparison's value in this
  /// period, absent where it has none.
  std::vector<std::optional<double>> comparisons{};
  friend bool operator==(const series_point&, const series_point&) = default;
};

/// The values of one measure for one segment, in increasing period order.
struct measure_series {
  std::string measure{};
  std::string segment{};  ///< an id of measure_set::segments
  std::vector<series_point> points{};
  /// The CSV row of each point (0-based, header excluded), for diagnostics; empty for
  /// series built in code.
  std::vector<std::size_t> rows{};
  friend bool operator==(const measure_series&, const measure_series&) = default;
};

/// All series of a measure set, as read from one file.
struct series_set {
  std::string source{};  ///< file name, for diagnostics
  period_notation notation = period_notation::number;  ///< how the periods were written
  std::vector<measure_series> series{};
  friend bool operator==(const series_set&, const series_set&) = default;
};

/// A period's point from an NPS: the score (−100…100) and its standard error.
[[nodiscard]] EXCELLENCE_API series_point point_of(std::int64_t period, const nps_result& nps);
/// A period's point from a CSAT: the top-box share (0–100) and its binomial standard error
/// 100·√(p(1 − p)/n).
[[nodiscard]] EXCELLENCE_API series_point point_of(std::int64_t period, const csat_result& csat);

/// Checks series against their measure set: every measure and segment defined (unknown_
/// reference), at most one series per measure and segment (duplicate_id), periods
/// strictly increasing with no period twice (duplicate_id), values, standard errors
/// (≥ 0) and targets finite, one comparison slot per comparison source, and a
/// comparison value only where the measure has one (it always has: a point is a value).
/// Errors name the series file's row when the series came from one.
[[nodiscard]] EXCELLENCE_API std::optional<diagnostic> validate(const series_set& series, const measure_set& set);

EXCELLENCE_END_NAMESPACE
