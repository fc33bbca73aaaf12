// The sBG and BdW contractual retention models: survivor counts, likelihood, fit and the
// lifetimes they project.
#include <excellence/loyalty/cohort.hpp>
#include <excellence/models/retention/fit.hpp>
#include <excellence/models/retention/lifetime.hpp>
#include <excellence/models/retention/survivors.hpp>

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>

#include "clv_fit.hpp"
#include "hyp2f1.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

std::vector<survivor_cohort> survivor_cohorts(const cohort_table& table) {
  std::vector<survivor_cohort> out;
  out.reserve(table.cohorts.size());
  for (const auto& row : table.cohorts)
    out.push_back({"", table.label(row.cohort), std::vector<double>(row.retained.begin(), row.retained.end())});
  return out;
}

result<std::vector<survivor_cohort>> try_survivor_cohorts(std::span<const std::string> segments,
                                                          std::span<const std::string> cohorts,
                                                          std::span<const double> ages,
                                                          std::span<const double> survivors) {
  const std::size_t n = cohorts.size();
  if (ages.size() != n || survivors.size() != n || (!segments.empty() && segments.size() != n))
    return detail::input_error(errc::invalid_value, "age",
                               "the columns segment, cohort, age and survivors must have one entry per row");
  static const std::string no_segment;
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> index;
  std::vector<std::map<std::size_t, std::size_t>> rows_by_age;  // per cohort: age → row
  std::vector<survivor_cohort> out;
  for (std::size_t r = 0; r < n; ++r) {
    const double a = ages[r];
    if (!(a >= 0) || a != std::floor(a) || a > 1e6)
      return detail::input_error(errc::invalid_value, detail::indexed("age", r),
                                 "an age is a whole number of periods since acquisition, from 0");
    const auto& segment = segments.empty() ? no_segment : segments[r];
    const auto [it, added] = index.try_emplace({segment, cohorts[r]}, out.size());
    if (added) {
      out.push_back({segment, cohorts[r], {}});
      rows_by_age.emplace_back();
    }
    const auto age = static_cast<std::size_t>(a);
    if (!rows_by_age[it->second].try_emplace(age, r).second)
      return detail::input_error(
          errc::invalid_value, detail::indexed("age", r),
          detail::concat("age ", std::to_string(age), " of cohort \"", cohorts[r], "\" appears twice"));
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::size_t expected = 0;
    for (const auto& [age, row] : rows_by_age[i]) {
      if (age != expected)
        return detail::input_error(errc::invalid_value, detail::indexed("age", row),
                                   detail::concat("cohort \"", out[i].cohort, "\" has no row for age ",
                                                  std::to_string(expected), ": ages run 0, 1, 2 ... without gaps"));
      out[i].survivors.push_back(survivors[row]);
      ++expected;
    }
  }
  if (auto bad = detail::check_survivor_cohorts(out)) {
    // cohorts[i].survivors[t] is entry survivors[row].
    const auto i = bad->path.element();
    if (i && *i < out.size()) {
      const auto& rows = rows_by_age[*i];
      const auto t = bad->path.tail().tail().element();
      bad->path = detail::indexed("survivors", t && rows.count(*t) != 0 ? rows.at(*t) : rows.begin()->second);
    }
    return *bad;
  }
  return out;
}

