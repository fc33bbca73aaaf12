// Time-invariant covariates (CLVTools' static covariates): with every coefficient 0 the
// model without them, exactly; known coefficients recovered from data simulated with them;
// the likelihood-ratio test; and the guards that keep a covariate fit from being used
// without its covariates.
#include <excellence/io/clv_fit_json.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/ggomnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/report/json.hpp>

#include "test_support.hpp"

#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

using namespace excellence;

namespace {

// Customers with one transaction covariate (a 0/1 flag, centred) and one lifetime covariate
// (standard normal), drawn from the model with the given coefficients.
struct covariate_sample {
  std::vector<double> frequency, recency, age, flag, score;
  [[nodiscard]] clv_customers customers() const { return {frequency, recency, age, {}}; }
  [[nodiscard]] clv_covariates covariates() const { return {{{"flag", flag}}, {{"score", score}}}; }
};

// Purchases at rate λ from 0 until the customer leaves or T: (x, t_x).
template <class Rng, class Leaves>
void purchases(Rng& rng, double lambda, double T, Leaves leaves_after, covariate_sample& out) {
  std::exponential_distribution<double> unit(1.0);
  double t = 0, last = 0, x = 0;
  while (true) {
    t += unit(rng) / lambda;
    if (t >= T || leaves_after(t, x)) break;
    x += 1;
    last = t;
  }
  out.frequency.push_back(x);
  out.recency.push_back(last);
  out.age.push_back(T);
}

// n customers with a flag z (0/1, centred) and a normal score w, buying at λ ~ Gamma(r,
// α e^(−γz)); leaving(rng, w) draws the customer's lifetime and returns when he leaves.
template <class Leaving>
covariate_sample simulate(double r, double alpha, double gamma, std::size_t n, std::uint64_t seed, Leaving leaving) {
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution coin(0.4);
  std::normal_distribution<double> normal(0, 1);
  covariate_sample s;
  for (std::size_t i = 0; i < n; ++i) {
    const double z = (coin(rng) ? 1.0 : 0.0) - 0.4, w = normal(rng);
    s.flag.push_back(z);
    s.score.push_back(w);
    const double lambda = std::gamma_distribution<double>(r, 1 / (alpha * std::exp(-gamma * z)))(rng);
    purchases(rng, lambda, 52, leaving(rng, w), s);
  }
  return s;
}

// Pareto/NBD: β_i = β e^(−δ w); lifetime exponential at μ ~ Gamma(s, β_i).
covariate_sample simulate_pnbd(const pnbd_params& p, double gamma, double delta, std::size_t n, std::uint64_t seed) {
  return simulate(p.r, p.alpha, gamma, n, seed, [&](std::mt19937_64& rng, double w) {
    const double mu = std::gamma_distribution<double>(p.s, 1 / (p.beta * std::exp(-delta * w)))(rng);
    const double tau = std::exponential_distribution<double>(1.0)(rng) / mu;
    return [tau](double t, double) { return t >= tau; };
  });
}

// BG/NBD: a_i = a e^(δ w), b_i = b e^(δ w); after each repeat purchase the customer leaves
// with probability p ~ Beta(a_i, b_i).
covariate_sample simulate_bgnbd(const bgnbd_params& p, double gamma, double delta, std::size_t n, std::uint64_t seed) {
  return simulate(p.r, p.alpha, gamma, n, seed, [&](std::mt19937_64& rng, double w) {
    const double ga = std::gamma_distribution<double>(p.a * std::exp(delta * w), 1)(rng);
    const double gb = std::gamma_distribution<double>(p.b * std::exp(delta * w), 1)(rng);
    const double drop = ga / (ga + gb);
    return
        [drop, &rng](double, double x) { return x >= 1 && std::uniform_real_distribution<double>(0, 1)(rng) < drop; };
  });
}

void check_recovered(const clv_covariate_fit& f, const std::vector<double>& truth) {
  REQUIRE(f.fit.converged);
  REQUIRE(f.fit.standard_errors.size() == truth.size());
  for (std::size_t j = 0; j < truth.size(); ++j) {
    INFO(f.fit.names[j] << " = " << f.fit.params[j] << " ± " << f.fit.standard_errors[j] << ", true " << truth[j]);
    CHECK(std::abs(f.fit.params[j] - truth[j]) < 3 * f.fit.standard_errors[j]);
  }
}

}  // namespace

