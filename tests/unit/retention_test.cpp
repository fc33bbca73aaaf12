// Contractual retention: the sBG against Fader & Hardie (2007)'s published estimates, the BdW
// against the sBG it contains, the lifetimes against their series and closed forms.
#include <excellence/io/csv.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/models/retention/analysis.hpp>
#include <excellence/models/retention/fit.hpp>
#include <excellence/models/retention/lifetime.hpp>
#include <excellence/models/retention/survivors.hpp>

#include "test_support.hpp"

#include <cmath>
#include <string>
#include <vector>

using namespace excellence;

namespace {

// Fader & Hardie (2007), Table 1: survivors of 1,000 customers at ages 0–12.
const std::vector<double> regular_counts{1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173};
const std::vector<double> high_end_counts{1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394};

std::vector<survivor_cohort> first_years(const std::vector<double>& counts, std::size_t ages) {
  return {{"", "year 1", std::vector<double>(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(ages))}};
}

// The sBG's log-likelihood by Fader & Hardie (2007)'s recursion (eq. 8): P(T = 1) = α/(α+β),
// P(T = t) = (β + t − 2)/(α + β + t − 1) P(T = t − 1), S(t) = 1 − Σ P.
double sbg_log_likelihood_by_recursion(double a, double b, const std::vector<double>& s) {
  double p = a / (a + b), survive = 1 - p, ll = (s[0] - s[1]) * std::log(p);
  for (std::size_t t = 2; t < s.size(); ++t) {
    p *= (b + static_cast<double>(t) - 2) / (a + b + static_cast<double>(t) - 1);
    survive -= p;
    ll += (s[t - 1] - s[t]) * std::log(p);
  }
  return ll + s.back() * std::log(survive);
}

// E[(1 − θ)^j] for θ ~ Beta(a, b): Π_{i<j} (b + i)/(a + b + i).
double renewal_moment(double a, double b, int j) {
  double m = 1;
  for (int i = 0; i < j; ++i) m *= (b + i) / (a + b + i);
  return m;
}

}  // namespace

TEST_CASE("sBG: Fader & Hardie (2007)'s estimates for the regular and high-end cohorts") {
  // The paper fits years 1–8 (ages 0–7): regular α = 0.704, β = 1.182; high end α = 0.668,
  // β = 3.806 (three decimals as printed).
  const auto regular = fit_retention(retention_model::sbg, first_years(regular_counts, 8));
  CHECK(regular.converged);
  CHECK(regular.names == std::vector<std::string>{"alpha", "beta"});
  CHECK(std::abs(*regular.param("alpha") - 0.704) < 5e-4);
  CHECK(std::abs(*regular.param("beta") - 1.182) < 5e-4);
  CHECK(regular.customers == 1000);
  CHECK(regular.cohorts == 1);
  CHECK(regular.observations == 7);
  REQUIRE(regular.standard_errors.size() == 2);
  const auto high_end = fit_retention(retention_model::sbg, first_years(high_end_counts, 8));
  CHECK(high_end.converged);
  CHECK(std::abs(*high_end.param("alpha") - 0.668) < 5e-4);
  CHECK(std::abs(*high_end.param("beta") - 3.806) < 5e-4);
  // Projection and DERL of the high-end fit as the shifted_beta_geometric_py package's README
  // (github.com/jdmaturen/shifted_beta_geometric_py) prints them: survival in years 8–12
  // 0.460, 0.436, 0.414, 0.395, 0.378, and DERL after 7 renewals at d = 10 % 7.530.
  const auto curve = retention_curve::from(high_end);
  const double printed[] = {0.460, 0.436, 0.414, 0.395, 0.378};
  for (int t = 8; t <= 12; ++t) CHECK(std::abs(survival(curve, t) - printed[t - 8]) < 5e-4);
  CHECK(std::abs(discounted_residual_lifetime(curve, 0.1, 7) - 7.530) < 5e-4);
  // The maximum: the likelihood by the paper's recursion is lower a step away either side.
  for (const auto& [fit, counts] : {std::pair{&regular, &regular_counts}, {&high_end, &high_end_counts}}) {
    const std::vector<double> s(counts->begin(), counts->begin() + 8);
    const double a = fit->params[0], b = fit->params[1];
    CHECK(fit->log_likelihood == doctest::Approx(sbg_log_likelihood_by_recursion(a, b, s)).epsilon(1e-13));
    for (const double h : {-1e-4, 1e-4}) {
      CHECK(sbg_log_likelihood_by_recursion(a + h, b, s) < fit->log_likelihood);
      CHECK(sbg_log_likelihood_by_recursion(a, b + h, s) < fit->log_likelihood);
    }
  }
}