namespace detail {

std::optional<diagnostic> check_survivor_cohorts(std::span<const survivor_cohort> cohorts) {
  const auto whole = [](double x) { return std::to_string(static_cast<long long>(x)); };
  if (cohorts.empty()) return input_error(errc::invalid_value, "cohorts", "no cohorts");
  for (std::size_t i = 0; i < cohorts.size(); ++i) {
    const auto& s = cohorts[i].survivors;
    const auto at = [i](std::size_t t) { return field_path("cohorts").index(i).field("survivors").index(t); };
    if (s.empty())
      return input_error(errc::invalid_value, field_path("cohorts").index(i).field("survivors"),
                         "a cohort needs its size (the survivors at age 0)");
    for (std::size_t t = 0; t < s.size(); ++t) {
      if (!std::isfinite(s[t]) || s[t] < 0 || s[t] != std::floor(s[t]) || s[t] > 0x1p53)
        return input_error(errc::out_of_range, at(t), "survivors are a number of customers: a whole number >= 0");
      if (t == 0 && s[t] == 0)
        return input_error(errc::invalid_value, at(0), "a cohort of no customers: its size must be > 0");
      if (t > 0 && s[t] > s[t - 1])
        return input_error(errc::invalid_value, at(t),
                           concat(whole(s[t]), " survivors at age ", std::to_string(t), " but ", whole(s[t - 1]),
                                  " at age ", std::to_string(t - 1),
                                  ": under contract, survivors cannot rise (are returning customers counted "
                                  "again?)"));
    }
  }
  return std::nullopt;
}

}  // namespace detail

namespace {

using boost::math::digamma;
using boost::math::lgamma;

// log S(t) = ln B(α, β + t^c) − ln B(α, β) and its gradient (α, β, c).
struct log_survival {
  double value = 0;
  std::array<double, 3> gradient{};
};

struct curve_constants {
  double alpha, beta, c;
  double lgamma_ab, lgamma_b, psi_ab, psi_b;
  explicit curve_constants(double a, double b, double shape)
      : alpha(a),
        beta(b),
        c(shape),
        lgamma_ab(lgamma(a + b)),
        lgamma_b(lgamma(b)),
        psi_ab(digamma(a + b)),
        psi_b(digamma(b)) {}

  // t^c, exact for the sBG's whole ages.
  [[nodiscard]] double power(double t) const { return c == 1.0 ? t : std::pow(t, c); }

  [[nodiscard]] double value(double t) const {
    if (t == 0) return 0;
    const double u = power(t);
    return lgamma(beta + u) - lgamma(alpha + beta + u) + lgamma_ab - lgamma_b;
  }

  [[nodiscard]] log_survival with_gradient(double t) const {
    if (t == 0) return {};
    const double u = power(t);
    const double psi_bu = digamma(beta + u), psi_abu = digamma(alpha + beta + u);
    return {value(t), {psi_ab - psi_abu, psi_bu - psi_abu - psi_b + psi_ab, (psi_bu - psi_abu) * u * std::log(t)}};
  }

  // log r(t) = log S(t) − log S(t − 1), t ≥ 1; in closed form for the sBG, where the
  // difference of two log-gamma pairs would lose digits at long ages.
  [[nodiscard]] double log_step(double t) const {
    if (c == 1.0) return sbg_log_step(alpha, beta, t);
    return value(t) - value(t - 1);
  }

