// Reading survivor counts of contractual cohorts from a long CSV file:
// [segment,]cohort,age,survivors (docs/retention.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/retention/survivors.hpp>

#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The cohorts of a table with one row per cohort and age: columns `cohort`, `age` (whole
/// periods since acquisition) and `survivors` (customers still under contract then), and
/// optionally `segment` — the columns' try_survivor_cohorts (models/retention/survivors.hpp)
/// with every problem at its file, line and column, and a missing or unknown column refused.
[[nodiscard]] EXCELLENCE_API result<std::vector<survivor_cohort>> try_survivor_cohorts(const csv_table& table);
/// Throwing form of try_survivor_cohorts.
[[nodiscard]] inline std::vector<survivor_cohort> survivor_cohorts(const csv_table& table) {
  return try_survivor_cohorts(table).value();
}

EXCELLENCE_END_NAMESPACE
