// SERVQUAL (perception − expectation gaps over five dimensions) and SERVPERF
// (perceptions only).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/scale.hpp>
#include <excellence/error.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The five dimensions of Parasuraman, Zeithaml & Berry (1988, J. Retailing 64(1)).
enum class servqual_dimension { tangibles, reliability, responsiveness, assurance, empathy };

inline constexpr std::size_t servqual_dimension_count = 5;

[[nodiscard]] constexpr const char* to_string(servqual_dimension d) noexcept {
  switch (d) {
    case servqual_dimension::tangibles:
      return "tangibles";
    case servqual_dimension::reliability:
      return "reliability";
    case servqual_dimension::responsiveness:
      return "responsiveness";
    case servqual_dimension::assurance:
      return "assurance";
    case servqual_dimension::empathy:
      return "empathy";
  }
  return "?";
}

/// The dimension named `name` ("tangibles", …), or nullopt.
[[nodiscard]] inline std::optional<servqual_dimension> servqual_dimension_from_string(std::string_view name) {
  for (std::size_t d = 0; d < servqual_dimension_count; ++d) {
    const auto dim = static_cast<servqual_dimension>(d);
    if (name == to_string(dim)) return dim;
  }
  return std::nullopt;
}

/// One questionnaire item and the dimension it measures. The original instrument has 22
/// items (4, 5, 4, 4, 5); adaptations vary, so dimensions are averaged, never summed.
struct servqual_item {
  std::string id{};
  servqual_dimension dimension = servqual_dimension::tangibles;
};

/// What to do with a missing answer (NaN in the input).
enum class missing_answers {
  error,     ///< the default: a missing answer is an error naming respondent and item
  drop_pair  ///< drop the (expectation, perception) pair; counted per item and in total
};

struct servqual_options {
  int scale_min = 1;  ///< the answer scale; the original instrument is 1–7
  int scale_max = 7;
  missing_answers missing = missing_answers::error;
  /// Importance of the five dimensions in servqual_dimension order, e.g. the mean of 100
  /// points each respondent allocated. Empty: no weighted score. Weights are normalised
  /// by their sum; a dimension without items must have weight 0.
  std::vector<double> importance{};
};

enum class servqual_model {
  servqual,  ///< scores are gaps P − E
  servperf   ///< scores are perceptions P (Cronin & Taylor 1992, J. Marketing 56(3))
};

struct servqual_item_result {
  std::string id{};
  servqual_dimension dimension = servqual_dimension::tangibles;
  double perception = 0;                ///< mean perception over the pairs used
  std::optional<double> expectation{};  ///< mean expectation (SERVQUAL only)
  double score = 0;                     ///< mean gap P − E (SERVQUAL) or mean perception (SERVPERF)
  std::size_t n = 0;                    ///< answers (pairs) used
  std::size_t dropped = 0;              ///< answers (pairs) dropped as missing
};

struct servqual_dimension_result {
  servqual_dimension dimension = servqual_dimension::tangibles;
  double perception = 0;                ///< mean of the item perceptions
  std::optional<double> expectation{};  ///< mean of the item expectations (SERVQUAL only)
  double score = 0;                     ///< mean of the item scores: gap (SERVQUAL) or perception (SERVPERF)
  std::size_t items = 0;                ///< items measuring it
  double weight = 0;                    ///< normalised importance (0 when no importance was given)
};

struct servqual_result {
  servqual_model model = servqual_model::servqual;
  std::vector<servqual_item_result> items{};            ///< in input order
  std::vector<servqual_dimension_result> dimensions{};  ///< those with items, in enum order
  double unweighted = 0;                                ///< mean of the dimension scores
  std::optional<double> weighted{};                     ///< Σ weight × dimension score, when importance was given
  std::size_t respondents = 0;
  std::size_t dropped = 0;  ///< answers (pairs) dropped in all
};

