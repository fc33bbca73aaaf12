// Net Promoter Score: score, standard error, Wald and adjusted-Wald intervals, two-sample test.
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/detail/confidence.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/scale.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// The classes of the 0–10 likelihood-to-recommend question. The defaults are the
/// standard ones (Reichheld 2003; metrics.md §3.1): detractors 0–6, passives 7–8,
/// promoters 9–10. Any bands on any whole-number scale can be set.
struct nps_bands {
  int scale_min = 0;
  int scale_max = 10;
  int detractor_max = 6;  ///< answers up to this are detractors
  int promoter_min = 9;   ///< answers from this up are promoters
};

struct nps_result {
  double nps = 0;        ///< %promoters − %detractors, on −100…100
  double se = 0;         ///< standard error on the same scale: 100·√((p + d − (p − d)²) / n)
  std::size_t n = 0;     ///< answers used
  double promoters = 0;  ///< count (sum of weights when weighted)
  double passives = 0;
  double detractors = 0;
  double promoter_share = 0;  ///< p, 0–1
  double passive_share = 0;
  double detractor_share = 0;  ///< d, 0–1
  /// Kish's effective sample size (Σw)² / Σw², which the standard error uses; equals n
  /// without weights.
  double effective_n = 0;
};

/// NPS of whole-number answers within the bands' scale, optionally weighted (weights
/// finite and non-negative, one per answer, not all 0). Errors name the answer's index:
/// no answers, a non-integer, NaN or out-of-scale answer, bad weights, bad bands.
/// A passive counts in the denominator. When every answer falls into one class the
/// standard error is 0 (degenerate); nps_interval's adjusted-Wald method still works.
[[nodiscard]] inline result<nps_result> try_nps(std::span<const double> answers, const nps_bands& bands = {},
                                                std::span<const double> weights = {}) {
  if (!(bands.scale_min <= bands.detractor_max && bands.detractor_max < bands.promoter_min &&
        bands.promoter_min <= bands.scale_max))
    return detail::input_error(errc::invalid_value, "bands",
                               "bands must satisfy scale_min <= detractor_max < promoter_min <= scale_max");
  if (answers.empty()) return detail::input_error(errc::invalid_value, "answers", "no answers: the NPS is undefined");
  if (!weights.empty() && weights.size() != answers.size())
    return detail::input_error(
        errc::invalid_value, "weights",
        std::to_string(weights.size()) + " weights for " + std::to_string(answers.size()) + " answers");
  nps_result r;
  double total = 0, squares = 0;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const double a = answers[i];
    if (auto bad = detail::check_scale_answer(a, bands.scale_min, bands.scale_max, "answers", i, "an answer"))
      return *bad;
    const double w = weights.empty() ? 1.0 : weights[i];
    if (!std::isfinite(w) || w < 0)
      return detail::input_error(errc::out_of_range, detail::indexed("weights", i),
                                 "a weight must be finite and non-negative");
    (a >= bands.promoter_min ? r.promoters : a <= bands.detractor_max ? r.detractors : r.passives) += w;
    total += w;
    squares += w * w;
  }
  if (total <= 0) return detail::input_error(errc::invalid_value, "weights", "all weights are 0");
  r.n = answers.size();
  r.effective_n = total * total / squares;
  r.promoter_share = r.promoters / total;
  r.passive_share = r.passives / total;
  r.detractor_share = r.detractors / total;
  const double p = r.promoter_share, d = r.detractor_share;
  r.nps = 100.0 * (p - d);
  r.se = 100.0 * std::sqrt(std::max(0.0, p + d - (p - d) * (p - d)) / r.effective_n);
  return r;
}

[[nodiscard]] inline nps_result nps(std::span<const double> answers, const nps_bands& bands = {},
                                    std::span<const double> weights = {}) {
  return try_nps(answers, bands, weights).value();
}

enum class nps_interval_method {
  wald,          ///< NPS ± z·SE, clipped to −100…100; width 0 when SE is 0
  adjusted_wald  ///< add 0.75 detractor, 1.5 passive and 0.75 promoter (as R's nps package), then Wald
};

inline constexpr detail::enum_names<nps_interval_method, 2> nps_interval_method_names{
    {{{nps_interval_method::wald, "wald"}, {nps_interval_method::adjusted_wald, "adjusted-wald"}}}};
[[nodiscard]] constexpr const char* to_string(nps_interval_method m) noexcept {
  return nps_interval_method_names.name(m);
}
/// "wald", "adjusted-wald", or nullopt.
[[nodiscard]] constexpr std::optional<nps_interval_method> parse_nps_interval_method(std::string_view name) noexcept {
  return nps_interval_method_names.parse(name);
}

struct nps_interval {
  double lower = 0;
  double upper = 0;
  double centre = 0;  ///< the NPS (Wald) or the adjusted NPS the interval is built around
  double confidence = 0;
  nps_interval_method method = nps_interval_method::wald;
};

/// A two-sided confidence interval for an NPS (metrics.md §3.1), z from Boost.Math's
/// normal quantile. Errors: confidence outside (0, 1).
[[nodiscard]] inline result<nps_interval> try_nps_interval(const nps_result& r, double confidence = 0.95,
                                                           nps_interval_method method = nps_interval_method::wald) {
  const auto critical = detail::two_sided_z(confidence);
  if (!critical) return critical.error();
  const double z = *critical;
  double centre = r.nps, se = r.se;
  if (method == nps_interval_method::adjusted_wald) {
    // Pseudo-counts on the effective-sample scale: shares times n_eff, plus 3 answers.
    const double n = r.effective_n + 3.0;
    const double p = (r.promoter_share * r.effective_n + 0.75) / n;
    const double d = (r.detractor_share * r.effective_n + 0.75) / n;
    centre = 100.0 * (p - d);
    se = 100.0 * std::sqrt(std::max(0.0, p + d - (p - d) * (p - d)) / n);
  }
  return nps_interval{std::max(-100.0, centre - z * se), std::min(100.0, centre + z * se), centre, confidence, method};
}
/// Throwing form of try_nps_interval (named _of: `nps_interval` is the result type).
[[nodiscard]] inline nps_interval nps_interval_of(const nps_result& r, double confidence = 0.95,
                                               nps_interval_method method = nps_interval_method::wald) {
  return try_nps_interval(r, confidence, method).value();
}

struct nps_comparison {
  double difference = 0;            ///< first − second, points
  double se = 0;                    ///< √(SE₁² + SE₂²)
  std::optional<double> z{};        ///< absent when both standard errors are 0
  std::optional<double> p_value{};  ///< two-sided, normal approximation
};

/// Two independent samples: difference of NPS, its standard error √(SE₁² + SE₂²), z and
/// the two-sided p-value (as R's nps.test; metrics.md §3.1).
[[nodiscard]] inline nps_comparison compare_nps(const nps_result& first, const nps_result& second) {
  nps_comparison c;
  c.difference = first.nps - second.nps;
  c.se = std::sqrt(first.se * first.se + second.se * second.se);
  if (c.se > 0) {
    c.z = c.difference / c.se;
    c.p_value = detail::two_sided_p_value(*c.z);
  }
  return c;
}

EXCELLENCE_END_NAMESPACE
