// CSAT: the top-box share of satisfaction ratings with a Wilson interval, and the mean
// rating kept separate.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/confidence.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/scale.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// A rating scale and its top box. The default is the usual 1–5 scale with top-2-box
/// 4–5 (metrics.md §3.2); a 7- or 10-point scale needs its own top box (6–7, 9–10).
struct csat_scale {
  int min = 1;
  int max = 5;
  int top_box_min = 4;  ///< ratings from this up count as satisfied (top_box_min = max: top-1-box)
};

struct csat_result {
  double csat = 0;   ///< top-box share, 0–100: NOT the mean rating
  double lower = 0;  ///< Wilson interval for the share, 0–100
  double upper = 0;
  double confidence = 0;
  double mean_rating = 0;  ///< the mean satisfaction score, on the scale itself
  std::size_t satisfied = 0;
  std::size_t n = 0;
  csat_scale scale{};  ///< the scale the ratings were read on
};

/// CSAT % = ratings in the top box / all ratings × 100, with the Wilson score interval
/// (Wilson 1927) at `confidence` and the mean rating reported separately. Errors name
/// the rating's index: none, a non-integer or out-of-scale rating, a bad scale or confidence.
[[nodiscard]] inline result<csat_result> try_csat(std::span<const double> ratings, const csat_scale& scale = {},
                                                  double confidence = 0.95) {
  if (!(scale.min < scale.max && scale.min <= scale.top_box_min && scale.top_box_min <= scale.max))
    return detail::input_error(errc::invalid_value, "scale",
                               "the scale must satisfy min < max and min <= top_box_min <= max");
  const auto critical = detail::two_sided_z(confidence);
  if (!critical) return critical.error();
  if (ratings.empty()) return detail::input_error(errc::invalid_value, "ratings", "no ratings: CSAT is undefined");
  csat_result r;
  double sum = 0;
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    const double x = ratings[i];
    if (auto bad = detail::check_scale_answer(x, scale.min, scale.max, "ratings", i, "a rating")) return *bad;
    sum += x;
    if (x >= scale.top_box_min) ++r.satisfied;
  }
  r.n = ratings.size();
  const double n = static_cast<double>(r.n);
  const double p = static_cast<double>(r.satisfied) / n;
  const double z = *critical;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  r.csat = 100 * p;
  r.lower = 100 * std::max(0.0, centre - half);
  r.upper = 100 * std::min(1.0, centre + half);
  r.confidence = confidence;
  r.mean_rating = sum / n;
  r.scale = scale;
  return r;
}

[[nodiscard]] inline csat_result csat(std::span<const double> ratings, const csat_scale& scale = {},
                                      double confidence = 0.95) {
  return try_csat(ratings, scale, confidence).value();
}

EXCELLENCE_END_NAMESPACE