TEST_CASE("sBG: the likelihood is the paper's recursion at any parameters; cohorts add up") {
  const std::vector<double> s(regular_counts.begin(), regular_counts.begin() + 8);
  for (const auto& ab : {std::pair{0.3, 0.2}, {1.0, 1.0}, {2.5, 9.0}, {40.0, 3.0}}) {
    const double a = ab.first, b = ab.second;
    const std::vector<double> params{a, b};
    CHECK(retention_log_likelihood(retention_model::sbg, params, first_years(regular_counts, 8)) ==
          doctest::Approx(sbg_log_likelihood_by_recursion(a, b, s)).epsilon(1e-11));
  }
  // Two cohorts observed for different lengths: the log-likelihood is the sum of theirs.
  const std::vector<survivor_cohort> both{{"", "2019", s}, {"", "2020", {800, 690, 601, 540}}};
  const std::vector<double> params{0.9, 2.0};
  CHECK(retention_log_likelihood(retention_model::sbg, params, both) ==
        doctest::Approx(retention_log_likelihood(retention_model::sbg, params, {&both[0], 1}) +
                        retention_log_likelihood(retention_model::sbg, params, {&both[1], 1}))
            .epsilon(1e-14));
  // The same cohort twice: the same estimate, standard errors smaller by √2.
  const auto once = fit_retention(retention_model::sbg, first_years(regular_counts, 8));
  const std::vector<survivor_cohort> twice{{"", "a", s}, {"", "b", s}};
  const auto doubled = fit_retention(retention_model::sbg, twice);
  CHECK(doubled.params[0] == doctest::Approx(once.params[0]).epsilon(1e-7));
  CHECK(doubled.params[1] == doctest::Approx(once.params[1]).epsilon(1e-7));
  CHECK(doubled.standard_errors[0] * std::sqrt(2.0) == doctest::Approx(once.standard_errors[0]).epsilon(1e-4));
  CHECK(doubled.log_likelihood == doctest::Approx(2 * once.log_likelihood).epsilon(1e-12));
}

TEST_CASE("BdW: c = 1 is the sBG; it recovers a known duration dependence") {
  const auto cohort = first_years(high_end_counts, 8);
  for (const auto& ab : {std::pair{0.668, 3.806}, {2.0, 0.5}}) {
    const double a = ab.first, b = ab.second;
    const std::vector<double> sbg{a, b}, bdw{a, b, 1.0};
    CHECK(retention_log_likelihood(retention_model::bdw, bdw, cohort) ==
          doctest::Approx(retention_log_likelihood(retention_model::sbg, sbg, cohort)).epsilon(1e-12));
    const retention_curve curve{a, b, 1.0};
    for (int t = 1; t < 30; ++t) CHECK(retention_rate(curve, t) == doctest::Approx((b + t - 1) / (a + b + t - 1)));
  }
  // The BdW nests the sBG: its maximum is at least the sBG's.
  const auto sbg = fit_retention(retention_model::sbg, cohort);
  const auto bdw = fit_retention(retention_model::bdw, cohort);
  CHECK(bdw.converged);
  CHECK(bdw.names == std::vector<std::string>{"alpha", "beta", "c"});
  CHECK(bdw.log_likelihood >= sbg.log_likelihood - 1e-9);
  // Survivors of ten million customers that follow a BdW exactly (rounded to whole
  // customers): the fit finds its parameters.
  const retention_curve truth{0.8, 2.5, 0.7};
  survivor_cohort simulated{"", "simulated", {}};
  for (int t = 0; t <= 12; ++t) simulated.survivors.push_back(std::round(1e7 * survival(truth, t)));
  const auto recovered = fit_retention(retention_model::bdw, std::vector{simulated});
  CHECK(recovered.converged);
  CHECK(*recovered.param("alpha") == doctest::Approx(0.8).epsilon(1e-3));
  CHECK(*recovered.param("beta") == doctest::Approx(2.5).epsilon(1e-3));
  CHECK(*recovered.param("c") == doctest::Approx(0.7).epsilon(1e-3));
}