TEST_CASE("CLV covariates: with every coefficient 0, the model without them") {
  const auto s = simulate_pnbd({0.8, 6, 0.9, 12}, 0.7, -0.5, 400, 7);
  const auto c = s.customers();
  const auto z = s.covariates();
  const std::vector<double> b{0.3, 5.0, 0.8, 2.5}, q{0.8, 6.0, 0.9, 12.0}, g{0.8, 6.0, 0.05, 1.2, 3.0};
  auto with_zeros = [](std::vector<double> p) {
    p.push_back(0);
    p.push_back(0);
    return p;
  };
  CHECK(try_clv_covariate_log_likelihood(clv_model::bgnbd, with_zeros(b), c, z).value() ==
        doctest::Approx(try_bgnbd_log_likelihood({b[0], b[1], b[2], b[3]}, c).value()).epsilon(1e-13));
  CHECK(try_clv_covariate_log_likelihood(clv_model::pnbd, with_zeros(q), c, z).value() ==
        doctest::Approx(try_pnbd_log_likelihood({q[0], q[1], q[2], q[3]}, c).value()).epsilon(1e-13));
  CHECK(try_clv_covariate_log_likelihood(clv_model::ggomnbd, with_zeros(g), c, z).value() ==
        doctest::Approx(try_ggomnbd_log_likelihood({g[0], g[1], g[2], g[3], g[4]}, c).value()).epsilon(1e-13));
  // Predictions at zero coefficients are the base's, to the last bit (exp(0) = 1).
  clv_covariate_fit f;
  f.fit.model = clv_model::pnbd;
  f.fit.names = {"r", "alpha", "s", "beta", "transaction.flag", "lifetime.score"};
  f.fit.params = with_zeros(q);
  f.transaction_count = f.lifetime_count = 1;
  const auto with = try_clv_covariate_predict(f, c, z, 39).value();
  const auto without = try_pnbd_predict({q[0], q[1], q[2], q[3]}, c, 39).value();
  CHECK(with.p_alive == without.p_alive);
  CHECK(with.expected_transactions == without.expected_transactions);
  // The model's own functions refuse the covariate fit: its base alone would mis-predict.
  CHECK(test::failure(pnbd_params::try_from(f.fit)).code == errc::model_mismatch);
  CHECK(test::failure(try_clv_predict(f.fit, {s.frequency, s.recency, s.age, {}, {}}, 39)).code ==
        errc::model_mismatch);
}

TEST_CASE("CLV covariates: the Pareto/NBD recovers known coefficients, and the likelihood-ratio test sees them") {
  const pnbd_params truth{0.8, 6, 0.9, 12};
  const auto s = simulate_pnbd(truth, 0.7, -0.5, 3000, 20250101);
  const auto f = try_fit_clv_covariates(clv_model::pnbd, s.customers(), s.covariates()).value();
  CHECK(f.fit.names == std::vector<std::string>{"r", "alpha", "s", "beta", "transaction.flag", "lifetime.score"});
  check_recovered(f, {truth.r, truth.alpha, truth.s, truth.beta, 0.7, -0.5});
  CHECK(f.degrees_of_freedom == 2);
  CHECK(f.lr_statistic == doctest::Approx(2 * (f.fit.log_likelihood - f.without.log_likelihood)));
  CHECK(f.p_value < 1e-6);
  // At the optimum the likelihood's own differences vanish in every coefficient (the
  // chained analytic gradient found it).
  auto at = f.fit.params;
  for (std::size_t k = 4; k < 6; ++k) {
    const double h = 1e-5;
    auto up = at, down = at;
    up[k] += h;
    down[k] -= h;
    const double d = (try_clv_covariate_log_likelihood(clv_model::pnbd, up, s.customers(), s.covariates()).value() -
                      try_clv_covariate_log_likelihood(clv_model::pnbd, down, s.customers(), s.covariates()).value()) /
                     (2 * h);
    CHECK(std::abs(d) < 1e-2);
  }
  // A covariate that plays no part: the test does not reject.
  std::vector<double> noise;
  std::mt19937_64 rng(99);
  std::normal_distribution<double> normal(0, 1);
  for (std::size_t i = 0; i < s.frequency.size(); ++i) noise.push_back(normal(rng));
  const auto none = try_fit_clv_covariates(clv_model::pnbd, s.customers(), {{{"noise", noise}}, {}}).value();
  CHECK(none.p_value > 0.01);
  CHECK(std::abs(none.fit.params[4]) < 3 * none.fit.standard_errors[4]);
}

