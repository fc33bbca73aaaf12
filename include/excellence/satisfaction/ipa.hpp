// Importance–performance analysis: attributes placed in four quadrants by crosshairs.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// One attribute's mean importance and mean performance.
struct ipa_attribute {
  std::string name{};
  double importance = 0;
  double performance = 0;
};

/// Where the crosshairs go — the main design choice of an IPA, and the quadrants change
/// with it (metrics.md §3.8), so it is always reported with the result.
enum class ipa_crosshair {
  data_means,      ///< the grand means of importance and of performance over the attributes
  scale_midpoint,  ///< the middle of each axis's scale
  given            ///< importance_line and performance_line as set in ipa_options
};

[[nodiscard]] constexpr const char* to_string(ipa_crosshair c) noexcept {
  switch (c) {
    case ipa_crosshair::data_means:
      return "data_means";
    case ipa_crosshair::scale_midpoint:
      return "scale_midpoint";
    case ipa_crosshair::given:
      return "given";
  }
  return "?";
}

struct ipa_options {
  ipa_crosshair crosshair = ipa_crosshair::data_means;
  /// The scales: used for the midpoint and to check the scores (values must lie on them).
  double importance_min = 1;
  double importance_max = 5;
  double performance_min = 1;
  double performance_max = 5;
  /// With ipa_crosshair::given: where the lines are.
  double importance_line = 0;
  double performance_line = 0;
};

/// The quadrants of Martilla & James (1977, J. Marketing 41(1)).
enum class ipa_quadrant {
  concentrate_here,       ///< I: high importance, low performance
  keep_up_the_good_work,  ///< II: high importance, high performance
  low_priority,           ///< III: low importance, low performance
  possible_overkill       ///< IV: low importance, high performance
};

[[nodiscard]] constexpr const char* to_string(ipa_quadrant q) noexcept {
  switch (q) {
    case ipa_quadrant::concentrate_here:
      return "concentrate_here";
    case ipa_quadrant::keep_up_the_good_work:
      return "keep_up_the_good_work";
    case ipa_quadrant::low_priority:
      return "low_priority";
    case ipa_quadrant::possible_overkill:
      return "possible_overkill";
  }
  return "?";
}

struct ipa_point {
  std::string name{};
  double importance = 0;
  double performance = 0;
  ipa_quadrant quadrant = ipa_quadrant::low_priority;
  /// A value exactly on a line counts as high (the tie rule); these flags say it happened
  /// so that a report can mark the attribute as borderline.
  bool on_importance_line = false;
  bool on_performance_line = false;
  /// Gap-IPA and the iso-priority diagonal (Slack 1994), only when importance and
  /// performance share one scale: gap = importance − performance, and an attribute above
  /// the diagonal (gap > 0) is a candidate for improvement whatever its quadrant.
  std::optional<double> gap{};
  bool above_diagonal = false;
};

struct ipa_result {
  std::vector<ipa_point> attributes{};  ///< in input order
  ipa_crosshair crosshair = ipa_crosshair::data_means;
  double importance_line = 0;  ///< the crosshair actually used
  double performance_line = 0;
  std::size_t concentrate_here = 0;  ///< attributes per quadrant
  std::size_t keep_up_the_good_work = 0;
  std::size_t low_priority = 0;
  std::size_t possible_overkill = 0;
  std::size_t n = 0;
};

/// The quadrant of a point: high means at or above the line.
[[nodiscard]] constexpr ipa_quadrant ipa_quadrant_of(double importance, double performance, double importance_line,
                                                     double performance_line) noexcept {
  const bool important = importance >= importance_line;
  const bool performing = performance >= performance_line;
  if (important) return performing ? ipa_quadrant::keep_up_the_good_work : ipa_quadrant::concentrate_here;
  return performing ? ipa_quadrant::possible_overkill : ipa_quadrant::low_priority;
}

