#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/models/pls/estimate.hpp>

#include "pls_core.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace excellence::inline v1 {

using Eigen::Index;

std::optional<std::size_t> pls_fit::indicator_index(std::string_view indicator) const {
  for (std::size_t k = 0; k < indicators.size(); ++k)
    if (indicators[k] == indicator) return k;
  return std::nullopt;
}

std::optional<std::size_t> pls_fit::latent_index(std::string_view latent_variable) const {
  for (std::size_t j = 0; j < latent_variables.size(); ++j)
    if (latent_variables[j] == latent_variable) return j;
  return std::nullopt;
}

Eigen::MatrixXd fornell_larcker(const pls_fit& fit) {
  Eigen::MatrixXd table = fit.lv_correlations;
  for (Index j = 0; j < table.rows(); ++j) table(j, j) = std::sqrt(fit.blocks[static_cast<std::size_t>(j)].ave);
  return table;
}

result<std::vector<pls_indirect_effect>> try_specific_indirect_effects(const pls_fit& fit) {
  const auto J = fit.latent_variables.size();
  std::vector<pls_indirect_effect> out;
  std::vector<std::size_t> chain;
  bool too_many = false;
  // Depth-first along successors; a chain of two or more paths is an indirect effect.
  const auto extend = [&](const auto& self, std::size_t at) -> void {
    for (std::size_t next = 0; next < J && !too_many; ++next) {
      if (fit.path_matrix[next][at] == 0) continue;
      chain.push_back(next);
      if (chain.size() >= 3) {
        if (out.size() == max_specific_indirect_effects) {
          too_many = true;
          return;
        }
        pls_indirect_effect e{chain, {}, 1.0};
        for (std::size_t k = 0; k < chain.size(); ++k) {
          e.name += (k == 0 ? "" : " -> ") + fit.latent_variables[chain[k]];
          if (k > 0) e.effect *= fit.paths(static_cast<Index>(chain[k]), static_cast<Index>(chain[k - 1]));
        }
        out.push_back(std::move(e));
      }
      self(self, next);
      chain.pop_back();
    }
  };
  for (std::size_t source = 0; source < J; ++source) {
    chain.assign(1, source);
    extend(extend, source);
  }
  if (too_many)
    return detail::input_error(errc::out_of_range, "path_matrix",
                               detail::concat("the model has more than ", std::to_string(max_specific_indirect_effects),
                                              " chains of paths: list the total indirect effects instead"));
  // By source, then target, then chain: the order readers look them up in.
  std::stable_sort(out.begin(), out.end(), [](const pls_indirect_effect& a, const pls_indirect_effect& b) {
    return std::pair(a.chain.front(), a.chain.back()) < std::pair(b.chain.front(), b.chain.back());
  });
  return out;
}

namespace {

using detail::input_error;

// α, ρ_DG and the eigenvalues of one block's correlation matrix (plspm's "unidim").
void block_unidimensionality(const Eigen::MatrixXd& R, pls_block_quality& q) {
  const auto p = static_cast<double>(R.rows());
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(R);
  const Eigen::VectorXd values = eig.eigenvalues();  // ascending
  q.eig_1st = values(values.size() - 1);
  q.eig_2nd = values.size() > 1 ? values(values.size() - 2) : 0.0;
  if (R.rows() == 1) {
    q.cronbach_alpha = 1;
    q.dg_rho = 1;
    return;
  }
  q.cronbach_alpha = p / (p - 1) * (1 - p / R.sum());
  // Loadings on the first principal component: √λ₁ · v₁ (the overall sign cancels).
  const Eigen::VectorXd l = std::sqrt(q.eig_1st) * eig.eigenvectors().col(R.rows() - 1);
  const double s = l.sum();
  q.dg_rho = s * s / (s * s + (1 - l.array().square()).sum());
}

// PLSc corrects correlations by estimated reliabilities, which can push them past ±1 and
// the paths with them (Dijkstra & Henseler 2015, §5): reported, not hidden or clamped.
void inadmissible_warnings(pls_fit& fit) {
  const auto J = static_cast<Index>(fit.latent_variables.size());
  auto warn = [&](std::string field, std::string message) {
    fit.warnings.push_back(
        {errc::inadmissible_estimate, "", 0, 0, std::move(field), std::move(message), severity::warning});
  };
  const auto& name = fit.latent_variables;
  for (Index i = 0; i < J; ++i)
    for (Index j = i + 1; j < J; ++j)
      if (std::abs(fit.lv_correlations(i, j)) > 1)
        warn("lv_correlations", detail::concat("the corrected correlation of ", name[static_cast<std::size_t>(i)],
                                               " and ", name[static_cast<std::size_t>(j)], " is ",
                                               detail::shortest(fit.lv_correlations(i, j)), ", beyond +-1"));
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(fit.lv_correlations, Eigen::EigenvaluesOnly);
  if (eig.eigenvalues()(0) <= 0)
    warn("lv_correlations", detail::concat("the corrected construct correlations are not positive definite (smallest "
                                           "eigenvalue ",
                                           detail::shortest(eig.eigenvalues()(0)), ")"));
  for (std::size_t k = 0; k < fit.indicators.size(); ++k)
    if (std::abs(fit.loadings(static_cast<Index>(k))) > 1)
      warn(detail::concat("loadings.", fit.indicators[k]),
           detail::concat("the consistent loading of ", fit.indicators[k], " is ",
                          detail::shortest(fit.loadings(static_cast<Index>(k))), ", beyond +-1 (a Heywood case)"));
  for (Index to = 0; to < J; ++to)
    for (Index from = 0; from < J; ++from)
      if (fit.path_matrix[static_cast<std::size_t>(to)][static_cast<std::size_t>(from)] != 0 &&
          std::abs(fit.paths(to, from)) > 1)
        warn("paths", detail::concat("the path ", name[static_cast<std::size_t>(from)], " -> ",
                                     name[static_cast<std::size_t>(to)], " is ", detail::shortest(fit.paths(to, from)),
                                     ", beyond +-1: its predecessors' corrected correlations are nearly collinear"));
}

}  // namespace

