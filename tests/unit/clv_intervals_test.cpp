// Delta-method intervals against a Monte Carlo of the fit's asymptotic normal distribution.
#include <excellence/io/clv_fit_json.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/clv/intervals.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/report/json.hpp>

#include "test_support.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace excellence;

namespace {

struct cdnow_columns {
  std::vector<double> x, t_x, T;
  [[nodiscard]] clv_columns columns() const { return {x, t_x, T, {}, {}}; }
};

const cdnow_columns& cdnow_summary() {
  static const cdnow_columns c = [] {
    const auto table = read_csv(test::data_dir / "clv" / "cdnow_summary.csv");
    return cdnow_columns{table.numbers("frequency"), table.numbers("recency"), table.numbers("T")};
  }();
  return c;
}

}  // namespace

TEST_CASE("prediction intervals: the delta method against a Monte Carlo of the fit") {
  const auto& c = cdnow_summary();
  for (const auto model : {clv_model::bgnbd, clv_model::pnbd}) {
    INFO(to_string(model));
    const auto fit = fit_clv(model, c.columns());
    const auto v = clv_predict_intervals(fit, c.columns(), 39);
    const auto point = clv_predict(fit, c.columns(), 39);
    REQUIRE(v.p_alive.size() == 2357);
    CHECK(v.confidence == 0.95);
    double total = 0;
    for (std::size_t i = 0; i < 2357; ++i) {
      CHECK(v.p_alive[i].estimate == point.p_alive[i]);
      CHECK(v.expected_transactions[i].estimate == point.expected_transactions[i]);
      CHECK(v.p_alive[i].lower <= v.p_alive[i].estimate);
      CHECK(v.p_alive[i].upper >= v.p_alive[i].estimate);
      CHECK(v.p_alive[i].upper <= 1);
      CHECK(v.expected_transactions[i].lower > 0);
      total += point.expected_transactions[i];
    }
    CHECK(v.expected_total.estimate == doctest::Approx(total).epsilon(1e-12));

    // Four times the covariance: twice the standard errors (the linearisation is linear).
    clv_fit wider = fit;
    for (auto& x : wider.covariance) x *= 4;
    const auto w = clv_predict_intervals(wider, c.columns(), 39, 0.9);
    CHECK(w.expected_total.standard_error == doctest::Approx(2 * v.expected_total.standard_error).epsilon(1e-9));
    CHECK(w.p_alive[1].standard_error == doctest::Approx(2 * v.p_alive[1].standard_error).epsilon(1e-9));
    if (model != clv_model::bgnbd) continue;  // the Monte Carlo below costs seconds for the Pareto/NBD

    // Draw log-parameters from N(θ̂, Cov(θ)) and predict at each draw: the spread of the
    // predictions is what the delta method linearises, and the intervals cover the draws.
    const auto k = static_cast<Eigen::Index>(fit.params.size());
    Eigen::MatrixXd cov(k, k);
    for (Eigen::Index i = 0; i < k; ++i)
      for (Eigen::Index j = 0; j < k; ++j)
        cov(i, j) = fit.covariance[static_cast<std::size_t>(i * k + j)] /
                    (fit.params[static_cast<std::size_t>(i)] * fit.params[static_cast<std::size_t>(j)]);
    const Eigen::MatrixXd L = cov.llt().matrixL();
    std::mt19937_64 rng(20261127);
    std::normal_distribution<double> normal;
    const std::vector<std::size_t> watched{0, 1, 1515};  // customer 1516: x = 26 (BTYD's walkthrough)
    std::vector<std::vector<double>> draws(watched.size() + 1);
    clv_fit drawn = fit;
    constexpr int n = 1500;
    for (int d = 0; d < n; ++d) {
      Eigen::VectorXd e(k);
      for (Eigen::Index j = 0; j < k; ++j) e(j) = normal(rng);
      const Eigen::VectorXd shift = L * e;
      for (Eigen::Index j = 0; j < k; ++j)
        drawn.params[static_cast<std::size_t>(j)] = fit.params[static_cast<std::size_t>(j)] * std::exp(shift(j));
      const auto p = clv_predict(drawn, c.columns(), 39);
      for (std::size_t i = 0; i < watched.size(); ++i) draws[i].push_back(p.expected_transactions[watched[i]]);
      double sum = 0;
      for (const double x : p.expected_transactions) sum += x;
      draws.back().push_back(sum);
    }
    const auto check = [&](const std::vector<double>& sample, const interval_estimate& interval) {
      double mean = 0, square = 0;
      for (const double x : sample) mean += x / n;
      for (const double x : sample) square += (x - mean) * (x - mean) / (n - 1);
      CHECK(interval.standard_error == doctest::Approx(std::sqrt(square)).epsilon(0.08));
      const auto inside = std::count_if(sample.begin(), sample.end(),
                                        [&](double x) { return x >= interval.lower && x <= interval.upper; });
      CHECK(static_cast<double>(inside) / n == doctest::Approx(0.95).epsilon(0.025));
    };
    for (std::size_t i = 0; i < watched.size(); ++i) check(draws[i], v.expected_transactions[watched[i]]);
    check(draws.back(), v.expected_total);
  }
  // What is refused.
  auto fit = fit_clv(clv_model::bgnbd, c.columns());
  CHECK(try_clv_predict_intervals(fit, c.columns(), 39, 1.0).error().path.to_string() == "confidence");
  fit.covariance.clear();
  CHECK(try_clv_predict_intervals(fit, c.columns(), 39).error().code == errc::standard_errors_unavailable);
}