TEST_CASE("lifetimes: DEL and DERL against their series, Gauss's sums and the BdW's sum") {
  const double x = 1 / 1.1;
  for (const auto& ab : {std::pair{0.704, 1.182}, {0.668, 3.806}, {3.8, 15.2}, {1.5, 0.3}}) {
    const double a = ab.first, b = ab.second;
    const retention_curve curve{a, b, 1.0};
    // DEL = ₂F₁(1, β; α + β; x) (Fader & Hardie 2010, eq. 5), summed here term by term.
    double del = 0, term = 1;
    for (int k = 0; k < 5000; ++k, term *= (b + k - 1) / (a + b + k - 1) * x) del += term;
    CHECK(discounted_expected_lifetime(curve, 0.1) == doctest::Approx(del).epsilon(1e-12));
    for (std::size_t n : {0U, 1U, 4U, 7U, 30U}) {
      // DERL(n) = Σ_{t>n} S(t)/S(n) x^(t−n−1), S(t)/S(n) = Π_{n<i≤t} (β + i − 1)/(α + β + i − 1).
      double derl = 0, ratio = 1;
      for (int j = 1; j < 5000; ++j) {
        const double i = static_cast<double>(n) + j;
        ratio *= (b + i - 1) / (a + b + i - 1);
        derl += ratio * std::pow(x, j - 1);
      }
      INFO("alpha " << a << " beta " << b << " n " << n);
      CHECK(discounted_residual_lifetime(curve, 0.1, n) == doctest::Approx(derl).epsilon(1e-11));
      // The BdW's summed lifetime at c = 1 is the sBG's hypergeometric one.
      const retention_curve near_sbg{a, b, 1.0 + 1e-12};
      CHECK(discounted_residual_lifetime(near_sbg, 0.1, n) == doctest::Approx(derl).epsilon(1e-9));
    }
    // Undiscounted: (α + β − 1)/(α − 1) for α > 1, infinite otherwise.
    const auto life = try_discounted_expected_lifetime(curve, 0);
    if (a > 1) {
      REQUIRE(life);
      CHECK(*life == doctest::Approx((a + b - 1) / (a - 1)).epsilon(1e-14));
      // … and the limit of the discounted ones (approached like d^(α−1)).
      CHECK(discounted_expected_lifetime(curve, 1e-10) == doctest::Approx(*life).epsilon(1e-4));
    } else {
      REQUIRE_FALSE(life);
      CHECK(life.error().code == errc::out_of_range);
      CHECK(life.error().path.to_string() == "discount");
    }
  }
  // A near-1 discount factor (d = 0.001) through the connection formula.
  const retention_curve regular{0.704, 1.182, 1.0};
  double slow = 0, term = 1;
  for (int k = 0; k < 200000; ++k, term *= (1.182 + k - 1) / (1.886 + k - 1) / 1.001) slow += term;
  CHECK(discounted_expected_lifetime(regular, 0.001) == doctest::Approx(slow).epsilon(1e-9));
  CHECK_FALSE(try_discounted_expected_lifetime({0.7, 1.2, 0.8}, 0));
  CHECK(try_discounted_expected_lifetime({0.7, 1.2, 1.0}, -0.1).error().code == errc::out_of_range);
  CHECK(try_discounted_expected_lifetime({0.0, 1.2, 1.0}, 0.1).error().path.to_string() == "params.alpha");
}

