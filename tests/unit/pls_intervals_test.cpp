// Bootstrap intervals of PLS estimates (percentile, bias-corrected, BCa) and the specific
// indirect effects, each recomputed here from its definition (Efron & Tibshirani 1993,
// ch. 14): the levels from the kept resample values, the acceleration from leave-one-out
// fits on the data without each row.
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>

#include "test_support.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <string>

using namespace excellence;

namespace {

struct interval_case {
  pls_model model = read_pls_model(test::data_dir / "pls" / "satisfaction_model.json");
  pls_data data = try_pls_data(try_read_csv(test::data_dir / "pls" / "satisfaction.csv").value(), model).value();
};

double type7_quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double h = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  return lo + 1 < v.size() ? v[lo] + (h - static_cast<double>(lo)) * (v[lo + 1] - v[lo]) : v[lo];
}

// The library's levels: (1 − 0.95)/2 in floating point, as a caller's confidence gives them.
const double lower_level = (1 - 0.95) / 2;

// The interval at levels Φ(z0 + (z0 + z)/(1 − a(z0 + z))) for z = z_{0.025}, z_{0.975}.
std::pair<double, double> corrected_interval(const pls_bootstrap_estimate& e, double a) {
  const boost::math::normal_distribution<double> normal;
  const auto below = std::count_if(e.draws.begin(), e.draws.end(), [&](double v) { return v < e.estimate; });
  const double z0 = boost::math::quantile(normal, static_cast<double>(below) / static_cast<double>(e.draws.size()));
  const auto level = [&](double q) {
    const double z = z0 + boost::math::quantile(normal, q);
    return boost::math::cdf(normal, z0 + z / (1 - a * z));
  };
  return {type7_quantile(e.draws, level(lower_level)), type7_quantile(e.draws, level(1 - lower_level))};
}

}  // namespace

TEST_CASE("bootstrap intervals: percentile and bias-corrected from their definitions") {
  const interval_case c;
  pls_bootstrap_options o{.resamples = 400, .seed = 11, .threads = 2, .keep_draws = true};
  const auto percentile = bootstrap_pls(c.model, c.data, {}, o);
  o.interval = pls_interval::bias_corrected;
  const auto bc = bootstrap_pls(c.model, c.data, {}, o);
  CHECK(bc.interval == pls_interval::bias_corrected);
  REQUIRE(percentile.paths.size() == bc.paths.size());
  for (std::size_t k = 0; k < bc.paths.size(); ++k) {
    const auto& e = bc.paths[k];
    INFO(e.name);
    REQUIRE(e.draws.size() == bc.succeeded);
    CHECK(e.draws == percentile.paths[k].draws);  // the same resamples, another interval
    CHECK(percentile.paths[k].lo == type7_quantile(e.draws, lower_level));
    CHECK(percentile.paths[k].hi == type7_quantile(e.draws, 1 - lower_level));
    CHECK(e.interval == pls_interval::bias_corrected);
    const auto [lo, hi] = corrected_interval(e, 0);
    CHECK(std::abs(e.lo - lo) < 1e-12);
    CHECK(std::abs(e.hi - hi) < 1e-12);
  }
  // Every kind of parameter has its entries: R² per endogenous variable, HTMT per pair.
  CHECK(bc.r2.size() == 5);
  CHECK(bc.htmt.size() == 15);
  CHECK(pls_bootstrap_result::find(bc.htmt, "IMAG, EXPE") != nullptr);
}

