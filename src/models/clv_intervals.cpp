// Delta-method intervals for the repeat-purchase models' predictions.
#include <excellence/models/clv/intervals.hpp>

#include <excellence/detail/diagnose.hpp>

#include <boost/math/distributions/normal.hpp>

#include "../detail/seed_mix.hpp"
#include "../detail/worker_pool.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

double logit(double p) {
  return std::log(p) - std::log1p(-p);
}
double logistic(double z) {
  return 1 / (1 + std::exp(-z));
}

// The interval of a prediction whose transform h (logit or log) has the linearisation
// `gradient` (∂h/∂θ) at `estimate`; `slope` is dh/dg at the estimate, which turns the
// standard error on h's scale back into one on the prediction's.
interval_estimate interval_of(double estimate, std::span<const double> gradient, const std::vector<double>& cov,
                              double z, double transformed, double slope, double (*back)(double)) {
  const std::size_t k = gradient.size();
  double variance = 0;
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j) variance += gradient[i] * cov[i * k + j] * gradient[j];
  const double se = std::sqrt(std::max(variance, 0.0));
  return {estimate, se / slope, back(transformed - z * se), back(transformed + z * se)};
}

// std::exp and std::log as plain functions (the standard's are overloaded).
double exponential(double x) {
  return std::exp(x);
}
double natural_log(double x) {
  return std::log(x);
}

}  // namespace

result<clv_prediction_intervals> try_clv_predict_intervals(const clv_fit& fit, const clv_columns& data, double horizon,
                                                           double confidence, unsigned threads) {
  if (!(confidence > 0 && confidence < 1))
    return detail::input_error(errc::out_of_range, "confidence", "the confidence must lie in (0, 1)");
  const std::size_t k = fit.params.size();
  if (fit.covariance.size() != k * k)
    return detail::input_error(errc::standard_errors_unavailable, "covariance",
                               "the fit has no covariance matrix (its information matrix was not positive definite, "
                               "or it was read from a document without one): no intervals");
  auto at = try_clv_predict(fit, data, horizon, threads);
  if (!at) return at.error();
  const std::size_t n = at->p_alive.size();

  // Cov(θ) for θ = log p.
  std::vector<double> cov(k * k);
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = 0; j < k; ++j) cov[i * k + j] = fit.covariance[i * k + j] / (fit.params[i] * fit.params[j]);

  // Central differences of logit P(alive), log E and the sums in each log-parameter.
  constexpr double h = 1e-5;
  // Row i of each n × k table: customer i's derivatives.
  std::vector<double> d_alive(n * k), d_expected(n * k);
  std::vector<double> d_alive_sum(k), d_expected_sum(k);
  clv_fit moved = fit;
  for (std::size_t j = 0; j < k; ++j) {
    moved.params = fit.params;
    moved.params[j] = fit.params[j] * std::exp(h);
    auto up = try_clv_predict(moved, data, horizon, threads);
    if (!up) return up.error();
    moved.params[j] = fit.params[j] * std::exp(-h);
    auto down = try_clv_predict(moved, data, horizon, threads);
    if (!down) return down.error();
    double alive_up = 0, alive_down = 0, expected_up = 0, expected_down = 0;
    for (std::size_t i = 0; i < n; ++i) {
      d_alive[i * k + j] = (logit(up->p_alive[i]) - logit(down->p_alive[i])) / (2 * h);
      d_expected[i * k + j] =
          (std::log(up->expected_transactions[i]) - std::log(down->expected_transactions[i])) / (2 * h);
      alive_up += up->p_alive[i];
      alive_down += down->p_alive[i];
      expected_up += up->expected_transactions[i];
      expected_down += down->expected_transactions[i];
    }
    d_alive_sum[j] = (std::log(alive_up) - std::log(alive_down)) / (2 * h);
    d_expected_sum[j] = (std::log(expected_up) - std::log(expected_down)) / (2 * h);
  }

  const double z = boost::math::quantile(boost::math::normal(), (1 + confidence) / 2);
  clv_prediction_intervals out;
  out.confidence = confidence;
  out.horizon = horizon;
  out.p_alive.resize(n);
  out.expected_transactions.resize(n);
  double alive = 0, expected = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double p = at->p_alive[i], e = at->expected_transactions[i];
    alive += p;
    expected += e;
    // A customer who is certainly alive (P = 1 in double precision) has no logit: his
    // interval is the point.
    if (p < 1 && p > 0)
      out.p_alive[i] =
          interval_of(p, std::span(d_alive).subspan(i * k, k), cov, z, logit(p), 1 / (p * (1 - p)), logistic);
    else
      out.p_alive[i] = {p, 0, p, p};
    if (e > 0)
      out.expected_transactions[i] =
          interval_of(e, std::span(d_expected).subspan(i * k, k), cov, z, std::log(e), 1 / e, exponential);
    else
      out.expected_transactions[i] = {e, 0, e, e};
  }
  out.customers_alive = interval_of(alive, d_alive_sum, cov, z, std::log(alive), 1 / alive, exponential);
  out.expected_total = interval_of(expected, d_expected_sum, cov, z, std::log(expected), 1 / expected, exponential);
  for (const auto& v : {out.customers_alive, out.expected_total})
    if (!std::isfinite(v.lower) || !std::isfinite(v.upper) || !std::isfinite(v.standard_error))
      return detail::input_error(errc::out_of_range, "params",
                                 "the intervals are not finite numbers at these parameters");
  return out;
}

