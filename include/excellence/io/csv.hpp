// Reading CSV files (RFC 4180) into typed columns.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct csv_options {
  char delimiter = ',';
};

/// How a column is kept: as numbers when every non-empty cell is a finite number, else as
/// text. Decided by the reader from the whole column.
enum class csv_column_type { number, text };

/// A number column as the reader keeps it: one value per row and a mask of the empty
/// cells. Where `missing[r]` is 1 the cell was left blank and `values[r]` means nothing:
/// the mask, not a sentinel value, says what is missing.
struct csv_number_column {
  std::span<const double> values{};
  std::span<const std::uint8_t> missing{};
  std::size_t missing_count = 0;
};

/// A CSV file with a header row. Numbers are parsed once, into contiguous columns with a
/// mask of empty cells; text is kept only for text columns. Every cell can still be named
/// in a diagnostic: file, the line on which its row starts, the 1-based field number
/// (diagnostic::column) and the header name (diagnostic::path). Immutable once read, so
/// it may be shared by concurrent readers.
class csv_table {
 public:
  csv_table() = default;

  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }
  [[nodiscard]] std::size_t column_count() const noexcept { return header_.size(); }
  [[nodiscard]] std::size_t row_count() const noexcept { return rows_; }
  /// The line on which row `row` (0-based, header excluded) starts; quoted fields may span lines.
  [[nodiscard]] std::size_t line(std::size_t row) const { return lines_.empty() ? first_line_ + row : lines_[row]; }

  /// The index of the column with this header name, or nullopt. Columns with an empty
  /// name (e.g. a trailing comma in the header) can only be reached by index.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < header_.size(); ++i)
      if (!name.empty() && header_[i] == name) return i;
    return std::nullopt;
  }

  /// The column index, or a missing_field diagnostic naming the file and the columns there are.
  [[nodiscard]] EXCELLENCE_API result<std::size_t> try_column(std::string_view name) const;

  [[nodiscard]] csv_column_type type(std::size_t column) const { return columns_[column].type; }

  /// The text of a cell exactly as the file has it (quotes removed, "" unescaped), for
  /// number columns too ("007" stays "007").
  [[nodiscard]] EXCELLENCE_API std::string text(std::size_t row, std::size_t column) const;
  /// Whether the cell was left blank.
  [[nodiscard]] EXCELLENCE_API bool is_empty(std::size_t row, std::size_t column) const;

  /// The numbers and the empty-cell mask of a column. Errors: no such column; a text
  /// column (the first cell that is not a finite number, with its line and field).
  [[nodiscard]] EXCELLENCE_API result<csv_number_column> try_number_column(std::string_view name) const;

  /// The column as numbers, every cell a finite number ("12", "-3.5", "1e3", "+2"): an
  /// empty cell or one that is not a finite number is an error naming its line and field.
  [[nodiscard]] EXCELLENCE_API result<std::vector<double>> try_numbers(std::string_view name) const;

  /// try_numbers without the copy: a view of the column's numbers, valid as long as the
  /// table (for a million rows, 8 MB a column not copied).
  [[nodiscard]] EXCELLENCE_API result<std::span<const double>> try_number_view(std::string_view name) const;

  /// The column as numbers with empty cells as nullopt ("NaN" text is never missing: it
  /// is not a number, and an error).
  [[nodiscard]] EXCELLENCE_API result<std::vector<std::optional<double>>> try_optional_numbers(
      std::string_view name) const;

  /// The text of every cell of a column (text(row, column) for each row), for id and
  /// label columns. Error: no such column.
  [[nodiscard]] EXCELLENCE_API result<std::vector<std::string>> try_texts(std::string_view name) const;
  /// The index of an id column: an error (duplicate_id, at the second cell, naming the
  /// line of the first) when a value repeats, or (missing_field) when a cell is empty.
  /// Numeric ids in increasing order are checked without reading their text.
  [[nodiscard]] EXCELLENCE_API result<std::size_t> try_id_column(std::string_view name) const;
  /// try_texts of a column that try_id_column accepts.
  [[nodiscard]] EXCELLENCE_API result<std::vector<std::string>> try_ids(std::string_view name) const;

  /// Throwing forms of the try_ accessors: the value, or data_error with the diagnostic.
  [[nodiscard]] std::vector<std::string> texts(std::string_view name) const { return try_texts(name).value(); }
  [[nodiscard]] std::vector<std::string> ids(std::string_view name) const { return try_ids(name).value(); }
  [[nodiscard]] std::size_t id_column(std::string_view name) const { return try_id_column(name).value(); }
  [[nodiscard]] std::size_t column(std::string_view name) const { return try_column(name).value(); }
  [[nodiscard]] csv_number_column number_column(std::string_view name) const {
    return try_number_column(name).value();
  }
  [[nodiscard]] std::vector<double> numbers(std::string_view name) const { return try_numbers(name).value(); }
  [[nodiscard]] std::span<const double> number_view(std::string_view name) const {
    return try_number_view(name).value();
  }
  [[nodiscard]] std::vector<std::optional<double>> optional_numbers(std::string_view name) const {
    return try_optional_numbers(name).value();
  }

  /// The diagnostic for cell (row, column) with a message.
  [[nodiscard]] EXCELLENCE_API diagnostic cell_error(errc code, std::size_t row, std::size_t column,
                                                     std::string message) const;

 private:
  friend struct csv_reader;
  friend struct csv_access;  // internal adapters that take columns over (src/io)

  // A column's numbers and mask are written once by the reader (in parallel, without being
  // zeroed first) and never changed: copies of a table share them. `numbers` points into
  // `owned`, or into memory of the reader's caller (an internal adapter that has the
  // numbers parsed straight into its own matrix, src/io).
  struct column_data {
    csv_column_type type = csv_column_type::number;
    std::shared_ptr<double[]> owned{};
    const double* numbers = nullptr;
    std::shared_ptr<std::uint8_t[]> mask{};
    const std::uint8_t* missing = nullptr;  // into mask
    std::size_t missing_count = 0;
    std::vector<std::string> text{};
  };

  // The first cell of `column` that keeps it from being read as numbers.
  [[nodiscard]] diagnostic first_problem(std::size_t column, bool empty_allowed) const;
  [[nodiscard]] std::string cell_from_body(std::size_t row, std::size_t column) const;

  std::string source_{};
  std::vector<std::string> header_{};
  std::vector<column_data> columns_{};
  std::size_t rows_ = 0;
  std::size_t first_line_ = 0;              ///< the line of the first row
  std::vector<std::size_t> lines_{};        ///< line where each row starts; empty when row r is on first_line_ + r
  std::string body_{};                      ///< the text after the header, kept to give any cell's text back
  std::vector<std::size_t> row_offsets_{};  ///< where each row starts in body_
  char delimiter_ = ',';
  bool quoted_ = false;  ///< whether the records' text has a quote (else each record is one line)
};

