// The Gamma–Gompertz/NBD model (Bemmaor & Glady 2012, "Modeling purchasing behavior with
// sudden 'death': a flexible customer lifetime model", Management Science 58(5)): its limit
// the Pareto/NBD, its gradient, its probabilities, its CDNOW fit against the paper and
// CLVTools, and parameters recovered from data simulated with a clear duration dependence.
#include <excellence/io/csv.hpp>
#include <excellence/models/clv/ggomnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>

#include "test_support.hpp"

#include <Eigen/Dense>

#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

using namespace excellence;

namespace {

struct gg_summary {
  std::vector<double> frequency, recency, age;
  [[nodiscard]] clv_customers customers() const { return {frequency, recency, age, {}}; }
};

const gg_summary& gg_cdnow() {
  static const gg_summary s = [] {
    const auto table = try_read_csv(test::data_dir / "clv" / "cdnow_summary.csv").value();
    return gg_summary{table.try_numbers("frequency").value(), table.try_numbers("recency").value(),
                      table.try_numbers("T").value()};
  }();
  return s;
}

// Customers drawn from the model itself: λ ~ Gamma(r, α), η ~ Gamma(s, β), a Gompertz
// lifetime τ = log(1 + E/η)/b with E ~ Exp(1) (so that P(τ > t | η) = exp(−η(e^(bt) − 1))),
// Poisson purchases until min(τ, T). libstdc++'s distributions, the same under g++ and clang.
gg_summary gg_simulate(const ggomnbd_params& p, std::size_t n, double T, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(p.r, 1 / p.alpha), death(p.s, 1 / p.beta);
  std::exponential_distribution<double> unit(1.0);
  gg_summary out;
  for (std::size_t i = 0; i < n; ++i) {
    const double lambda = rate(rng), eta = death(rng);
    const double tau = std::log1p(unit(rng) / eta) / p.b;
    const double end = std::min(tau, T);
    double t = 0, last = 0, x = 0;
    while (true) {
      t += unit(rng) / lambda;
      if (t >= end) break;
      x += 1;
      last = t;
    }
    out.frequency.push_back(x);
    out.recency.push_back(last);
    out.age.push_back(T);
  }
  return out;
}

}  // namespace

TEST_CASE("GGompertz/NBD: as b -> 0 with beta/b fixed it is the Pareto/NBD") {
  // S(t) = (β/(β + e^(bt) − 1))^s → (β'/(β' + t))^s with β' = β/b: the Pareto/NBD's lifetime.
  const pnbd_params q{0.5534, 10.58, 0.6061, 11.66};
  const double b = 1e-10;
  const ggomnbd_params g{q.r, q.alpha, b, q.s, q.beta * b};
  for (const auto& c : {std::array{0.0, 0.0, 38.86}, std::array{2.0, 30.43, 38.86},
                        std::array{25.0, 30.0, 32.0 + 6.0 / 7}, std::array{7.0, 3.0, 70.0}}) {
    const double x = c[0], t_x = c[1], T = c[2];
    INFO("x = " << x << ", t_x = " << t_x << ", T = " << T);
    CHECK(ggomnbd_customer_log_likelihood(g, x, t_x, T) ==
          doctest::Approx(pnbd_customer_log_likelihood(q, x, t_x, T)).epsilon(1e-9));
    CHECK(ggomnbd_p_alive(g, x, t_x, T) == doctest::Approx(pnbd_p_alive(q, x, t_x, T)).epsilon(1e-9));
    CHECK(ggomnbd_conditional_expected_transactions(g, 39, x, t_x, T) ==
          doctest::Approx(pnbd_conditional_expected_transactions(q, 39, x, t_x, T)).epsilon(1e-9));
  }
  for (const double t : {1.0, 39.0, 78.0}) {
    CHECK(ggomnbd_expected_transactions(g, t) == doctest::Approx(pnbd_expected_transactions(q, t)).epsilon(1e-9));
    for (const std::int64_t k : {0, 1, 4})
      CHECK(ggomnbd_probability_of_transactions(g, t, k) ==
            doctest::Approx(pnbd_probability_of_transactions(q, t, k)).epsilon(1e-9));
  }
  CHECK(try_ggomnbd_log_likelihood(g, gg_cdnow().customers()).value() ==
        doctest::Approx(try_pnbd_log_likelihood(q, gg_cdnow().customers()).value()).epsilon(1e-10));
}

