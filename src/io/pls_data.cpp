#include <excellence/io/pls_data.hpp>

#include "json_support.hpp"  // catching

#include <algorithm>
#include <cstdint>
#include <utility>

namespace excellence::inline v1 {

// Takes columns out of a table that is about to be discarded, so that their memory is
// returned as an adapter copies them.
struct csv_access {
  static void drop_text(csv_table& t) {
    t.body_ = {};
    t.row_offsets_ = {};
  }
  static void release(csv_table& t, std::size_t column) {
    t.columns_[column] = {};
  }
};

namespace {

// Copies the model's columns into `data`; with `owned`, each column is released once copied.
result<pls_data> gather(const csv_table& table, csv_table* owned, const pls_model& model,
                        const pls_read_options& options) {
  std::vector<std::pair<std::string, std::size_t>> columns;  // name, table column
  for (const auto& block : model.blocks)
    for (const auto& name : block) {
      const auto at = table.try_column(name);
      if (!at) return at.error();
      columns.emplace_back(name, *at);
    }
  pls_data data;
  const auto rows = static_cast<Eigen::Index>(table.row_count());
  data.values.resize(rows, static_cast<Eigen::Index>(columns.size()));
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& [name, at] = columns[c];
    const auto column = table.try_number_column(name);
    if (!column) return column.error();
    if (column->missing_count > 0) {
      if (!options.empty_cells_allowed) {
        const auto r = static_cast<std::size_t>(
            std::find(column->missing.begin(), column->missing.end(), std::uint8_t{1}) - column->missing.begin());
        return table.cell_error(errc::missing_field, r, at, "the cell is empty; a number is expected");
      }
      for (std::size_t r = 0; r < column->missing.size(); ++r)
        if (column->missing[r] != 0) data.set_missing(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
    }
    auto target = data.values.col(static_cast<Eigen::Index>(c));
    for (std::size_t r = 0; r < column->values.size(); ++r)
      target(static_cast<Eigen::Index>(r)) = column->missing[r] != 0 ? 0.0 : column->values[r];
    data.names.push_back(name);
    // The same column may stand in two blocks only in an invalid model; release it once
    // no later entry names it.
    if (owned != nullptr &&
        std::none_of(columns.begin() + static_cast<std::ptrdiff_t>(c) + 1, columns.end(),
                     [at = at](const auto& other) { return other.second == at; }))
      csv_access::release(*owned, at);
  }
  return data;
}

}  // namespace

result<pls_data> try_pls_data(const csv_table& table, const pls_model& model, const pls_read_options& options) {
  return gather(table, nullptr, model, options);
}

pls_data pls_data_of(const csv_table& table, const pls_model& model, const pls_read_options& options) {
  return try_pls_data(table, model, options).value();
}

result<pls_data> try_read_pls_data(const std::filesystem::path& file, const pls_model& model,
                                   const pls_read_options& options) {
  auto table = try_read_csv(file, options.csv);
  if (!table) return table.error();
  // Number cells are all that is read here: the text kept to give cells back can go.
  csv_access::drop_text(*table);
  return gather(*table, &*table, model, options);
}

pls_data read_pls_data(const std::filesystem::path& file, const pls_model& model, const pls_read_options& options) {
  return try_read_pls_data(file, model, options).value();
}

}  // namespace excellence::inline v1
