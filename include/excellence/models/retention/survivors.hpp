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

namespace detail {
/// invalid_value or out_of_range naming `cohorts[i].survivors[t]` (or `cohorts[i]`) unless
/// the counts are survivor counts: at least one cohort; each with its size and sizes > 0;
/// every count a finite whole number ≥ 0 and none above the one before it.
[[nodiscard]] EXCELLENCE_API std::optional<diagnostic> check_survivor_cohorts(std::span<const survivor_cohort> cohorts);
}  // namespace detail

EXCELLENCE_END_NAMESPACE
