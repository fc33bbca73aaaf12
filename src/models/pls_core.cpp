#include "pls_core.hpp"

#include <excellence/detail/diagnose.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace excellence::inline v1::pls_core {

using detail::concat;
using detail::input_error;

std::optional<diagnostic> check_data_shape(const pls_data& data) {
  if (static_cast<Index>(data.names.size()) != data.values.cols())
    return input_error(errc::invalid_value, "data",
                       concat("expected one name per column (", std::to_string(data.values.cols()), "), got ",
                              std::to_string(data.names.size())));
  if (!data.missing.empty() && data.missing.size() != static_cast<std::size_t>(data.values.size()))
    return input_error(errc::invalid_value, "missing",
                       concat("the mask has ", std::to_string(data.missing.size()), " cells, the values ",
                              std::to_string(data.values.size())));
  return std::nullopt;
}

std::optional<diagnostic> check_row_count(std::size_t n) {
  if (n < 3)
    return input_error(errc::invalid_value, "data",
                       concat("PLS needs at least 3 complete rows, got ", std::to_string(n)));
  return std::nullopt;
}

result<layout> make_layout(const pls_model& model, const pls_data& data) {
  if (auto bad = check_data_shape(data)) return *bad;
  return make_layout(model, data.names);
}

result<layout> make_layout(const pls_model& model, std::span<const std::string> names) {
  if (auto bad = check_pls_model(model)) return *bad;
  layout l;
  const std::size_t J = model.latent_variables.size();
  l.lvs = static_cast<Index>(J);
  l.modes = model.modes;
  l.predecessors.resize(J);
  l.successors.resize(J);
  for (std::size_t i = 0; i < J; ++i)
    for (std::size_t j = 0; j < J; ++j)
      if (model.path_matrix[i][j] != 0) {
        l.predecessors[i].push_back(static_cast<Index>(j));
        l.successors[j].push_back(static_cast<Index>(i));
      }
  for (std::size_t j = 0; j < J; ++j) {
    l.start.push_back(l.indicators);
    l.size.push_back(static_cast<Index>(model.blocks[j].size()));
    l.indicators += l.size.back();
    for (const auto& name : model.blocks[j]) {
      const auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end())
        return input_error(
            errc::missing_field, "data",
            concat("the data has no column \"", name, "\" (an indicator of ", model.latent_variables[j], ")"));
      if (std::find(it + 1, names.end(), name) != names.end())
        return input_error(errc::duplicate_id, "data", concat("the data has two columns named \"", name, "\""));
      l.column.push_back(static_cast<std::size_t>(it - names.begin()));
      l.names.push_back(name);
      l.block_of.push_back(j);
    }
  }
  return l;
}

std::optional<diagnostic> check_variances(const layout& l, const Eigen::MatrixXd& covariance) {
  for (Index k = 0; k < l.indicators; ++k)
    if (!(covariance(k, k) > 0))
      return input_error(errc::invalid_value, "data",
                         concat("indicator \"", l.names[static_cast<std::size_t>(k)],
                                "\" does not vary: it cannot be standardised or weighted"));
  return std::nullopt;
}

namespace {

bool cancelled(const pls_control& control) {
  return control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed);
}

}  // namespace

Index centred_chunk(const layout& l, const pls_data& data, const Eigen::VectorXd& mean, const std::vector<char>& keep,
                    Index from, Index to, Eigen::MatrixXd& out) {
  const Index p = l.indicators;
  out.resize(to - from, p);
  if (keep.empty()) {
    for (Index k = 0; k < p; ++k) {
      const auto c = static_cast<Index>(l.column[static_cast<std::size_t>(k)]);
      out.col(k) = data.values.col(c).segment(from, to - from).array() - mean(k);
      if (!data.missing.empty())
        for (Index r = from; r < to; ++r)
          if (data.is_missing(r, c)) out(r - from, k) = 0;  // an imputed mean deviates by 0
    }
    return to - from;
  }
  Index used = 0;
  for (Index r = from; r < to; ++r) {
    if (keep[static_cast<std::size_t>(r)] == 0) continue;
    for (Index k = 0; k < p; ++k) {
      const auto c = static_cast<Index>(l.column[static_cast<std::size_t>(k)]);
      out(used, k) = data.is_missing(r, c) ? 0.0 : data.values(r, c) - mean(k);
    }
    ++used;
  }
  return used;
}

