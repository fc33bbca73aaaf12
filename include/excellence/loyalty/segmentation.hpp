// Customer segmentation: RFM scores and the concentration of value (Pareto, Lorenz, Gini).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/quantile.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The sample quantile of sorted values at probability q in [0, 1], by linear
/// interpolation between order statistics (Hyndman & Fan 1996 type 7, the default of R's
/// quantile() and numpy.quantile). Precondition: sorted is non-empty and ascending.
[[nodiscard]] inline double sample_quantile(std::span<const double> sorted, double q) {
  EXCELLENCE_EXPECTS(!sorted.empty() && q >= 0 && q <= 1);
  const auto [lo, fraction] = detail::type7(q, sorted.size());
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + fraction * (sorted[hi] - sorted[lo]);
}

enum class rfm_method {
  quantile,  ///< cut points at the 1/b, 2/b, … sample quantiles of the data
  fixed      ///< cut points given by the caller (rfm_options::recency_cuts, …)
};

/// Scores run 1 … bins; quintiles (5) are the common choice, deciles (10) the finest in use.
inline constexpr int max_rfm_bins = 10;

struct rfm_options {
  int bins = 5;  ///< scores 1 … bins; 5 is the common choice
  rfm_method method = rfm_method::quantile;
  /// With rfm_method::fixed: bins − 1 ascending cut points per dimension, in the data's units.
  std::vector<double> recency_cuts{};
  std::vector<double> frequency_cuts{};
  std::vector<double> monetary_cuts{};
};

/// One customer's scores, each 1 (worst) … bins (best).
struct rfm_score {
  int recency = 0;    ///< high when the last purchase is recent (small recency)
  int frequency = 0;  ///< high for many purchases
  int monetary = 0;   ///< high for much spending
};

struct rfm_result {
  std::vector<rfm_score> scores{};  ///< per customer, in input order
  /// The cut points used (bins − 1 per dimension): reported so that a segment means the
  /// same thing when the analysis is repeated or audited.
  std::vector<double> recency_cuts{};
  std::vector<double> frequency_cuts{};
  std::vector<double> monetary_cuts{};
  int bins = 0;
  std::size_t n = 0;
};

namespace detail {

// 1 + the number of cut points strictly below x: equal values always get equal scores,
// and a value on a cut point belongs to the lower bin.
inline int bin_of(double x, std::span<const double> cuts) {
  return 1 + static_cast<int>(std::lower_bound(cuts.begin(), cuts.end(), x) - cuts.begin());
}

// The type-7 quantiles j/bins, j = 1 … bins − 1, found by selection rather than a full
// sort: each needs only the order statistics at floor(h) and floor(h) + 1, and the
// positions ascend, so each nth_element works on the part right of the previous one.
// Linear time per cut instead of n log n; the same numbers as sample_quantile.
inline std::vector<double> quantile_cuts(std::span<const double> values, int bins) {
  std::vector<double> work(values.begin(), values.end());
  std::vector<double> cuts;
  std::size_t from = 0;
  for (int j = 1; j < bins; ++j) {
    const auto cut = select_quantile(work, static_cast<double>(j) / bins, from);
    cuts.push_back(cut.value);
    from = cut.lo;
  }
  return cuts;
}

}  // namespace detail

