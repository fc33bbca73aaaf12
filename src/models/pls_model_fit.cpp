#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/quantile.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/model_fit.hpp>

#include "pls_core.hpp"
#include "pls_resampler.hpp"

#include <Eigen/Eigenvalues>

#include <array>
#include <cmath>
#include <tuple>

namespace excellence::inline v1 {

using Eigen::Index;

const pls_fit_measure* pls_model_fit_variant::find(std::string_view name) const {
  for (const auto& m : measures)
    if (m.name == name) return &m;
  return nullptr;
}

namespace {

using detail::concat;
using detail::input_error;

constexpr std::array<const char*, 3> measure_names{"SRMR", "d_ULS", "d_G"};

// The indicator correlations a model implies: Λ Φ Λ′ with unit diagonal (the measurement
// errors take the rest of each variance), and the observed correlations within a composite
// block, which the composite model leaves free. Under PLSc a mode A block is a common
// factor: its indicators correlate only through it.
Eigen::MatrixXd implied_correlations(const pls_core::layout& l, bool consistent, const Eigen::VectorXd& loadings,
                                     const Eigen::MatrixXd& phi, const Eigen::MatrixXd& R) {
  Eigen::MatrixXd lambda = Eigen::MatrixXd::Zero(l.indicators, l.lvs);
  for (Index k = 0; k < l.indicators; ++k)
    lambda(k, static_cast<Index>(l.block_of[static_cast<std::size_t>(k)])) = loadings(k);
  Eigen::MatrixXd sigma = lambda * phi * lambda.transpose();
  sigma.diagonal().setOnes();
  for (Index j = 0; j < l.lvs; ++j) {
    const auto jj = static_cast<std::size_t>(j);
    if (consistent && l.modes[jj] == pls_mode::a) continue;
    sigma.block(l.start[jj], l.start[jj], l.size[jj], l.size[jj]) =
        R.block(l.start[jj], l.start[jj], l.size[jj], l.size[jj]);
  }
  return sigma;
}

// The construct correlations the paths imply (cSEM's rule): η = Bη + ζ with the exogenous
// constructs' ζ their estimated correlations Φ and each endogenous construct's ζ
// uncorrelated with variance 1 − Σ_k b_jk φ_jk (1 − R²), so Cov(η) = (I − B)⁻¹ Ψ (I − B)⁻ᵀ,
// reported with unit diagonal.
Eigen::MatrixXd implied_by_paths(const pls_core::layout& l, const Eigen::MatrixXd& phi, const Eigen::MatrixXd& paths) {
  const Index J = l.lvs;
  Eigen::MatrixXd psi = Eigen::MatrixXd::Zero(J, J);
  for (Index i = 0; i < J; ++i) {
    const bool exogenous_i = l.predecessors[static_cast<std::size_t>(i)].empty();
    if (!exogenous_i) {
      psi(i, i) = 1 - paths.row(i).dot(phi.row(i));
      continue;
    }
    for (Index j = 0; j < J; ++j)
      if (l.predecessors[static_cast<std::size_t>(j)].empty()) psi(i, j) = phi(i, j);
  }
  const Eigen::MatrixXd A = (Eigen::MatrixXd::Identity(J, J) - paths).partialPivLu().inverse();
  Eigen::MatrixXd implied = A * psi * A.transpose();
  implied.diagonal().setOnes();
  return implied;
}

struct distances {
  double srmr = 0;
  double d_uls = 0;
  std::optional<double> d_g{};
};

// Σ_k (ln φ_k)² / 2 over the eigenvalues of R⁻¹Σ, from the generalised problem Σv = φRv
// (R positive definite); nullopt when Σ is not positive definite.
distances distance(const Eigen::MatrixXd& R, const Eigen::MatrixXd& sigma, bool r_positive_definite) {
  const Eigen::MatrixXd d = R - sigma;
  const Index p = R.rows();
  distances out;
  out.d_uls = 0.5 * d.squaredNorm();
  double lower = 0;
  for (Index j = 0; j < p; ++j) lower += d.col(j).tail(p - j).squaredNorm();
  out.srmr = std::sqrt(lower / static_cast<double>(p * (p + 1) / 2));
  if (!r_positive_definite) return out;
  const Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::MatrixXd> eigen(sigma, R, Eigen::EigenvaluesOnly);
  if (eigen.info() != Eigen::Success) return out;
  const auto& phi = eigen.eigenvalues();
  if (!(phi.minCoeff() > 0)) return out;
  out.d_g = 0.5 * phi.array().log().square().sum();
  return out;
}

bool positive_definite(const Eigen::MatrixXd& m) {
  const Eigen::LLT<Eigen::MatrixXd> llt(m);
  return llt.info() == Eigen::Success;
}

// Σ^(½) and R^(−½) of symmetric positive definite matrices, from their eigendecompositions.
Eigen::MatrixXd bollen_stine(const Eigen::MatrixXd& R, const Eigen::MatrixXd& sigma) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> r(R);
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> s(sigma);
  return r.operatorInverseSqrt() * s.operatorSqrt();
}

void summarise_test(pls_fit_measure& m, std::vector<double> values, bool keep) {
  if (!m.value) return;
  const double value = *m.value;
  std::size_t at_least = 0;
  for (const double v : values) at_least += v >= value ? 1U : 0U;
  m.p_value = static_cast<double>(at_least) / static_cast<double>(values.size());
  if (keep) m.draws = values;  // before the selection reorders them
  std::tie(m.q95, m.q99) = detail::select_quantiles(values, 0.95, 0.99);
}

}  // namespace

