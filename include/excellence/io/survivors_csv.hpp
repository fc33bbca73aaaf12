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
/// optionally `segment`; rows in any order, cohorts in order of first appearance. Every
/// cohort needs each age from 0 to its last exactly once. Every problem names the file,
/// line and column: a missing or unknown column, an age that is not a whole number ≥ 0, an
/// age twice or missing in a cohort, and what detail::check_survivor_cohorts refuses
/// (survivors that are not whole numbers, a cohort of size 0, survivors that rise).
[[nodiscard]] EXCELLENCE_API result<std::vector<survivor_cohort>> try_survivor_cohorts(const csv_table& table);
/// Throwing form of try_survivor_cohorts.
[[nodiscard]] inline std::vector<survivor_cohort> survivor_cohorts(const csv_table& table) {
  return try_survivor_cohorts(table).value();
}

EXCELLENCE_END_NAMESPACE