result<moments> compute_moments(const layout& l, const pls_data& data, pls_missing missing,
                                const pls_control& control) {
  const Index n = data.values.rows();
  const Index p = l.indicators;
  const auto total = static_cast<std::size_t>(2 * n);
  // Pass 1: sums and counts of the observed values; rows with a gap.
  const unsigned slots = std::max(1U, std::thread::hardware_concurrency());
  std::vector<Eigen::VectorXd> sums(slots, Eigen::VectorXd::Zero(p));
  std::vector<Eigen::VectorXd> counts(slots, Eigen::VectorXd::Zero(p));
  std::vector<char> complete(static_cast<std::size_t>(n), 1);
  // The first value that is neither finite nor masked, per thread: (row, indicator).
  std::vector<std::pair<Index, Index>> not_finite(slots, {n, p});
  for_row_ranges(n, control, total, 0, [&](Index t, Index from, Index to) {
    auto& sum = sums[static_cast<std::size_t>(t)];
    auto& count = counts[static_cast<std::size_t>(t)];
    auto& bad = not_finite[static_cast<std::size_t>(t)];
    // Column by column: the data matrix is column-major, so each run is contiguous.
    for (Index k = 0; k < p; ++k) {
      const auto c = static_cast<Index>(l.column[static_cast<std::size_t>(k)]);
      const auto column = data.values.col(c).segment(from, to - from);
      double s = 0;
      Index observed = 0;
      for (Index r = 0; r < column.size(); ++r) {
        if (data.is_missing(from + r, c)) {
          complete[static_cast<std::size_t>(from + r)] = 0;
          continue;
        }
        const double x = column(r);
        if (!std::isfinite(x) && from + r < bad.first) bad = {from + r, k};
        s += x;
        ++observed;
      }
      sum(k) += s;
      count(k) += static_cast<double>(observed);
    }
  });
  if (cancelled(control)) return input_error(errc::cancelled, "", "cancelled");
  const auto first_bad = *std::min_element(not_finite.begin(), not_finite.end());
  if (first_bad.first < n)
    return input_error(errc::invalid_value,
                       detail::indexed("rows", static_cast<std::size_t>(first_bad.first))
                           .field(l.names[static_cast<std::size_t>(first_bad.second)]),
                       "the value is not a finite number (a missing value is marked in pls_data::missing)");
  moments m;
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(p);
  Eigen::VectorXd count = Eigen::VectorXd::Zero(p);
  for (std::size_t t = 0; t < slots; ++t) {
    sum += sums[t];
    count += counts[t];
  }
  for (Index r = 0; r < n; ++r) {
    if (complete[static_cast<std::size_t>(r)] != 0) continue;
    if (missing == pls_missing::error) {
      for (Index k = 0; k < p; ++k)
        if (data.is_missing(r, static_cast<Index>(l.column[static_cast<std::size_t>(k)])))
          return input_error(
              errc::invalid_value,
              detail::indexed("rows", static_cast<std::size_t>(r)).field(l.names[static_cast<std::size_t>(k)]),
              "the value is missing (choose listwise deletion or mean imputation to proceed)");
    }
    if (missing == pls_missing::listwise) {
      ++m.rows_dropped;
      // The observed values of a dropped row leave the sums.
      for (Index k = 0; k < p; ++k) {
        const auto c = static_cast<Index>(l.column[static_cast<std::size_t>(k)]);
        if (!data.is_missing(r, c)) {
          sum(k) -= data.values(r, c);
          count(k) -= 1;
        }
      }
    } else {
      for (Index k = 0; k < p; ++k)
        if (data.is_missing(r, static_cast<Index>(l.column[static_cast<std::size_t>(k)]))) ++m.cells_imputed;
    }
  }
  if (missing == pls_missing::listwise && m.rows_dropped > 0) m.keep = complete;
  m.n = static_cast<std::size_t>(n) - m.rows_dropped;
  if (auto bad = check_row_count(m.n)) return *bad;
  for (Index k = 0; k < p; ++k)
    if (count(k) == 0)
      return input_error(errc::invalid_value, "data",
                         concat("indicator \"", l.names[static_cast<std::size_t>(k)], "\" has no observed value"));
  m.mean = sum.cwiseQuotient(count);

  // Pass 2: the covariance around the means (two passes: no cancellation of large sums).
  std::vector<Eigen::MatrixXd> partial(slots, Eigen::MatrixXd::Zero(p, p));
  for_row_ranges(n, control, total, static_cast<std::size_t>(n), [&](Index t, Index from, Index to) {
    Eigen::MatrixXd chunk;
    const Index used = centred_chunk(l, data, m.mean, m.keep, from, to, chunk);
    partial[static_cast<std::size_t>(t)].selfadjointView<Eigen::Lower>().rankUpdate(chunk.topRows(used).transpose());
  });
  if (cancelled(control)) return input_error(errc::cancelled, "", "cancelled");
  Eigen::MatrixXd lower = Eigen::MatrixXd::Zero(p, p);
  for (const auto& part : partial) lower += part;
  m.covariance = lower.selfadjointView<Eigen::Lower>();
  m.covariance /= static_cast<double>(m.n);
  if (auto bad = check_variances(l, m.covariance)) return *bad;
  return m;
}