TEST_CASE("bootstrap intervals: BCa's acceleration is the jackknife's skewness") {
  const interval_case c;
  const auto bca = bootstrap_pls(c.model, c.data, {},
                                 {.resamples = 300, .seed = 5, .interval = pls_interval::bca, .keep_draws = true});
  const auto* path = pls_bootstrap_result::find(bca.paths, "VAL -> SAT");
  REQUIRE(path != nullptr);
  CHECK(path->interval == pls_interval::bca);
  // Leave-one-out fits from the rows themselves (not the moments' downdate the library uses).
  const auto n = c.data.values.rows();
  std::vector<double> theta;
  for (Eigen::Index i = 0; i < n; ++i) {
    pls_data without{c.data.names, Eigen::MatrixXd(n - 1, c.data.values.cols()), {}};
    without.values.topRows(i) = c.data.values.topRows(i);
    without.values.bottomRows(n - 1 - i) = c.data.values.bottomRows(n - 1 - i);
    theta.push_back(estimate_pls(c.model, without).path("VAL", "SAT").value());
  }
  double mean = 0;
  for (const double t : theta) mean += t / static_cast<double>(theta.size());
  double s2 = 0, s3 = 0;
  for (const double t : theta) {
    s2 += (mean - t) * (mean - t);
    s3 += (mean - t) * (mean - t) * (mean - t);
  }
  const double a = s3 / (6 * std::pow(s2, 1.5));
  const auto [lo, hi] = corrected_interval(*path, a);
  CHECK(std::abs(path->lo - lo) < 1e-9);
  CHECK(std::abs(path->hi - hi) < 1e-9);
}

TEST_CASE("bootstrap intervals: an interval the resamples cannot define is the percentile one, with a warning") {
  const interval_case c;
  // Two resamples: z0 is 0 or ±infinite for every parameter; some must fall back.
  const auto bc =
      bootstrap_pls(c.model, c.data, {}, {.resamples = 2, .seed = 3, .interval = pls_interval::bias_corrected});
  std::size_t fallbacks = 0;
  for (const auto& w : bc.warnings)
    if (w.code == errc::interval_undefined) ++fallbacks;
  std::size_t percentile = 0;
  for (const auto* list : {&bc.weights, &bc.loadings, &bc.paths, &bc.r2})
    for (const auto& e : *list) percentile += e.interval == pls_interval::percentile ? 1U : 0U;
  CHECK(fallbacks > 0);
  CHECK(fallbacks >= percentile);
  const auto bad = try_bootstrap_pls(c.model, c.data, {}, {.interval = static_cast<pls_interval>(7)});
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().path.to_string() == "interval");
}

TEST_CASE("specific indirect effects: every chain of the ECSI model, summing to the total indirect effects") {
  const interval_case c;
  const auto fit = estimate_pls(c.model, c.data);
  const auto chains = specific_indirect_effects(fit);
  // The chain through every mediator of SAT: by hand the product of its paths.
  const auto* longest = &chains.front();
  for (const auto& e : chains)
    if (e.name == "IMAG -> EXPE -> QUAL -> VAL -> SAT") longest = &e;
  REQUIRE(longest->name == "IMAG -> EXPE -> QUAL -> VAL -> SAT");
  const double product =
      *fit.path("IMAG", "EXPE") * *fit.path("EXPE", "QUAL") * *fit.path("QUAL", "VAL") * *fit.path("VAL", "SAT");
  CHECK(std::abs(longest->effect - product) < 1e-15);
  const auto J = static_cast<Eigen::Index>(fit.latent_variables.size());
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(J, J);
  for (const auto& e : chains)
    sum(static_cast<Eigen::Index>(e.chain.back()), static_cast<Eigen::Index>(e.chain.front())) += e.effect;
  CHECK((sum - fit.indirect_effects).cwiseAbs().maxCoeff() < 1e-14);
  // IMAG reaches SAT through 4 chains of two or more paths (by hand on the path diagram:
  // via EXPE, QUAL, VAL; EXPE, QUAL; EXPE, VAL; EXPE), listed together, chains compared
  // lexicographically by the positions of their latent variables in the model.
  std::vector<std::string> imag_sat;
  for (const auto& e : chains)
    if (e.chain.front() == 0 && e.chain.back() == 4) imag_sat.push_back(e.name);
  CHECK(imag_sat == std::vector<std::string>{"IMAG -> EXPE -> QUAL -> VAL -> SAT", "IMAG -> EXPE -> QUAL -> SAT",
                                             "IMAG -> EXPE -> VAL -> SAT", "IMAG -> EXPE -> SAT"});
  const auto boot = bootstrap_pls(c.model, c.data, {}, {.resamples = 100, .seed = 2});
  CHECK(boot.specific_indirect_effects.size() == chains.size());
  CHECK(boot.indirect_effects.size() > 0);
  const auto* via = pls_bootstrap_result::find(boot.specific_indirect_effects, longest->name);
  REQUIRE(via != nullptr);
  CHECK(via->estimate == longest->effect);
}