  // The sBG's log r(t) = log(1 − α/(α + β + t − 1)).
  static double sbg_log_step(double alpha, double beta, double t) {
    return std::log1p(-alpha / (alpha + beta + t - 1));
  }
};

// The cohorts' counts pooled by age: the model is one for all of them, so the likelihood
// needs only how many were lost at each age and how many were last seen surviving there.
struct pooled_counts {
  std::vector<double> lost{};      // lost[t], t ≥ 1: customers whose contract ended at age t
  std::vector<double> censored{};  // censored[t]: survivors at age t, the cohort's last observed
  double customers = 0;
  std::size_t observations = 0;
};

pooled_counts pool(std::span<const survivor_cohort> cohorts) {
  pooled_counts p;
  std::size_t longest = 0;
  for (const auto& c : cohorts) longest = std::max(longest, c.survivors.size());
  p.lost.assign(longest, 0.0);
  p.censored.assign(longest, 0.0);
  for (const auto& c : cohorts) {
    const auto& s = c.survivors;
    p.customers += s[0];
    p.observations += s.size() - 1;
    for (std::size_t t = 1; t < s.size(); ++t) p.lost[t] += s[t - 1] - s[t];
    p.censored[s.size() - 1] += s.back();
  }
  return p;
}

std::size_t parameter_count(retention_model m) {
  return m == retention_model::sbg ? 2 : 3;
}

// Σ lost(t) log P(T = t) + censored(t) log S(t) and its gradient in the model's parameters.
double log_likelihood(retention_model model, const std::vector<double>& params, const pooled_counts& counts,
                      std::vector<double>& gradient) {
  const std::size_t k = parameter_count(model);
  // The BdW's gamma-function constants; the sBG's terms need none (and an evaluation of the
  // sBG would otherwise spend most of its time on them).
  std::optional<curve_constants> curve;
  if (k == 3) curve.emplace(params[0], params[1], params[2]);
  std::array<double, 3> g{};
  double total = 0;
  log_survival previous{};  // at age 0
  for (std::size_t t = 1; t < counts.lost.size(); ++t) {
    log_survival here;
    if (k == 2) {
      // The sBG's log S(t) step by step: ℓ(t) = ℓ(t−1) + log((β + t − 1)/(α + β + t − 1)), whose
      // derivatives are −1/(α+β+t−1) and 1/(β+t−1) − 1/(α+β+t−1): no gamma functions at all.
      const double b = params[1] + static_cast<double>(t) - 1, ab = params[0] + b;
      here.value = previous.value + std::log(b / ab);
      here.gradient = {previous.gradient[0] - 1 / ab, previous.gradient[1] + 1 / b - 1 / ab, 0};
    } else {
      here = curve->with_gradient(static_cast<double>(t));
    }
    if (counts.lost[t] > 0) {
      // P(T = t) = S(t − 1)(1 − r(t)); ∂ log P = (∂ℓ(t−1) − r(t) ∂ℓ(t))/(1 − r(t)).
      const double step = k == 2 ? curve_constants::sbg_log_step(params[0], params[1], static_cast<double>(t))
                                 : curve->log_step(static_cast<double>(t));
      const double r = std::exp(step), churn = -std::expm1(step);
      total += counts.lost[t] * (previous.value + std::log(churn));
      for (std::size_t j = 0; j < k; ++j)
        g[j] += counts.lost[t] * (previous.gradient[j] - r * here.gradient[j]) / churn;
    }
    if (counts.censored[t] > 0) {
      total += counts.censored[t] * here.value;
      for (std::size_t j = 0; j < k; ++j) g[j] += counts.censored[t] * here.gradient[j];
    }
    previous = here;
  }
  gradient.assign(g.begin(), g.begin() + static_cast<std::ptrdiff_t>(k));
  return total;
}

std::optional<diagnostic> check_params(retention_model model, std::span<const double> params) {
  if (!retention_model_names.contains(model))
    return detail::input_error(errc::invalid_value, "model", "not a retention model");
  const auto names = parameter_names(model);
  if (params.size() != names.size()) return clv_core::parameter_count_error("params", names);
  for (std::size_t i = 0; i < params.size(); ++i)
    if (!std::isfinite(params[i]) || !(params[i] > 0))
      return detail::input_error(errc::out_of_range, field_path("params").field(names[i]),
                                 detail::concat(names[i], " must be a finite number > 0"));
  return std::nullopt;
}

}  // namespace

std::vector<std::string_view> parameter_names(retention_model model) {
  if (model == retention_model::bdw) return {"alpha", "beta", "c"};
  return {"alpha", "beta"};
}

result<double> try_retention_log_likelihood(retention_model model, std::span<const double> params,
                                            std::span<const survivor_cohort> cohorts) {
  if (auto bad = check_params(model, params)) return *bad;
  if (auto bad = detail::check_survivor_cohorts(cohorts)) return *bad;
  std::vector<double> gradient;
  return log_likelihood(model, std::vector<double>(params.begin(), params.end()), pool(cohorts), gradient);
}