Eigen::MatrixXd moment_matrix(const Eigen::MatrixXd& covariance, bool standardized) {
  if (!standardized) return covariance;
  const Eigen::VectorXd inv = covariance.diagonal().cwiseSqrt().cwiseInverse();
  return inv.asDiagonal() * covariance * inv.asDiagonal();
}

Eigen::MatrixXd columns_of_rows(const estimation& e, const pls_data& data, bool standardized) {
  Eigen::MatrixXd Xt(e.l.indicators, static_cast<Index>(e.fit.n));
  for_each_centred_chunk(e.l, data, e.m,
                         [&](Index first, const auto& rows) { Xt.middleCols(first, rows.rows()) = rows.transpose(); });
  if (standardized) Xt = e.fit.sds.cwiseInverse().asDiagonal() * Xt;
  return Xt;
}

std::optional<diagnostic> check_respondent_scores(const pls_fit& fit, Index j, double offset, double factor) {
  constexpr double slack = 1e-9;
  for (Index i = 0; i < fit.scores.rows(); ++i) {
    const double score = offset + factor * fit.scores(i, j);
    if (!(score >= -slack && score <= 100 + slack))
      return detail::input_error(errc::out_of_range, "scale",
                                 detail::concat("respondent ", std::to_string(i + 1), "'s answers to the block of \"",
                                                fit.latent_variables[static_cast<std::size_t>(j)],
                                                "\" lie outside the stated scale (0-100 score ",
                                                detail::shortest(score), "): state the questionnaire's scale"));
  }
  return std::nullopt;
}

Eigen::VectorXd weight_vector(const layout& l, const Eigen::MatrixXd& W) {
  Eigen::VectorXd w(l.indicators);
  for (Index j = 0; j < l.lvs; ++j) {
    const auto s = l.start[static_cast<std::size_t>(j)];
    w.segment(s, l.size[static_cast<std::size_t>(j)]) = W.col(j).segment(s, l.size[static_cast<std::size_t>(j)]);
  }
  return w;
}

namespace {

// The regression of one latent variable's score on its predecessors' scores, from the
// score correlations C: C[pred, pred] β = C[pred, k]. Both the path scheme's inner weights
// and the path coefficients are this regression; the buffers are sized once per variable.
struct predecessor_regression {
  Eigen::MatrixXd A{};
  Eigen::VectorXd b{};  // C[pred, k], kept for R² = β·b
  Eigen::VectorXd beta{};
  Eigen::LLT<Eigen::MatrixXd> llt{};

  explicit predecessor_regression(Index m) : A(m, m), b(m), beta(m), llt(m) {}