namespace detail {

// SERVQUAL when `expectations` is non-empty, SERVPERF otherwise. Answers are row-major:
// respondent r's answer to item j at [r × items + j].
inline result<servqual_result> service_quality(std::span<const servqual_item> items,
                                               std::span<const double> expectations,
                                               std::span<const double> perceptions, const servqual_options& options) {
  const bool gaps = !expectations.empty();
  const std::size_t k = items.size();
  if (k == 0) return input_error(errc::invalid_value, "items", "no items");
  if (!(options.scale_min < options.scale_max))
    return input_error(errc::invalid_value, "scale", "the scale must satisfy scale_min < scale_max");
  if (perceptions.empty() || perceptions.size() % k != 0)
    return input_error(errc::invalid_value, "perceptions",
                       concat("expected respondents x ", std::to_string(k), " answers (one per item), got ",
                              std::to_string(perceptions.size())));
  if (gaps && expectations.size() != perceptions.size())
    return input_error(errc::invalid_value, "expectations",
                       concat("expected as many expectations as perceptions (", std::to_string(perceptions.size()),
                              "), got ", std::to_string(expectations.size())));
  for (std::size_t j = 0; j < k; ++j) {
    const auto d = static_cast<std::size_t>(items[j].dimension);
    if (d >= servqual_dimension_count)
      return input_error(errc::out_of_range, element_field("items", j, "dimension"), "not one of the five dimensions");
    for (std::size_t i = 0; i < j; ++i)
      if (items[i].id == items[j].id)
        return input_error(errc::duplicate_id, element_field("items", j, "id"),
                           concat("item \"", items[j].id, "\" repeats"));
  }
  const std::size_t n = perceptions.size() / k;
  servqual_result r;
  r.model = gaps ? servqual_model::servqual : servqual_model::servperf;
  r.respondents = n;
  std::vector<double> sum_p(k, 0.0);
  std::vector<double> sum_e(k, 0.0);
  std::vector<std::size_t> used(k, 0);
  std::vector<std::size_t> dropped(k, 0);
  auto where = [&](std::size_t row, std::size_t j) {
    return concat("respondent ", std::to_string(row), ", item \"", items[j].id, "\"");
  };
  for (std::size_t row = 0; row < n; ++row) {
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t at = row * k + j;
      const double p = perceptions[at];
      const double e = gaps ? expectations[at] : 0.0;
      if (std::isnan(p) || std::isnan(e)) {
        if (options.missing == missing_answers::error)
          return input_error(
              errc::invalid_value, indexed(std::isnan(p) ? "perceptions" : "expectations", at),
              concat(where(row, j), ": missing answer (use missing_answers::drop_pair to drop the pair)"));
        ++dropped[j];
        continue;
      }
      if (auto bad = check_scale_answer(p, options.scale_min, options.scale_max, "perceptions", at, "a perception"))
        return *bad;
      if (gaps) {
        if (auto bad =
                check_scale_answer(e, options.scale_min, options.scale_max, "expectations", at, "an expectation"))
          return *bad;
      }
      sum_p[j] += p;
      sum_e[j] += e;
      ++used[j];
    }
  }
  std::array<double, servqual_dimension_count> dim_sum{};
  std::array<double, servqual_dimension_count> dim_p{};
  std::array<double, servqual_dimension_count> dim_e{};
  std::array<std::size_t, servqual_dimension_count> dim_items{};
  for (std::size_t j = 0; j < k; ++j) {
    if (used[j] == 0)
      return input_error(errc::invalid_value, indexed("items", j),
                         concat("item \"", items[j].id, "\" has no complete answer: its score is undefined"));
    const double m = static_cast<double>(used[j]);
    servqual_item_result item{items[j].id, items[j].dimension, sum_p[j] / m, std::nullopt, sum_p[j] / m,
                              used[j],     dropped[j]};
    if (gaps) {
      item.expectation = sum_e[j] / m;
      item.score = item.perception - *item.expectation;
    }
    const auto d = static_cast<std::size_t>(items[j].dimension);
    dim_sum[d] += item.score;
    dim_p[d] += item.perception;
    dim_e[d] += item.expectation.value_or(0.0);
    ++dim_items[d];
    r.dropped += dropped[j];
    r.items.push_back(std::move(item));
  }
  double weight_sum = 0;
  if (!options.importance.empty()) {
    if (options.importance.size() != servqual_dimension_count)
      return input_error(errc::invalid_value, "importance",
                         concat("expected 5 weights (tangibles, reliability, responsiveness, assurance, empathy), got ",
                                std::to_string(options.importance.size())));
    for (std::size_t d = 0; d < servqual_dimension_count; ++d) {
      const double w = options.importance[d];
      if (!std::isfinite(w) || w < 0)
        return input_error(errc::out_of_range, indexed("importance", d), "a weight must be a finite number >= 0");
      if (dim_items[d] == 0 && w != 0)
        return input_error(
            errc::invalid_value, indexed("importance", d),
            concat("dimension ", to_string(static_cast<servqual_dimension>(d)), " has no items but a non-zero weight"));
      weight_sum += w;
    }
    if (!(weight_sum > 0)) return input_error(errc::invalid_value, "importance", "the weights sum to 0");
  }
  double total = 0;
  double weighted = 0;
  for (std::size_t d = 0; d < servqual_dimension_count; ++d) {
    if (dim_items[d] == 0) continue;
    const double m = static_cast<double>(dim_items[d]);
    const double score = dim_sum[d] / m;
    const double w = weight_sum > 0 ? options.importance[d] / weight_sum : 0.0;
    r.dimensions.push_back({static_cast<servqual_dimension>(d), dim_p[d] / m,
                            gaps ? std::optional<double>(dim_e[d] / m) : std::nullopt, score, dim_items[d], w});
    total += score;
    weighted += w * score;
  }
  r.unweighted = total / static_cast<double>(r.dimensions.size());
  if (weight_sum > 0) r.weighted = weighted;
  return r;
}

}  // namespace detail

