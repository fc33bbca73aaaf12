// The indicator columns of a PLS model read from CSV: the adapter between io/csv.hpp and
// the modelling layer (models/pls/estimate.hpp).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/model.hpp>

#include <filesystem>

EXCELLENCE_BEGIN_NAMESPACE

struct pls_read_options {
  /// false: an empty cell of an indicator is an error naming its line and field, found while
  /// reading (cheaper than estimating first); true: it is marked missing in pls_data, for
  /// pls_options::missing to decide about.
  bool empty_cells_allowed = true;
  csv_options csv{};
};

/// The columns the model names, as numbers, empty cells marked in pls_data::missing. Other
/// columns (a `gender`, say) are not read. Errors name the file, line and field: a column
/// the table lacks, a cell that is not a number (or an empty one, when not allowed).
[[nodiscard]] EXCELLENCE_API result<pls_data> try_pls_data(const csv_table& table, const pls_model& model,
                                                           const pls_read_options& options = {});
[[nodiscard]] EXCELLENCE_API pls_data pls_data_of(const csv_table& table, const pls_model& model,
                                                  const pls_read_options& options = {});

/// Reads the model's columns from a CSV file. The same as try_pls_data(try_read_csv(file),
/// model) but lighter: each column's memory is handed over as it is copied, so the peak
/// stays near the size of the numbers once rather than twice.
[[nodiscard]] EXCELLENCE_API result<pls_data> try_read_pls_data(const std::filesystem::path& file,
                                                                const pls_model& model,
                                                                const pls_read_options& options = {});
[[nodiscard]] EXCELLENCE_API pls_data read_pls_data(const std::filesystem::path& file, const pls_model& model,
                                                    const pls_read_options& options = {});

EXCELLENCE_END_NAMESPACE
