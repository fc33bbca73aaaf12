// Customer summaries reduced to their distinct rows with counts, and merged: what the
// repeat-purchase likelihoods depend on, computed where the data lives (docs/scale-out.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/customers.hpp>

#include <cstddef>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The distinct (x, t_x, T) rows of a customer summary, in ascending order, each with the
/// number of customers it stands for (the sum of their weights). The BG/NBD, Pareto/NBD,
/// MBG/NBD and BG/BB likelihoods depend on the customers only through these, so a fit on
/// the compression is a fit on the customers; and since the order is canonical, the
/// compression of a data set is the same however it was split and merged.
struct clv_compressed {
  std::vector<double> frequency{};
  std::vector<double> recency{};
  std::vector<double> age{};
  std::vector<double> weights{};

  [[nodiscard]] std::size_t rows() const noexcept { return frequency.size(); }
  /// Σ weights: the customers summarised.
  [[nodiscard]] double customers() const noexcept {
    double total = 0;
    for (const double w : weights) total += w;
    return total;
  }
  /// As model input (spans into this object, with the counts as weights).
  [[nodiscard]] clv_customers view() const { return {frequency, recency, age, weights}; }
};

/// The compression of a summary (checked as every fit checks it, errors naming
/// `frequency[i]` and so on of the input). An empty summary gives an empty compression,
/// which merges as nothing.
[[nodiscard]] EXCELLENCE_API result<clv_compressed> try_compress(const clv_customers& customers);
/// Throwing form of try_compress: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_compressed compress(const clv_customers& customers) {
  return try_compress(customers).value();
}

/// The compression of the customers of `a` and `b` together: a merge of the two sorted
/// lists, counts of equal rows added.
[[nodiscard]] EXCELLENCE_API clv_compressed merge(const clv_compressed& a, const clv_compressed& b);

EXCELLENCE_END_NAMESPACE