/// SERVQUAL (Parasuraman, Zeithaml & Berry 1988; metrics.md §3.7): per item the mean gap
/// P − E over the respondents, per dimension the mean of its item gaps, the unweighted
/// score as the mean of the dimension scores and, with importance weights, the weighted
/// score Σ wᵈ·gapᵈ. Negative means service falls short of expectations.
///
/// `expectations` and `perceptions` are row-major, one row per respondent and one column
/// per item (`items.size()` columns). Errors name the element (`perceptions[17]`) and the
/// respondent and item: a ragged shape, an answer off the scale or not a whole number, a
/// missing answer (NaN) unless missing_answers::drop_pair, an item with no complete pair,
/// duplicate item ids, bad weights.
[[nodiscard]] inline result<servqual_result> try_servqual(std::span<const servqual_item> items,
                                                          std::span<const double> expectations,
                                                          std::span<const double> perceptions,
                                                          const servqual_options& options = {}) {
  if (expectations.empty())
    return detail::input_error(errc::invalid_value, "expectations", "SERVQUAL needs expectations (see try_servperf)");
  return detail::service_quality(items, expectations, perceptions, options);
}

[[nodiscard]] inline servqual_result servqual(std::span<const servqual_item> items,
                                              std::span<const double> expectations, std::span<const double> perceptions,
                                              const servqual_options& options = {}) {
  return try_servqual(items, expectations, perceptions, options).value();
}

/// SERVPERF (Cronin & Taylor 1992): the same aggregation on perceptions alone, which
/// avoids the reliability problems of difference scores. Same shape and errors as
/// try_servqual.
[[nodiscard]] inline result<servqual_result> try_servperf(std::span<const servqual_item> items,
                                                          std::span<const double> perceptions,
                                                          const servqual_options& options = {}) {
  return detail::service_quality(items, {}, perceptions, options);
}

[[nodiscard]] inline servqual_result servperf(std::span<const servqual_item> items, std::span<const double> perceptions,
                                              const servqual_options& options = {}) {
  return try_servperf(items, perceptions, options).value();
}

EXCELLENCE_END_NAMESPACE
