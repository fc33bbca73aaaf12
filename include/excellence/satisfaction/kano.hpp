// Kano classification of product attributes from paired functional/dysfunctional
// questions, with Better/Worse coefficients.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/scale.hpp>
#include <excellence/error.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The five answers to a Kano question, coded 1–5 in this order.
enum class kano_answer { like = 1, must_be = 2, neutral = 3, live_with = 4, dislike = 5 };

/// The categories (Kano et al. 1984; Sauerwein et al. 1996).
enum class kano_category {
  attractive,       ///< A: delights when present, no harm when absent
  one_dimensional,  ///< O: satisfaction in proportion to fulfilment
  must_be,          ///< M: expected; its absence dissatisfies
  indifferent,      ///< I: neither
  reverse,          ///< R: the respondent prefers the attribute absent
  questionable      ///< Q: contradictory answers (like both, or dislike both)
};

inline constexpr std::size_t kano_category_count = 6;

inline constexpr detail::enum_names<kano_category, 6> kano_category_names{
    {{{kano_category::attractive, "attractive"},
      {kano_category::one_dimensional, "one_dimensional"},
      {kano_category::must_be, "must_be"},
      {kano_category::indifferent, "indifferent"},
      {kano_category::reverse, "reverse"},
      {kano_category::questionable, "questionable"}}}};
[[nodiscard]] constexpr const char* to_string(kano_category c) noexcept { return kano_category_names.name(c); }
/// "attractive", "one_dimensional", …, or nullopt.
[[nodiscard]] constexpr std::optional<kano_category> parse_kano_category(std::string_view name) noexcept {
  return kano_category_names.parse(name);
}

/// The one-letter code: A, O, M, I, R, Q.
[[nodiscard]] constexpr char letter(kano_category c) noexcept {
  return "AOMIRQ"[static_cast<std::size_t>(c)];
}

/// The Kano evaluation table (Sauerwein et al. 1996; metrics.md §3.6): rows are the
/// answer to the functional question, columns the answer to the dysfunctional one.
[[nodiscard]] constexpr kano_category kano_classify(kano_answer functional, kano_answer dysfunctional) noexcept {
  using enum kano_category;
  constexpr kano_category table[5][5] = {
      {questionable, attractive, attractive, attractive, one_dimensional},  // like
      {reverse, indifferent, indifferent, indifferent, must_be},            // must-be
      {reverse, indifferent, indifferent, indifferent, must_be},            // neutral
      {reverse, indifferent, indifferent, indifferent, must_be},            // live with
      {reverse, reverse, reverse, reverse, questionable},                   // dislike
  };
  return table[static_cast<int>(functional) - 1][static_cast<int>(dysfunctional) - 1];
}

struct kano_options {
  /// Categories whose share lies within this many percentage points of the top share
  /// count as tied with it, and the tie goes by M > O > A > I > R > Q. 0 (the default)
  /// breaks exact ties only; stp25stat uses 5.
  double tie_margin = 0;
  /// The critical value of Fong's test (1.65, α = 0.10 one-sided, as Sauerwein et al. use).
  double fong_critical_value = 1.65;
};

struct kano_result {
  std::array<std::size_t, kano_category_count> counts{};  ///< indexed by kano_category
  std::array<double, kano_category_count> shares{};       ///< percent of n
  kano_category category = kano_category::indifferent;    ///< the modal category after the tie rule
  bool tie_broken = false;  ///< another category was tied (within tie_margin) with the top one
  /// Better = (A + O)/(A + O + M + I) in [0, 1]; Worse = −(O + M)/(A + O + M + I) in
  /// [−1, 0] (negative, as Berger et al. 1993 define it). Empty when A + O + M + I = 0.
  std::optional<double> better{};
  std::optional<double> worse{};
  double questionable_share = 0;  ///< Q percent; above about 20 % the question is likely badly worded
  double total_strength = 0;      ///< A + O + M percent
  double category_strength = 0;   ///< the top share minus the second share, percentage points
  /// Fong (1996): the top two counts a, b differ significantly when |a − b| ≥
  /// c·√((a + b)(2n − a − b)/(2n)); `fong_threshold` is the right-hand side.
  double fong_threshold = 0;
  bool fong_significant = false;
  std::size_t n = 0;  ///< answer pairs
};

namespace detail {

// The tie order M > O > A > I > R > Q as a rank (lower wins).
constexpr int kano_tie_rank(kano_category c) noexcept {
  constexpr int rank[kano_category_count] = {2, 1, 0, 3, 4, 5};  // A, O, M, I, R, Q
  return rank[static_cast<std::size_t>(c)];
}

}  // namespace detail

