// Consistent PLS (PLSc, Dijkstra & Henseler 2015) against ADANCO 2.1.1 on plspm's
// satisfaction data (tests/data/reference/pls/plsc_adanco_satisfaction.json: factorial
// scheme, all blocks reflective; an independent implementation agrees with it to 4e-7).
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/moments.hpp>

#include "test_support.hpp"

#include <cmath>
#include <string>

using namespace excellence;

namespace {

const auto plsc_dir = test::data_dir / "pls";

struct plsc_case {
  pls_model model = read_pls_model(plsc_dir / "satisfaction_model.json");
  pls_data data = try_pls_data(try_read_csv(plsc_dir / "satisfaction.csv").value(), model).value();
  pls_options options{.scheme = pls_scheme::factorial, .consistent = true};
};

const nlohmann::json& adanco() {
  static const auto r = test::read_json(test::data_dir / "reference" / "pls" / "plsc_adanco_satisfaction.json");
  return r;
}

std::pair<std::string, std::string> ends_of(const std::string& arrow) {
  const auto at = arrow.find(" -> ");
  return {arrow.substr(0, at), arrow.substr(at + 4)};
}

}  // namespace

TEST_CASE("PLSc reproduces ADANCO's consistent estimates of the ECSI model to 1e-6") {
  const plsc_case c;
  const auto fit = estimate_pls(c.model, c.data, c.options);
  const auto& ref = adanco();
  REQUIRE(ref.at("settings").at("consistent").get<bool>());
  CHECK(fit.converged);
  constexpr double tol = 1e-6;
  for (const auto& entry : ref.at("weights").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("weight " << name);
    CHECK(std::abs(fit.weight(name).value() - value.get<double>()) < tol);
  }
  for (const auto& entry : ref.at("loadings").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("loading " << name);
    CHECK(std::abs(fit.loading(name).value() - value.get<double>()) < tol);
  }
  for (const auto& entry : ref.at("R2").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("R2 " << name);
    CHECK(std::abs(fit.r_squared(name).value() - value.get<double>()) < tol);
  }
  for (const auto& entry : ref.at("paths").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("path " << name);
    const auto [from, to] = ends_of(name);
    CHECK(std::abs(fit.path(from, to).value() - value.get<double>()) < tol);
  }
  for (const auto& entry : ref.at("rho_A").items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("rho_A " << name);
    const auto j = fit.latent_index(name).value();
    REQUIRE(fit.blocks[j].rho_a.has_value());
    CHECK(std::abs(*fit.blocks[j].rho_a - value.get<double>()) < tol);
  }
}

