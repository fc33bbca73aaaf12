// A weighted customer-satisfaction index on 0–100 from attribute scores and importances.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// One attribute: its satisfaction score (usually a mean rating), its importance weight
/// and the range of the scale the score is on. Each attribute has its own range, so a
/// 1–5 and a 0–10 question can share an index.
struct csi_attribute {
  std::string name{};
  double score = 0;
  double importance = 1;  ///< any non-negative weight: points, a mean rating, a regression weight
  double scale_min = 1;
  double scale_max = 5;
};

struct csi_contribution {
  std::string name{};
  double rescaled = 0;   ///< 100 × (score − min)/(max − min)
  double weight = 0;     ///< importance / Σ importance
  double points = 0;     ///< weight × rescaled: this attribute's share of the index
  double potential = 0;  ///< weight × (100 − rescaled): what the index gains if it reached the top
};

struct csi_result {
  double index = 0;                            ///< 0–100
  std::vector<csi_contribution> attributes{};  ///< in input order; points sum to index
  std::size_t n = 0;                           ///< attributes
};

/// CSI = Σ wᵢ · 100 (xᵢ − minᵢ)/(maxᵢ − minᵢ) with wᵢ = importanceᵢ / Σ importance — the
/// rescaling the ACSI applies to its indicators (metrics.md §3.4), applied to attribute
/// scores with stated importances. `potential` ranks the attributes by what raising them
/// to the top of their scale would add (a weighted gap), the usual reading for priorities.
/// Errors name `attributes[i].field`: no attributes, scale_min ≥ scale_max, a score off its
/// scale, a negative or non-finite importance, importances summing to 0.
[[nodiscard]] inline result<csi_result> try_weighted_csi(std::span<const csi_attribute> attributes) {
  using detail::element_field;
  using detail::input_error;
  if (attributes.empty())
    return input_error(errc::invalid_value, "attributes", "no attributes: the index is undefined");
  double weight_sum = 0;
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const auto& a = attributes[i];
    for (const auto& [value, field] : {std::pair{a.score, "score"}, std::pair{a.importance, "importance"},
                                       std::pair{a.scale_min, "scale_min"}, std::pair{a.scale_max, "scale_max"}})
      if (auto bad = detail::check_finite(value, element_field("attributes", i, field), field)) return *bad;
    if (!(a.scale_min < a.scale_max))
      return input_error(errc::invalid_value, element_field("attributes", i, "scale_max"),
                         "the scale must satisfy scale_min < scale_max");
    if (a.score < a.scale_min || a.score > a.scale_max)
      return input_error(errc::out_of_range, element_field("attributes", i, "score"),
                         detail::concat("the score ", detail::shortest(a.score), " lies outside its scale ",
                                        detail::shortest(a.scale_min), "-", detail::shortest(a.scale_max)));
    if (a.importance < 0)
      return input_error(errc::out_of_range, element_field("attributes", i, "importance"),
                         "an importance cannot be negative");
    weight_sum += a.importance;
  }
  if (!(weight_sum > 0)) return input_error(errc::invalid_value, "attributes", "the importances sum to 0");
  csi_result r;
  r.n = attributes.size();
  for (const auto& a : attributes) {
    const double rescaled = 100 * (a.score - a.scale_min) / (a.scale_max - a.scale_min);
    const double w = a.importance / weight_sum;
    r.attributes.push_back({a.name, rescaled, w, w * rescaled, w * (100 - rescaled)});
    r.index += w * rescaled;
  }
  return r;
}

[[nodiscard]] inline csi_result weighted_csi(std::span<const csi_attribute> attributes) {
  return try_weighted_csi(attributes).value();
}

EXCELLENCE_END_NAMESPACE
