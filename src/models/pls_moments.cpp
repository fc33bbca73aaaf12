// PLS moments: per block of rows, merged, and estimated from (docs/scale-out.md).
#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>
#include <excellence/models/pls/moments.hpp>

#include "pls_core.hpp"

namespace excellence::inline v1 {

using detail::concat;
using detail::input_error;
using Eigen::Index;

result<pls_moments> try_pls_moments(const pls_data& data, pls_missing missing) {
  const Index rows = data.values.rows();
  const Index p = data.values.cols();
  if (auto bad = pls_core::check_data_shape(data)) return *bad;
  if (missing == pls_missing::mean)
    return input_error(errc::invalid_value, "missing",
                       "mean imputation needs the whole data's means: moments support error or listwise");
  pls_moments out;
  out.names = data.names;
  // Rows used: all, or the complete ones (listwise); a missing value under the error rule,
  // or a value that is not finite, names its cell.
  std::vector<Index> used;
  used.reserve(static_cast<std::size_t>(rows));
  for (Index r = 0; r < rows; ++r) {
    bool complete = true;
    for (Index c = 0; c < p; ++c) {
      if (data.is_missing(r, c)) {
        if (missing == pls_missing::error)
          return input_error(
              errc::invalid_value,
              detail::indexed("rows", static_cast<std::size_t>(r)).field(data.names[static_cast<std::size_t>(c)]),
              "the value is missing (choose listwise deletion to proceed)");
        complete = false;
      } else if (!std::isfinite(data.values(r, c))) {
        return input_error(
            errc::invalid_value,
            detail::indexed("rows", static_cast<std::size_t>(r)).field(data.names[static_cast<std::size_t>(c)]),
            "a value must be a finite number");
      }
    }
    if (complete)
      used.push_back(r);
    else
      ++out.rows_dropped;
  }
  out.n = used.size();
  out.mean = Eigen::VectorXd::Zero(p);
  out.comoments = Eigen::MatrixXd::Zero(p, p);
  if (out.n == 0) return out;
  // Two passes over the block: the means, then the centred products in chunks.
  for (const Index r : used) out.mean += data.values.row(r).transpose();
  out.mean /= static_cast<double>(out.n);
  Eigen::MatrixXd chunk(std::min<Index>(pls_core::chunk_rows, static_cast<Index>(used.size())), p);
  for (std::size_t from = 0; from < used.size(); from += static_cast<std::size_t>(chunk.rows())) {
    const auto to = std::min(used.size(), from + static_cast<std::size_t>(chunk.rows()));
    const auto k = static_cast<Index>(to - from);
    for (Index i = 0; i < k; ++i)
      chunk.row(i) = data.values.row(used[from + static_cast<std::size_t>(i)]) - out.mean.transpose();
    out.comoments.selfadjointView<Eigen::Lower>().rankUpdate(chunk.topRows(k).transpose());
  }
  out.comoments = out.comoments.selfadjointView<Eigen::Lower>();
  return out;
}

result<pls_moments> try_merge(const pls_moments& a, const pls_moments& b) {
  if (a.names != b.names)
    return input_error(errc::invalid_value, "names",
                       "the moments to merge must have the same columns in the same order");
  if (a.n == 0 || b.n == 0) {
    pls_moments out = a.n == 0 ? b : a;
    out.rows_dropped = a.rows_dropped + b.rows_dropped;
    return out;
  }
  // Chan, Golub & LeVeque: with δ = x̄_b − x̄_a, x̄ = x̄_a + δ n_b/n and
  // M = M_a + M_b + δδᵀ n_a n_b / n.
  const double na = static_cast<double>(a.n), nb = static_cast<double>(b.n), n = na + nb;
  const Eigen::VectorXd delta = b.mean - a.mean;
  pls_moments out;
  out.names = a.names;
  out.n = a.n + b.n;
  out.mean = a.mean + delta * (nb / n);
  out.comoments = a.comoments + b.comoments + delta * delta.transpose() * (na * nb / n);
  out.rows_dropped = a.rows_dropped + b.rows_dropped;
  return out;
}

result<pls_fit> try_estimate_pls(const pls_model& model, const pls_moments& moments, const pls_options& options,
                                 const pls_control& control) {
  const auto p = static_cast<Index>(moments.names.size());
  if (moments.mean.size() != p || moments.comoments.rows() != p || moments.comoments.cols() != p)
    return input_error(errc::invalid_value, "moments",
                       concat("expected ", std::to_string(p), " means and a ", std::to_string(p), " x ",
                              std::to_string(p), " co-moment matrix"));
  auto l = pls_core::make_layout(model, moments.names);
  if (!l) return l.error();
  if (auto bad = pls_core::check_row_count(moments.n)) return *bad;
  if (control.cancel != nullptr && control.cancel->load(std::memory_order_relaxed))
    return input_error(errc::cancelled, "", "cancelled");
  // The model's indicators, in block order, from the moments of all columns.
  pls_core::moments m;
  m.n = moments.n;
  m.rows_dropped = moments.rows_dropped;
  m.mean.resize(l->indicators);
  m.covariance.resize(l->indicators, l->indicators);
  for (Index i = 0; i < l->indicators; ++i) {
    const auto ci = static_cast<Index>(l->column[static_cast<std::size_t>(i)]);
    m.mean(i) = moments.mean(ci);
    for (Index j = 0; j < l->indicators; ++j)
      m.covariance(i, j) = moments.comoments(ci, static_cast<Index>(l->column[static_cast<std::size_t>(j)])) /
                           static_cast<double>(moments.n);
  }
  if (auto bad = pls_core::check_variances(*l, m.covariance)) return *bad;
  auto e = pls_core::estimate_from_moments(model, *std::move(l), std::move(m), options);
  if (!e) return e.error();
  return std::move(e->fit);
}

}  // namespace excellence::inline v1