result<pls_model_fit_result> try_pls_model_fit(const pls_model& model, const pls_data& data, const pls_options& options,
                                               const pls_model_fit_options& fit, const pls_control& control) {
  if (fit.resamples > max_bootstrap_resamples)
    return input_error(errc::out_of_range, "resamples",
                       concat("at most ", std::to_string(max_bootstrap_resamples), " resamples (asked for ",
                              std::to_string(fit.resamples), ")"));
  auto estimated = pls_core::estimate(model, data, options, {{}, control.cancel});
  if (!estimated) return estimated.error();
  const auto& e = *estimated;
  const auto& l = e.l;
  const Eigen::MatrixXd R = pls_core::moment_matrix(e.m.covariance, true);
  const bool r_pd = positive_definite(R);
  if (!r_pd && fit.resamples > 0)
    return input_error(errc::singular_matrix, "data",
                       "the indicators' correlation matrix is not positive definite (collinear indicators): the "
                       "exact-fit test needs its inverse");

  pls_model_fit_result out;
  out.indicators = l.names;
  out.common_factor = options.consistent;
  out.observed = R;
  out.resamples = fit.resamples;
  out.seed = fit.seed;
  out.n = e.fit.n;
  if (!r_pd)
    out.warnings.push_back({errc::inadmissible_estimate, "", 0, 0, "observed",
                            "the indicators' correlation matrix is not positive definite (collinear indicators): no "
                            "d_G",
                            severity::warning});
  const auto& phi = e.fit.lv_correlations;
  out.saturated.implied = implied_correlations(l, options.consistent, e.fit.loadings, phi, R);
  out.estimated.implied =
      implied_correlations(l, options.consistent, e.fit.loadings, implied_by_paths(l, phi, e.fit.paths), R);

  // Which variants have a test: those whose implied matrix is positive definite.
  std::array<pls_model_fit_variant*, 2> variants{&out.saturated, &out.estimated};
  std::array<const char*, 2> variant_names{"saturated", "estimated"};
  std::array<Eigen::MatrixXd, 2> transform;
  std::array<bool, 2> tested{false, false};
  for (std::size_t v = 0; v < 2; ++v) {
    auto& variant = *variants[v];
    const auto d = distance(R, variant.implied, r_pd);
    variant.measures = {{measure_names[0], d.srmr}, {measure_names[1], d.d_uls}, {measure_names[2], d.d_g}};
    const bool sigma_pd = positive_definite(variant.implied);
    if (!sigma_pd)
      out.warnings.push_back(
          {errc::inadmissible_estimate, "", 0, 0, variant_names[v],
           concat("the correlation matrix the ", variant_names[v], " model implies is not positive definite: no d_G",
                  fit.resamples > 0 ? " and no exact-fit test" : ""),
           severity::warning});
    if (fit.resamples > 0 && sigma_pd) {
      tested[v] = true;
      transform[v] = bollen_stine(R, variant.implied);
    }
  }
  if (fit.resamples == 0 || (!tested[0] && !tested[1])) return out;

  // The test: resample the standardised rows, move each resample's moments to the
  // transformed data (z·T has covariance Tᵀ C T), back to the data's units for raw PLS, and
  // refit. Both variants see the same resamples.
  const Eigen::MatrixXd Zt = pls_core::columns_of_rows(e, data, true);
  const std::size_t B = fit.resamples;
  pls_core::draws_table draws(2 * B, 3);  // the saturated variant's resamples, then the estimated one's
  const Eigen::VectorXd unit = Eigen::VectorXd::Ones(l.indicators);
  const pls_core::variance_check usable(Zt);
  pls_core::resampler pool(fit.threads, B, control);
  const bool finished =
      pool.resample(Zt, B, fit.seed, [&](std::size_t b, const Eigen::MatrixXd& C, const Eigen::VectorXd&) {
        if (!usable(C)) return;
        for (std::size_t v = 0; v < 2; ++v) {
          if (!tested[v]) continue;
          Eigen::MatrixXd S = transform[v].transpose() * C * transform[v];
          if (!options.standardized) S = e.fit.sds.asDiagonal() * S * e.fit.sds.asDiagonal();
          const Eigen::MatrixXd M = pls_core::moment_matrix(S, options.standardized);
          const auto it = pls_core::iterate(M, l, options);
          if (!it || !it->converged) continue;
          const auto rel = pls_core::relate(M, options.standardized ? unit : Eigen::VectorXd(S.diagonal().cwiseSqrt()),
                                            l, it->W, options.consistent);
          if (!rel) continue;
          const Eigen::MatrixXd Rb = pls_core::moment_matrix(S, true);
          const Eigen::MatrixXd construct =
              v == 0 ? rel->lv_correlations : implied_by_paths(l, rel->lv_correlations, rel->paths);
          const auto d = distance(Rb, implied_correlations(l, options.consistent, rel->loadings, construct, Rb), true);
          if (!d.d_g || !std::isfinite(d.srmr)) continue;
          double* row = draws.row(v * B + b);
          row[0] = d.srmr;
          row[1] = d.d_uls;
          row[2] = *d.d_g;
          draws.succeed(v * B + b);
        }
      });
  if (!finished) return input_error(errc::cancelled, "", "the exact-fit test was cancelled");

  for (std::size_t v = 0; v < 2; ++v) {
    if (!tested[v]) continue;
    auto& variant = *variants[v];
    variant.succeeded = draws.succeeded(v * B, (v + 1) * B);
    if (variant.succeeded < B)
      out.warnings.push_back(
          {errc::resamples_failed, "", 0, 0, variant_names[v],
           concat(std::to_string(B - variant.succeeded), " of ", std::to_string(B), " resamples of the ",
                  variant_names[v], " model's exact-fit test gave no estimate and were left out"),
           severity::warning});
    if (variant.succeeded < 2)
      return input_error(errc::invalid_value, "resamples",
                         concat("only ", std::to_string(variant.succeeded), " of ", std::to_string(B),
                                " resamples of the exact-fit test gave estimates"));
    for (std::size_t k = 0; k < 3; ++k)
      summarise_test(variant.measures[k], draws.column(k, v * B, (v + 1) * B), fit.keep_draws);
  }
  return out;
}

}  // namespace excellence::inline v1