result<retention_fit> try_fit_retention(retention_model model, std::span<const survivor_cohort> cohorts,
                                        const retention_fit_options& options, const model_control& control) {
  if (!retention_model_names.contains(model))
    return detail::input_error(errc::invalid_value, "model", "not a retention model");
  if (auto bad = detail::check_survivor_cohorts(cohorts)) return *bad;
  const auto names = parameter_names(model);
  if (!options.start.empty() && options.start.size() != names.size())
    return clv_core::parameter_count_error("start", names);
  const pooled_counts counts = pool(cohorts);
  if (counts.observations == 0)
    return detail::input_error(errc::invalid_value, "cohorts",
                               "no cohort is observed beyond its acquisition: there is no renewal to fit");

  std::vector<double> start = options.start;
  if (start.empty()) {
    start.assign(names.size(), 1.0);
    // The BdW from the sBG's optimum (c = 1), which is where its likelihood meets the sBG's.
    if (model == retention_model::bdw) {
      retention_fit_options sbg_options = options;
      const auto sbg =
          try_fit_retention(retention_model::sbg, cohorts, sbg_options, {.progress = {}, .cancel = control.cancel});
      if (!sbg && sbg.error().code == errc::cancelled) return sbg.error();
      if (sbg && sbg->converged) start = {sbg->params[0], sbg->params[1], 1.0};
    }
  }
  const clv_core::log_likelihood ll = [model, &counts](const std::vector<double>& p, std::vector<double>& g) {
    return log_likelihood(model, p, counts, g);
  };
  const clv_fit_options how{.start = {}, .max_evaluations = options.max_evaluations, .tolerance = options.tolerance};
  auto found = clv_core::maximise_likelihood(std::move(start), counts.customers, ll, how, control);
  if (!found) return found.error();

  retention_fit fit;
  fit.model = model;
  for (const auto name : names) fit.names.emplace_back(name);
  clv_core::take_estimate(fit, std::move(*found));
  fit.customers = counts.customers;
  fit.cohorts = cohorts.size();
  fit.observations = counts.observations;

  // Data the model cannot identify: the optimiser walks off along a ridge and may still
  // stop "converged".
  double lost = 0, lost_first = 0;
  for (std::size_t t = 1; t < counts.lost.size(); ++t) lost += counts.lost[t];
  if (counts.lost.size() > 1) lost_first = counts.lost[1];
  const char* unidentified = lost == 0 ? "no customer cancelled"
                             : lost == lost_first && lost == counts.customers
                                 ? "every customer cancelled at the first renewal"
                                 : nullptr;
  if (unidentified != nullptr) {
    fit.converged = false;
    fit.warnings.push_back({errc::not_converged, "", 0, 0, "cohorts",
                            detail::concat(unidentified, ": the data cannot identify the model"), severity::warning});
  }
  return fit;
}

// ---- what the curve projects ----

double survival(const retention_curve& curve, double t) {
  return std::exp(curve_constants(curve.alpha, curve.beta, curve.c).value(t));
}

double retention_rate(const retention_curve& curve, double t) {
  return std::exp(curve_constants(curve.alpha, curve.beta, curve.c).log_step(t));
}

