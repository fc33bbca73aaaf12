// Cohort retention tables from (customer, period) activity records.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/period.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// A customer was active (bought, used the service, renewed) in a period. Periods are
/// consecutive integers in one unit (the table's `per`): month 0, 1, 2 …, or a month
/// number such as year × 12 + month − 1.
struct activity_record {
  std::string customer{};
  std::int64_t period = 0;
};

/// The customers acquired in one period (their first activity) and what became of them.
struct cohort_row {
  std::int64_t cohort = 0;  ///< the period of first activity
  std::size_t size = 0;     ///< customers in the cohort
  /// Per age t = 0, 1, … up to the last observed period: customers active in period
  /// cohort + t. Customers may skip periods and come back, so this is not monotone.
  std::vector<std::size_t> active{};
  std::vector<double> active_share{};  ///< active / size
  /// Customers seen at age t or later (last activity ≥ cohort + t): "still a customer" as
  /// far as the data can tell; monotone non-increasing.
  std::vector<std::size_t> retained{};
  std::vector<double> retention{};  ///< retained / size
};

/// What a cohort table's cells count: customers still seen at that age or later
/// (cohort_row::retention, monotone) or customers active in that period (active_share).
enum class cohort_measure { retained, active };

inline constexpr detail::enum_names<cohort_measure, 2> cohort_measure_names{
    {{{cohort_measure::retained, "retained"}, {cohort_measure::active, "active"}}}};
[[nodiscard]] constexpr const char* to_string(cohort_measure m) noexcept { return cohort_measure_names.name(m); }
/// "retained", "active", or nullopt.
[[nodiscard]] constexpr std::optional<cohort_measure> parse_cohort_measure(std::string_view name) noexcept {
  return cohort_measure_names.parse(name);
}

struct cohort_table {
  std::vector<cohort_row> cohorts{};  ///< ascending by cohort; only periods in which someone was acquired
  /// Pooled over the cohorts observed at each age: Σ retained / Σ size, and Σ active / Σ size.
  std::vector<double> retention_by_age{};
  std::vector<double> active_share_by_age{};
  std::vector<std::size_t> cohorts_by_age{};  ///< cohorts observed at each age
  std::int64_t first_period = 0;
  std::int64_t last_period = 0;  ///< the end of observation for every cohort
  std::size_t customers = 0;
  std::size_t records = 0;   ///< records read
  std::size_t repeated = 0;  ///< records of a (customer, period) already seen: merged, not double-counted
  excellence::v1::period per{};
  /// How the periods were labelled in the input; label() writes them back the same way.
  period_notation notation = period_notation::number;

  /// The label of period `p` ("2024-03", "2024-Q1", "17").
  [[nodiscard]] std::string label(std::int64_t p) const { return format_period_label(p, notation); }
};

/// At most this many cells (cohorts × their ages) in a table: 4,471 consecutive daily
/// cohorts, or any number of monthly ones over 370 years.
inline constexpr std::size_t max_cohort_cells = 10'000'000;