std::vector<std::vector<std::optional<double>>> pls_core::htmt(const Eigen::MatrixXd& R, const layout& l) {
  // Mean heterotrait correlation over the geometric mean of the monotrait ones.
  const auto lvs = static_cast<std::size_t>(l.lvs);
  std::vector<std::vector<std::optional<double>>> out(lvs, std::vector<std::optional<double>>(lvs));
  std::vector<std::optional<double>> monotrait(lvs);
  for (std::size_t j = 0; j < lvs; ++j) {
    const auto s = l.start[j];
    const auto n = l.size[j];
    if (n > 1) monotrait[j] = (R.block(s, s, n, n).sum() - static_cast<double>(n)) / static_cast<double>(n * (n - 1));
  }
  for (std::size_t i = 0; i < lvs; ++i)
    for (std::size_t j = 0; j < lvs; ++j) {
      if (i == j || !monotrait[i] || !monotrait[j] || !(*monotrait[i] * *monotrait[j] > 0)) continue;
      const double hetero = R.block(l.start[i], l.start[j], l.size[i], l.size[j]).mean();
      out[i][j] = hetero / std::sqrt(*monotrait[i] * *monotrait[j]);
    }
  return out;
}

result<pls_core::estimation> pls_core::estimate_from_moments(const pls_model& model, layout l, moments m,
                                                             const pls_options& options) {
  if (options.max_iterations < 1)
    return input_error(errc::out_of_range, "max_iterations", "at least one iteration is needed");
  if (options.tolerance && !(*options.tolerance > 0))
    return input_error(errc::out_of_range, "tolerance", "the tolerance must be > 0");
  const Eigen::VectorXd sds = m.covariance.diagonal().cwiseSqrt();
  const Eigen::MatrixXd M = pls_core::moment_matrix(m.covariance, options.standardized);
  auto it = pls_core::iterate(M, l, options);
  if (!it) return it.error();
  // With centred indicators the loadings still are correlations: divide by the SDs.
  const Eigen::VectorXd unit = Eigen::VectorXd::Ones(l.indicators);
  auto rel = pls_core::relate(M, options.standardized ? unit : sds, l, it->W, options.consistent);
  if (!rel) return rel.error();

  pls_fit fit;
  const Index J = l.lvs;
  const Index p = l.indicators;
  fit.latent_variables = model.latent_variables;
  fit.indicators = l.names;
  fit.block_of = l.block_of;
  fit.path_matrix = model.path_matrix;
  fit.modes = model.modes;
  fit.weights = pls_core::weight_vector(l, it->W);
  fit.loadings = rel->loadings;
  fit.cross_loadings = rel->cross_loadings;
  fit.communality = fit.loadings.array().square();
  fit.paths = rel->paths;
  fit.r2 = rel->r2;
  for (Index j = 0; j < J; ++j) fit.endogenous.push_back(!l.predecessors[static_cast<std::size_t>(j)].empty());
  fit.redundancy.resize(p);
  for (Index k = 0; k < p; ++k)
    fit.redundancy(k) = fit.communality(k) * fit.r2(static_cast<Index>(fit.block_of[static_cast<std::size_t>(k)]));
  fit.total_effects = rel->total_effects;
  fit.indirect_effects = fit.total_effects - fit.paths;
  fit.lv_correlations = rel->lv_correlations;
  fit.iterations = it->iterations;
  fit.converged = it->converged;
  fit.n = m.n;
  fit.rows_dropped = m.rows_dropped;
  fit.cells_imputed = m.cells_imputed;
  fit.means = m.mean;
  fit.sds = sds;
  fit.options = options;
  if (!fit.converged)
    fit.warnings.push_back(
        {errc::not_converged, "", 0, 0, "iterations",
         detail::concat("the weights did not converge in ", std::to_string(fit.iterations), " iterations"),
         severity::warning});
  if (fit.rows_dropped > 0)
    fit.warnings.push_back({errc::rows_dropped, "", 0, 0, "rows_dropped",
                            detail::concat(std::to_string(fit.rows_dropped), " rows with missing values dropped"),
                            severity::warning});
  if (fit.cells_imputed > 0)
    fit.warnings.push_back({errc::values_imputed, "", 0, 0, "cells_imputed",
                            detail::concat(std::to_string(fit.cells_imputed), " missing values set to the mean"),
                            severity::warning});

  if (options.consistent) inadmissible_warnings(fit);

  // Block quality, from the indicators' correlations and the PLS loadings.
  const Eigen::MatrixXd R = pls_core::moment_matrix(m.covariance, true);
  double weighted_communality = 0;
  double multi_indicators = 0;
  for (Index j = 0; j < J; ++j) {
    const auto s = l.start[static_cast<std::size_t>(j)];
    const auto n = l.size[static_cast<std::size_t>(j)];
    pls_block_quality q;
    q.indicators = static_cast<std::size_t>(n);
    q.mode = model.modes[static_cast<std::size_t>(j)];
    block_unidimensionality(R.block(s, s, n, n), q);
    const auto lj = fit.loadings.segment(s, n);
    q.ave = lj.squaredNorm() / static_cast<double>(n);
    const double sum = lj.sum();
    q.composite_reliability = sum * sum / (sum * sum + (1 - lj.array().square()).sum());
    q.block_communality = fit.communality.segment(s, n).mean();
    q.mean_redundancy = fit.redundancy.segment(s, n).mean();
    if (std::isfinite(rel->rho_a(j))) q.rho_a = rel->rho_a(j);
    if (n > 1) {
      weighted_communality += static_cast<double>(n) * q.block_communality;
      multi_indicators += static_cast<double>(n);
    }
    fit.blocks.push_back(q);
  }
  double r2_sum = 0;
  double endogenous = 0;
  for (Index j = 0; j < J; ++j)
    if (fit.endogenous[static_cast<std::size_t>(j)]) {
      r2_sum += fit.r2(j);
      endogenous += 1;
    }
  fit.gof = multi_indicators > 0 ? std::sqrt(weighted_communality / multi_indicators * (r2_sum / endogenous)) : 0.0;

  fit.htmt = pls_core::htmt(R, l);
  auto W = std::move(it->W);
  return pls_core::estimation{std::move(fit), std::move(l), std::move(m), std::move(W)};
}