  // false when the predecessors are collinear.
  bool solve(const Eigen::MatrixXd& C, const std::vector<Index>& pred, Index k) {
    const auto m = static_cast<Index>(pred.size());
    for (Index a = 0; a < m; ++a) {
      b(a) = C(pred[static_cast<std::size_t>(a)], k);
      for (Index c = 0; c < m; ++c) A(a, c) = C(pred[static_cast<std::size_t>(a)], pred[static_cast<std::size_t>(c)]);
    }
    llt.compute(A);
    if (llt.info() != Eigen::Success) return false;
    beta = llt.solve(b);
    return true;
  }
};

// One regression per latent variable, reserved: Eigen's LLT leaves its status unset
// until compute(), so it must not be copied before (UBSan flags the copy of the
// indeterminate enum).
std::vector<predecessor_regression> predecessor_regressions(const layout& l) {
  std::vector<predecessor_regression> out;
  out.reserve(static_cast<std::size_t>(l.lvs));
  for (const auto& pred : l.predecessors) out.emplace_back(static_cast<Index>(pred.size()));
  return out;
}

}  // namespace

result<iteration> iterate(const Eigen::MatrixXd& M, const layout& l, const pls_options& options) {
  const Index J = l.lvs;
  const Index p = l.indicators;
  const auto start = [&](Index j) { return l.start[static_cast<std::size_t>(j)]; };
  const auto size = [&](Index j) { return l.size[static_cast<std::size_t>(j)]; };
  // Mode B blocks regress on their indicators: factor their moment blocks once.
  std::vector<Eigen::LLT<Eigen::MatrixXd>> inverse(static_cast<std::size_t>(J));
  for (Index j = 0; j < J; ++j) {
    if (l.modes[static_cast<std::size_t>(j)] != pls_mode::b) continue;
    inverse[static_cast<std::size_t>(j)].compute(M.block(start(j), start(j), size(j), size(j)));
    if (inverse[static_cast<std::size_t>(j)].info() != Eigen::Success)
      return input_error(errc::singular_matrix, detail::indexed("blocks", static_cast<std::size_t>(j)),
                         "the indicators of a mode B block are collinear: their weights are not identified");
  }
  // The weights are one vector (block j at start(j)); W is block-diagonal, so M·W costs
  // p² rather than p²·J. Buffers are reused across iterations (the bootstrap runs this
  // thousands of times: a temporary per block and iteration was a third of its allocations).
  Eigen::VectorXd block_product(p);
  const auto normalise_vector = [&](Eigen::VectorXd& w) {
    for (Index j = 0; j < J; ++j) {
      auto wj = w.segment(start(j), size(j));
      auto mw = block_product.head(size(j));
      mw.noalias() = M.block(start(j), start(j), size(j), size(j)) * wj;
      const double var = wj.dot(mw);
      if (!(var > 0) || !std::isfinite(var)) return false;
      wj /= std::sqrt(var);
    }
    return true;
  };
  // Initial weights: all ones, normalised (plspm, semPLS and the reference all start so).
  Eigen::VectorXd w = Eigen::VectorXd::Ones(p);
  if (!normalise_vector(w))
    return input_error(errc::singular_matrix, "data", "a block's initial score has no variance");
  const double tol = options.tolerance.value_or(options.stop == pls_stop::exact ? 1e-14 : 1e-6);
  Eigen::VectorXd old_raw = w;
  Eigen::VectorXd raw(p);
  Eigen::VectorXd next(p);
  Eigen::MatrixXd MW(p, J);
  Eigen::MatrixXd C(J, J);
  Eigen::MatrixXd E(J, J);
  auto regressions = predecessor_regressions(l);
  iteration out;
  for (int iter = 1;; ++iter) {
    for (Index j = 0; j < J; ++j) MW.col(j).noalias() = M.middleCols(start(j), size(j)) * w.segment(start(j), size(j));
    for (Index j = 0; j < J; ++j)
      for (Index i = 0; i < J; ++i) C(i, j) = w.segment(start(i), size(i)).dot(MW.col(j).segment(start(i), size(i)));
    E.setZero();
    for (Index k = 0; k < J; ++k) {
      const auto& pred = l.predecessors[static_cast<std::size_t>(k)];
      const auto& succ = l.successors[static_cast<std::size_t>(k)];
      switch (options.scheme) {
        case pls_scheme::centroid:
        case pls_scheme::factorial:
          for (const auto* group : {&pred, &succ})
            for (const Index i : *group) {
              const double c = C(i, k);
              E(i, k) = options.scheme == pls_scheme::factorial ? c : (c > 0) - (c < 0);
            }
          break;
        case pls_scheme::path: {
          if (!pred.empty()) {
            auto& regression = regressions[static_cast<std::size_t>(k)];
            if (!regression.solve(C, pred, k))
              return input_error(errc::singular_matrix, "path_matrix",
                                 concat("the predecessors of latent variable ", std::to_string(k),
                                        " are collinear in the path scheme"));
            for (std::size_t a = 0; a < pred.size(); ++a) E(pred[a], k) = regression.beta(static_cast<Index>(a));
          }
          for (const Index i : succ) E(i, k) = C(k, i);
          break;
        }
      }
    }
    // Covariance of each indicator with its block's inner estimate Z = Y·E.
    for (Index j = 0; j < J; ++j) {
      auto rj = raw.segment(start(j), size(j));
      rj.noalias() = MW.middleRows(start(j), size(j)) * E.col(j);
      if (l.modes[static_cast<std::size_t>(j)] == pls_mode::b)
        rj = inverse[static_cast<std::size_t>(j)].solve(Eigen::VectorXd(rj));
    }
    next = raw;
    if (!normalise_vector(next))
      return input_error(errc::singular_matrix, "data",
                         "an inner estimate is uncorrelated with its block: the weights vanish");
    const double change = options.stop == pls_stop::plspm ? (old_raw.cwiseAbs() - raw.cwiseAbs()).squaredNorm()
                                                          : (next - w).cwiseAbs().maxCoeff();
    w = next;
    old_raw = raw;
    out.iterations = iter;
    if (change < tol) {
      out.converged = true;
      break;
    }
    if (iter >= options.max_iterations) break;
  }
  // Orientation: most loadings of each block positive (a score's sign is arbitrary).
  out.W = Eigen::MatrixXd::Zero(p, J);
  for (Index j = 0; j < J; ++j) {
    auto loads = block_product.head(size(j));
    loads.noalias() = M.block(start(j), start(j), size(j), size(j)) * w.segment(start(j), size(j));
    int balance = 0;
    for (Index k = 0; k < size(j); ++k) balance += (loads(k) > 0) - (loads(k) < 0);
    out.W.col(j).segment(start(j), size(j)) = (balance < 0 ? -1.0 : 1.0) * w.segment(start(j), size(j));
  }
  return out;
}