/// Builds the cohort table: a customer's cohort is the period of their first record; at
/// each age the table counts the cohort's customers active in that period and those
/// still seen at or after it (metrics.md §3.9). Later cohorts are observed for fewer
/// periods, so their rows are shorter: unobserved cells are absent, never zero.
/// Repeated (customer, period) records are merged and counted in `repeated`. Errors: no
/// records, an empty customer id (`records[i].customer`), a span of periods longer than
/// 100 000 (almost certainly dates passed as periods).
[[nodiscard]] inline result<cohort_table> try_cohort_retention(std::span<const activity_record> records, period per) {
  if (records.empty()) return detail::input_error(errc::invalid_value, "records", "no activity records");
  struct span_of_activity {
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
  };
  std::unordered_map<std::string_view, std::size_t> index;
  std::vector<span_of_activity> customers;
  std::vector<std::pair<std::size_t, std::int64_t>> visits;  // (customer, period)
  visits.reserve(records.size());
  std::int64_t lo = records.front().period;
  std::int64_t hi = lo;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (r.customer.empty())
      return detail::input_error(errc::invalid_value, detail::element_field("records", i, "customer"),
                                 "a customer id cannot be empty");
    const auto [it, added] = index.try_emplace(r.customer, customers.size());
    if (added) customers.emplace_back();
    auto& c = customers[it->second];
    c.first = std::min(c.first, r.period);
    c.last = std::max(c.last, r.period);
    lo = std::min(lo, r.period);
    hi = std::max(hi, r.period);
    visits.emplace_back(it->second, r.period);
  }
  // Unsigned: hi − lo of arbitrary int64 values would overflow.
  constexpr std::uint64_t max_span = 100'000;
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span >= max_span)
    return detail::input_error(errc::out_of_range, "records",
                               detail::concat("the periods span more than ", std::to_string(max_span),
                                              " values; periods must be consecutive integers (0, 1, 2 ...), "
                                              "not dates or codes such as 202401"));
  std::sort(visits.begin(), visits.end());
  const auto unique_end = std::unique(visits.begin(), visits.end());
  cohort_table t;
  t.records = records.size();
  t.repeated = static_cast<std::size_t>(visits.end() - unique_end);
  visits.erase(unique_end, visits.end());
  t.customers = customers.size();
  t.first_period = lo;
  t.last_period = hi;
  t.per = per;

  const auto periods = static_cast<std::size_t>(hi - lo + 1);
  std::vector<std::size_t> row_of(periods, 0);  // cohort period − lo → row + 1 (0: no cohort)
  for (const auto& c : customers) row_of[static_cast<std::size_t>(c.first - lo)] = 1;
  std::size_t cells = 0;
  for (std::size_t p = 0; p < periods; ++p) cells += row_of[p] * (periods - p);
  if (cells > max_cohort_cells)
    return detail::input_error(errc::out_of_range, "records",
                               detail::concat("the table would have ", std::to_string(cells), " cells (at most ",
                                              std::to_string(max_cohort_cells),
                                              "): use a coarser period unit"));
  for (std::size_t p = 0; p < periods; ++p) {
    if (row_of[p] == 0) continue;
    const auto ages = periods - p;
    t.cohorts.push_back({lo + static_cast<std::int64_t>(p),
                         0,
                         std::vector<std::size_t>(ages, 0),
                         {},
                         std::vector<std::size_t>(ages, 0),
                         {}});
    row_of[p] = t.cohorts.size();
  }
  for (const auto& c : customers) {
    auto& row = t.cohorts[row_of[static_cast<std::size_t>(c.first - lo)] - 1];
    ++row.size;
    for (auto age = static_cast<std::size_t>(c.last - c.first) + 1; age-- > 0;) ++row.retained[age];
  }
  for (const auto& [customer, p] : visits) {
    const auto& c = customers[customer];
    ++t.cohorts[row_of[static_cast<std::size_t>(c.first - lo)] - 1].active[static_cast<std::size_t>(p - c.first)];
  }
  std::vector<std::size_t> size_by_age(periods, 0);
  std::vector<std::size_t> retained_by_age(periods, 0);
  std::vector<std::size_t> active_by_age(periods, 0);
  t.cohorts_by_age.assign(periods, 0);
  for (auto& row : t.cohorts) {
    const double size = static_cast<double>(row.size);
    for (std::size_t age = 0; age < row.active.size(); ++age) {
      row.active_share.push_back(static_cast<double>(row.active[age]) / size);
      row.retention.push_back(static_cast<double>(row.retained[age]) / size);
      size_by_age[age] += row.size;
      retained_by_age[age] += row.retained[age];
      active_by_age[age] += row.active[age];
      ++t.cohorts_by_age[age];
    }
  }
  for (std::size_t age = 0; age < periods && size_by_age[age] > 0; ++age) {
    t.retention_by_age.push_back(static_cast<double>(retained_by_age[age]) / static_cast<double>(size_by_age[age]));
    t.active_share_by_age.push_back(static_cast<double>(active_by_age[age]) / static_cast<double>(size_by_age[age]));
  }
  t.cohorts_by_age.resize(t.retention_by_age.size());
  return t;
}

[[nodiscard]] inline cohort_table cohort_retention(std::span<const activity_record> records, period per) {
  return try_cohort_retention(records, per).value();
}

/// try_cohort_retention of records whose periods are labels as people write them
/// (parse_period_label: "2024-03" with time_unit::month, "2024-Q1" with quarter, or
/// running numbers), one label per customer id. The table's `notation` is the labels'
/// notation. Errors: `period[r]` when a label is not a period of the unit or the labels
/// mix notations, and everything try_cohort_retention checks (`customer[r]`).
[[nodiscard]] EXCELLENCE_API result<cohort_table> try_cohort_retention(std::span<const std::string> customers,
                                                                       std::span<const std::string> periods,
                                                                       time_unit unit);
/// Throwing form of the labelled try_cohort_retention.
[[nodiscard]] inline cohort_table cohort_retention(std::span<const std::string> customers,
                                                   std::span<const std::string> periods, time_unit unit) {
  return try_cohort_retention(customers, periods, unit).value();
}

EXCELLENCE_END_NAMESPACE