/// RFM scores of customers given recency (time since the last purchase, any unit, ≥ 0),
/// frequency (purchases, ≥ 0) and monetary value (finite). A value's score is 1 + the
/// number of cut points below it (reversed for recency, where recent is good), so ties
/// are never split between scores; when many customers share a value (frequency 1, say)
/// some scores may stay empty, which the reported cut points make visible.
/// Errors: spans of different lengths, no customers, a bad value (naming its index),
/// bins below 2, fixed cut points that are missing, unsorted or not bins − 1.
[[nodiscard]] inline result<rfm_result> try_rfm(std::span<const double> recency, std::span<const double> frequency,
                                                std::span<const double> monetary, const rfm_options& options = {}) {
  if (options.bins < 2 || options.bins > max_rfm_bins)
    return detail::input_error(errc::out_of_range, "bins", "the number of bins must be 2-10");
  if (recency.size() != frequency.size() || recency.size() != monetary.size())
    return detail::input_error(errc::invalid_value, "",
                               "recency, frequency and monetary must have one value per customer each");
  if (recency.empty()) return detail::input_error(errc::invalid_value, "recency", "no customers");
  for (std::size_t i = 0; i < recency.size(); ++i) {
    if (!std::isfinite(recency[i]) || recency[i] < 0)
      return detail::input_error(errc::out_of_range, detail::indexed("recency", i),
                                 "recency must be finite and non-negative");
    if (!std::isfinite(frequency[i]) || frequency[i] < 0)
      return detail::input_error(errc::out_of_range, detail::indexed("frequency", i),
                                 "frequency must be finite and non-negative");
    if (!std::isfinite(monetary[i]))
      return detail::input_error(errc::out_of_range, detail::indexed("monetary", i), "monetary value must be finite");
  }
  rfm_result out;
  out.bins = options.bins;
  out.n = recency.size();
  if (options.method == rfm_method::quantile) {
    out.recency_cuts = detail::quantile_cuts(recency, options.bins);
    out.frequency_cuts = detail::quantile_cuts(frequency, options.bins);
    out.monetary_cuts = detail::quantile_cuts(monetary, options.bins);
  } else {
    const std::pair<const char*, const std::vector<double>*> given[] = {{"recency_cuts", &options.recency_cuts},
                                                                        {"frequency_cuts", &options.frequency_cuts},
                                                                        {"monetary_cuts", &options.monetary_cuts}};
    for (const auto& [name, cuts] : given) {
      if (cuts->size() != static_cast<std::size_t>(options.bins - 1))
        return detail::input_error(errc::invalid_value, name,
                                   "fixed thresholds need bins - 1 = " + std::to_string(options.bins - 1) +
                                       " cut points, got " + std::to_string(cuts->size()));
      if (!std::is_sorted(cuts->begin(), cuts->end()) ||
          std::any_of(cuts->begin(), cuts->end(), [](double c) { return !std::isfinite(c); }))
        return detail::input_error(errc::invalid_value, name, "cut points must be finite and ascending");
    }
    out.recency_cuts = options.recency_cuts;
    out.frequency_cuts = options.frequency_cuts;
    out.monetary_cuts = options.monetary_cuts;
  }
  out.scores.reserve(out.n);
  for (std::size_t i = 0; i < out.n; ++i)
    out.scores.push_back({options.bins + 1 - detail::bin_of(recency[i], out.recency_cuts),
                          detail::bin_of(frequency[i], out.frequency_cuts),
                          detail::bin_of(monetary[i], out.monetary_cuts)});
  return out;
}

[[nodiscard]] inline rfm_result rfm(std::span<const double> recency, std::span<const double> frequency,
                                    std::span<const double> monetary, const rfm_options& options = {}) {
  return try_rfm(recency, frequency, monetary, options).value();
}

/// One point of the Lorenz curve: the poorest `customers` share holds `value` share.
struct lorenz_point {
  double customers = 0;
  double value = 0;
};

struct concentration_result {
  double gini = 0;                     ///< 0 (all equal) … (n − 1)/n (one customer holds everything)
  std::vector<lorenz_point> lorenz{};  ///< n + 1 points from (0, 0) to (1, 1), customers ascending by value
  double total = 0;
  std::size_t n = 0;

  /// Share of the total held by the top `fraction` (0–1) of customers, reading the
  /// Lorenz curve linearly between customers (the top 20 % of 7 customers is 1.4 of them).
  [[nodiscard]] double top_share(double fraction) const {
    EXCELLENCE_EXPECTS(fraction >= 0 && fraction <= 1 && !lorenz.empty());
    const double bottom = 1 - fraction;
    const double position = bottom * static_cast<double>(n);
    const auto i = std::min(static_cast<std::size_t>(std::floor(position)), n - 1);
    const double below =
        lorenz[i].value + (position - static_cast<double>(i)) * (lorenz[i + 1].value - lorenz[i].value);
    return 1 - below;
  }
};

