// The indicator columns of a PLS model taken from a CSV table.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <cstddef>
#include <limits>

EXCELLENCE_BEGIN_NAMESPACE

/// The columns the model names, as numbers; an empty cell is a missing value (NaN), for
/// pls_options::missing to decide about. Other columns (a `gender`, say) are not read.
/// Errors name the file, line and column: a column the file lacks, a cell that is not a
/// number.
[[nodiscard]] inline result<pls_data> try_pls_data(const csv_table& table, const pls_model& model) {
  pls_data data;
  std::size_t columns = 0;
  for (const auto& block : model.blocks) columns += block.size();
  data.values.resize(static_cast<Eigen::Index>(table.row_count()), static_cast<Eigen::Index>(columns));
  Eigen::Index c = 0;
  for (const auto& block : model.blocks)
    for (const auto& name : block) {
      const auto column = table.try_number_column(name);
      if (!column) return column.error();
      for (std::size_t r = 0; r < column->values.size(); ++r)
        data.values(static_cast<Eigen::Index>(r), c) =
            column->missing[r] != 0 ? std::numeric_limits<double>::quiet_NaN() : column->values[r];
      data.names.push_back(name);
      ++c;
    }
  return data;
}

EXCELLENCE_END_NAMESPACE