std::vector<std::vector<bool>> reachability(const std::vector<std::vector<int>>& path_matrix) {
  const auto J = path_matrix.size();
  std::vector<std::vector<bool>> reach(J, std::vector<bool>(J, false));
  for (std::size_t to = 0; to < J; ++to)
    for (std::size_t from = 0; from < J; ++from) reach[to][from] = path_matrix[to][from] != 0;
  for (std::size_t k = 0; k < J; ++k)
    for (std::size_t i = 0; i < J; ++i)
      for (std::size_t j = 0; j < J; ++j)
        if (reach[i][k] && reach[k][j]) reach[i][j] = true;
  return reach;
}

result<structural> relate(const Eigen::MatrixXd& M, const Eigen::VectorXd& sds, const layout& l,
                          const Eigen::MatrixXd& W, bool consistent) {
  const Index J = l.lvs;
  structural s;
  // W is block-diagonal: M·W block by block costs p² rather than p²·J, and W'·(M·W) is
  // J² dot products of the blocks.
  Eigen::MatrixXd MW(l.indicators, J);
  for (Index j = 0; j < J; ++j) {
    const auto start = l.start[static_cast<std::size_t>(j)];
    const auto size = l.size[static_cast<std::size_t>(j)];
    MW.col(j).noalias() = M.middleCols(start, size) * W.col(j).segment(start, size);
  }
  s.lv_correlations.resize(J, J);
  for (Index j = 0; j < J; ++j)
    for (Index i = 0; i < J; ++i) {
      const auto start = l.start[static_cast<std::size_t>(i)];
      const auto size = l.size[static_cast<std::size_t>(i)];
      s.lv_correlations(i, j) = W.col(i).segment(start, size).dot(MW.col(j).segment(start, size));
    }
  s.cross_loadings = sds.cwiseInverse().asDiagonal() * MW;
  s.loadings.resize(l.indicators);
  for (Index k = 0; k < l.indicators; ++k)
    s.loadings(k) = s.cross_loadings(k, static_cast<Index>(l.block_of[static_cast<std::size_t>(k)]));
  // ρ_A (Dijkstra & Henseler 2015, eq. 9) on the standardised scale, where the block's
  // weights w give a unit-variance score (w'Rw = 1) and R has a unit diagonal:
  // c² = w'(R − diag R)w / w'(ww' − diag ww')w = (1 − w'w) / ((w'w)² − Σw⁴), ρ_A = c²(w'w)²,
  // and the consistent loadings are c·w.
  s.rho_a = Eigen::VectorXd::Ones(J);
  for (Index j = 0; j < J; ++j) {
    const auto start = l.start[static_cast<std::size_t>(j)];
    const auto size = l.size[static_cast<std::size_t>(j)];
    if (size < 2 || l.modes[static_cast<std::size_t>(j)] == pls_mode::b) continue;
    const Eigen::VectorXd w = W.col(j).segment(start, size).cwiseProduct(sds.segment(start, size));
    const double ww = w.squaredNorm();
    const double c2 = (1 - ww) / (ww * ww - w.array().pow(4).sum());
    if (!(c2 > 0) || !std::isfinite(c2)) {
      if (!consistent) {
        s.rho_a(j) = std::numeric_limits<double>::quiet_NaN();  // reported as undefined, never used
        continue;
      }
      return input_error(errc::invalid_value, detail::indexed("blocks", static_cast<std::size_t>(j)),
                         concat("rho_A of latent variable ", std::to_string(j),
                                " is not positive: its indicators share no common factor to correct for"));
    }
    s.rho_a(j) = c2 * ww * ww;
    if (consistent) s.loadings.segment(start, size) = std::sqrt(c2) * w;
  }
  if (consistent) {
    // Disattenuated correlations: a proxy correlates with its factor by √ρ_A, so
    // corr(ηi, ηj) = corr(ŷi, ŷj)/√(ρ_A,i ρ_A,j); an indicator with another block's factor
    // by its correlation with that block's proxy over √ρ_A.
    const Eigen::VectorXd root = s.rho_a.cwiseSqrt();
    for (Index i = 0; i < J; ++i)
      for (Index j = 0; j < J; ++j)
        if (i != j) s.lv_correlations(i, j) /= root(i) * root(j);
    for (Index k = 0; k < l.indicators; ++k)
      for (Index j = 0; j < J; ++j)
        s.cross_loadings(k, j) = static_cast<Index>(l.block_of[static_cast<std::size_t>(k)]) == j
                                     ? s.loadings(k)
                                     : s.cross_loadings(k, j) / root(j);
  }
  s.paths = Eigen::MatrixXd::Zero(J, J);
  s.r2 = Eigen::VectorXd::Zero(J);
  auto regressions = predecessor_regressions(l);
  for (Index k = 0; k < J; ++k) {
    const auto& pred = l.predecessors[static_cast<std::size_t>(k)];
    if (pred.empty()) continue;
    auto& regression = regressions[static_cast<std::size_t>(k)];
    if (!regression.solve(s.lv_correlations, pred, k))
      return input_error(errc::singular_matrix, "path_matrix",
                         concat("the predecessors of latent variable ", std::to_string(k),
                                " are collinear: its path coefficients are not identified"));
    for (std::size_t a = 0; a < pred.size(); ++a) s.paths(k, pred[a]) = regression.beta(static_cast<Index>(a));
    s.r2(k) = regression.beta.dot(regression.b);
  }
  // Recursive model: (I − B) is invertible (a permutation of a unit triangular matrix).
  const Eigen::MatrixXd I = Eigen::MatrixXd::Identity(J, J);
  s.total_effects = (I - s.paths).inverse() - I;
  return s;
}

}  // namespace excellence::inline v1::pls_core
