#include <excellence/detail/confidence.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/evidence/trend.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace excellence::inline v1 {

namespace {

std::optional<diagnostic> check_values(std::span<const double> values, const char* name) {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      return detail::input_error(errc::invalid_value, detail::indexed(name, i), "a value must be a finite number");
  return std::nullopt;
}

// Var(S) under no trend with the ties correction, and the number of tie groups.
struct s_variance {
  double variance = 0;
  std::size_t tie_groups = 0;
};

s_variance variance_of_s(std::span<const double> values) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const auto term = [](double t) { return t * (t - 1) * (2 * t + 5); };
  s_variance out;
  double ties = 0;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    if (j - i > 1) {
      ties += term(static_cast<double>(j - i));
      ++out.tie_groups;
    }
    i = j;
  }
  out.variance = (term(static_cast<double>(sorted.size())) - ties) / 18;
  return out;
}

// P(D ≤ d) for D the number of inversions of a random permutation of n elements: Kendall's
// distribution of S = N − 2D without ties. Built one element at a time: inserting the m-th
// element adds 0…m−1 inversions with equal chance.
double inversions_at_most(std::size_t n, std::size_t d) {
  std::vector<double> p{1.0};
  for (std::size_t m = 2; m <= n; ++m) {
    const std::size_t size = p.size() + m - 1;
    std::vector<double> prefix(p.size() + 1, 0.0);
    for (std::size_t k = 0; k < p.size(); ++k) prefix[k + 1] = prefix[k] + p[k];
    std::vector<double> next(size);
    for (std::size_t k = 0; k < size; ++k) {
      const std::size_t hi = std::min(k, p.size() - 1);
      const std::size_t lo = k >= m - 1 ? k - (m - 1) : 0;
      next[k] = lo <= hi ? (prefix[hi + 1] - prefix[lo]) / static_cast<double>(m) : 0.0;
    }
    p = std::move(next);
  }
  double total = 0;
  for (std::size_t k = 0; k <= d && k < p.size(); ++k) total += p[k];
  return total;
}

// The value at rank r (1-based) of the ascending `sorted`, r rounded half to even as R's
// round() does (so that limits agree with R's trend::sens.slope); nullopt outside 1…N.
std::optional<double> at_rank(const std::vector<double>& sorted, double r) {
  const double whole = std::nearbyint(r);  // the default rounding mode: half to even
  if (whole < 1 || whole > static_cast<double>(sorted.size())) return std::nullopt;
  return sorted[static_cast<std::size_t>(whole) - 1];
}

double median_of(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  return (*mid + *std::max_element(v.begin(), mid)) / 2;
}

}  // namespace

result<mann_kendall_result> try_mann_kendall(std::span<const double> values) {
  if (values.size() < 3)
    return detail::input_error(errc::invalid_value, "values",
                               std::to_string(values.size()) + " values: a trend test needs at least 3");
  if (auto bad = check_values(values, "values")) return *bad;
  mann_kendall_result r;
  r.n = values.size();
  for (std::size_t i = 0; i + 1 < values.size(); ++i)
    for (std::size_t j = i + 1; j < values.size(); ++j) r.s += (values[j] > values[i]) - (values[j] < values[i]);
  const double pairs = static_cast<double>(r.n * (r.n - 1) / 2);
  r.tau = static_cast<double>(r.s) / pairs;
  const auto [variance, groups] = variance_of_s(values);
  r.variance = variance;
  r.tie_groups = groups;
  if (r.s != 0 && r.variance > 0)
    r.z = (static_cast<double>(r.s) - (r.s > 0 ? 1.0 : -1.0)) / std::sqrt(r.variance);
  if (groups == 0 && r.n <= mann_kendall_exact_max) {
    r.exact = true;
    // |S| ≥ |s| ⇔ D ≤ (N − |s|)/2 or D ≥ (N + |s|)/2; the two tails are equal.
    const auto big_n = r.n * (r.n - 1) / 2;
    const auto magnitude = static_cast<std::size_t>(r.s < 0 ? -r.s : r.s);
    r.p_value = magnitude == 0 ? 1.0 : std::min(1.0, 2 * inversions_at_most(r.n, (big_n - magnitude) / 2));
  } else {
    r.p_value = r.variance > 0 ? detail::two_sided_p_value(r.z) : 1.0;
  }
  return r;
}

result<theil_sen_result> try_theil_sen(std::span<const double> times, std::span<const double> values,
                                       double confidence) {
  if (times.size() != values.size())
    return detail::input_error(
        errc::invalid_value, "times",
        std::to_string(times.size()) + " times for " + std::to_string(values.size()) + " values");
  if (values.size() < 2)
    return detail::input_error(errc::invalid_value, "values",
                               std::to_string(values.size()) + " values: a slope needs at least 2");
  if (auto bad = check_values(times, "times")) return *bad;
  if (auto bad = check_values(values, "values")) return *bad;
  for (std::size_t i = 1; i < times.size(); ++i)
    if (!(times[i] > times[i - 1]))
      return detail::input_error(errc::invalid_value, detail::indexed("times", i),
                                 "times must be strictly increasing");
  const auto z = detail::two_sided_z(confidence);
  if (!z) return z.error();

  std::vector<double> slopes;
  slopes.reserve(values.size() * (values.size() - 1) / 2);
  for (std::size_t i = 0; i + 1 < values.size(); ++i)
    for (std::size_t j = i + 1; j < values.size(); ++j)
      slopes.push_back((values[j] - values[i]) / (times[j] - times[i]));
  std::sort(slopes.begin(), slopes.end());

  theil_sen_result r;
  r.slopes = slopes.size();
  r.confidence = confidence;
  r.slope = median_of(slopes);
  r.intercept = median_of({values.begin(), values.end()}) - r.slope * median_of({times.begin(), times.end()});
  const double c = *z * std::sqrt(variance_of_s(values).variance);
  const double n = static_cast<double>(slopes.size());
  r.lower = at_rank(slopes, (n - c) / 2);
  r.upper = at_rank(slopes, (n + c) / 2 + 1);
  return r;
}

}  // namespace excellence::inline v1
