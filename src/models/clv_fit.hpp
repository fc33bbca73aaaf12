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
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
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

/// The same with the Hessian (parameters × parameters, row-major), for the models that have
/// it in closed form.
using log_likelihood_hessian = std::function<double(const std::vector<double>& params, std::vector<double>& gradient,
                                                    std::vector<double>& hessian)>;

/// A model's likelihood as a fit uses it: the Hessian is optional.
struct likelihood {
  log_likelihood value;
  log_likelihood_hessian hessian{};
};

struct maximise_options {
  bool standard_errors = true;
  /// The analytic Hessian, when the model has one: standard errors from it (one evaluation
  /// instead of two gradients per parameter), and Newton's method when `newton`.
  const log_likelihood_hessian* hessian = nullptr;
  /// Start with Newton's method (the start is near the optimum); L-BFGS if it fails.
  bool newton = false;
  /// Without an analytic Hessian: the observed information (row-major) of a sample, scaled to
  /// all customers, as the first curvature of quasi-Newton (BFGS) steps from a start near the
  /// optimum when `newton` (L-BFGS if they do not settle). The standard errors still come
  /// from the full data.
  std::vector<double> curvature{};
};

/// The observed information −∂²LL/∂p² (row-major) at `at`, by central differences of the
/// analytic gradient with relative steps; empty when the likelihood is not finite there.
std::vector<double> observed_information(const log_likelihood& ll, const std::vector<double>& at);

/// A maximum-likelihood estimate as maximise_likelihood finds it: what every fit of a
/// model with positive parameters reports (clv_fit, retention_fit).
struct ml_estimate {
  std::vector<double> params{};
  std::vector<double> standard_errors{};  ///< empty when the information is not positive definite
  std::vector<double> covariance{};       ///< row-major, symmetric; empty with the standard errors
  double log_likelihood = 0;
  bool converged = false;
  int evaluations = 0;
  std::string status{};
  std::vector<diagnostic> warnings{};  ///< not_converged, standard_errors_unavailable
};

/// Maximises `ll` from `start` over positive parameters (L-BFGS on their logarithms, or
/// Newton's method) and adds standard errors. `observations` scales the optimiser's
/// objective (the mean log-likelihood) and the convergence test on the gradient. Errors: a
/// start that is not positive and finite; a likelihood that is not finite at the start or
/// at the end point; cancellation.
result<ml_estimate> maximise_likelihood(std::vector<double> start, double observations, const log_likelihood& ll,
                                        const clv_fit_options& options, const model_control& control,
                                        const maximise_options& how = {});

/// Moves an estimate into a fit struct of the same members (clv_fit, retention_fit).
template <class Fit>
void take_estimate(Fit& fit, ml_estimate&& e) {
  fit.params = std::move(e.params);
  fit.standard_errors = std::move(e.standard_errors);
  fit.covariance = std::move(e.covariance);
  fit.log_likelihood = e.log_likelihood;
  fit.converged = e.converged;
  fit.evaluations = e.evaluations;
  fit.status = std::move(e.status);
  fit.warnings = std::move(e.warnings);
}

/// maximise_likelihood as a clv_fit of `model`.
result<clv_fit> maximise(clv_model model, std::vector<double> start, double customers, const log_likelihood& ll,
                         const clv_fit_options& options, const model_control& control,
                         const maximise_options& how = {});

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

/// invalid_value at `field` ("start", "params"): a list of values that is not one per
/// parameter of the model, naming them.
inline diagnostic parameter_count_error(field_path field, const std::vector<std::string_view>& names) {
  return detail::input_error(
      errc::invalid_value, std::move(field),
      detail::concat("the model has ", std::to_string(names.size()), " parameters: ", detail::join(names, ", ")));
}

/// out_of_range at "horizon" unless the horizon is positive and finite.
inline std::optional<diagnostic> check_horizon(double horizon) {
  if (!std::isfinite(horizon) || !(horizon > 0))
    return detail::input_error(errc::out_of_range, "horizon", "the horizon must be a finite number > 0");
  return std::nullopt;
}