result<pls_core::estimation> pls_core::estimate(const pls_model& model, const pls_data& data,
                                                const pls_options& options, const pls_control& control) {
  auto layout_of_data = pls_core::make_layout(model, data);
  if (!layout_of_data) return layout_of_data.error();
  auto moments_of_data = pls_core::compute_moments(*layout_of_data, data, options.missing, control);
  if (!moments_of_data) return moments_of_data.error();
  auto e = estimate_from_moments(model, *std::move(layout_of_data), *std::move(moments_of_data), options);
  if (!e) return e.error();
  const auto& l = e->l;
  const auto& m = e->m;
  auto& fit = e->fit;
  const auto& sds = fit.sds;
  const Index J = l.lvs;
  // Scores of every used row: (x − mean) · W, scaled for standardised indicators, with an
  // imputed value contributing 0. W already gives unit variance.
  const Eigen::MatrixXd Wx = options.standardized ? Eigen::MatrixXd(sds.cwiseInverse().asDiagonal() * e->W) : e->W;
  fit.scores.resize(static_cast<Index>(m.n), J);
  if (data.missing.empty() && m.keep.empty()) {
    // Every value observed, every row used: each score is Σ w x over its block's columns
    // minus Σ w mean, read straight from the data (no centred copy) on every core. W is
    // block-diagonal: one term per indicator, not a dense product.
    Eigen::RowVectorXd offset = Eigen::RowVectorXd::Zero(J);
    for (Index k = 0; k < l.indicators; ++k) {
      const auto j = static_cast<Index>(l.block_of[static_cast<std::size_t>(k)]);
      offset(j) += Wx(k, j) * m.mean(k);
    }
    pls_core::for_row_ranges(data.values.rows(), pls_control{}, 0, 0, [&](Index, Index from, Index to) {
      auto out = fit.scores.middleRows(from, to - from);
      out.rowwise() = -offset;
      for (Index k = 0; k < l.indicators; ++k) {
        const auto j = static_cast<Index>(l.block_of[static_cast<std::size_t>(k)]);
        const auto c = static_cast<Index>(l.column[static_cast<std::size_t>(k)]);
        out.col(j) += Wx(k, j) * data.values.col(c).segment(from, to - from);
      }
    });
  } else {
    pls_core::for_each_centred_chunk(l, data, m, [&](Index first, const auto& rows) {
      fit.scores.middleRows(first, rows.rows()).noalias() = rows * Wx;
    });
  }

  return e;
}

result<pls_fit> try_estimate_pls(const pls_model& model, const pls_data& data, const pls_options& options,
                                 const pls_control& control) {
  auto e = pls_core::estimate(model, data, options, control);
  if (!e) return e.error();
  return std::move(e->fit);
}

}  // namespace excellence::inline v1