TEST_CASE("CLV covariates: a fit read back from its JSON document predicts as the fit itself") {
  const auto s = simulate_pnbd({0.8, 6, 0.9, 12}, 0.7, -0.5, 400, 11);
  const auto f = try_fit_clv_covariates(clv_model::pnbd, s.customers(), s.covariates()).value();
  const auto text = to_json(f);
  const auto back = try_parse_clv_covariate_fit(text, "fit.json").value();
  CHECK(back.fit.model == clv_model::pnbd);
  CHECK(back.fit.names == f.fit.names);
  CHECK(back.fit.params == f.fit.params);  // JSON keeps every double's 17 digits
  CHECK(back.fit.standard_errors == f.fit.standard_errors);
  CHECK(back.fit.covariance == f.fit.covariance);
  CHECK(back.transaction_covariates() == std::vector<std::string>{"flag"});
  CHECK(back.lifetime_covariates() == std::vector<std::string>{"score"});
  CHECK(back.without.params == f.without.params);
  CHECK(back.lr_statistic == f.lr_statistic);
  CHECK(back.degrees_of_freedom == 2);
  CHECK(back.p_value == f.p_value);
  CHECK(to_json(back) == text);
  const auto direct = try_clv_covariate_predict(f, s.customers(), s.covariates(), 26).value();
  const auto read = try_clv_covariate_predict(back, s.customers(), s.covariates(), 26).value();
  CHECK(read.expected_transactions == direct.expected_transactions);
  CHECK(read.p_alive == direct.p_alive);

  // What the reader refuses, each named by its JSON path.
  auto doc = nlohmann::json::parse(text);
  auto refused = [&](const std::function<void(nlohmann::json&)>& change) {
    auto changed = doc;
    change(changed);
    return test::failure(try_parse_clv_covariate_fit(changed.dump(), "fit.json")).to_string();
  };
  CHECK(refused([](auto& j) { j["fit"]["params"].erase("transaction.flag"); }) ==
        "fit.json: fit.params.transaction.flag: the parameter is missing");
  CHECK(refused([](auto& j) { j["fit"]["params"]["s"] = -1; }) ==
        "fit.json: fit.params.s: expected a finite number > 0");
  auto negative = doc;  // a coefficient has any sign
  negative["fit"]["params"]["lifetime.score"] = -3;
  CHECK(try_parse_clv_covariate_fit(negative.dump()).value().fit.params[5] == -3);
  CHECK(refused([](auto& j) { j["covariates"]["lifetime"] = nlohmann::json::array({"score", "score"}); }) ==
        "fit.json: covariates.lifetime[1]: \"score\" is listed twice");
  CHECK(refused([](auto& j) {
          j["without"] = {{"model", "bgnbd"}, {"params", {{"r", 1}, {"alpha", 2}, {"a", 3}, {"b", 4}}}};
        }) == "fit.json: without.model: the fit without covariates must be of the same model (Pareto/NBD)");
  CHECK(refused([](auto& j) { j["likelihood_ratio"]["degrees_of_freedom"] = 3; }) ==
        "fit.json: likelihood_ratio.degrees_of_freedom: expected 2, the number of coefficients");
  CHECK(refused([](auto& j) { j["fit"]["covariance"].erase("lifetime.score"); }) ==
        "fit.json: fit.covariance.lifetime.score: the row is missing");
  CHECK(refused([](auto& j) { j["fit"]["paramz"] = 1; }).find("fit.paramz: unknown field") != std::string::npos);
  // A fit document without covariates is not one with them, nor the reverse.
  CHECK(test::failure(try_parse_clv_covariate_fit(to_json(f.without))).code == errc::unknown_format);
  CHECK(test::failure(try_parse_clv_fit(text)).code == errc::unknown_format);
}