TEST_CASE("PLSc: the identities that define it hold") {
  const plsc_case c;
  const auto fit = estimate_pls(c.model, c.data, c.options);
  auto ordinary_options = c.options;
  ordinary_options.consistent = false;
  const auto ordinary = estimate_pls(c.model, c.data, ordinary_options);
  // The weights and the scores are PLS's own; ρ_A is reported either way.
  CHECK((fit.weights - ordinary.weights).cwiseAbs().maxCoeff() == 0);
  CHECK((fit.scores - ordinary.scores).cwiseAbs().maxCoeff() == 0);
  for (std::size_t j = 0; j < fit.blocks.size(); ++j) CHECK(*fit.blocks[j].rho_a == *ordinary.blocks[j].rho_a);
  const auto J = static_cast<Eigen::Index>(fit.latent_variables.size());
  for (Eigen::Index i = 0; i < J; ++i) {
    const double ri = *fit.blocks[static_cast<std::size_t>(i)].rho_a;
    // ρ_A = (w'λ)²: the block's weights times its consistent loadings, squared.
    double wl = 0;
    for (std::size_t k = 0; k < fit.indicators.size(); ++k)
      if (fit.block_of[k] == static_cast<std::size_t>(i))
        wl += fit.weights(static_cast<Eigen::Index>(k)) * fit.loadings(static_cast<Eigen::Index>(k));
    CHECK(std::abs(wl * wl - ri) < 1e-12);
    for (Eigen::Index j = 0; j < J; ++j) {
      if (i == j) continue;
      // Disattenuation: the proxies' correlation over the root of the reliabilities.
      const double rj = *fit.blocks[static_cast<std::size_t>(j)].rho_a;
      CHECK(std::abs(fit.lv_correlations(i, j) - ordinary.lv_correlations(i, j) / std::sqrt(ri * rj)) < 1e-12);
    }
  }
  // R² = β'r over the corrected correlations: for LOY (IMAG, SAT) by hand.
  const auto imag = *fit.latent_index("IMAG"), sat = *fit.latent_index("SAT"), loy = *fit.latent_index("LOY");
  const auto C = [&](std::size_t a, std::size_t b) {
    return fit.lv_correlations(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
  };
  const double det = 1 - C(imag, sat) * C(imag, sat);
  const double b_imag = (C(loy, imag) - C(imag, sat) * C(loy, sat)) / det;
  const double b_sat = (C(loy, sat) - C(imag, sat) * C(loy, imag)) / det;
  CHECK(std::abs(fit.path("IMAG", "LOY").value() - b_imag) < 1e-12);
  CHECK(std::abs(fit.path("SAT", "LOY").value() - b_sat) < 1e-12);
  CHECK(std::abs(fit.r_squared("LOY").value() - (b_imag * C(loy, imag) + b_sat * C(loy, sat))) < 1e-12);
  // Three of the reference's paths leave ±1 (EXPE -> VAL, QUAL -> VAL, VAL -> SAT): warned
  // about, not hidden; the construct correlations stay within ±1 and positive definite.
  REQUIRE(fit.warnings.size() == 3);
  for (const auto& w : fit.warnings) {
    CHECK(w.code == errc::inadmissible_estimate);
    CHECK(w.severity == severity::warning);
    CHECK(w.path.to_string() == "paths");
  }
  CHECK(fit.warnings[0].message.find("EXPE -> VAL") != std::string::npos);
  CHECK(fit.warnings[2].message.find("VAL -> SAT") != std::string::npos);
  CHECK(ordinary.warnings.empty());
}

TEST_CASE("PLSc from moments equals PLSc from rows, and the bootstrap applies it per resample") {
  const plsc_case c;
  const auto fit = estimate_pls(c.model, c.data, c.options);
  const auto from_moments = estimate_pls(c.model, pls_moments_of(c.data), c.options);
  CHECK((fit.paths - from_moments.paths).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((fit.loadings - from_moments.loadings).cwiseAbs().maxCoeff() < 1e-12);
  const auto boot = bootstrap_pls(c.model, c.data, c.options, {.resamples = 200, .seed = 7, .threads = 2});
  CHECK(boot.succeeded + boot.failed == 200);
  const auto* loading = pls_bootstrap_result::find(boot.loadings, "sat1");
  REQUIRE(loading != nullptr);
  CHECK(loading->estimate == fit.loading("sat1").value());
  const auto* path = pls_bootstrap_result::find(boot.paths, "QUAL -> VAL");
  REQUIRE(path != nullptr);
  CHECK(path->estimate == fit.path("QUAL", "VAL").value());
  // The corrected path's sampling spread far exceeds the composite one's (near-collinear factors).
  auto ordinary_options = c.options;
  ordinary_options.consistent = false;
  const auto plain = bootstrap_pls(c.model, c.data, ordinary_options, {.resamples = 200, .seed = 7, .threads = 2});
  CHECK(path->se > 3 * pls_bootstrap_result::find(plain.paths, "QUAL -> VAL")->se);
}

TEST_CASE("PLSc: a mode B block stays a composite, with rho_A 1 and its PLS loadings") {
  plsc_case c;
  c.model.modes[*c.model.find("VAL")] = pls_mode::b;
  const auto fit = estimate_pls(c.model, c.data, c.options);
  auto plain_options = c.options;
  plain_options.consistent = false;
  const auto plain = estimate_pls(c.model, c.data, plain_options);
  const auto val = *fit.latent_index("VAL");
  CHECK(fit.blocks[val].rho_a == 1.0);
  CHECK(std::abs(fit.loading("val1").value() - plain.loading("val1").value()) < 1e-15);
  // A mode A block's loadings are the factor's: c·w, not its proxy's correlations.
  CHECK(std::abs(fit.loading("imag4").value() - plain.loading("imag4").value()) > 0.01);
}
