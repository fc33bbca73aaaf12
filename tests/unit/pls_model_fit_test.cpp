// Model fit of PLS path models (Dijkstra & Henseler 2015): SRMR, d_ULS and d_G recomputed
// from their definitions, identities of saturated structures, and the Bollen–Stine
// exact-fit test on data simulated from a model that holds and from one that does not.
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/model_fit.hpp>

#include "pls_simulation.hpp"
#include "test_support.hpp"

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>

using namespace excellence;

namespace {

struct fit_case {
  pls_model model = read_pls_model(test::data_dir / "pls" / "satisfaction_model.json");
  pls_data data = try_pls_data(try_read_csv(test::data_dir / "pls" / "satisfaction.csv").value(), model).value();
};

// The indicators' correlations, in the fit's indicator order, from the rows.
Eigen::MatrixXd correlations_of(const pls_fit& fit, const pls_data& data) {
  const auto p = static_cast<Eigen::Index>(fit.indicators.size());
  Eigen::MatrixXd X(data.values.rows(), p);
  for (Eigen::Index k = 0; k < p; ++k) {
    const auto column = std::find(data.names.begin(), data.names.end(), fit.indicators[static_cast<std::size_t>(k)]) -
                        data.names.begin();
    X.col(k) = data.values.col(column).array() - data.values.col(column).mean();
    X.col(k) /= X.col(k).norm();
  }
  return X.transpose() * X;
}

// SRMR, d_ULS and d_G from their textbook definitions.
std::array<double, 3> distances_of(const Eigen::MatrixXd& S, const Eigen::MatrixXd& sigma) {
  double lower = 0, all = 0;
  int count = 0;
  for (Eigen::Index i = 0; i < S.rows(); ++i)
    for (Eigen::Index j = 0; j < S.cols(); ++j) {
      const double d = S(i, j) - sigma(i, j);
      all += d * d;
      if (j <= i) {
        lower += d * d;
        ++count;
      }
    }
  const Eigen::EigenSolver<Eigen::MatrixXd> eigen(S.inverse() * sigma);
  double dg = 0;
  for (const auto& phi : eigen.eigenvalues()) dg += std::pow(std::log(phi.real()), 2);
  return {std::sqrt(lower / count), all / 2, dg / 2};
}

void check_measures(const pls_model_fit_variant& variant, const std::array<double, 3>& expected, double tolerance) {
  REQUIRE(variant.measures.size() == 3);
  CHECK(std::abs(*variant.find("SRMR")->value - expected[0]) < tolerance);
  CHECK(std::abs(*variant.find("d_ULS")->value - expected[1]) < tolerance);
  CHECK(std::abs(*variant.find("d_G")->value - expected[2]) < tolerance);
}

const pls_model chain_model = parse_pls_syntax(test::factor_chain_syntax);

}  // namespace

TEST_CASE("model fit: the composite model's implied correlations from the weights alone") {
  const fit_case c;
  const auto fit = estimate_pls(c.model, c.data);
  const auto result = pls_model_fit(c.model, c.data);
  const Eigen::MatrixXd S = correlations_of(fit, c.data);
  CHECK((result.observed - S).cwiseAbs().maxCoeff() < 1e-12);
  CHECK_FALSE(result.common_factor);
  // Between blocks i and j a composite model implies S_ii w_i (w_i' S_ij w_j) w_j' S_jj;
  // within a block it leaves S.
  Eigen::MatrixXd sigma = S;
  const auto p = static_cast<Eigen::Index>(fit.indicators.size());
  for (Eigen::Index a = 0; a < p; ++a)
    for (Eigen::Index b = 0; b < p; ++b) {
      const auto i = fit.block_of[static_cast<std::size_t>(a)], j = fit.block_of[static_cast<std::size_t>(b)];
      if (i == j) continue;
      double load_a = 0, load_b = 0, r = 0;
      for (Eigen::Index k = 0; k < p; ++k) {
        if (fit.block_of[static_cast<std::size_t>(k)] == i) load_a += S(a, k) * fit.weights(k);
        if (fit.block_of[static_cast<std::size_t>(k)] == j) load_b += S(b, k) * fit.weights(k);
        for (Eigen::Index m = 0; m < p; ++m)
          if (fit.block_of[static_cast<std::size_t>(k)] == i && fit.block_of[static_cast<std::size_t>(m)] == j)
            r += fit.weights(k) * S(k, m) * fit.weights(m);
      }
      sigma(a, b) = load_a * r * load_b;
    }
  CHECK((result.saturated.implied - sigma).cwiseAbs().maxCoeff() < 1e-12);
  check_measures(result.saturated, distances_of(S, sigma), 1e-12);
  // The estimated model restricts the correlations of constructs no path joins: it fits
  // less well than the saturated one on these data.
  CHECK(*result.estimated.find("SRMR")->value > *result.saturated.find("SRMR")->value);
  CHECK_FALSE(result.saturated.find("SRMR")->q95.has_value());  // no test asked for
}

