// Survivor counts of contractual cohorts: how many of the customers acquired together are
// still under contract at each renewal — what the contractual retention models are fitted to.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/fwd.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// One cohort: customers acquired in the same period, and how many of them are still
/// customers at each age (periods since acquisition). Survivors can only fall: a customer
/// who cancels is gone (the contractual setting; Fader & Hardie 2007).
struct survivor_cohort {
  /// Cohorts of one segment share a retention process and are fitted together (Fader &
  /// Hardie 2007b, "Fitting the sBG model to multi-cohort data"); another segment is
  /// another process. Empty: the one segment.
  std::string segment{};
  std::string cohort{};  ///< the cohort's name for people: "2024-03", "regular"
  /// survivors[t]: customers under contract at age t; survivors[0] is the cohort's size.
  /// Whole numbers, none larger than the one before.
  std::vector<double> survivors{};
};

/// The survivor counts of a cohort table's cohorts (cohort_row::retained: customers seen at
/// that age or later, which in a contractual setting are those still under contract), each
/// named by its period's label; the segment is left empty.
[[nodiscard]] EXCELLENCE_API std::vector<survivor_cohort> survivor_cohorts(const cohort_table& table);

/// The cohorts of long columns, one entry per cohort and age: `ages[r]` (whole periods since
/// acquisition) and `survivors[r]` of cohort `cohorts[r]` in segment `segments[r]` (segments
/// may be empty: one segment). Entries in any order; cohorts in order of first appearance;
/// every cohort needs each age from 0 to its last exactly once. Errors name the entry
/// (`age[r]`, `survivors[r]`): columns of different lengths, an age that is not a whole
/// number ≥ 0, an age twice or missing in a cohort, and what detail::check_survivor_cohorts
/// refuses (survivors that are not whole numbers, a cohort of size 0, survivors that rise).
[[nodiscard]] EXCELLENCE_API result<std::vector<survivor_cohort>> try_survivor_cohorts(
    std::span<const std::string> segments, std::span<const std::string> cohorts, std::span<const double> ages,
    std::span<const double> survivors);
/// Throwing form of the columns' try_survivor_cohorts.
[[nodiscard]] inline std::vector<survivor_cohort> survivor_cohorts(std::span<const std::string> segments,
                                                                   std::span<const std::string> cohorts,
                                                                   std::span<const double> ages,
                                                                   std::span<const double> survivors) {
  return try_survivor_cohorts(segments, cohorts, ages, survivors).value();
}

namespace detail {
/// invalid_value or out_of_range naming `cohorts[i].survivors[t]` (or `cohorts[i]`) unless
/// the counts are survivor counts: at least one cohort; each with its size and sizes > 0;
/// every count a finite whole number ≥ 0 and none above the one before it.
[[nodiscard]] EXCELLENCE_API std::optional<diagnostic> check_survivor_cohorts(std::span<const survivor_cohort> cohorts);
}  // namespace detail

EXCELLENCE_END_NAMESPACE
