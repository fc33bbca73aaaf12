// Total customer satisfaction over the five dimensions of the domain documents, and
// satisfaction per moment-of-truth touch point.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/csi.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The horizontal structure of total customer satisfaction (全面顾客满意) in the domain
/// documents (seeds 003): satisfaction with the organisation's philosophy (理念满意), its
/// behaviour (行为满意), its visible and audible image (视听满意), its products (产品满意)
/// and its service (服务满意).
enum class satisfaction_dimension { philosophy, behaviour, visual_image, product, service };

inline constexpr std::size_t satisfaction_dimension_count = 5;

[[nodiscard]] constexpr const char* to_string(satisfaction_dimension d) noexcept {
  switch (d) {
    case satisfaction_dimension::philosophy:
      return "philosophy";
    case satisfaction_dimension::behaviour:
      return "behaviour";
    case satisfaction_dimension::visual_image:
      return "visual_image";
    case satisfaction_dimension::product:
      return "product";
    case satisfaction_dimension::service:
      return "service";
  }
  return "?";
}

/// One dimension's score (usually the mean rating of its questions), its importance and
/// the scale the score is on.
struct dimension_satisfaction {
  satisfaction_dimension dimension = satisfaction_dimension::product;
  double score = 0;
  double importance = 1;
  double scale_min = 1;
  double scale_max = 5;
};

struct total_satisfaction_result {
  double index = 0;  ///< 0–100, the weighted index over the five dimensions
  /// Per dimension in enum order (philosophy … service); `name` is the dimension's name.
  std::vector<csi_contribution> dimensions{};
  satisfaction_dimension weakest = satisfaction_dimension::product;            ///< lowest rescaled score
  satisfaction_dimension largest_potential = satisfaction_dimension::product;  ///< largest weighted gap to 100
  std::size_t n = 0;                                                           ///< dimensions (always 5)
};

/// The weighted 0–100 index (try_weighted_csi) over exactly the five dimensions: total
/// satisfaction is satisfaction on all of them, so a missing or repeated dimension is an
/// error (missing_field / duplicate_id), not a smaller index. Ties for weakest and
/// largest potential go to the earlier dimension in enum order.
[[nodiscard]] inline result<total_satisfaction_result> try_total_customer_satisfaction(
    std::span<const dimension_satisfaction> dimensions) {
  std::array<const dimension_satisfaction*, satisfaction_dimension_count> by_dimension{};
  for (std::size_t i = 0; i < dimensions.size(); ++i) {
    const auto d = static_cast<std::size_t>(dimensions[i].dimension);
    if (d >= satisfaction_dimension_count)
      return detail::input_error(errc::out_of_range, detail::element_field("dimensions", i, "dimension"),
                                 "not one of the five dimensions");
    if (by_dimension[d] != nullptr)
      return detail::input_error(errc::duplicate_id, detail::element_field("dimensions", i, "dimension"),
                                 detail::concat(to_string(dimensions[i].dimension), " is given twice"));
    by_dimension[d] = &dimensions[i];
  }
  for (std::size_t d = 0; d < satisfaction_dimension_count; ++d)
    if (by_dimension[d] == nullptr)
      return detail::input_error(errc::missing_field, "dimensions",
                                 detail::concat("no score for ", to_string(static_cast<satisfaction_dimension>(d)),
                                                ": total satisfaction needs all five dimensions"));
  // In the caller's order, so that a diagnostic's index is the caller's index.
  std::vector<csi_attribute> attributes;
  for (const auto& s : dimensions)
    attributes.push_back({to_string(s.dimension), s.score, s.importance, s.scale_min, s.scale_max});
  auto csi = try_weighted_csi(attributes);
  if (!csi) {
    auto d = csi.error();
    if (d.path.head() == "attributes") d.path = field_path("dimensions").then(d.path.tail());
    return d;
  }
  total_satisfaction_result r;
  r.index = csi->index;
  for (const auto* s : by_dimension)
    r.dimensions.push_back(csi->attributes[static_cast<std::size_t>(s - dimensions.data())]);
  r.n = satisfaction_dimension_count;
  for (std::size_t d = 1; d < satisfaction_dimension_count; ++d) {
    if (r.dimensions[d].rescaled < r.dimensions[static_cast<std::size_t>(r.weakest)].rescaled)
      r.weakest = static_cast<satisfaction_dimension>(d);
    if (r.dimensions[d].potential > r.dimensions[static_cast<std::size_t>(r.largest_potential)].potential)
      r.largest_potential = static_cast<satisfaction_dimension>(d);
  }
  return r;
}

