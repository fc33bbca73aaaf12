#include <excellence/io/pls_data.hpp>

#include "../detail/huge_pages.hpp"
#include "csv_placement.hpp"
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
  static void release(csv_table& t, std::size_t column) { t.columns_[column] = {}; }
};

namespace {

// The table column of each of the model's indicators, in the model's order.
result<std::vector<std::pair<std::string, std::size_t>>> model_columns(const csv_table& table, const pls_model& model) {
  std::vector<std::pair<std::string, std::size_t>> columns;  // name, table column
  for (const auto& block : model.blocks)
    for (const auto& name : block) {
      const auto at = table.try_column(name);
      if (!at) return at.error();
      columns.emplace_back(name, *at);
    }
  return columns;
}

// Fills `data` from the model's columns: copied, unless the reader parsed them in place
// (then only their empty cells are set); with `owned`, each column is released once done.
result<pls_data> gather(const csv_table& table, csv_table* owned, const pls_model& model,
                        const pls_read_options& options, pls_data data) {
  const auto found = model_columns(table, model);
  if (!found) return found.error();
  const auto& columns = *found;
  const auto rows = static_cast<Eigen::Index>(table.row_count());
  data.values.resize(rows, static_cast<Eigen::Index>(columns.size()));  // kept when already so
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& [name, at] = columns[c];
    const auto column = table.try_number_column(name);
    if (!column) return column.error();
    if (column->missing_count > 0 && !options.empty_cells_allowed) {
      const auto r = static_cast<std::size_t>(
          std::find(column->missing.begin(), column->missing.end(), std::uint8_t{1}) - column->missing.begin());
      return table.cell_error(errc::missing_field, r, at, "the cell is empty; a number is expected");
    }
    auto target = data.values.col(static_cast<Eigen::Index>(c));
    if (column->values.data() != target.data())
      for (std::size_t r = 0; r < column->values.size(); ++r) target(static_cast<Eigen::Index>(r)) = column->values[r];
    if (column->missing_count > 0)
      for (std::size_t r = 0; r < column->missing.size(); ++r)
        if (column->missing[r] != 0) {
          target(static_cast<Eigen::Index>(r)) = 0.0;
          data.set_missing(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
        }
    data.names.push_back(name);
    // The same column may stand in two blocks only in an invalid model; release it once
    // no later entry names it.
    if (owned != nullptr && std::none_of(columns.begin() + static_cast<std::ptrdiff_t>(c) + 1, columns.end(),
                                         [at = at](const auto& other) { return other.second == at; }))
      csv_access::release(*owned, at);
  }
  return data;
}

}  // namespace

result<pls_data> try_pls_data(const csv_table& table, const pls_model& model, const pls_read_options& options) {
  return gather(table, nullptr, model, options, {});
}

pls_data pls_data_of(const csv_table& table, const pls_model& model, const pls_read_options& options) {
  return try_pls_data(table, model, options).value();
}

result<pls_data> try_read_pls_data(const std::filesystem::path& file, const pls_model& model,
                                   const pls_read_options& options) {
  // The reader parses the model's columns straight into the data's matrix (when the file
  // names each of them once): no second copy of every number, no pass to make it.
  pls_data data;
  const auto place = [&](const std::vector<std::string>& header, std::size_t rows) {
    std::vector<double*> into(header.size(), nullptr);
    std::vector<std::size_t> at;  // the header column of each indicator
    for (const auto& block : model.blocks)
      for (const auto& name : block) {
        const auto i = static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
        if (i == header.size() || std::find(at.begin(), at.end(), i) != at.end())
          return into;  // none placed: gather reports the missing column, or copies
        at.push_back(i);
      }
    data.values.resize(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(at.size()));
    detail::advise_huge_pages(data.values.data(), static_cast<std::size_t>(data.values.size()) * sizeof(double));
    for (std::size_t c = 0; c < at.size(); ++c) into[at[c]] = data.values.col(static_cast<Eigen::Index>(c)).data();
    return into;
  };
  auto table = detail::try_read_csv_placed(file, options.csv, place);
  if (!table) return table.error();
  // Number cells are all that is read here: the text kept to give cells back can go.
  csv_access::drop_text(*table);
  return gather(*table, &*table, model, options, std::move(data));
}

pls_data read_pls_data(const std::filesystem::path& file, const pls_model& model, const pls_read_options& options) {
  return try_read_pls_data(file, model, options).value();
}

}  // namespace excellence::inline v1