namespace {

std::optional<diagnostic> check_curve(const retention_curve& curve) {
  return clv_core::check_positive({{"alpha", curve.alpha}, {"beta", curve.beta}, {"c", curve.c}});
}

std::optional<diagnostic> check_discount(double d) {
  if (!std::isfinite(d) || d < 0)
    return detail::input_error(errc::out_of_range, "discount", "the discount rate must be a finite number >= 0");
  return std::nullopt;
}

// ₂F₁(a, b; c; 1/(1 + d)) for d > 0. Its terms are positive, so the Gauss series is
// accurate to round-off wherever it settles within its 10,000 terms (d ≳ 0.004); below
// that the connection formula to 1 − z = d/(1 + d), formed without cancellation, which
// loses a few digits more when b is large (≈ 1e-10 at b = 46).
double hyp2f1_discounted(double a, double b, double c, double d) {
  const double z = 1 / (1 + d);
  if (const auto sum = clv_core::gauss_series(a, b, c, z)) return *sum;
  return clv_core::scaled_hyp2f1(a, b, c, z, d / (1 + d), 0);
}

// Σ_{t>n} S(t)/S(n) x^(t−n−1) for the BdW, summed: S falls, so once a term times
// 1/(1 − x) no longer shows in the sum, neither does the rest.
result<double> summed_residual(const curve_constants& k, double d, std::size_t n) {
  constexpr std::size_t max_terms = 20'000'000;
  const double x = 1 / (1 + d), base = k.value(static_cast<double>(n));
  double sum = 0, discount = 1;
  for (std::size_t j = 1; j <= max_terms; ++j) {
    const double term = std::exp(k.value(static_cast<double>(n + j)) - base) * discount;
    sum += term;
    if (term * (1 + d) / d <= 1e-17 * sum) return sum;
    discount *= x;
  }
  return detail::input_error(errc::out_of_range, "discount",
                             "the discount rate is too small for the lifetime to be summed: use a rate of at least "
                             "about 1e-5 per period");
}

result<double> residual_lifetime(const retention_curve& curve, double d, std::size_t n) {
  if (auto bad = check_curve(curve)) return *bad;
  if (auto bad = check_discount(d)) return *bad;
  const double a = curve.alpha, b = curve.beta + static_cast<double>(n);
  if (curve.c == 1.0) {
    const double r = b / (a + b);
    if (d == 0) {
      // Gauss's sum: ₂F₁(1, b + 1; a + b + 1; 1) = (a + b)/(a − 1), finite for a > 1.
      if (a <= 1)
        return detail::input_error(errc::out_of_range, "discount",
                                   "with alpha <= 1 the undiscounted expected lifetime is infinite: give a "
                                   "discount rate > 0");
      return r * (a + b) / (a - 1);
    }
    return r * hyp2f1_discounted(1, b + 1, a + b + 1, d);
  }
  if (d == 0)
    return detail::input_error(errc::invalid_value, "discount",
                               "the BdW's undiscounted lifetime has no closed form and its sum converges too "
                               "slowly: give a discount rate > 0");
  return summed_residual(curve_constants(curve.alpha, curve.beta, curve.c), d, n);
}

}  // namespace

result<double> try_discounted_expected_lifetime(const retention_curve& curve, double discount) {
  // The first payment, at acquisition, and then those of a customer at age 0 who renews.
  auto rest = residual_lifetime(curve, discount, 0);
  if (!rest) return rest;
  return 1 + *rest / (1 + discount);
}

result<double> try_discounted_residual_lifetime(const retention_curve& curve, double discount, std::size_t renewals) {
  return residual_lifetime(curve, discount, renewals);
}

result<double> try_retention_elasticity(const retention_curve& curve, double discount, std::size_t renewals) {
  if (auto bad = check_curve(curve)) return *bad;
  if (auto bad = check_discount(discount)) return *bad;
  if (curve.c != 1.0)
    return detail::input_error(errc::invalid_value, "c",
                               "the retention elasticity is defined for the sBG (c = 1), where each customer has "
                               "one renewal probability to raise");
  const double a = curve.alpha, b = curve.beta + static_cast<double>(renewals);
  if (discount == 0) {
    // Gauss's sums: ₂F₁(2, b+1; a+b+1; 1) = (a+b)(a+b−1)/((a−1)(a−2)), finite for a > 2, and
    // ₂F₁(1, b+1; a+b+1; 1) = (a+b)/(a−1): their ratio is (a + b − 1)/(a − 2).
    if (a <= 2)
      return detail::input_error(errc::out_of_range, "discount",
                                 "with alpha <= 2 the undiscounted elasticity is infinite: give a discount rate > 0");
    return (a + b - 1) / (a - 2);
  }
  return hyp2f1_discounted(2, b + 1, a + b + 1, discount) / hyp2f1_discounted(1, b + 1, a + b + 1, discount);
}

}  // namespace excellence::inline v1
