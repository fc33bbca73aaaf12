// Reading CSV files (RFC 4180) into a table of text cells, with typed column access.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct csv_options {
  char delimiter = ',';
};

/// What an empty cell of a numeric column means.
enum class empty_cells {
  error,   ///< the default: an empty cell is an error naming its line and field
  missing  ///< an empty cell is a missing value, returned as a quiet NaN for the caller to handle
};

/// A CSV file with a header row. Cells are kept as text; the typed accessors convert a
/// column and report the first bad cell with file, line, field number and header name
/// (diagnostic::line, ::column = 1-based field number, ::path = the header name).
struct csv_table {
  std::string source{};
  std::vector<std::string> header{};
  std::vector<std::vector<std::string>> rows{};  ///< every row has header.size() cells
  std::vector<std::size_t> lines{};              ///< line on which each row starts (quoted fields may span lines)

  /// The index of the column with this header name, or nullopt. Columns with an empty
  /// name (e.g. a trailing comma in the header) can only be reached by index.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (!name.empty() && header[i] == name) return i;
    return std::nullopt;
  }

  /// The column index, or a missing_field diagnostic naming the file and the columns there are.
  [[nodiscard]] EXCELLENCE_API result<std::size_t> try_column(std::string_view name) const;

  /// The column as numbers (a whole cell must be a number, e.g. "12", "-3.5", "1e3");
  /// a non-numeric or non-finite cell is an error naming its line and field, and so is an
  /// empty cell unless `empty` is empty_cells::missing (then it is NaN: text such as "NaN"
  /// is never read as missing, so the only missing value is one the file left blank).
  [[nodiscard]] EXCELLENCE_API result<std::vector<double>> try_numbers(std::string_view name,
                                                                       empty_cells empty = empty_cells::error) const;

  /// The diagnostic for cell (row, column) with a message.
  [[nodiscard]] EXCELLENCE_API diagnostic cell_error(errc code, std::size_t row, std::size_t column,
                                                     std::string message) const;
};

/// Parses CSV text: a header row, then rows with as many fields each. Fields may be
/// quoted ("a, b", "say ""hi""", embedded line breaks); lines end in LF or CRLF; a UTF-8
/// byte-order mark at the start is skipped; blank lines at the very end are ignored.
/// Errors name the line and column: invalid UTF-8, an unterminated quoted field, a quote
/// inside an unquoted field, text after a closing quote, a row with the wrong number of
/// fields, a blank line inside the data, duplicate non-empty header names, no header.
[[nodiscard]] EXCELLENCE_API result<csv_table> try_parse_csv(std::string_view text, std::string source = "<memory>",
                                                             const csv_options& options = {});
[[nodiscard]] EXCELLENCE_API result<csv_table> try_read_csv(const std::filesystem::path& file,
                                                            const csv_options& options = {});

EXCELLENCE_END_NAMESPACE