TEST_CASE("GGompertz/NBD: the probability of k transactions sums to 1 and has the model's mean") {
  const ggomnbd_params p{0.8, 5, 0.05, 1.2, 3};
  for (const double t : {1.0, 26.0, 104.0}) {
    INFO("t = " << t);
    double total = 0, mean = 0;
    for (std::int64_t k = 0; k <= 600; ++k) {
      const double pk = ggomnbd_probability_of_transactions(p, t, k);
      total += pk;
      mean += static_cast<double>(k) * pk;
    }
    CHECK(total == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(mean == doctest::Approx(ggomnbd_expected_transactions(p, t)).epsilon(1e-8));
  }
  // A customer with no time left to live in expectation: conditional expectations grow with
  // the horizon but never past what the purchase rate alone would give, P(alive) · (r+x)/(α+T) · t.
  const double x = 3, t_x = 20, T = 52;
  const double rate = ggomnbd_p_alive(p, x, t_x, T) * (p.r + x) / (p.alpha + T);
  double previous = 0;
  for (const double t : {1e-6, 1.0, 10.0, 100.0}) {
    const double e = ggomnbd_conditional_expected_transactions(p, t, x, t_x, T);
    CHECK(e > previous);
    CHECK(e < rate * t);
    previous = e;
  }
  CHECK(ggomnbd_conditional_expected_transactions(p, 1e-6, x, t_x, T) / 1e-6 == doctest::Approx(rate).epsilon(1e-6));
}

TEST_CASE("GGompertz/NBD on CDNOW: the paper's log-likelihood, on the ridge towards the Pareto/NBD") {
  const auto fit = try_fit_ggomnbd(gg_cdnow().customers()).value();
  CHECK(fit.converged);
  // Bemmaor & Glady (2012), Table 2: r 0.553, α 10.578, b 0.0002, s 0.603, β 0.0026,
  // LL −9594.98; CLVTools' tests: r 0.55313, α 10.5758, b 1.1e-6, s 0.60682, β 1.3e-5,
  // LL −9594.9762. The likelihood rises towards the Pareto/NBD's (−9594.97618) as b → 0.
  CHECK(fit.log_likelihood == doctest::Approx(-9594.98).epsilon(0.01 / 9594.98));
  CHECK(fit.log_likelihood >= -9594.9762);
  CHECK(fit.log_likelihood <= -9594.97617);
  CHECK(fit.param("r").value() == doctest::Approx(0.553).epsilon(0.003));
  CHECK(fit.param("alpha").value() == doctest::Approx(10.578).epsilon(0.003));
  CHECK(fit.param("s").value() == doctest::Approx(0.606).epsilon(0.01));
  CHECK(fit.param("b").value() < 0.0002);
  // β/b is the Pareto/NBD's β: the paper's 0.0026/0.0002 = 13, CLVTools' 11.8, BTYD's 11.66.
  CHECK(fit.param("beta").value() / fit.param("b").value() == doctest::Approx(11.66).epsilon(0.05));
}

TEST_CASE("GGompertz/NBD: parameters recovered from data simulated with duration dependence") {
  const ggomnbd_params truth{0.8, 5, 0.05, 1.2, 3};
  const auto data = gg_simulate(truth, 1000, 52, 20121012);
  const auto fit = try_fit_ggomnbd(data.customers()).value();
  REQUIRE(fit.converged);
  REQUIRE(fit.standard_errors.size() == 5);
  const std::array expected{truth.r, truth.alpha, truth.b, truth.s, truth.beta};
  for (std::size_t j = 0; j < 5; ++j) {
    INFO(fit.names[j] << " = " << fit.params[j] << " ± " << fit.standard_errors[j]);
    CHECK(std::abs(fit.params[j] - expected[j]) < 3 * fit.standard_errors[j]);
  }
  // The analytic gradient, checked twice over by differences of the likelihood alone: the
  // fit ends where they vanish, and its standard errors (from differences of the analytic
  // gradient) are those of the likelihood's own second differences, in log-parameters.
  auto ll_at = [&](std::array<double, 5> log_p) {
    for (double& v : log_p) v = std::exp(v);
    return try_ggomnbd_log_likelihood({log_p[0], log_p[1], log_p[2], log_p[3], log_p[4]}, data.customers()).value();
  };
  std::array<double, 5> theta{};
  for (std::size_t j = 0; j < 5; ++j) theta[j] = std::log(fit.params[j]);
  // (Steps of 1e-3: below it the quadrature's last digits, which move with the parameters,
  // begin to show in the second differences.)
  const double h = 1e-3, centre = ll_at(theta);
  Eigen::Matrix<double, 5, 5> hessian;
  for (std::size_t i = 0; i < 5; ++i) {
    auto plus = theta, minus = theta;
    plus[i] += h;
    minus[i] -= h;
    const double up = ll_at(plus), down = ll_at(minus);
    INFO("d LL / d log " << fit.names[i]);
    CHECK(std::abs(up - down) / (2 * h) < 1e-3);
    const auto ii = static_cast<Eigen::Index>(i);
    hessian(ii, ii) = -(up - 2 * centre + down) / (h * h);
    for (std::size_t j = 0; j < i; ++j) {
      auto pp = theta, pm = theta, mp = theta, mm = theta;
      pp[i] += h, pp[j] += h, pm[i] += h, pm[j] -= h, mp[i] -= h, mp[j] += h, mm[i] -= h, mm[j] -= h;
      const auto jj = static_cast<Eigen::Index>(j);
      hessian(ii, jj) = hessian(jj, ii) = -(ll_at(pp) - ll_at(pm) - ll_at(mp) + ll_at(mm)) / (4 * h * h);
    }
  }
  const Eigen::Matrix<double, 5, 5> covariance = hessian.inverse();
  for (std::size_t j = 0; j < 5; ++j) {
    INFO("standard error of " << fit.names[j]);
    const double se = fit.params[j] * std::sqrt(covariance(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(j)));
    CHECK(fit.standard_errors[j] == doctest::Approx(se).epsilon(1e-3));
  }
  // The run-time choice gives the same fit.
  const auto again = try_fit_clv(clv_model::ggomnbd, {data.frequency, data.recency, data.age, {}, {}}).value();
  CHECK(again.log_likelihood == fit.log_likelihood);
}