/// The checks of a batch prediction: the summary, the named parameters, the horizon. With
/// a pool, a summary without weights is first checked on all its threads (ten million
/// customers are 240 MB to read); only one that fails is searched for its first offender.
inline std::optional<diagnostic> check_prediction(const clv_customers& customers,
                                                  std::initializer_list<std::pair<const char*, double>> params,
                                                  double horizon, detail::worker_pool* pool = nullptr) {
  const std::size_t n = customers.frequency.size();
  bool valid = false;
  if (pool != nullptr && n > 0 && customers.weights.empty() && customers.recency.size() == n &&
      customers.age.size() == n) {
    std::array<bool, 64> part_valid{};
    const std::size_t used = pool->run(n, [&](std::size_t from, std::size_t to, std::size_t slot) {
      part_valid[slot] = detail::clv_customers_valid(customers, from, to);
    });
    valid = std::all_of(part_valid.begin(), part_valid.begin() + static_cast<std::ptrdiff_t>(used),
                        [](bool v) { return v; });
  }
  if (!valid)
    if (auto bad = detail::check_clv_customers(customers)) return bad;
  if (auto bad = check_positive(params)) return bad;
  return check_horizon(horizon);
}

/// The error for customer i's `what` not being a finite number, naming the customer's row
/// (its frequency cell): an overflow is reported, never printed as inf or nan.
inline diagnostic not_finite_prediction(std::size_t i, const char* what) {
  return detail::input_error(
      errc::out_of_range, detail::indexed("frequency", i),
      detail::concat("the customer's ", what, " is not a finite number (parameters or horizon too extreme)"));
}

/// The first non-finite value of `values` as not_finite_prediction, or nullopt.
inline std::optional<diagnostic> check_finite_predictions(std::span<const double> values, const char* what) {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i])) return not_finite_prediction(i, what);
  return std::nullopt;
}

/// Runs finite(i) for every customer i of n on a pool; finite(i) computes customer i's
/// values and says whether they are finite. The first customer that is not ends the work of
/// every thread: parameters extreme enough to fail fail for most customers, and each
/// failure may first cost seconds in Boost's last-resort series (a Pareto/NBD with s = 761
/// and α = 30,558 took 92 s on CDNOW's 2,357 customers before naming the first). Returns the
/// first failing customer in the data's order — the customers a stopped thread skipped
/// before it are computed one by one — or nullopt.
template <class Finite>
std::optional<std::size_t> first_not_finite(std::size_t n, detail::worker_pool& pool, Finite finite) {
  std::atomic<bool> failed{false};
  struct part {
    std::size_t from = 0, to = 0, stopped = 0;  // [from, stopped) computed
    bool failure = false;                       // customer `stopped` is not finite
  };
  std::array<part, 64> parts{};
  const std::size_t used = pool.run(n, [&](std::size_t from, std::size_t to, std::size_t slot) {
    auto& p = parts[slot];
    p.from = from;
    p.to = to;
    std::size_t i = from;
    for (; i < to && !failed.load(std::memory_order_relaxed); ++i)
      if (!finite(i)) {
        p.failure = true;
        failed.store(true, std::memory_order_relaxed);
        break;
      }
    p.stopped = i;
  });
  if (!failed.load()) return std::nullopt;
  std::sort(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(used),
            [](const part& a, const part& b) { return a.from < b.from; });
  for (std::size_t k = 0; k < used; ++k) {
    const auto& p = parts[k];
    if (p.failure) return p.stopped;
    for (std::size_t i = p.stopped; i < p.to; ++i)  // skipped when another thread failed
      if (!finite(i)) return i;
  }
  return std::nullopt;  // unreachable: some part failed
}

template <class Finite>
std::optional<std::size_t> first_not_finite(std::size_t n, unsigned threads, Finite finite) {
  return first_not_finite(n, *pool_for(n, threads), std::move(finite));
}

