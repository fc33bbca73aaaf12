// The Pareto/NBD's discounted expected residual transactions (Fader, Hardie & Lee 2005, "RFM
// and CLV", eq. 2) and their finite-horizon form, against the paper's closed form with Boost's
// incomplete gamma function (where it applies, s < 1), against the conditional expectation
// they discount, and against their limits.
#include <excellence/models/clv/pnbd.hpp>

#include "test_support.hpp"

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

using namespace excellence;

namespace {

// BTYD's Pareto/NBD estimates on CDNOW (the walkthrough), and 15 % a year on weekly data.
const pnbd_params dert_cdnow{0.5533971, 10.5801985, 0.6060625, 11.6562237};
const double weekly_rate = std::log(1.15) / 52;

// Customers (x, t_x, T): none, one, two and many repeat purchases.
constexpr std::array<std::array<double, 3>, 4> dert_customers{
    {{0, 0, 38.86}, {1, 2.0, 30.0}, {2, 30.43, 38.86}, {26, 30.86, 31.0}}};

}  // namespace

TEST_CASE("Pareto/NBD DERT: FHL's closed form, with Tricomi's function from the incomplete gamma") {
  // DERT = αʳβˢδ^(s−1) Γ(r+x+1) Ψ(s, s; δ(β+T)) / (Γ(r) (α+T)^(r+x+1) L), Ψ(s, s; z) = e^z Γ(1−s, z).
  const auto& p = dert_cdnow;
  for (const auto& c : dert_customers) {
    const double x = c[0], t_x = c[1], T = c[2];
    INFO("x = " << x << ", t_x = " << t_x << ", T = " << T);
    const double z = weekly_rate * (p.beta + T);
    const double log_psi = z + std::log(boost::math::tgamma(1 - p.s, z));
    const double log_dert = p.r * std::log(p.alpha) + p.s * std::log(p.beta) + (p.s - 1) * std::log(weekly_rate) +
                            boost::math::lgamma(p.r + x + 1) + log_psi - boost::math::lgamma(p.r) -
                            (p.r + x + 1) * std::log(p.alpha + T) - pnbd_customer_log_likelihood(p, x, t_x, T);
    CHECK(pnbd_dert(p, weekly_rate, x, t_x, T) == doctest::Approx(std::exp(log_dert)).epsilon(1e-12));
  }
}

TEST_CASE("Pareto/NBD DERT: the discounted stream of the conditional expectation, for s below and above 1") {
  // By parts, ∫ e^(−δt) dE[Y(t)] = δ ∫ e^(−δt) E[Y(t)] dt: the same number from the
  // conditional expectation alone (exp-sinh quadrature over t).
  for (const auto& p : {dert_cdnow, pnbd_params{0.8, 6.0, 2.5, 40.0}}) {
    INFO("s = " << p.s);
    for (const auto& c : dert_customers) {
      const double x = c[0], t_x = c[1], T = c[2];
      INFO("x = " << x);
      const double by_parts =
          weekly_rate * boost::math::quadrature::exp_sinh<double>().integrate(
                            [&](double t) {
                              return std::exp(-weekly_rate * t) *
                                     pnbd_conditional_expected_transactions(p, t, x, t_x, T);
                            },
                            1e-14);
      CHECK(pnbd_dert(p, weekly_rate, x, t_x, T) == doctest::Approx(by_parts).epsilon(1e-9));
    }
  }
}

TEST_CASE("Pareto/NBD DECT: undiscounted it is the conditional expectation; over a long horizon the DERT") {
  const auto& p = dert_cdnow;
  for (const auto& c : dert_customers) {
    const double x = c[0], t_x = c[1], T = c[2];
    INFO("x = " << x);
    for (const double h : {1.0, 39.0, 520.0})
      CHECK(pnbd_dect(p, 0, h, x, t_x, T) ==
            doctest::Approx(pnbd_conditional_expected_transactions(p, h, x, t_x, T)).epsilon(1e-12));
    CHECK(pnbd_dect(p, weekly_rate, 39, x, t_x, T) < pnbd_conditional_expected_transactions(p, 39, x, t_x, T));
    CHECK(pnbd_dect(p, weekly_rate, 52 * 400, x, t_x, T) ==
          doctest::Approx(pnbd_dert(p, weekly_rate, x, t_x, T)).epsilon(1e-10));
  }
}

TEST_CASE("Pareto/NBD DERT and DECT for every customer, checked") {
  std::vector<double> x, t_x, T;
  for (const auto& c : dert_customers) x.push_back(c[0]), t_x.push_back(c[1]), T.push_back(c[2]);
  const clv_customers customers{x, t_x, T, {}};
  const auto dert = try_pnbd_discounted_transactions(dert_cdnow, customers, weekly_rate).value();
  const auto dect = try_pnbd_discounted_transactions(dert_cdnow, customers, weekly_rate, 39).value();
  for (std::size_t i = 0; i < x.size(); ++i) {
    CHECK(dert[i] == pnbd_dert(dert_cdnow, weekly_rate, x[i], t_x[i], T[i]));
    CHECK(dect[i] == pnbd_dect(dert_cdnow, weekly_rate, 39, x[i], t_x[i], T[i]));
  }
  // Undiscounted over an infinite horizon the sum diverges when s ≤ 1: refused, never inf.
  CHECK(test::fails(try_pnbd_discounted_transactions(dert_cdnow, customers, 0)) ==
        "rate: the discount rate must be a finite number > 0 over an infinite horizon");
  CHECK(test::fails(try_pnbd_discounted_transactions(dert_cdnow, customers, -0.1, 39)) ==
        "rate: the discount rate must be a finite number >= 0");
  CHECK(test::fails(try_pnbd_discounted_transactions(dert_cdnow, customers, weekly_rate, 0)) ==
        "horizon: the horizon must be a finite number > 0");
  CHECK(test::fails(try_pnbd_discounted_transactions({0.5, 10, -1, 11}, customers, weekly_rate)) ==
        "params.s: s must be a finite number > 0");
}

TEST_CASE("Pareto/NBD DERT of customers of many different ages: the interpolated survival, to 1e-12") {
  // 3,000 distinct ages: the batch interpolates the discounted survival across them instead
  // of 3,000 quadratures; every customer still gets the per-customer value.
  std::vector<double> x, t_x, T;
  for (std::size_t i = 0; i < 3000; ++i) {
    T.push_back(1 + 0.0257 * static_cast<double>(i));
    x.push_back(static_cast<double>(i % 7));
    t_x.push_back(i % 7 == 0 ? 0.0 : T.back() * 0.6);
  }
  const clv_customers customers{x, t_x, T, {}};
  for (const auto& p : {dert_cdnow, pnbd_params{0.8, 6.0, 2.5, 40.0}}) {
    const auto dert = try_pnbd_discounted_transactions(p, customers, weekly_rate).value();
    const auto dect = try_pnbd_discounted_transactions(p, customers, weekly_rate, 52).value();
    double worst_dert = 0, worst_dect = 0;
    for (std::size_t i = 0; i < x.size(); i += 7) {
      worst_dert = std::max(worst_dert, std::abs(dert[i] / pnbd_dert(p, weekly_rate, x[i], t_x[i], T[i]) - 1));
      worst_dect = std::max(worst_dect, std::abs(dect[i] / pnbd_dect(p, weekly_rate, 52, x[i], t_x[i], T[i]) - 1));
    }
    CHECK(worst_dert < 1e-12);
    CHECK(worst_dect < 1e-12);
  }
}