/// Classifies each respondent's (functional, dysfunctional) pair of one attribute with the
/// evaluation table and aggregates: counts, shares, the modal category with the tie
/// rule, Better/Worse (R and Q excluded), the Q share, total and category strength and
/// Fong's test between the top two categories. Answers are the codes 1–5 of kano_answer;
/// errors name the element (`functional[4]`): different lengths, no answers, an answer
/// that is not a whole number in 1–5, a negative tie margin.
[[nodiscard]] inline result<kano_result> try_kano(std::span<const double> functional,
                                                  std::span<const double> dysfunctional,
                                                  const kano_options& options = {}) {
  using detail::input_error;
  if (functional.size() != dysfunctional.size())
    return input_error(errc::invalid_value, "dysfunctional",
                       detail::concat("expected one answer per functional answer (", std::to_string(functional.size()),
                                      "), got ", std::to_string(dysfunctional.size())));
  if (functional.empty()) return input_error(errc::invalid_value, "functional", "no answers");
  if (!(options.tie_margin >= 0) || !std::isfinite(options.tie_margin))
    return input_error(errc::out_of_range, "tie_margin", "the tie margin must be a finite number >= 0");
  if (!(options.fong_critical_value > 0) || !std::isfinite(options.fong_critical_value))
    return input_error(errc::out_of_range, "fong_critical_value", "the critical value must be a finite number > 0");
  kano_result r;
  for (std::size_t i = 0; i < functional.size(); ++i) {
    if (auto bad = detail::check_scale_answer(functional[i], 1, 5, "functional", i, "a Kano answer")) return *bad;
    if (auto bad = detail::check_scale_answer(dysfunctional[i], 1, 5, "dysfunctional", i, "a Kano answer")) return *bad;
    const auto c = kano_classify(static_cast<kano_answer>(static_cast<int>(functional[i])),
                                 static_cast<kano_answer>(static_cast<int>(dysfunctional[i])));
    ++r.counts[static_cast<std::size_t>(c)];
  }
  r.n = functional.size();
  const double n = static_cast<double>(r.n);
  for (std::size_t c = 0; c < kano_category_count; ++c) r.shares[c] = 100 * static_cast<double>(r.counts[c]) / n;

  // The top and second category by count (ties by rank), then the tie rule with the margin.
  std::array<kano_category, kano_category_count> order{};
  for (std::size_t c = 0; c < kano_category_count; ++c) order[c] = static_cast<kano_category>(c);
  std::sort(order.begin(), order.end(), [&](kano_category x, kano_category y) {
    const auto cx = r.counts[static_cast<std::size_t>(x)];
    const auto cy = r.counts[static_cast<std::size_t>(y)];
    return cx != cy ? cx > cy : detail::kano_tie_rank(x) < detail::kano_tie_rank(y);
  });
  const double top_share = r.shares[static_cast<std::size_t>(order[0])];
  r.category = order[0];
  for (std::size_t k = 1; k < kano_category_count; ++k) {
    const auto c = order[k];
    if (r.shares[static_cast<std::size_t>(c)] + options.tie_margin < top_share) break;
    if (r.counts[static_cast<std::size_t>(c)] == 0) break;
    r.tie_broken = true;
    if (detail::kano_tie_rank(c) < detail::kano_tie_rank(r.category)) r.category = c;
  }

  auto count = [&](kano_category c) { return static_cast<double>(r.counts[static_cast<std::size_t>(c)]); };
  const double a = count(kano_category::attractive);
  const double o = count(kano_category::one_dimensional);
  const double m = count(kano_category::must_be);
  const double i = count(kano_category::indifferent);
  if (const double base = a + o + m + i; base > 0) {
    r.better = (a + o) / base;
    r.worse = -(o + m) / base;
  }
  r.questionable_share = r.shares[static_cast<std::size_t>(kano_category::questionable)];
  r.total_strength = 100 * (a + o + m) / n;
  const double first = count(order[0]);
  const double second = count(order[1]);
  r.category_strength = 100 * (first - second) / n;
  r.fong_threshold = options.fong_critical_value * std::sqrt((first + second) * (2 * n - first - second) / (2 * n));
  r.fong_significant = std::abs(first - second) >= r.fong_threshold;
  return r;
}

[[nodiscard]] inline kano_result kano(std::span<const double> functional, std::span<const double> dysfunctional,
                                      const kano_options& options = {}) {
  return try_kano(functional, dysfunctional, options).value();
}

/// One attribute's classification in a kano_table.
struct kano_attribute {
  std::string name{};
  kano_result result{};
};

/// Kano classification of every attribute of a questionnaire.
struct kano_table {
  double tie_margin = 0;                     ///< the kano_options::tie_margin used
  std::vector<kano_attribute> attributes{};  ///< in order of first appearance
};

/// try_kano per attribute of long-format answers (one row per respondent and attribute,
/// the three columns as parallel spans). Errors name the row as the column's element:
/// `attribute[3]` (an empty name), `functional[17]` / `dysfunctional[17]` (an answer
/// that is not 1–5), or `attribute` when there are no rows.
[[nodiscard]] EXCELLENCE_API result<kano_table> try_kano_by_attribute(std::span<const std::string> attribute,
                                                                     std::span<const double> functional,
                                                                     std::span<const double> dysfunctional,
                                                                     const kano_options& options = {});
/// Throwing form of try_kano_by_attribute: the value, or data_error with the diagnostic.
[[nodiscard]] inline kano_table kano_by_attribute(std::span<const std::string> attribute,
                                                  std::span<const double> functional,
                                                  std::span<const double> dysfunctional,
                                                  const kano_options& options = {}) {
  return try_kano_by_attribute(attribute, functional, dysfunctional, options).value();
}

EXCELLENCE_END_NAMESPACE
