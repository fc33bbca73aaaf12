// SERVQUAL (perception − expectation gaps over five dimensions) and SERVPERF
// (perceptions only).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>

#include <array>
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

inline constexpr detail::enum_names<servqual_dimension, 5> servqual_dimension_names{
    {{{servqual_dimension::tangibles, "tangibles"},
      {servqual_dimension::reliability, "reliability"},
      {servqual_dimension::responsiveness, "responsiveness"},
      {servqual_dimension::assurance, "assurance"},
      {servqual_dimension::empathy, "empathy"}}}};
[[nodiscard]] constexpr const char* to_string(servqual_dimension d) noexcept {
  return servqual_dimension_names.name(d);
}
/// The dimension named `name` ("tangibles", …), or nullopt.
[[nodiscard]] constexpr std::optional<servqual_dimension> parse_servqual_dimension(std::string_view name) noexcept {
  return servqual_dimension_names.parse(name);
}

/// One questionnaire item and the dimension it measures. The original instrument has 22
/// items (4, 5, 4, 4, 5); adaptations vary, so dimensions are averaged, never summed.
struct servqual_item {
  std::string id{};
  servqual_dimension dimension = servqual_dimension::tangibles;
};

/// What to do with a missing answer (std::nullopt in the input).
enum class missing_answers {
  error,     ///< the default: a missing answer is an error naming respondent and item
  drop_pair  ///< drop the (expectation, perception) pair; counted per item and in total
};

inline constexpr detail::enum_names<missing_answers, 2> missing_answers_names{
    {{{missing_answers::error, "error"}, {missing_answers::drop_pair, "drop"}}}};
[[nodiscard]] constexpr const char* to_string(missing_answers m) noexcept { return missing_answers_names.name(m); }
/// "error", "drop", or nullopt.
[[nodiscard]] constexpr std::optional<missing_answers> parse_missing_answers(std::string_view name) noexcept {
  return missing_answers_names.parse(name);
}

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

inline constexpr detail::enum_names<servqual_model, 2> servqual_model_names{
    {{{servqual_model::servqual, "servqual"}, {servqual_model::servperf, "servperf"}}}};
[[nodiscard]] constexpr const char* to_string(servqual_model m) noexcept { return servqual_model_names.name(m); }
/// "servqual", "servperf", or nullopt.
[[nodiscard]] constexpr std::optional<servqual_model> parse_servqual_model(std::string_view name) noexcept {
  return servqual_model_names.parse(name);
}

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
  int scale_min = 0;        ///< the answer scale used
  int scale_max = 0;
  /// rows_dropped when missing pairs were dropped (severity::warning).
  std::vector<diagnostic> warnings{};
};

/// SERVQUAL (Parasuraman, Zeithaml & Berry 1988; metrics.md §3.7): per item the mean gap
/// P − E over the respondents, per dimension the mean of its item gaps, the unweighted
/// score as the mean of the dimension scores and, with importance weights, the weighted
/// score Σ wᵈ·gapᵈ. Negative means service falls short of expectations.
///
/// `expectations` and `perceptions` are row-major, one row per respondent and one column
/// per item (`items.size()` columns); a missing answer is std::nullopt. Errors name the
/// element (`perceptions[17]`) and the respondent and item: a ragged shape, an answer off
/// the scale or not a whole number, a missing answer unless missing_answers::drop_pair,
/// an item with no complete pair, duplicate item ids, bad weights.
[[nodiscard]] EXCELLENCE_API result<servqual_result> try_servqual(std::span<const servqual_item> items,
                                                                  std::span<const std::optional<double>> expectations,
                                                                  std::span<const std::optional<double>> perceptions,
                                                                  const servqual_options& options = {});
/// try_servqual with every answer present. A NaN is an error ("not a number"), never a
/// missing answer: missing answers are std::nullopt in the form above.
[[nodiscard]] EXCELLENCE_API result<servqual_result> try_servqual(std::span<const servqual_item> items,
                                                                  std::span<const double> expectations,
                                                                  std::span<const double> perceptions,
                                                                  const servqual_options& options = {});

/// Throwing forms of try_servqual: the value, or data_error with the diagnostic.
[[nodiscard]] inline servqual_result servqual(std::span<const servqual_item> items,
                                              std::span<const std::optional<double>> expectations,
                                              std::span<const std::optional<double>> perceptions,
                                              const servqual_options& options = {}) {
  return try_servqual(items, expectations, perceptions, options).value();
}
[[nodiscard]] inline servqual_result servqual(std::span<const servqual_item> items,
                                              std::span<const double> expectations, std::span<const double> perceptions,
                                              const servqual_options& options = {}) {
  return try_servqual(items, expectations, perceptions, options).value();
}

/// SERVPERF (Cronin & Taylor 1992): the same aggregation on perceptions alone, which
/// avoids the reliability problems of difference scores. Same shape and errors as
/// try_servqual.
[[nodiscard]] EXCELLENCE_API result<servqual_result> try_servperf(std::span<const servqual_item> items,
                                                                  std::span<const std::optional<double>> perceptions,
                                                                  const servqual_options& options = {});
[[nodiscard]] EXCELLENCE_API result<servqual_result> try_servperf(std::span<const servqual_item> items,
                                                                  std::span<const double> perceptions,
                                                                  const servqual_options& options = {});

/// Throwing forms of try_servperf: the value, or data_error with the diagnostic.
[[nodiscard]] inline servqual_result servperf(std::span<const servqual_item> items,
                                              std::span<const std::optional<double>> perceptions,
                                              const servqual_options& options = {}) {
  return try_servperf(items, perceptions, options).value();
}
[[nodiscard]] inline servqual_result servperf(std::span<const servqual_item> items, std::span<const double> perceptions,
                                              const servqual_options& options = {}) {
  return try_servperf(items, perceptions, options).value();
}

/// Answers in long format, as survey tools export them: one row per respondent and
/// item, the columns as parallel spans of equal length. `expectation` is empty for
/// SERVPERF.
struct servqual_long_answers {
  std::span<const std::string> respondent{};
  std::span<const std::string> item{};
  std::span<const std::string> dimension{};  ///< "tangibles", "reliability", …
  std::span<const std::optional<double>> expectation{};
  std::span<const std::optional<double>> perception{};
};

/// SERVQUAL (or, with servqual_model::servperf, SERVPERF) of long-format answers. Items
/// and respondents are taken in order of first appearance; a respondent without a row
/// for an item has a missing pair (an error unless missing_answers::drop_pair). Errors
/// name the row as the column's element (`dimension[4]`, `perception[17]`): an unknown
/// dimension, an empty id, an item given two dimensions, a respondent answering an item
/// twice, and everything try_servqual checks.
[[nodiscard]] EXCELLENCE_API result<servqual_result> try_servqual_long(const servqual_long_answers& answers,
                                                                       servqual_model model,
                                                                       const servqual_options& options = {});
/// Throwing form of try_servqual_long: the value, or data_error with the diagnostic.
[[nodiscard]] inline servqual_result servqual_long(const servqual_long_answers& answers, servqual_model model,
                                                   const servqual_options& options = {}) {
  return try_servqual_long(answers, model, options).value();
}

EXCELLENCE_END_NAMESPACE
