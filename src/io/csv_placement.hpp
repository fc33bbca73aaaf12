// Internal to src/io: reading a CSV file with the numbers of its columns written where an
// adapter wants them, so that a matrix is filled by the parse itself instead of by a copy
// of the table's columns (the PLS data: 8 bytes a cell less at the peak, one pass less).
#pragma once

#include <excellence/io/csv.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace excellence::inline v1::detail {

/// Given the header and the number of rows, where each column's numbers go: a pointer to
/// room for that many doubles per column, or null for the table's own memory. Called once,
/// before the records are read, and only when the rows are known exactly (a file without
/// quotes, in which every line is a record); the table's columns then point into that
/// memory, which must outlive the table. Empty cells are written as NaN there (the mask
/// says which).
using csv_number_placement =
    std::function<std::vector<double*>(const std::vector<std::string>& header, std::size_t rows)>;

/// try_read_csv, the numbers placed by `placement`.
result<csv_table> try_read_csv_placed(const std::filesystem::path& file, const csv_options& options,
                                      const csv_number_placement& placement);

}  // namespace excellence::inline v1::detail