/// Places each attribute in a quadrant (Martilla & James 1977; metrics.md §3.8) with the
/// crosshair chosen in `options`. Errors name `attributes[i].field`: no attributes, a
/// non-finite value, a value off its scale, a scale with min ≥ max, a non-finite given line.
[[nodiscard]] inline result<ipa_result> try_ipa(std::span<const ipa_attribute> attributes,
                                                const ipa_options& options = {}) {
  using detail::input_error;
  if (attributes.empty()) return input_error(errc::invalid_value, "attributes", "no attributes");
  if (!(options.importance_min < options.importance_max) || !(options.performance_min < options.performance_max))
    return input_error(errc::invalid_value, "options", "each scale must satisfy min < max");
  double sum_i = 0;
  double sum_p = 0;
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const auto& a = attributes[i];
    for (const auto& [value, field, lo, hi] :
         {std::tuple{a.importance, "importance", options.importance_min, options.importance_max},
          std::tuple{a.performance, "performance", options.performance_min, options.performance_max}}) {
      const auto path = detail::element_field("attributes", i, field);
      if (auto bad = detail::check_finite(value, path, field)) return *bad;
      if (value < lo || value > hi)
        return input_error(errc::out_of_range, path,
                           detail::concat(detail::shortest(value), " lies outside the scale ", detail::shortest(lo),
                                          "-", detail::shortest(hi)));
    }
    sum_i += a.importance;
    sum_p += a.performance;
  }
  ipa_result r;
  r.n = attributes.size();
  r.crosshair = options.crosshair;
  switch (options.crosshair) {
    case ipa_crosshair::data_means:
      r.importance_line = sum_i / static_cast<double>(r.n);
      r.performance_line = sum_p / static_cast<double>(r.n);
      break;
    case ipa_crosshair::scale_midpoint:
      r.importance_line = (options.importance_min + options.importance_max) / 2;
      r.performance_line = (options.performance_min + options.performance_max) / 2;
      break;
    case ipa_crosshair::given:
      if (!std::isfinite(options.importance_line) || !std::isfinite(options.performance_line))
        return input_error(errc::invalid_value, "options", "the given crosshair lines must be finite");
      r.importance_line = options.importance_line;
      r.performance_line = options.performance_line;
      break;
  }
  const bool same_scale =
      options.importance_min == options.performance_min && options.importance_max == options.performance_max;
  for (const auto& a : attributes) {
    const auto q = ipa_quadrant_of(a.importance, a.performance, r.importance_line, r.performance_line);
    ipa_point point{
        a.name, a.importance, a.performance, q, a.importance == r.importance_line, a.performance == r.performance_line};
    if (same_scale) {
      point.gap = a.importance - a.performance;
      point.above_diagonal = *point.gap > 0;
    }
    r.attributes.push_back(std::move(point));
    ++(q == ipa_quadrant::concentrate_here        ? r.concentrate_here
       : q == ipa_quadrant::keep_up_the_good_work ? r.keep_up_the_good_work
       : q == ipa_quadrant::low_priority          ? r.low_priority
                                                  : r.possible_overkill);
  }
  return r;
}

/// Derived (implicit) importance: per attribute, the Pearson correlation of its ratings
/// with the overall-satisfaction ratings across respondents — the usual substitute when
/// stated importances are missing or all high (metrics.md §3.8). `ratings` is row-major,
/// one row per respondent and `attributes` columns. Errors: a ragged shape, fewer than 3
/// respondents, a non-finite rating (`ratings[i]`, `overall[i]`), an attribute or the
/// overall rating without variance, where the correlation is undefined.
[[nodiscard]] inline result<std::vector<double>> try_derived_importance(std::span<const double> ratings,
                                                                        std::size_t attributes,
                                                                        std::span<const double> overall) {
  using detail::input_error;
  const std::size_t n = overall.size();
  if (attributes == 0 || ratings.size() != n * attributes)
    return input_error(errc::invalid_value, "ratings",
                       detail::concat("expected ", std::to_string(n), " respondents x ", std::to_string(attributes),
                                      " attributes, got ", std::to_string(ratings.size()), " ratings"));
  if (n < 3) return input_error(errc::invalid_value, "overall", "at least 3 respondents are needed");
  for (std::size_t i = 0; i < ratings.size(); ++i)
    if (auto bad = detail::check_finite(ratings[i], detail::indexed("ratings", i), "a rating")) return *bad;
  double mean_y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (auto bad = detail::check_finite(overall[i], detail::indexed("overall", i), "a rating")) return *bad;
    mean_y += overall[i];
  }
  mean_y /= static_cast<double>(n);
  double syy = 0;
  for (const double y : overall) syy += (y - mean_y) * (y - mean_y);
  if (!(syy > 0)) return input_error(errc::invalid_value, "overall", "the overall ratings do not vary");
  std::vector<double> out;
  for (std::size_t j = 0; j < attributes; ++j) {
    double mean_x = 0;
    for (std::size_t i = 0; i < n; ++i) mean_x += ratings[i * attributes + j];
    mean_x /= static_cast<double>(n);
    double sxx = 0;
    double sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double dx = ratings[i * attributes + j] - mean_x;
      sxx += dx * dx;
      sxy += dx * (overall[i] - mean_y);
    }
    if (!(sxx > 0))
      return input_error(errc::invalid_value, detail::indexed("attributes", j),
                         "the ratings of this attribute do not vary: its correlation is undefined");
    out.push_back(sxy / std::sqrt(sxx * syy));
  }
  return out;
}
/// Throwing form of try_derived_importance: the value, or data_error with the diagnostic.
[[nodiscard]] inline std::vector<double> derived_importance(std::span<const double> ratings, std::size_t attributes,
                                                            std::span<const double> overall) {
  return try_derived_importance(ratings, attributes, overall).value();
}

[[nodiscard]] inline ipa_result ipa(std::span<const ipa_attribute> attributes, const ipa_options& options = {}) {
  return try_ipa(attributes, options).value();
}

EXCELLENCE_END_NAMESPACE
