#include <excellence/detail/strings.hpp>
#include <excellence/detail/utf8.hpp>
#include <excellence/io/csv.hpp>

#include "json_support.hpp"  // read_text_file

#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <system_error>

namespace excellence::inline v1 {

namespace {

// Splits the text into records of fields, tracking line and column for diagnostics.
class csv_scanner {
 public:
  csv_scanner(std::string_view text, const std::string& source, char delimiter)
      : text_(text), source_(source), delimiter_(delimiter) {}

  [[nodiscard]] bool done() const { return pos_ >= text_.size(); }
  [[nodiscard]] std::size_t line() const { return line_; }

  // Reads one record; the position is then at the start of the next line.
  std::vector<std::string> record() {
    std::vector<std::string> fields;
    while (true) {
      fields.push_back(field());
      if (done()) return fields;
      const char c = text_[pos_];
      if (c == delimiter_) {
        advance();
        continue;
      }
      // end of line: LF or CRLF
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') advance();
      advance_line();
      return fields;
    }
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw data_error({errc::invalid_value, source_, line_, column_, "", message});
  }

  void advance() {
    ++pos_;
    ++column_;
  }
  void advance_line() {
    ++pos_;
    ++line_;
    column_ = 1;
  }
  [[nodiscard]] bool at_field_end() const {
    if (done()) return true;
    const char c = text_[pos_];
    return c == delimiter_ || c == '\n' || (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
  }

  std::string field() {
    std::string out;
    if (!done() && text_[pos_] == '"') {
      const std::size_t open_line = line_, open_column = column_;
      advance();
      while (true) {
        if (done()) {
          line_ = open_line;
          column_ = open_column;
          fail("the quoted field opened here is never closed");
        }
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {  // "" is one quote
            out += '"';
            advance();
            advance();
            continue;
          }
          advance();
          if (!at_field_end()) fail("text after the closing quote of a quoted field");
          return out;
        }
        out += c;
        if (c == '\n') {
          advance_line();
        } else {
          advance();
        }
      }
    }
    while (!at_field_end()) {
      if (text_[pos_] == '"') fail("a quote inside an unquoted field (quote the whole field and double the quote)");
      out += text_[pos_];
      advance();
    }
    return out;
  }

  std::string_view text_;
  const std::string& source_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

csv_table parse(std::string_view text, const std::string& source, const csv_options& options) {
  if (auto bad = detail::first_invalid_utf8(text)) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < *bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw data_error({errc::invalid_utf8, source, line, column, "", "invalid UTF-8"});
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM, as spreadsheet programs write
  // Blank lines at the very end are not data.
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) throw data_error({errc::missing_field, source, 1, 0, "", "the file has no header row"});

  csv_scanner scanner(text, source, options.delimiter);
  csv_table table;
  table.source = source;
  table.header = scanner.record();
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < table.header.size(); ++i)
    if (!table.header[i].empty() && !names.insert(table.header[i]).second)
      throw data_error({errc::duplicate_id, source, 1, i + 1, table.header[i], "the column name appears twice"});
  while (!scanner.done()) {
    const std::size_t line = scanner.line();
    auto row = scanner.record();
    if (row.size() == 1 && row[0].empty() && table.header.size() > 1)
      throw data_error({errc::invalid_value, source, line, 1, "", "a blank line inside the data"});
    if (row.size() != table.header.size())
      throw data_error({errc::invalid_value, source, line, 0, "",
                        "the row has " + std::to_string(row.size()) + " fields but the header has " +
                            std::to_string(table.header.size())});
    table.rows.push_back(std::move(row));
    table.lines.push_back(line);
  }
  return table;
}

}  // namespace

diagnostic csv_table::cell_error(errc code, std::size_t row, std::size_t column, std::string message) const {
  return {code,
          source,
          row < lines.size() ? lines[row] : 0,
          column + 1,
          column < header.size() ? header[column] : "",
          std::move(message)};
}

result<std::size_t> csv_table::try_column(std::string_view name) const {
  if (auto i = find(name)) return *i;
  std::vector<std::string_view> named;
  for (const auto& h : header)
    if (!h.empty()) named.push_back(h);
  return diagnostic{errc::missing_field,
                    source,
                    1,
                    0,
                    std::string(name),
                    "no column \"" + std::string(name) + "\" (the columns are: " + detail::join(named, ", ") + ")"};
}

result<std::vector<double>> csv_table::try_numbers(std::string_view name, empty_cells empty) const {
  const auto column = try_column(name);
  if (!column) return column.error();
  std::vector<double> out;
  out.reserve(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::string& cell = rows[r][*column];
    if (cell.empty()) {
      if (empty == empty_cells::error)
        return cell_error(errc::missing_field, r, *column, "the cell is empty; a number is expected");
      out.push_back(std::numeric_limits<double>::quiet_NaN());
      continue;
    }
    double value = 0;
    const char* first = cell.data();
    if (*first == '+') ++first;  // from_chars refuses a leading '+'
    const auto [end, ec] = std::from_chars(first, cell.data() + cell.size(), value);
    if (ec != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value))
      return cell_error(errc::wrong_type, r, *column, "\"" + cell + "\" is not a finite number");
    out.push_back(value);
  }
  return out;
}

result<csv_table> try_parse_csv(std::string_view text, std::string source, const csv_options& options) {
  return detail::catching<csv_table>([&] { return parse(text, source, options); });
}

result<csv_table> try_read_csv(const std::filesystem::path& file, const csv_options& options) {
  return detail::catching<csv_table>([&] { return parse(detail::read_text_file(file), file.string(), options); });
}

}  // namespace excellence::inline v1