/// Parses CSV text: a header row, then rows with as many fields each. Fields may be
/// quoted ("a, b", "say ""hi""", embedded line breaks); lines end in LF or CRLF; a UTF-8
/// byte-order mark at the start is skipped; blank lines at the very end are ignored.
/// Errors name the line and column: invalid UTF-8, an unterminated quoted field, a quote
/// inside an unquoted field, text after a closing quote, a row with the wrong number of
/// fields, a blank line inside the data, duplicate non-empty header names, no header.
[[nodiscard]] EXCELLENCE_API result<csv_table> try_parse_csv(std::string_view text, std::string source = "<memory>",
                                                             const csv_options& options = {});
/// Throwing form of try_parse_csv: the value, or data_error with the diagnostic.
[[nodiscard]] inline csv_table parse_csv(std::string_view text, std::string source = "<memory>",
                                         const csv_options& options = {}) {
  return try_parse_csv(text, source, options).value();
}
/// Reads and parses a file of at most 2 GiB; a directory, device or FIFO is refused.
[[nodiscard]] EXCELLENCE_API result<csv_table> try_read_csv(const std::filesystem::path& file,
                                                            const csv_options& options = {});
/// Throwing form of try_read_csv: the value, or data_error with the diagnostic.
[[nodiscard]] inline csv_table read_csv(const std::filesystem::path& file, const csv_options& options = {}) {
  return try_read_csv(file, options).value();
}

EXCELLENCE_END_NAMESPACE