TEST_CASE("retention elasticity: the derivative it is, and the textbook value without heterogeneity") {
  // Each customer's renewal probability 1 − θ scaled by 1 + δ: the mean DERL of those with
  // n renewals is Σ_k x^k (1 + δ)^(k+1) E[(1 − θ)^(k+1) | n]; the elasticity its log-derivative.
  for (const auto& ab : {std::pair{0.704, 1.182}, {0.668, 3.806}, {3.0, 4.0}}) {
    const double a = ab.first, b = ab.second;
    for (const std::size_t n : {0U, 3U, 10U}) {
      const double x = 1 / 1.1;
      const auto mean_derl = [&](double delta) {
        double sum = 0;
        for (int k = 0; k < 3000; ++k)
          sum += std::pow(x * (1 + delta), k) * (1 + delta) * renewal_moment(a, b + static_cast<double>(n), k + 1);
        return sum;
      };
      const double h = 1e-6;
      const double numeric = (mean_derl(h) - mean_derl(-h)) / (2 * h) / mean_derl(0);
      CHECK(retention_elasticity({a, b, 1.0}, 0.1, n) == doctest::Approx(numeric).epsilon(1e-7));
    }
  }
  // Without heterogeneity (α, β → ∞ with β/(α + β) = r): (1 + d)/(1 + d − r), Pfeifer & Farris.
  const double r = 0.8, d = 0.1, k = 1e7;
  CHECK(retention_elasticity({k * (1 - r), k * r, 1.0}, d, 0) == doctest::Approx((1 + d) / (1 + d - r)).epsilon(1e-5));
  // Undiscounted: (α + β + n − 1)/(α − 2) for α > 2.
  CHECK(retention_elasticity({3.0, 4.0, 1.0}, 0, 2) == doctest::Approx((3.0 + 6.0 - 1) / (3.0 - 2)).epsilon(1e-14));
  CHECK(retention_elasticity({3.0, 4.0, 1.0}, 1e-7, 2) == doctest::Approx(8.0).epsilon(1e-4));
  const auto bdw = try_retention_elasticity({1.0, 2.0, 0.7}, 0.1, 0);
  REQUIRE_FALSE(bdw);
  CHECK(bdw.error().path.to_string() == "c");
}

TEST_CASE("survivor counts: from a cohort table, and what is refused") {
  // c1, c2 from period 0 to 2, c3 from 0 only; c4 from 1 to 2: survivors 3, 2, 2 and 1, 1.
  const std::vector<activity_record> records{{"c1", 0}, {"c1", 1}, {"c1", 2}, {"c2", 0}, {"c2", 1},
                                             {"c2", 2}, {"c3", 0}, {"c4", 1}, {"c4", 2}};
  const auto cohorts = survivor_cohorts(cohort_retention(records, {1, time_unit::month}));
  REQUIRE(cohorts.size() == 2);
  CHECK(cohorts[0].cohort == "0");
  CHECK(cohorts[0].survivors == std::vector<double>{3, 2, 2});
  CHECK(cohorts[1].survivors == std::vector<double>{1, 1});
  CHECK(fit_retention(retention_model::sbg, cohorts).observations == 3);

  const auto refused = [](std::vector<survivor_cohort> c) {
    const auto fit = try_fit_retention(retention_model::sbg, c);
    REQUIRE_FALSE(fit);
    return fit.error();
  };
  auto e = refused({{"", "a", {100, 80, 81}}});
  CHECK(e.code == errc::invalid_value);
  CHECK(e.path.to_string() == "cohorts[0].survivors[2]");
  CHECK(e.message.find("81 survivors at age 2 but 80 at age 1") != std::string::npos);
  CHECK(refused({{"", "a", {100, 80}}, {"", "b", {100, 80.5}}}).path.to_string() == "cohorts[1].survivors[1]");
  CHECK(refused({{"", "a", {100, NAN}}}).code == errc::out_of_range);
  CHECK(refused({{"", "a", {0, 0}}}).path.to_string() == "cohorts[0].survivors[0]");
  CHECK(refused({{"", "a", {}}}).path.to_string() == "cohorts[0].survivors");
  CHECK(refused({}).path.to_string() == "cohorts");
  CHECK(refused({{"", "a", {100}}, {"", "b", {50}}}).message.find("no renewal") != std::string::npos);
  CHECK(try_fit_retention(retention_model::sbg, std::vector<survivor_cohort>{{"", "a", {10, 9}}}, {.start = {1.0}})
            .error()
            .path.to_string() == "start");
  CHECK(try_retention_log_likelihood(retention_model::bdw, std::vector<double>{1.0, 1.0},
                                     std::vector<survivor_cohort>{{"", "a", {10, 9}}})
            .error()
            .path.to_string() == "params");

  // Data that cannot identify the model: never reported as converged.
  for (const auto& counts : {std::vector<double>{100, 100, 100}, std::vector<double>{100, 0, 0}}) {
    const auto fit = fit_retention(retention_model::sbg, std::vector<survivor_cohort>{{"", "a", counts}});
    CHECK_FALSE(fit.converged);
    REQUIRE_FALSE(fit.warnings.empty());
    CHECK(fit.warnings.back().code == errc::not_converged);
  }
}