/// P(alive) and the conditional expectation of each of n customers, on a pool:
/// `one(i)` returns {p_alive, expected}. A value that is not finite is an error naming the
/// first such customer (the work stops there, first_not_finite).
template <class One>
result<clv_predictions> predict_all(std::size_t n, detail::worker_pool& pool, One one) {
  clv_predictions out;
  // Sizing a vector writes its zeros: 80 MB each for ten million customers, one per thread.
  pool.run(
      2,
      [&](std::size_t from, std::size_t to, std::size_t) {
        for (std::size_t k = from; k < to; ++k)
          detail::resize_on_huge_pages(k == 0 ? out.p_alive : out.expected_transactions, n);
      },
      n < 20'000 ? 3 : 1);  // the minimum for parallel work: above 2, one thread sizes both
  std::optional<std::size_t> bad;
  try {
    bad = first_not_finite(n, pool, [&](std::size_t i) {
      const auto [alive, expected] = one(i);
      out.p_alive[i] = alive;
      out.expected_transactions[i] = expected;
      return std::isfinite(alive) && std::isfinite(expected);
    });
  } catch (const std::exception& e) {  // Boost.Math at parameters it cannot evaluate
    return detail::input_error(errc::out_of_range, "params",
                               detail::concat("the model cannot be evaluated at these parameters (", e.what(), ")"));
  }
  if (bad)
    return not_finite_prediction(*bad,
                                 std::isfinite(out.p_alive[*bad]) ? "expected number of transactions" : "P(alive)");
  return out;
}

template <class One>
result<clv_predictions> predict_all(std::size_t n, unsigned threads, One one) {
  return predict_all(n, *pool_for(n, threads), std::move(one));
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

/// Every 16th customer: where a large fit starts from (see fit_model).
struct customer_sample {
  std::vector<double> frequency{}, recency{}, age{}, weights{};
  [[nodiscard]] clv_customers customers() const { return {frequency, recency, age, weights}; }
};

inline customer_sample every_16th(const clv_customers& c) {
  customer_sample s;
  for (std::size_t i = 0; i < c.frequency.size(); i += 16) {
    s.frequency.push_back(c.frequency[i]);
    s.recency.push_back(c.recency[i]);
    s.age.push_back(c.age[i]);
    if (!c.weights.empty()) s.weights.push_back(c.weights[i]);
  }
  return s;
}

/// The fit of a continuous-time model: checks the summary and the start, then builds the
/// likelihood (`make(customers)`, only on valid data) and maximises it from all ones by
/// default. From 100,000 customers on, the default start is instead the optimum of every
/// 16th customer (to 1e-6, without standard errors), found for about one evaluation on all
/// customers; from there a model with an analytic Hessian takes Newton steps (about four,
/// to the same optimum), the others L-BFGS. When that sample cannot be fitted, the fit
/// starts from all ones. A model whose all-ones start is poor gives its own
/// `default_start`, used in the place of all ones.
template <class Make>
result<clv_fit> fit_model(clv_model model, const clv_customers& customers, const clv_fit_options& options,
                          const model_control& control, Make make, std::vector<double> default_start = {}) {
  if (auto bad = detail::check_clv_customers(customers)) return *bad;
  const auto names = parameter_names(model);
  if (!options.start.empty() && options.start.size() != names.size()) return parameter_count_error("start", names);
  if (default_start.empty()) default_start.assign(names.size(), 1.0);
  std::vector<double> start = options.start.empty() ? std::move(default_start) : options.start;
  bool near = false;
  std::vector<double> curvature;
  if (options.start.empty() && customers.frequency.size() >= 100'000) {
    const auto sample = every_16th(customers);
    const auto sampled = sample.customers();
    if (!detail::check_clv_customers(sampled)) {
      clv_fit_options rough = options;
      rough.tolerance = 1e-6;
      const model_control quiet{.progress = {}, .cancel = control.cancel};
      const likelihood sample_ll = make(sampled);
      const auto warm =
          maximise(model, start, total_weight(sampled), sample_ll.value, rough, quiet, {.standard_errors = false});
      if (!warm && warm.error().code == errc::cancelled) return warm;
      near = warm && warm->converged;
      if (near) {
        start = warm->params;
        // A model without an analytic Hessian starts its quasi-Newton steps from the sample's
        // curvature, scaled to all customers: about the full data's, so the first steps gain
        // about as much as exact ones, where L-BFGS from the same start, with no curvature,
        // took twenty evaluations.
        if (!sample_ll.hessian) {
          curvature = observed_information(sample_ll.value, start);
          const double scale = total_weight(customers) / total_weight(sampled);
          for (double& c : curvature) c *= scale;
        }
      }
    }
  }
  const likelihood ll = make(customers);
  auto fit =
      maximise(model, std::move(start), total_weight(customers), ll.value, options, control,
               {.hessian = ll.hessian ? &ll.hessian : nullptr, .newton = near, .curvature = std::move(curvature)});
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
  const likelihood ll = make(customers);
  std::vector<double> gradient;
  return ll.value(params, gradient);
}

/// The distinct frequencies and each customer's index among them: the likelihoods compute
/// their lgamma and digamma terms once per distinct x. Frequencies are whole numbers ≥ 0
/// (checked before), so a direct table replaces a search.
struct frequency_slots {
  std::vector<double> values{};
  std::vector<std::uint32_t> slot{};
};

/// With a pool, a batch of small frequencies (below 65,536: the usual case) is sorted into
/// slots on all its threads, each noting where every frequency first appears in its part;
/// the slots are numbered in the order of first appearance, as the serial search numbers them.
inline frequency_slots distinct_frequencies(const std::span<const double> frequency,
                                            detail::worker_pool* pool = nullptr) {
  constexpr std::size_t small = std::size_t{1} << 16, unseen = std::numeric_limits<std::size_t>::max();
  if (pool != nullptr && pool->size() > 1 && frequency.size() >= 100'000) {
    std::array<std::vector<std::size_t>, 64> first;  // per part: the first index of each frequency
    std::array<bool, 64> all_small{};
    const std::size_t used = pool->run(frequency.size(), [&](std::size_t from, std::size_t to, std::size_t part) {
      auto& seen = first[part];
      for (std::size_t i = from; i < to; ++i) {
        const double x = frequency[i];
        if (!(x < static_cast<double>(small))) return;
        const auto v = static_cast<std::size_t>(x);
        if (v >= seen.size()) seen.resize(v + 1, unseen);
        if (seen[v] == unseen) seen[v] = i;
      }
      all_small[part] = true;
    });
    if (std::all_of(all_small.begin(), all_small.begin() + static_cast<std::ptrdiff_t>(used),
                    [](bool b) { return b; })) {
      std::vector<std::size_t> at;  // the first index of each frequency, over all parts
      for (std::size_t part = 0; part < used; ++part) {
        at.resize(std::max(at.size(), first[part].size()), unseen);
        for (std::size_t v = 0; v < first[part].size(); ++v) at[v] = std::min(at[v], first[part][v]);
      }
      std::vector<std::uint32_t> order;
      for (std::size_t v = 0; v < at.size(); ++v)
        if (at[v] != unseen) order.push_back(static_cast<std::uint32_t>(v));
      std::sort(order.begin(), order.end(), [&](std::uint32_t l, std::uint32_t r) { return at[l] < at[r]; });
      frequency_slots f;
      std::vector<std::uint32_t> position(at.size());
      for (std::size_t k = 0; k < order.size(); ++k) {
        f.values.push_back(static_cast<double>(order[k]));
        position[order[k]] = static_cast<std::uint32_t>(k);
      }
      detail::resize_on_huge_pages(f.slot, frequency.size());
      pool->run(frequency.size(), [&](std::size_t from, std::size_t to, std::size_t) {
        for (std::size_t i = from; i < to; ++i) f.slot[i] = position[static_cast<std::size_t>(frequency[i])];
      });
      return f;
    }
  }
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

/// Per slot of `slots`: its customers, and the smallest and largest of value(i) among them
/// (the range an expansion must cover); on the pool's threads where there is one.
struct slot_ranges {
  std::vector<std::size_t> count{};
  std::vector<double> smallest{}, largest{};
};

template <class Value>
slot_ranges ranges_by_slot(const frequency_slots& slots, Value value, detail::worker_pool* pool = nullptr) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  const std::size_t k = slots.values.size();
  auto part = [&](std::size_t from, std::size_t to) {
    slot_ranges r{std::vector<std::size_t>(k, 0), std::vector<double>(k, infinity), std::vector<double>(k, -infinity)};
    for (std::size_t i = from; i < to; ++i) {
      const auto s = slots.slot[i];
      const double v = value(i);
      ++r.count[s];
      r.smallest[s] = std::min(r.smallest[s], v);
      r.largest[s] = std::max(r.largest[s], v);
    }
    return r;
  };
  if (pool == nullptr) return part(0, slots.slot.size());
  std::array<slot_ranges, 64> parts;
  const std::size_t used = pool->run(
      slots.slot.size(), [&](std::size_t from, std::size_t to, std::size_t p) { parts[p] = part(from, to); });
  for (std::size_t p = 1; p < used; ++p)
    for (std::size_t s = 0; s < k; ++s) {
      parts[0].count[s] += parts[p].count[s];
      parts[0].smallest[s] = std::min(parts[0].smallest[s], parts[p].smallest[s]);
      parts[0].largest[s] = std::max(parts[0].largest[s], parts[p].largest[s]);
    }
  return std::move(parts[0]);
}

/// The customers reordered so that within each block of 65,536 those of one frequency are
/// contiguous: a likelihood then sums what depends on x only once per frequency and, along
/// a run of one frequency, only what varies by customer, with no branch on x per customer.
/// (Blocks, not one sort of everyone: the customers without repeat purchases cost far less
/// than the others, and threads that split the customers evenly must get a share of both.)
struct frequency_groups {
  std::vector<double> x{};               // per distinct frequency
  std::vector<double> weight{};          // per distinct frequency: Σ weights (or its count)
  std::vector<std::size_t> run_start{};  // per run of one frequency: its first customer; back() = n
  std::vector<std::uint32_t> run_x{};    // per run: its frequency's index in x
  std::vector<double> recency{}, age{};  // per customer, in run order
  std::vector<double> weights{};         // per customer, in run order; empty: all 1
  double age_min = 0, age_max = 0;       // over every customer

  [[nodiscard]] std::size_t customers() const noexcept { return age.size(); }
  [[nodiscard]] std::size_t runs() const noexcept { return run_x.size(); }
  /// The run that holds customer i (in run order).
  [[nodiscard]] std::size_t run_of(std::size_t i) const noexcept {
    return static_cast<std::size_t>(std::upper_bound(run_start.begin(), run_start.end(), i) - run_start.begin()) - 1;
  }
};

inline frequency_groups group_by_frequency(const clv_customers& c) {
  constexpr std::size_t block = std::size_t{1} << 16;
  const auto slots = distinct_frequencies(c.frequency);
  const std::size_t k = slots.values.size(), n = c.frequency.size();
  frequency_groups g;
  g.x = slots.values;
  g.weight.assign(k, 0.0);
  g.recency.resize(n);
  g.age.resize(n);
  if (!c.weights.empty()) g.weights.resize(n);
  std::vector<std::size_t> count(k), next(k);
  for (std::size_t from = 0; from < n; from += block) {
    const std::size_t to = std::min(n, from + block);
    std::fill(count.begin(), count.end(), 0);
    for (std::size_t i = from; i < to; ++i) ++count[slots.slot[i]];
    std::size_t at = from;
    for (std::size_t s = 0; s < k; ++s) {
      next[s] = at;
      if (count[s] == 0) continue;
      g.run_start.push_back(at);
      g.run_x.push_back(static_cast<std::uint32_t>(s));
      at += count[s];
    }
    for (std::size_t i = from; i < to; ++i) {
      const auto s = slots.slot[i];
      const std::size_t into = next[s]++;
      g.recency[into] = c.recency[i];
      g.age[into] = c.age[i];
      if (!c.weights.empty()) g.weights[into] = c.weights[i];
      g.weight[s] += c.weights.empty() ? 1.0 : c.weights[i];
    }
  }
  g.run_start.push_back(n);
  if (n > 0) {
    const auto [lo, hi] = std::minmax_element(g.age.begin(), g.age.end());
    g.age_min = *lo;
    g.age_max = *hi;
  }
  return g;
}

/// Σ log(shift + v[i]). With `products` (every shift + v[i] known to lie in [2^-120, 2^120])
/// as the logarithms of products of eight: one logarithm in eight, the partial products
/// normal doubles, and a product's rounding (seven roundings) no larger than that of eight
/// logarithms added up.
inline double sum_log_shifted(const double* v, std::size_t n, double shift, bool products) {
  double sum = 0;
  std::size_t i = 0;
  if (products)
    for (; i + 8 <= n; i += 8) {
      const double p = ((shift + v[i]) * (shift + v[i + 1])) * ((shift + v[i + 2]) * (shift + v[i + 3]));
      const double q = ((shift + v[i + 4]) * (shift + v[i + 5])) * ((shift + v[i + 6]) * (shift + v[i + 7]));
      sum += std::log(p * q);
    }
  for (; i < n; ++i) sum += std::log(shift + v[i]);
  return sum;
}

/// Whether every shift + v lies where sum_log_shifted may multiply eight of them.
inline bool products_in_range(double shift, double v_min, double v_max) {
  return shift + v_min >= 0x1p-120 && shift + v_max <= 0x1p120;
}

}  // namespace excellence::inline v1::clv_core