TEST_CASE("the fit document carries the covariance, and the reader checks it") {
  const auto fit = fit_clv(clv_model::pnbd, cdnow_summary().columns());
  const auto back = parse_clv_fit(to_json(fit));
  REQUIRE(back.covariance.size() == 16);
  for (std::size_t i = 0; i < 16; ++i) CHECK(back.covariance[i] == fit.covariance[i]);
  // Intervals from a fit read back are those of the fit itself.
  const auto a = clv_predict_intervals(fit, cdnow_summary().columns(), 13);
  const auto b = clv_predict_intervals(back, cdnow_summary().columns(), 13);
  CHECK(a.expected_total.lower == b.expected_total.lower);
  auto doc = nlohmann::json::parse(to_json(fit));
  doc["covariance"]["r"]["s"] = 1.0;  // no longer symmetric
  auto e = try_parse_clv_fit(doc.dump());
  REQUIRE_FALSE(e);
  CHECK(e.error().path.to_string().find("covariance") == 0);
  doc = nlohmann::json::parse(to_json(fit));
  doc["covariance"]["alpha"]["alpha"] = -1.0;
  CHECK(try_parse_clv_fit(doc.dump()).error().code == errc::out_of_range);
  doc.erase("covariance");  // a document of 0.1.0: reads, without intervals
  const auto old = parse_clv_fit(doc.dump());
  CHECK(old.covariance.empty());
  CHECK(try_clv_predict_intervals(old, cdnow_summary().columns(), 13).error().code ==
        errc::standard_errors_unavailable);
}

TEST_CASE("bootstrap: seeded, the same whatever the threads, near the delta method") {
  const auto& c = cdnow_summary();
  const auto fit = fit_clv(clv_model::bgnbd, c.columns());
  clv_bootstrap_options o;
  o.resamples = 60;
  o.seed = 7;
  o.threads = 1;
  const auto one = clv_bootstrap(fit, c.columns(), 39, o);
  o.threads = 2;
  const auto two = clv_bootstrap(fit, c.columns(), 39, o);
  CHECK(one.resamples == 60);
  CHECK(one.failed == 0);
  REQUIRE(one.params.size() == 60);
  CHECK(one.params == two.params);
  CHECK(one.expected_total.lower == two.expected_total.lower);
  CHECK(one.expected_total.upper == two.expected_total.upper);
  for (std::size_t i = 0; i < 2357; i += 97) {
    CHECK(one.expected_transactions[i].lower == two.expected_transactions[i].lower);
    CHECK(one.p_alive[i].upper == two.p_alive[i].upper);
  }
  // Each parameter's percentile interval holds its estimate; the spread is the delta method's
  // within sampling error (60 resamples: about 9 % on a standard deviation).
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(one.param_intervals[k].lower < fit.params[k]);
    CHECK(one.param_intervals[k].upper > fit.params[k]);
    CHECK(one.param_intervals[k].standard_error == doctest::Approx(fit.standard_errors[k]).epsilon(0.35));
  }
  const auto delta = clv_predict_intervals(fit, c.columns(), 39);
  CHECK(one.expected_total.standard_error == doctest::Approx(delta.expected_total.standard_error).epsilon(0.35));
  CHECK(one.expected_total.estimate == delta.expected_total.estimate);
  CHECK(one.p_alive[2].lower == 1);  // customer 3 has no repeat purchase: certainly alive under the BG/NBD
  // Another seed, other resamples.
  o.seed = 8;
  CHECK(clv_bootstrap(fit, c.columns(), 39, o).params != one.params);
  o.resamples = 1;
  CHECK(try_clv_bootstrap(fit, c.columns(), 39, o).error().path.to_string() == "resamples");
}