TEST_CASE("analysis: each segment fitted, projected beside its holdout, with lifetimes") {
  const auto table = read_csv(test::data_dir / "retention" / "fh2007_survivors.csv");
  const auto segments = table.texts("segment");
  const auto counts = table.try_numbers("survivors").value();
  std::vector<survivor_cohort> cohorts;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (cohorts.empty() || cohorts.back().segment != segments[r]) cohorts.push_back({segments[r], "year 1", {}});
    cohorts.back().survivors.push_back(counts[r]);
  }
  REQUIRE(cohorts.size() == 2);
  retention_analysis_options options;
  options.fit_through = 7;
  options.discount = 0.1;
  const auto a = analyse_retention(cohorts, options);
  REQUIRE(a.segments.size() == 2);
  CHECK(a.horizon == 24);  // twice the longest observed age
  const auto& regular = a.segments[0];
  CHECK(regular.segment == "regular");
  CHECK(std::abs(regular.fit.params[0] - 0.704) < 5e-4);
  CHECK(std::abs(a.segments[1].fit.params[1] - 3.806) < 5e-4);
  REQUIRE(regular.ages.size() == 25);
  for (const auto& row : regular.ages) {
    CHECK(row.survival == doctest::Approx(survival(retention_curve::from(regular.fit), static_cast<double>(row.age))));
    if (row.age <= 12) {
      REQUIRE(row.observed_survival);
      CHECK(*row.observed_survival == regular_counts[row.age] / 1000);
      CHECK(*row.survivors == regular_counts[row.age]);
      CHECK(*row.expected_survivors == doctest::Approx(1000 * row.survival));
      CHECK(row.held_out == (row.age > 7));
    } else {
      CHECK_FALSE(row.observed_survival);
      CHECK_FALSE(row.expected_survivors);
      CHECK_FALSE(row.held_out);
    }
    if (row.age > 0 && row.age <= 12)
      CHECK(*row.observed_retention == doctest::Approx(regular_counts[row.age] / regular_counts[row.age - 1]));
  }
  // Fader & Hardie (2007), Figure 3: the projection of the held-out years 8–12 stays within
  // about 2 percentage points of the survivors (regular: 22.3 … 17.3 %).
  for (std::size_t t = 8; t <= 12; ++t) CHECK(std::abs(regular.ages[t].survival - regular_counts[t] / 1000) < 0.02);
  const auto curve = retention_curve::from(regular.fit);
  CHECK(*regular.expected_lifetime == doctest::Approx(discounted_expected_lifetime(curve, 0.1)));
  REQUIRE(regular.renewals.size() == 8);  // n = 0 … 7, the fitted ages
  CHECK(regular.renewals[7].residual_lifetime == doctest::Approx(discounted_residual_lifetime(curve, 0.1, 7)));
  CHECK(*regular.renewals[3].elasticity == doctest::Approx(retention_elasticity(curve, 0.1, 3)));

  options.model = retention_model::bdw;
  options.horizon = 15;
  const auto b = analyse_retention(cohorts, options);
  CHECK(b.segments[0].ages.size() == 16);
  CHECK_FALSE(b.segments[0].renewals[0].elasticity);

  // Errors name what is wrong; a segment's failure names the segment.
  options.fit_through = 0;
  CHECK(try_analyse_retention(cohorts, options).error().path.to_string() == "fit_through");
  options.fit_through.reset();
  options.discount = -1;
  CHECK(try_analyse_retention(cohorts, options).error().path.to_string() == "discount");
  options.discount = 0;
  options.model = retention_model::sbg;
  const auto infinite = try_analyse_retention(cohorts, options);  // α < 1: infinite life
  REQUIRE_FALSE(infinite);
  CHECK(infinite.error().message.find("segment \"regular\"") != std::string::npos);
}
