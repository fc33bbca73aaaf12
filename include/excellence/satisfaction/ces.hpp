// CES: Customer Effort Score, with its version and scale direction recorded.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/scale.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// Which end of the scale means little effort. The two published versions disagree, so
/// every CES result carries it (metrics.md §3.3).
enum class effort_direction { higher_is_easier, higher_is_harder };

/// A CES question's scale: the answers that count as "easy" and as "hard".
struct ces_scale {
  std::string version{};
  int min = 1;
  int max = 7;
  effort_direction direction = effort_direction::higher_is_easier;
  int easy_from = 5;  ///< answers in [easy_from, easy_to] report little effort
  int easy_to = 7;
  int hard_from = 1;  ///< answers in [hard_from, hard_to] report much effort
  int hard_to = 3;
};

/// CES 2.0 (2013): agreement with "[the company] made it easy for me to handle my issue",
/// 1 strongly disagree … 7 strongly agree; 5–7 agree (easy), 1–3 disagree, 4 neutral.
inline const ces_scale ces_2_0{"CES 2.0", 1, 7, effort_direction::higher_is_easier, 5, 7, 1, 3};
/// CES 1.0: "how much effort did you personally have to put forth", 1 very low … 5 very
/// high: lower is better; 1–2 easy, 4–5 hard.
inline const ces_scale ces_1_0{"CES 1.0", 1, 5, effort_direction::higher_is_harder, 1, 2, 4, 5};

struct ces_result {
  double mean = 0;  ///< mean answer on the scale as asked (see direction)
  double easy = 0;  ///< share of easy answers, 0–100 (% agree for CES 2.0)
  double hard = 0;  ///< share of hard answers, 0–100
  double net = 0;   ///< easy − hard, −100…100
  std::size_t n = 0;
  std::string version{};
  effort_direction direction = effort_direction::higher_is_easier;
};

/// The mean answer, the shares of easy and hard answers and their difference, with the
/// version and direction of the scale. Errors name the answer's index: none, a
/// non-integer or out-of-scale answer, a scale whose boxes lie outside it or overlap.
[[nodiscard]] inline result<ces_result> try_ces(std::span<const double> answers, const ces_scale& scale = ces_2_0) {
  auto inside = [&scale](int x) { return scale.min <= x && x <= scale.max; };
  if (!(scale.min < scale.max && inside(scale.easy_from) && inside(scale.easy_to) && inside(scale.hard_from) &&
        inside(scale.hard_to) && scale.easy_from <= scale.easy_to && scale.hard_from <= scale.hard_to &&
        (scale.easy_to < scale.hard_from || scale.hard_to < scale.easy_from)))
    return detail::input_error(errc::invalid_value, "scale",
                               "the easy and hard boxes must lie inside the scale and not overlap");
  if (answers.empty()) return detail::input_error(errc::invalid_value, "answers", "no answers: CES is undefined");
  ces_result r;
  r.version = scale.version;
  r.direction = scale.direction;
  double sum = 0, easy = 0, hard = 0;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const double x = answers[i];
    if (auto bad = detail::check_scale_answer(x, scale.min, scale.max, "answers", i, "an answer")) return *bad;
    sum += x;
    easy += (x >= scale.easy_from && x <= scale.easy_to) ? 1 : 0;
    hard += (x >= scale.hard_from && x <= scale.hard_to) ? 1 : 0;
  }
  r.n = answers.size();
  const double n = static_cast<double>(r.n);
  r.mean = sum / n;
  r.easy = 100 * easy / n;
  r.hard = 100 * hard / n;
  r.net = r.easy - r.hard;
  return r;
}

[[nodiscard]] inline ces_result ces(std::span<const double> answers, const ces_scale& scale = ces_2_0) {
  return try_ces(answers, scale).value();
}

EXCELLENCE_END_NAMESPACE
