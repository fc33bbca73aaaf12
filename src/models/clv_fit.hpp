// Internal to the lifetime-value models: maximum likelihood with NLopt, standard errors,
// and a parallel sum over customers.
#pragma once

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>
#include <excellence/models/clv/fit.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace excellence::inline v1::clv_core {

/// Σ weight × log L over the customers and its gradient with respect to the natural
/// (positive) parameters. `gradient` has the parameters' size and is overwritten.
using log_likelihood = std::function<double(const std::vector<double>& params, std::vector<double>& gradient)>;

/// Maximises `ll` from `start` over positive parameters (L-BFGS on their logarithms) and
/// adds standard errors. Errors: a start that is not positive and finite; a likelihood
/// that is not finite at the start; cancellation.
result<clv_fit> maximise(clv_model model, std::vector<std::string> names, std::vector<double> start, double customers,
                         const log_likelihood& ll, const clv_fit_options& options, const model_control& control);

/// Calls part(begin, end, slot) over [0, n) split across threads when n is large, and
/// returns the number of slots used (the caller sums its per-slot partial results).
inline std::size_t parallel_parts(std::size_t n, unsigned threads_asked,
                                  const std::function<void(std::size_t, std::size_t, std::size_t)>& part) {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t threads = n < 20'000 ? 1 : std::min<std::size_t>(64, threads_asked == 0 ? hardware : threads_asked);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(part, n * t / threads, n * (t + 1) / threads, t);
  part(0, n / threads, 0);
  for (auto& th : pool) th.join();
  return threads;
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

/// The fit of a continuous-time model: checks the summary and the start, then builds the
/// likelihood (`make()`, only on valid data) and maximises it from all ones by default.
template <class Make>
result<clv_fit> fit_model(clv_model model, std::vector<std::string> names, const clv_customers& customers,
                          const clv_fit_options& options, const model_control& control, Make make) {
  if (auto bad = detail::check_clv_customers(customers)) return *bad;
  if (!options.start.empty() && options.start.size() != names.size())
    return detail::input_error(
        errc::invalid_value, "start",
        detail::concat("the model has ", std::to_string(names.size()), " parameters: ", detail::join(names, ", ")));
  const log_likelihood ll = make();
  std::vector<double> start = options.start.empty() ? std::vector<double>(names.size(), 1.0) : options.start;
  return maximise(model, std::move(names), std::move(start), total_weight(customers), ll, options, control);
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
  std::vector<std::int64_t> position(static_cast<std::size_t>(largest) + 1, -1);
  frequency_slots f;
  f.slot.reserve(frequency.size());
  for (const double x : frequency) {
    auto& p = position[static_cast<std::size_t>(x)];
    if (p < 0) {
      p = static_cast<std::int64_t>(f.values.size());
      f.values.push_back(x);
    }
    f.slot.push_back(static_cast<std::uint32_t>(p));
  }
  return f;
}

}  // namespace excellence::inline v1::clv_core