/// How concentrated customer value (revenue, margin, CLV) is: the Lorenz curve, the Gini
/// coefficient G = 2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1)/n over values sorted ascending, and the
/// share of the top x % (the 80/20 rule of the domain documents). Errors: no customers, a
/// negative or non-finite value (naming its index), a zero total.
[[nodiscard]] inline result<concentration_result> try_concentration(std::span<const double> values) {
  if (values.empty()) return diagnostic{errc::invalid_value, "", 0, 0, "values", "no customers"};
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]) || values[i] < 0)
      return diagnostic{errc::out_of_range,
                        "",
                        0,
                        0,
                        detail::indexed("values", i),
                        "a value must be finite and non-negative (the Gini coefficient is not defined for losses)"};
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  concentration_result out;
  out.n = sorted.size();
  double weighted = 0;
  for (std::size_t i = 0; i < out.n; ++i) {
    out.total += sorted[i];
    weighted += static_cast<double>(i + 1) * sorted[i];
  }
  if (out.total <= 0)
    return diagnostic{errc::invalid_value, "", 0, 0, "values", "the total is 0: shares are undefined"};
  if (!std::isfinite(out.total) || !std::isfinite(weighted))
    return diagnostic{errc::out_of_range, "", 0, 0, "values", "the total of the values overflows"};
  const double n = static_cast<double>(out.n);
  // weighted / total first: it lies in [1, n], where 2·weighted or n·total could overflow.
  out.gini = 2 * (weighted / out.total) / n - (n + 1) / n;
  out.lorenz.push_back({0, 0});
  double running = 0;
  for (std::size_t i = 0; i < out.n; ++i) {
    running += sorted[i];
    out.lorenz.push_back({static_cast<double>(i + 1) / n, running / out.total});
  }
  out.lorenz.back().value = 1;  // exact despite rounding in the running sum
  return out;
}
/// Throwing form of try_concentration: the value, or data_error with the diagnostic.
[[nodiscard]] inline concentration_result concentration(std::span<const double> values) {
  return try_concentration(values).value();
}

/// A segment's code: the three scores as digits, recency first ("534"); with 10 bins,
/// separated by dots ("10.3.4") so that codes stay unambiguous.
[[nodiscard]] EXCELLENCE_API std::string segment_code(const rfm_score& s, int bins);

/// One RFM segment and how many customers fall in it.
struct rfm_segment {
  std::string code{};
  std::size_t customers = 0;
};

/// Everything `excellence rfm` reports: the scores of identified customers, the segment
/// counts and the concentration of their monetary values.
struct rfm_analysis {
  std::vector<std::string> customers{};  ///< ids, in input order
  rfm_result scores{};
  /// Segments that have customers, from the best code down (555, 554, …).
  std::vector<rfm_segment> segments{};
  /// Gini and Lorenz curve of the monetary values; absent when undefined (a negative
  /// value or a zero total).
  std::optional<concentration_result> concentration{};
};

/// try_rfm of identified customers, their segment counts and the concentration of
/// their monetary values. Errors: everything try_rfm checks, an empty or repeated
/// customer id (`customer[7]`), columns of different lengths.
[[nodiscard]] EXCELLENCE_API result<rfm_analysis> try_rfm_analysis(std::span<const std::string> customers,
                                                                   std::span<const double> recency,
                                                                   std::span<const double> frequency,
                                                                   std::span<const double> monetary,
                                                                   const rfm_options& options = {});
/// Throwing form of try_rfm_analysis: the value, or data_error with the diagnostic.
[[nodiscard]] inline rfm_analysis rfm_analysis_of(std::span<const std::string> customers,
                                                  std::span<const double> recency, std::span<const double> frequency,
                                                  std::span<const double> monetary, const rfm_options& options = {}) {
  return try_rfm_analysis(customers, recency, frequency, monetary, options).value();
}

EXCELLENCE_END_NAMESPACE