namespace {

// One refit of the bootstrap and its predictions.
struct replicate {
  bool ok = false;
  std::vector<double> params{}, p_alive{}, expected{};
};

// The q-quantile of sorted values (linear between order statistics, R's type 7).
double quantile(const std::vector<double>& sorted, double q) {
  const double h = (static_cast<double>(sorted.size()) - 1) * q;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

interval_estimate percentile(double estimate, std::vector<double> values, double confidence) {
  double mean = 0, square = 0;
  for (const double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  for (const double v : values) square += (v - mean) * (v - mean);
  std::sort(values.begin(), values.end());
  return {estimate, std::sqrt(square / static_cast<double>(values.size() - 1)), quantile(values, (1 - confidence) / 2),
          quantile(values, (1 + confidence) / 2)};
}

// Running sums over the refits of a prediction g and of its transform h(g), added in
// resample order; and g's range, for the customers whose h is not finite in some refit.
struct spread {
  std::vector<double> g, g2, h, h2, low, high;
  std::vector<char> degenerate;
  explicit spread(std::size_t n)
      : g(n),
        g2(n),
        h(n),
        h2(n),
        low(n, std::numeric_limits<double>::infinity()),
        high(n, -std::numeric_limits<double>::infinity()),
        degenerate(n, 0) {}

  void add(const std::vector<double>& values, double (*transform)(double)) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double v = values[i], t = transform(v);
      g[i] += v;
      g2[i] += v * v;
      h[i] += t;
      h2[i] += t * t;
      low[i] = std::min(low[i], v);
      high[i] = std::max(high[i], v);
      if (!std::isfinite(t)) degenerate[i] = 1;
    }
  }

  // Customer i's interval around `estimate` from m refits.
  [[nodiscard]] interval_estimate at(std::size_t i, double estimate, double m, double z, double (*transform)(double),
                                     double (*back)(double)) const {
    const auto sd = [m](double sum, double squares) {
      return std::sqrt(std::max(squares - sum * sum / m, 0.0) / (m - 1));
    };
    const double se = sd(g[i], g2[i]);
    if (degenerate[i] != 0 || !std::isfinite(transform(estimate))) return {estimate, se, low[i], high[i]};
    const double center = transform(estimate), width = z * sd(h[i], h2[i]);
    return {estimate, se, back(center - width), back(center + width)};
  }
};

}  // namespace

