// Delivered value for whole survey data sets at once (modelling layer: Eigen types).
#pragma once

#include <excellence/config.hpp>
#include <excellence/detail/diagnose.hpp>
#include <excellence/error.hpp>
#include <excellence/value/delivered_value.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// N respondents × K offers, one row per (respondent, offer) in respondent-major order
/// (row r·K + k is respondent r's view of offer k), columns in value_components order:
/// product, service, personnel, image, monetary, time, energy, physical.
using value_rows = Eigen::Matrix<double, Eigen::Dynamic, 8, Eigen::RowMajor>;

/// N × K, respondents by offers, stored row by row like the input.
using respondent_offer_matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct batch_value_result {
  respondent_offer_matrix total_value{};      ///< N × K
  respondent_offer_matrix total_cost{};       ///< N × K
  respondent_offer_matrix delivered_value{};  ///< N × K
  /// Per offer, the share of respondents who prefer it (a respondent's tie counts
  /// 1/t for each of the t tied offers), summing to 1.
  std::vector<double> preferred_share{};
  std::size_t respondents = 0;  ///< N
  std::size_t offers = 0;       ///< K
};

/// Delivered value of every row with component weights, and the preference shares, in
/// one pass (two matrix–vector products and a row-wise maximum). Ties as in
/// compare_offers. Errors: a row count that is not a multiple of `offers`, no rows, a
/// negative or non-finite amount (naming its row and component) or weight.
[[nodiscard]] inline result<batch_value_result> try_batch_delivered_value(const Eigen::Ref<const value_rows>& rows,
                                                                          std::size_t offers,
                                                                          const comparison_options& options = {}) {
  const auto total_rows = static_cast<std::size_t>(rows.rows());
  if (offers == 0 || total_rows == 0 || total_rows % offers != 0)
    return detail::input_error(
        errc::invalid_value, "rows",
        std::to_string(total_rows) + " rows do not split into respondents of " + std::to_string(offers) + " offers");
  if (auto bad = detail::check_profile(options.weights, "weights", "a weight")) return *bad;
  if (auto bad = detail::check_tie_tolerance(options.tie_tolerance)) return *bad;
  Eigen::Matrix<double, 1, 8> value_weights = Eigen::Matrix<double, 1, 8>::Zero();
  Eigen::Matrix<double, 1, 8> cost_weights = Eigen::Matrix<double, 1, 8>::Zero();
  for (std::size_t c = 0; c < 8; ++c)
    (is_cost(value_components[c]) ? cost_weights : value_weights)(static_cast<Eigen::Index>(c)) =
        options.weights[value_components[c]];

  batch_value_result out;
  out.offers = offers;
  out.respondents = total_rows / offers;
  const auto n = static_cast<Eigen::Index>(out.respondents);
  const auto k = static_cast<Eigen::Index>(offers);
  out.total_value.resize(n, k);
  out.total_cost.resize(n, k);
  out.delivered_value.resize(n, k);
  // One pass over the (large) input: check each row and form its two weighted sums.
  // Row-major results make row r·K + j land at element r·K + j of each matrix.
  double* value = out.total_value.data();
  double* cost = out.total_cost.data();
  double* delivered = out.delivered_value.data();
  for (Eigen::Index i = 0; i < rows.rows(); ++i) {
    const auto x = rows.row(i);
    if (!(x.array().isFinite() && x.array() >= 0.0).all()) {  // fast path fails: name the cell
      const auto bad = detail::first_bad_amount([&x](value_component c) { return x(static_cast<Eigen::Index>(c)); });
      return detail::bad_amount(detail::indexed("rows", static_cast<std::size_t>(i)), *bad, "an amount");
    }
    value[i] = x.dot(value_weights);
    cost[i] = x.dot(cost_weights);
    delivered[i] = value[i] - cost[i];
    if (!std::isfinite(delivered[i]))
      return detail::input_error(errc::out_of_range, detail::indexed("rows", static_cast<std::size_t>(i)),
                                 "the weighted sum overflows (amounts or weights too large)");
  }

  out.preferred_share.assign(offers, 0.0);
  for (Eigen::Index r = 0; r < n; ++r) {
    const double* row = delivered + r * k;  // contiguous: this respondent's offers
    double best = row[0];
    for (Eigen::Index j = 1; j < k; ++j) best = std::max(best, row[j]);
    const double floor = detail::preference_floor(best, options.tie_tolerance);
    double tied = 0;
    for (Eigen::Index j = 0; j < k; ++j) tied += row[j] >= floor ? 1.0 : 0.0;
    for (Eigen::Index j = 0; j < k; ++j)
      if (row[j] >= floor) out.preferred_share[static_cast<std::size_t>(j)] += 1.0 / tied;
  }
  for (auto& share : out.preferred_share) share /= static_cast<double>(out.respondents);
  return out;
}
/// Throwing form of try_batch_delivered_value: the value, or data_error with the diagnostic.
[[nodiscard]] inline batch_value_result batch_delivered_value(const Eigen::Ref<const value_rows>& rows,
                                                              std::size_t offers,
                                                              const comparison_options& options = {}) {
  return try_batch_delivered_value(rows, offers, options).value();
}

EXCELLENCE_END_NAMESPACE