TEST_CASE("model fit: PLSc's common factors, and a saturated structure's two variants agree") {
  const fit_case c;
  const pls_options plsc{.scheme = pls_scheme::factorial, .consistent = true};
  const auto fit = estimate_pls(c.model, c.data, plsc);
  const auto result = pls_model_fit(c.model, c.data, plsc);
  CHECK(result.common_factor);
  // A common factor's indicators correlate through it alone: λ_a λ_b within a block,
  // λ_a φ_ij λ_b between blocks, 1 on the diagonal.
  const auto& sigma = result.saturated.implied;
  for (std::size_t a = 0; a < fit.indicators.size(); ++a)
    for (std::size_t b = 0; b < fit.indicators.size(); ++b) {
      const auto i = static_cast<Eigen::Index>(fit.block_of[a]), j = static_cast<Eigen::Index>(fit.block_of[b]);
      const double expected = a == b ? 1.0
                                     : fit.loadings(static_cast<Eigen::Index>(a)) * fit.lv_correlations(i, j) *
                                           fit.loadings(static_cast<Eigen::Index>(b));
      CHECK(std::abs(sigma(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) - expected) < 1e-12);
    }
  check_measures(result.saturated, distances_of(result.observed, sigma), 1e-12);

  // IMAG → EXPE, IMAG → SAT, EXPE → SAT joins every pair: the paths imply exactly the
  // estimated construct correlations, so both variants are the same model.
  const auto triangle = parse_pls_syntax(
      "IMAG =~ imag1 + imag2 + imag3 + imag4 + imag5\nEXPE =~ expe1 + expe2 + expe3 + expe4 + expe5\n"
      "SAT =~ sat1 + sat2 + sat3 + sat4\nEXPE ~ IMAG\nSAT ~ IMAG + EXPE\n");
  for (const bool consistent : {false, true}) {
    INFO("consistent: " << consistent);
    const auto t = pls_model_fit(triangle, c.data, {.consistent = consistent});
    CHECK((t.saturated.implied - t.estimated.implied).cwiseAbs().maxCoeff() < 1e-12);
  }
  // One indicator per composite and every pair joined: the model reproduces S exactly.
  const auto single = parse_pls_syntax("A <~ imag1\nB <~ expe1\nC <~ sat1\nB ~ A\nC ~ A + B\n");
  const auto s = pls_model_fit(single, c.data);
  for (const auto* variant : {&s.saturated, &s.estimated})
    for (const auto& m : variant->measures) {
      INFO(m.name);
      CHECK(std::abs(*m.value) < 1e-12);
    }
}

TEST_CASE("exact-fit test: keeps a model that holds, rejects one that omits a path, same draws on any thread count") {
  // PLSc on 400 rows of a common-factor chain F1 → F2 → F3: with no direct path in the
  // population the model holds and the test keeps it; with a direct path of 0.5 the
  // estimated model (which sets it to 0) is rejected while the saturated one is not.
  const pls_options plsc{.consistent = true};
  const pls_model_fit_options exact{.resamples = 300, .seed = 7, .threads = 1, .keep_draws = true};
  const auto holds = pls_model_fit(chain_model, test::simulate({}, 400, 11), plsc, exact);
  const auto omits = pls_model_fit(chain_model, test::simulate({.direct = 0.5}, 400, 11), plsc, exact);
  for (const auto* variant : {&holds.saturated, &holds.estimated, &omits.saturated}) {
    CHECK(variant->succeeded == 300);
    for (const auto& m : variant->measures) {
      INFO(m.name);
      CHECK(*m.value < *m.q95);
      CHECK(*m.p_value > 0.05);
    }
  }
  for (const auto& m : omits.estimated.measures) {
    INFO(m.name);
    CHECK(*m.value > *m.q99);
    CHECK(*m.p_value < 0.01);
  }
  // The quantiles and p-value are those of the kept reference distribution (type 7).
  const auto& srmr = *holds.estimated.find("SRMR");
  auto sorted = srmr.draws;
  std::sort(sorted.begin(), sorted.end());
  const double h = 0.95 * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(h);
  CHECK(std::abs(*srmr.q95 - (sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]))) < 1e-15);
  const auto beyond = std::count_if(sorted.begin(), sorted.end(), [&](double v) { return v >= *srmr.value; });
  CHECK(*srmr.p_value == doctest::Approx(static_cast<double>(beyond) / 300.0).epsilon(1e-15));
  CHECK(*srmr.q95 <= *srmr.q99);

  // The same draws on one thread and on two.
  const auto data = test::simulate({}, 400, 11);
  const auto one =
      pls_model_fit(chain_model, data, plsc, {.resamples = 40, .seed = 7, .threads = 1, .keep_draws = true});
  const auto two =
      pls_model_fit(chain_model, data, plsc, {.resamples = 40, .seed = 7, .threads = 2, .keep_draws = true});
  CHECK(one.estimated.find("d_G")->draws == two.estimated.find("d_G")->draws);
}

TEST_CASE("model fit: errors and limits") {
  const fit_case c;
  const auto too_many = try_pls_model_fit(c.model, c.data, {}, {.resamples = 2'000'000});
  REQUIRE_FALSE(too_many);
  CHECK(too_many.error().code == errc::out_of_range);
  // Two identical columns: the correlations are singular, no d_G and no test.
  auto twin = c.data;
  twin.values.col(1) = twin.values.col(0);
  const auto fit = try_pls_model_fit(c.model, twin);
  REQUIRE(fit);
  CHECK_FALSE(fit->saturated.find("d_G")->value.has_value());
  CHECK(fit->saturated.find("SRMR")->value.has_value());
  CHECK(std::any_of(fit->warnings.begin(), fit->warnings.end(),
                    [](const diagnostic& d) { return d.code == errc::inadmissible_estimate; }));
  const auto tested = try_pls_model_fit(c.model, twin, {}, {.resamples = 10});
  REQUIRE_FALSE(tested);
  CHECK(tested.error().code == errc::singular_matrix);
}