TEST_CASE("CLV covariates: the BG/NBD recovers known coefficients") {
  const bgnbd_params truth{0.8, 6, 1.2, 3};
  const auto s = simulate_bgnbd(truth, 0.7, 0.6, 3000, 20250202);
  const auto f = try_fit_clv_covariates(clv_model::bgnbd, s.customers(), s.covariates()).value();
  check_recovered(f, {truth.r, truth.alpha, truth.a, truth.b, 0.7, 0.6});
  CHECK(f.p_value < 1e-6);
  const auto p = try_clv_covariate_predict(f, s.customers(), s.covariates(), 26).value();
  for (std::size_t i = 0; i < 20; ++i) {
    CHECK(p.p_alive[i] > 0);
    CHECK(p.p_alive[i] <= 1);
  }
}

TEST_CASE("CLV covariates: inputs are checked and named") {
  const auto s = simulate_pnbd({0.8, 6, 0.9, 12}, 0, 0, 50, 3);
  const auto c = s.customers();
  const std::vector<double> constant(50, 1.0), short_column(49, 0.5);
  std::vector<double> with_nan = s.score;
  with_nan[7] = std::nan("");
  CHECK(test::fails(try_fit_clv_covariates(clv_model::bgbb, c, s.covariates())) ==
        "model: covariates are for the BG/NBD, Pareto/NBD and GGompertz/NBD, not the BG/BB");
  CHECK(test::fails(try_fit_clv_covariates(clv_model::pnbd, c, {})) == "covariates: no covariate given");
  CHECK(test::fails(try_fit_clv_covariates(clv_model::pnbd, c, {{{"k", constant}}, {}})) ==
        "transaction[0]: \"k\" is the same for every customer: it cannot be told from the base parameters");
  CHECK(test::fails(try_fit_clv_covariates(clv_model::pnbd, c, {{}, {{"s", short_column}}})) ==
        "lifetime[0]: \"s\" has 49 values for 50 customers");
  CHECK(test::fails(try_fit_clv_covariates(clv_model::pnbd, c, {{}, {{"s", s.score}, {"s", s.flag}}})) ==
        "lifetime[1]: \"s\" is listed twice");
  CHECK(test::fails(try_fit_clv_covariates(clv_model::pnbd, c, {{{"v", with_nan}}, {}})) ==
        "transaction[0]: \"v\" is not a finite number for customer 7");
  clv_covariate_fit f;
  f.fit.model = clv_model::pnbd;
  f.fit.names = {"r", "alpha", "s", "beta", "transaction.flag", "lifetime.score"};
  f.fit.params = {0.8, 6, 0.9, 12, 0.1, 0.1};
  f.transaction_count = f.lifetime_count = 1;
  CHECK(test::fails(try_clv_covariate_predict(f, c, {{{"other", s.flag}}, {{"score", s.score}}}, 10)) ==
        "transaction: the fit's covariate \"flag\" is not in the data");
  CHECK(test::fails(try_clv_covariate_predict(f, c, {{{"flag", s.flag}}, {}}, 10)) ==
        "lifetime: the fit has 1 lifetime covariates, the data 0");
  // One customer: his covariates are necessarily "the same for every customer", which only
  // a fit cannot use. His prediction is the one he gets among the others.
  const auto all = try_clv_covariate_predict(f, c, s.covariates(), 10).value();
  const std::vector<double> x1{s.frequency[3]}, t1{s.recency[3]}, T1{s.age[3]}, z1{s.flag[3]}, w1{s.score[3]};
  const auto one = try_clv_covariate_predict(f, {x1, t1, T1, {}}, {{{"flag", z1}}, {{"score", w1}}}, 10).value();
  CHECK(one.p_alive[0] == all.p_alive[3]);
  CHECK(one.expected_transactions[0] == all.expected_transactions[3]);
}
