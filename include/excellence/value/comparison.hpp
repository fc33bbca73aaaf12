// The delivered value of offers as respondents judged them, summarised per offer: what
// `excellence value` reports, from long-format rows as survey tools export them.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/value/delivered_value.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// Judgements in long format: one row per respondent and offer, the columns as parallel
/// spans of equal length. `respondent` may be empty (one respondent judged every offer).
struct value_answers {
  std::span<const std::string> respondent{};
  std::span<const std::string> offer{};
  std::array<std::span<const double>, 8> amounts{};  ///< in value_components order
};

struct value_summary_options {
  value_profile weights = unit_weights;
  /// Offers within tie_tolerance × max(1, |best|) of the best are tied, for each
  /// respondent's preference and for the overall preferred set alike.
  double tie_tolerance = 1e-12;
  /// With one respondent: also the logit choice shares at this sensitivity (try_choice_shares).
  std::optional<double> sensitivity{};
};

/// One offer, averaged over the respondents.
struct offer_summary {
  std::string name{};
  double total_value = 0;      ///< mean over respondents
  double total_cost = 0;       ///< mean over respondents
  double delivered_value = 0;  ///< mean over respondents
  /// Mean total value ÷ mean total cost; absent when the mean cost is 0 (undefined).
  std::optional<double> value_ratio{};
  /// Share of respondents who prefer it (a respondent's t-way tie counts 1/t each).
  double preferred_share = 0;
  std::optional<double> choice_share{};  ///< logit share, when a sensitivity was given
};

struct value_summary {
  std::size_t respondents = 0;
  std::vector<offer_summary> offers{};  ///< in the first respondent's order
  /// Names of the offers with the largest preferred share under the tie rule; several
  /// when tied.
  std::vector<std::string> preferred{};
  value_profile weights = unit_weights;
  std::optional<double> sensitivity{};
};

/// Delivered value per respondent and offer (try_batch_delivered_value), averaged per
/// offer, with the preferred set by the tie rule of value_summary_options. Every
/// respondent judges the same offers, in any order. Errors name the row as the column's
/// element: `offer[4]` (no name, judged twice by one respondent, not among the first
/// respondent's offers), `respondent[9]` (judges another number of offers),
/// `monetary[3]` (an amount that is negative or not finite), `sensitivity` (more than
/// one respondent), and `offers` when an average or a share overflows.
[[nodiscard]] EXCELLENCE_API result<value_summary> try_value_summary(const value_answers& answers,
                                                                     const value_summary_options& options = {});
/// Throwing form of try_value_summary: the value, or data_error with the diagnostic.
[[nodiscard]] inline value_summary value_summary_of(const value_answers& answers,
                                                    const value_summary_options& options = {}) {
  return try_value_summary(answers, options).value();
}

EXCELLENCE_END_NAMESPACE
