// Internal to the lifetime-value models: maximum likelihood with NLopt, standard errors,
// and a parallel sum over customers.
#pragma once

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>

#include "../detail/huge_pages.hpp"
#include "../detail/worker_pool.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace excellence::inline v1::clv_core {

/// Σ weight × log L over the customers and its gradient with respect to the natural
/// (positive) parameters. `gradient` has the parameters' size and is overwritten.
using log_likelihood = std::function<double(const std::vector<double>& params, std::vector<double>& gradient)>;

/// Maximises `ll` from `start` over positive parameters (L-BFGS on their logarithms) and
/// adds standard errors. Errors: a start that is not positive and finite; a likelihood
/// that is not finite at the start; cancellation.
result<clv_fit> maximise(clv_model model, std::vector<double> start, double customers, const log_likelihood& ll,
                         const clv_fit_options& options, const model_control& control);

/// The pool a likelihood or a batch prediction over n customers uses: `threads` (0: all
/// cores) from 20,000 customers on, one thread below (where starting threads costs more
/// than it saves). Shared, so that a likelihood stays copyable into a std::function while
/// its threads live as long as the fit.
inline std::shared_ptr<detail::worker_pool> pool_for(std::size_t n, unsigned threads) {
  return std::make_shared<detail::worker_pool>(n < 20'000 ? 1U : threads);
}

/// out_of_range naming params.NAME unless every parameter is positive and finite.
inline std::optional<diagnostic> check_positive(std::initializer_list<std::pair<const char*, double>> params) {
  for (const auto& [name, value] : params)
    if (!std::isfinite(value) || !(value > 0))
      return detail::input_error(errc::out_of_range, field_path("params").field(name),
                                 detail::concat(name, " must be a finite number > 0"));
  return std::nullopt;
}

/// out_of_range at "horizon" unless the horizon is positive and finite.
inline std::optional<diagnostic> check_horizon(double horizon) {
  if (!std::isfinite(horizon) || !(horizon > 0))
    return detail::input_error(errc::out_of_range, "horizon", "the horizon must be a finite number > 0");
  return std::nullopt;
}

/// The checks of a batch prediction: the summary, the named parameters, the horizon.
inline std::optional<diagnostic> check_prediction(const clv_customers& customers,
                                                  std::initializer_list<std::pair<const char*, double>> params,
                                                  double horizon) {
  if (auto bad = detail::check_clv_customers(customers)) return bad;
  if (auto bad = check_positive(params)) return bad;
  return check_horizon(horizon);
}

/// The first non-finite value of `values` as an error naming the customer's row (its
/// frequency cell), or nullopt: an overflow is reported, never printed as inf or nan.
inline std::optional<diagnostic> check_finite_predictions(std::span<const double> values, const char* what) {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      return detail::input_error(errc::out_of_range, detail::indexed("frequency", i),
                                 detail::concat("the customer's ", what,
                                                " is not a finite number (parameters or horizon too extreme)"));
  return std::nullopt;
}

/// P(alive) and the conditional expectation of each of n customers, on a pool:
/// `one(i)` returns {p_alive, expected}.
template <class One>
result<clv_predictions> predict_all(std::size_t n, unsigned threads, One one) {
  clv_predictions out;
  for (auto* values : {&out.p_alive, &out.expected_transactions}) {
    values->reserve(n);
    detail::advise_huge_pages(values->data(), n * sizeof(double));
    values->resize(n);
  }
  try {
    pool_for(n, threads)->run(n, [&](std::size_t from, std::size_t to, std::size_t) {
      for (std::size_t i = from; i < to; ++i) {
        const auto [alive, expected] = one(i);
        out.p_alive[i] = alive;
        out.expected_transactions[i] = expected;
      }
    });
  } catch (const std::exception& e) {  // Boost.Math at parameters it cannot evaluate
    return detail::input_error(errc::out_of_range, "params",
                               detail::concat("the model cannot be evaluated at these parameters (", e.what(), ")"));
  }
  if (auto bad = check_finite_predictions(out.p_alive, "P(alive)")) return *bad;
  if (auto bad = check_finite_predictions(out.expected_transactions, "expected number of transactions")) return *bad;
  return out;
}

/// Σ weights, or the number of customers.
inline double total_weight(const clv_customers& c) {
  if (c.weights.empty()) return static_cast<double>(c.frequency.size());
  double s = 0;
  for (const double w : c.weights) s += w;
  return s;
}

/// Per-thread partial sums [log L, ∂₁, …] added up: returns log L, fills the gradient.
template <std::size_t N>
double reduce(const std::array<std::array<double, N>, 64>& parts, std::size_t used, std::vector<double>& gradient) {
  gradient.assign(N - 1, 0.0);
  double total = 0;
  for (std::size_t p = 0; p < used; ++p) {
    total += parts[p][0];
    for (std::size_t j = 1; j < N; ++j) gradient[j - 1] += parts[p][j];
  }
  return total;
}

/// Without a single repeat purchase (weighted) the purchase rate drifts to zero and the
/// optimiser stops somewhere on a flat ridge: such a fit is never reported as converged.
inline void mark_unidentified(clv_fit& fit, std::span<const double> frequency, std::span<const double> weights) {
  for (std::size_t i = 0; i < frequency.size(); ++i)
    if (frequency[i] > 0 && (weights.empty() || weights[i] > 0)) return;
  if (fit.converged) {
    fit.converged = false;
    fit.warnings.push_back({errc::not_converged, "", 0, 0, "frequency",
                            "no customer made a repeat purchase: the data cannot identify the model",
                            severity::warning});
  }
}

/// The fit of a continuous-time model: checks the summary and the start, then builds the
/// likelihood (`make()`, only on valid data) and maximises it from all ones by default.
template <class Make>
result<clv_fit> fit_model(clv_model model, const clv_customers& customers, const clv_fit_options& options,
                          const model_control& control, Make make) {
  if (auto bad = detail::check_clv_customers(customers)) return *bad;
  const auto names = parameter_names(model);
  if (!options.start.empty() && options.start.size() != names.size())
    return detail::input_error(
        errc::invalid_value, "start",
        detail::concat("the model has ", std::to_string(names.size()), " parameters: ", detail::join(names, ", ")));
  const log_likelihood ll = make();
  std::vector<double> start = options.start.empty() ? std::vector<double>(names.size(), 1.0) : options.start;
  auto fit = maximise(model, std::move(start), total_weight(customers), ll, options, control);
  if (fit) mark_unidentified(*fit, customers.frequency, customers.weights);
  return fit;
}

/// Σ weight × log L at given parameters, which must be positive.
template <class Make>
result<double> log_likelihood_at(std::vector<double> params, const clv_customers& customers, Make make) {
  if (auto bad = detail::check_clv_customers(customers)) return *bad;
  for (std::size_t i = 0; i < params.size(); ++i)
    if (!std::isfinite(params[i]) || !(params[i] > 0))
      return detail::input_error(errc::out_of_range, detail::indexed("params", i), "parameters must be > 0");
  const log_likelihood ll = make();
  std::vector<double> gradient;
  return ll(params, gradient);
}

/// The distinct frequencies and each customer's index among them: the likelihoods compute
/// their lgamma and digamma terms once per distinct x. Frequencies are whole numbers ≥ 0
/// (checked before), so a direct table replaces a search.
struct frequency_slots {
  std::vector<double> values{};
  std::vector<std::uint32_t> slot{};
};

inline frequency_slots distinct_frequencies(const std::span<const double> frequency) {
  double largest = 0;
  for (const double x : frequency) largest = std::max(largest, x);
  frequency_slots f;
  f.slot.reserve(frequency.size());
  auto assign = [&f](auto& position, double x) {
    if (position < 0) {
      position = static_cast<std::int64_t>(f.values.size());
      f.values.push_back(x);
    }
    f.slot.push_back(static_cast<std::uint32_t>(position));
  };
  // A direct table while it is no larger than the customers; a hash for a frequency of
  // 10^15 (which would otherwise ask for petabytes).
  if (largest <= static_cast<double>(2 * frequency.size() + 1024)) {
    std::vector<std::int64_t> position(static_cast<std::size_t>(largest) + 1, -1);
    for (const double x : frequency) assign(position[static_cast<std::size_t>(x)], x);
  } else {
    std::unordered_map<double, std::int64_t> position;
    for (const double x : frequency) assign(position.try_emplace(x, -1).first->second, x);
  }
  return f;
}

}  // namespace excellence::inline v1::clv_core
