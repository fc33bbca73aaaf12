// Expectation–disconfirmation: satisfaction as perceived performance compared with what
// the customer expected, attribute by attribute.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// How performance compares with expectation (Oliver 1980, J. Marketing Research 17(4)):
/// below it the customer is dissatisfied, meeting it confirms the expectation, above it
/// the customer is delighted.
enum class disconfirmation_outcome {
  negative,   ///< performance < expectation − tolerance: dissatisfaction
  confirmed,  ///< within the tolerance of the expectation
  positive    ///< performance > expectation + tolerance: delight
};

[[nodiscard]] constexpr const char* to_string(disconfirmation_outcome o) noexcept {
  switch (o) {
    case disconfirmation_outcome::negative:
      return "negative";
    case disconfirmation_outcome::confirmed:
      return "confirmed";
    case disconfirmation_outcome::positive:
      return "positive";
  }
  return "?";
}

/// One attribute: the expectation and the perceived performance on one common scale
/// (typically the mean ratings of a survey's paired questions).
struct attribute_expectation {
  std::string attribute{};
  double expectation = 0;
  double performance = 0;
};

struct attribute_disconfirmation {
  std::string attribute{};
  double expectation = 0;
  double performance = 0;
  double gap = 0;  ///< performance − expectation: negative means expectations were not met
  disconfirmation_outcome outcome = disconfirmation_outcome::confirmed;
};

struct disconfirmation_result {
  std::vector<attribute_disconfirmation> attributes{};  ///< in input order
  double mean_gap = 0;                                  ///< unweighted mean over the attributes
  std::size_t negative = 0;                             ///< attributes per outcome
  std::size_t confirmed = 0;
  std::size_t positive = 0;
  double tolerance = 0;
  std::size_t n = 0;  ///< attributes
};

/// The outcome of one gap: |gap| ≤ tolerance confirms. A tolerance of 0 (the default)
/// treats only an exact match as confirmation; survey means rarely meet exactly, so a
/// zone of tolerance (e.g. 0.25 scale points) is usually the meaningful choice.
[[nodiscard]] constexpr disconfirmation_outcome classify_disconfirmation(double gap, double tolerance = 0) noexcept {
  if (gap < -tolerance) return disconfirmation_outcome::negative;
  if (gap > tolerance) return disconfirmation_outcome::positive;
  return disconfirmation_outcome::confirmed;
}

/// Gap = performance − expectation per attribute, its outcome, the counts per outcome and
/// the mean gap. Errors: no attributes; a non-finite expectation or performance (naming
/// `attributes[i].field`); a negative or non-finite tolerance.
[[nodiscard]] inline result<disconfirmation_result> try_disconfirmation(
    std::span<const attribute_expectation> attributes, double tolerance = 0) {
  if (!(tolerance >= 0) || !std::isfinite(tolerance))
    return detail::input_error(errc::out_of_range, "tolerance", "the tolerance must be a finite number >= 0");
  if (attributes.empty())
    return detail::input_error(errc::invalid_value, "attributes", "no attributes: nothing to compare");
  disconfirmation_result r;
  r.tolerance = tolerance;
  double sum = 0;
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const auto& a = attributes[i];
    if (auto bad =
            detail::check_finite(a.expectation, detail::element_field("attributes", i, "expectation"), "an expectation"))
      return *bad;
    if (auto bad =
            detail::check_finite(a.performance, detail::element_field("attributes", i, "performance"), "a performance"))
      return *bad;
    const double gap = a.performance - a.expectation;
    const auto outcome = classify_disconfirmation(gap, tolerance);
    r.attributes.push_back({a.attribute, a.expectation, a.performance, gap, outcome});
    ++(outcome == disconfirmation_outcome::negative    ? r.negative
       : outcome == disconfirmation_outcome::confirmed ? r.confirmed
                                                       : r.positive);
    sum += gap;
  }
  r.n = attributes.size();
  r.mean_gap = sum / static_cast<double>(r.n);
  return r;
}

[[nodiscard]] inline disconfirmation_result disconfirmation(std::span<const attribute_expectation> attributes,
                                                            double tolerance = 0) {
  return try_disconfirmation(attributes, tolerance).value();
}

EXCELLENCE_END_NAMESPACE