[[nodiscard]] inline total_satisfaction_result total_customer_satisfaction(
    std::span<const dimension_satisfaction> dimensions) {
  return try_total_customer_satisfaction(dimensions).value();
}

/// The five moments of truth (关键时刻) of the domain documents (seeds 001): the first
/// contact, solving the customer's problem, the first use of the product, the moment the
/// product earns the customer's trust, and the repeat purchase.
enum class moment_of_truth { first_contact, problem_solving, first_use, earning_trust, repurchase };

[[nodiscard]] constexpr const char* to_string(moment_of_truth m) noexcept {
  switch (m) {
    case moment_of_truth::first_contact:
      return "first_contact";
    case moment_of_truth::problem_solving:
      return "problem_solving";
    case moment_of_truth::first_use:
      return "first_use";
    case moment_of_truth::earning_trust:
      return "earning_trust";
    case moment_of_truth::repurchase:
      return "repurchase";
  }
  return "?";
}

/// The ratings collected at one touch point. Any name may be used; to_string of a
/// moment_of_truth gives the five of the domain documents.
struct touch_point_ratings {
  std::string touch_point{};
  std::span<const double> ratings{};
};

struct touch_point_result {
  std::string touch_point{};
  csat_result satisfaction{};  ///< top-box share with its interval, mean rating, n
};

struct touch_points_result {
  std::vector<touch_point_result> touch_points{};  ///< in input order
  std::size_t weakest = 0;  ///< index of the lowest top-box share (then the lowest mean; then the first)
  std::size_t n = 0;        ///< ratings in all
};

/// CSAT (try_csat) per touch point on one scale, and the weakest touch point: where the
/// moment of truth most often fails. Errors name `touch_points[i].ratings[j]` for a bad
/// rating; no touch points, an empty touch point or duplicate names are errors.
[[nodiscard]] inline result<touch_points_result> try_touch_point_satisfaction(
    std::span<const touch_point_ratings> touch_points, const csat_scale& scale = {}, double confidence = 0.95) {
  if (touch_points.empty()) return detail::input_error(errc::invalid_value, "touch_points", "no touch points");
  touch_points_result r;
  for (std::size_t i = 0; i < touch_points.size(); ++i) {
    const auto& t = touch_points[i];
    for (std::size_t j = 0; j < i; ++j)
      if (touch_points[j].touch_point == t.touch_point)
        return detail::input_error(errc::duplicate_id, detail::element_field("touch_points", i, "touch_point"),
                                   detail::concat("touch point \"", t.touch_point, "\" repeats"));
    auto s = try_csat(t.ratings, scale, confidence);
    if (!s) {
      auto d = s.error();
      if (d.path.head() == "ratings") d.path = detail::indexed("touch_points", i).then(d.path);
      return d;
    }
    r.n += s->n;
    r.touch_points.push_back({t.touch_point, *s});
    const auto& w = r.touch_points[r.weakest].satisfaction;
    if (s->csat < w.csat || (s->csat == w.csat && s->mean_rating < w.mean_rating)) r.weakest = i;
  }
  return r;
}

[[nodiscard]] inline touch_points_result touch_point_satisfaction(std::span<const touch_point_ratings> touch_points,
                                                                  const csat_scale& scale = {},
                                                                  double confidence = 0.95) {
  return try_touch_point_satisfaction(touch_points, scale, confidence).value();
}

EXCELLENCE_END_NAMESPACE