result<clv_bootstrap_intervals> try_clv_bootstrap(const clv_fit& fit, const clv_columns& data, double horizon,
                                                  const clv_bootstrap_options& options, const model_control& control) {
  if (options.resamples < 2) return detail::input_error(errc::out_of_range, "resamples", "at least 2 resamples");
  if (!(options.confidence > 0 && options.confidence < 1))
    return detail::input_error(errc::out_of_range, "confidence", "the confidence must lie in (0, 1)");
  const clv_columns customers{data.frequency, data.recency, data.age, data.monetary, {}};
  auto at = try_clv_predict(fit, customers, horizon, options.threads);
  if (!at) return at.error();
  const std::size_t n = at->p_alive.size();
  // Resampling draws customers: a row with weight w is w of them.
  std::vector<double> cumulative(n);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double w = data.weights.empty() ? 1.0 : data.weights[i];
    if (!(w >= 0) || w != std::floor(w) || w > 0x1p52)
      return detail::input_error(errc::invalid_value, detail::indexed("weights", i),
                                 "the bootstrap resamples customers: weights must be whole numbers of customers");
    total += w;
    cumulative[i] = total;
  }
  const auto customers_total = static_cast<std::uint64_t>(total);

  detail::worker_pool pool(options.threads);
  const std::size_t lanes = pool.size(), R = options.resamples;
  std::vector<replicate> batch(lanes);
  std::atomic<std::size_t> done{0};
  std::atomic<bool> cancelled{false};
  auto refit = [&](std::size_t r, replicate& out) {
    out = replicate{};
    std::mt19937_64 rng(detail::stream_seed(options.seed, r));
    std::uniform_int_distribution<std::uint64_t> draw(0, customers_total - 1);
    std::vector<double> counts(n, 0.0);
    for (std::uint64_t k = 0; k < customers_total; ++k) {
      const auto u = static_cast<double>(draw(rng));
      const auto row =
          static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
      counts[row] += 1;
    }
    clv_fit_options o = options.fit;
    if (o.start.empty()) o.start = fit.params;
    o.threads = 1;
    const model_control quiet{.progress = {}, .cancel = control.cancel};
    const auto again =
        try_fit_clv(fit.model, {data.frequency, data.recency, data.age, data.monetary, counts}, o, quiet);
    if (!again) {
      if (again.error().code == errc::cancelled) cancelled.store(true);
      return;
    }
    if (!again->converged) return;
    auto p = try_clv_predict(*again, customers, horizon, 1);
    if (!p) return;
    out.ok = true;
    out.params = again->params;
    out.p_alive = std::move(p->p_alive);
    out.expected = std::move(p->expected_transactions);
  };

  clv_bootstrap_intervals b;
  b.confidence = options.confidence;
  b.horizon = horizon;
  b.resamples = R;
  spread alive(n), expected(n);
  std::vector<double> alive_totals, expected_totals;
  for (std::size_t first = 0; first < R; first += lanes) {
    const std::size_t count = std::min(lanes, R - first);
    pool.run(
        count,
        [&](std::size_t begin, std::size_t end, std::size_t) {
          for (std::size_t j = begin; j < end; ++j) refit(first + j, batch[j]);
        },
        1);
    if (cancelled.load() || control.cancelled())
      return detail::input_error(errc::cancelled, "", "the bootstrap was cancelled");
    // In resample order, whatever the threads: the sums are the same for a seed.
    for (std::size_t j = 0; j < count; ++j) {
      const auto& rep = batch[j];
      if (!rep.ok) {
        ++b.failed;
        continue;
      }
      b.params.push_back(rep.params);
      alive.add(rep.p_alive, logit);
      expected.add(rep.expected, natural_log);
      double a = 0, e = 0;
      for (std::size_t i = 0; i < n; ++i) {
        a += rep.p_alive[i];
        e += rep.expected[i];
      }
      alive_totals.push_back(a);
      expected_totals.push_back(e);
    }
    done += count;
    if (control.progress) control.progress(done.load(), R);
  }
  const std::size_t m = b.params.size();
  if (m < 2)
    return detail::input_error(errc::not_converged, "resamples",
                               detail::concat("only ", std::to_string(m), " of ", std::to_string(R),
                                              " refits converged: no bootstrap intervals"));
  const double z = boost::math::quantile(boost::math::normal(), (1 + options.confidence) / 2);
  const auto md = static_cast<double>(m);
  b.p_alive.resize(n);
  b.expected_transactions.resize(n);
  double alive_sum = 0, expected_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    b.p_alive[i] = alive.at(i, at->p_alive[i], md, z, logit, logistic);
    b.expected_transactions[i] = expected.at(i, at->expected_transactions[i], md, z, natural_log, exponential);
    alive_sum += at->p_alive[i];
    expected_sum += at->expected_transactions[i];
  }
  b.customers_alive = percentile(alive_sum, alive_totals, options.confidence);
  b.expected_total = percentile(expected_sum, expected_totals, options.confidence);
  for (std::size_t k = 0; k < fit.params.size(); ++k) {
    std::vector<double> values;
    for (const auto& p : b.params) values.push_back(p[k]);
    b.param_intervals.push_back(percentile(fit.params[k], std::move(values), options.confidence));
  }
  return b;
}

}  // namespace excellence::inline v1
