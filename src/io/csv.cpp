#include <excellence/detail/strings.hpp>
#include <excellence/detail/utf8.hpp>
#include <excellence/io/csv.hpp>

#include "json_support.hpp"  // read_text_file, catching

#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <system_error>
#include <utility>

namespace excellence::inline v1 {

namespace {

// A whole cell as a finite number ("12", "-3.5", "1e3", "+2"), else nullopt. from_chars
// refuses a leading '+', which spreadsheets write; it accepts "nan" and "inf", which are
// not numbers here.
std::optional<double> as_number(std::string_view cell) {
  const char* first = cell.data();
  const char* const last = first + cell.size();
  if (first != last && *first == '+') {
    ++first;
    if (first != last && (*first == '-' || *first == '+')) return std::nullopt;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end != last || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Walks the fields of CSV text from a position, keeping line and column for diagnostics.
class field_scanner {
 public:
  field_scanner(std::string_view text, const std::string& source, char delimiter, std::size_t pos = 0,
                std::size_t line = 1)
      : text_(text), source_(source), delimiter_(delimiter), pos_(pos), line_(line), line_start_(pos) {}

  [[nodiscard]] bool done() const noexcept { return pos_ >= text_.size(); }
  [[nodiscard]] std::size_t position() const noexcept { return pos_; }
  [[nodiscard]] std::size_t line() const noexcept { return line_; }

  // The next field: a view into the text, or into `scratch` when the field was quoted.
  std::string_view field(std::string& scratch) {
    if (!done() && text_[pos_] == '"') return quoted(scratch);
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == delimiter_ || c == '\n' || (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')) break;
      if (c == '"') fail("a quote inside an unquoted field (quote the whole field and double the quote)");
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }

  // After a field: true when a delimiter follows (and is consumed), false at the end of
  // the record (the line break is consumed).
  bool next_field() {
    if (done()) return false;
    if (text_[pos_] == delimiter_) {
      ++pos_;
      return true;
    }
    if (text_[pos_] == '\r') ++pos_;
    new_line();
    return false;
  }

  // Skips the rest of a field without keeping it (to count a long row's fields).
  void skip_field() {
    std::string ignored;
    (void)field(ignored);
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw data_error({errc::invalid_value, source_, line_, pos_ - line_start_ + 1, "", message});
  }

  void new_line() {
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  std::string_view quoted(std::string& scratch) {
    scratch.clear();
    const std::size_t open = pos_, open_line = line_, open_line_start = line_start_;
    ++pos_;
    while (true) {
      if (done()) {
        pos_ = open;
        line_ = open_line;
        line_start_ = open_line_start;
        fail("the quoted field opened here is never closed");
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {  // "" is one quote
          scratch += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        if (!done()) {
          const char n = text_[pos_];
          if (!(n == delimiter_ || n == '\n' || (n == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')))
            fail("text after the closing quote of a quoted field");
        }
        return scratch;
      }
      scratch += c;
      if (c == '\n')
        new_line();
      else
        ++pos_;
    }
  }

  std::string_view text_;
  const std::string& source_;
  char delimiter_;
  std::size_t pos_;
  std::size_t line_;
  std::size_t line_start_;
};

}  // namespace

// Builds a csv_table in one pass: number columns are parsed as their cells are met; a
// column that turns out to hold text is re-read as text from the rows before.
struct csv_reader {
  static csv_table read(std::string text, const std::string& source, const csv_options& options) {
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
    if (std::string_view(text).starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a BOM, as spreadsheets write
    // Blank lines at the very end are not data.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.empty()) throw data_error({errc::missing_field, source, 1, 0, "", "the file has no header row"});

    csv_table t;
    t.source_ = source;
    t.delimiter_ = options.delimiter;
    t.body_ = std::move(text);
    const std::string_view body = t.body_;
    field_scanner scan(body, source, options.delimiter);
    std::string scratch;
    do t.header_.emplace_back(scan.field(scratch));
    while (scan.next_field());
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < t.header_.size(); ++i)
      if (!t.header_[i].empty() && !names.insert(t.header_[i]).second)
        throw data_error({errc::duplicate_id, source, 1, i + 1, t.header_[i], "the column name appears twice"});

    const std::size_t k = t.header_.size();
    t.columns_.resize(k);
    // About one row per header's worth of bytes: a reservation, not a limit.
    const std::size_t guess = body.size() / std::max<std::size_t>(1, scan.position()) + 1;
    for (auto& c : t.columns_) {
      c.numbers.reserve(guess);
      c.missing.reserve(guess);
    }
    t.lines_.reserve(guess);
    t.row_offsets_.reserve(guess);
    while (!scan.done()) {
      const std::size_t line = scan.line(), offset = scan.position();
      std::size_t f = 0;
      bool more = true;
      while (more) {
        if (f < k)
          store(t, f, scan.field(scratch));
        else
          scan.skip_field();
        ++f;
        more = scan.next_field();
      }
      if (f == 1 && k > 1 && t.is_empty_at(0, t.lines_.size()))
        throw data_error({errc::invalid_value, source, line, 1, "", "a blank line inside the data"});
      if (f != k)
        throw data_error({errc::invalid_value, source, line, 0, "",
                          "the row has " + std::to_string(f) + " fields but the header has " + std::to_string(k)});
      t.lines_.push_back(line);
      t.row_offsets_.push_back(offset);
    }
    return t;
  }

 private:
  static void store(csv_table& t, std::size_t f, std::string_view cell) {
    auto& c = t.columns_[f];
    const bool empty = cell.empty();
    c.missing.push_back(empty ? 1 : 0);
    if (empty) ++c.missing_count;
    if (c.type == csv_column_type::number) {
      if (empty) {
        c.numbers.push_back(std::numeric_limits<double>::quiet_NaN());  // masked: never read as a value
        return;
      }
      if (const auto v = as_number(cell)) {
        c.numbers.push_back(*v);
        return;
      }
      // Text after all: the rows before are read again as text (once per such column).
      c.type = csv_column_type::text;
      const std::size_t before = t.lines_.size();
      c.text.reserve(c.numbers.capacity());
      for (std::size_t r = 0; r < before; ++r) c.text.push_back(t.cell_from_body(r, f));
      c.numbers = {};
    }
    c.text.emplace_back(cell);
  }
};

bool csv_table::is_empty_at(std::size_t column, std::size_t row) const {
  return row < columns_[column].missing.size() && columns_[column].missing[row] != 0;
}

std::string csv_table::cell_from_body(std::size_t row, std::size_t column) const {
  field_scanner scan(body_, source_, delimiter_, row_offsets_[row], lines_[row]);
  std::string scratch;
  for (std::size_t f = 0; f < column; ++f) {
    scan.skip_field();
    (void)scan.next_field();
  }
  return std::string(scan.field(scratch));
}

diagnostic csv_table::cell_error(errc code, std::size_t row, std::size_t column, std::string message) const {
  return {code,
          source_,
          row < lines_.size() ? lines_[row] : 0,
          column + 1,
          column < header_.size() ? field_path(header_[column]) : field_path(),
          std::move(message)};
}

result<std::size_t> csv_table::try_column(std::string_view name) const {
  if (auto i = find(name)) return *i;
  std::vector<std::string_view> named;
  for (const auto& h : header_)
    if (!h.empty()) named.push_back(h);
  return diagnostic{errc::missing_field,
                    source_,
                    1,
                    0,
                    std::string(name),
                    "no column \"" + std::string(name) + "\" (the columns are: " + detail::join(named, ", ") + ")"};
}

std::string csv_table::text(std::size_t row, std::size_t column) const {
  const auto& c = columns_[column];
  if (c.type == csv_column_type::text) return c.text[row];
  if (c.missing[row] != 0) return {};
  return cell_from_body(row, column);
}

bool csv_table::is_empty(std::size_t row, std::size_t column) const { return columns_[column].missing[row] != 0; }

diagnostic csv_table::first_problem(std::size_t column, bool empty_allowed) const {
  const auto& c = columns_[column];
  for (std::size_t r = 0; r < lines_.size(); ++r) {
    if (c.missing[r] != 0) {
      if (!empty_allowed) return cell_error(errc::missing_field, r, column, "the cell is empty; a number is expected");
      continue;
    }
    if (c.type == csv_column_type::text && !as_number(c.text[r]))
      return cell_error(errc::wrong_type, r, column, "\"" + c.text[r] + "\" is not a finite number");
  }
  // Unreachable for a text column (one of its cells is not a number) and for a number
  // column without empty cells; kept total rather than asserted.
  return cell_error(errc::wrong_type, 0, column, "the column is not numeric");
}

result<csv_number_column> csv_table::try_number_column(std::string_view name) const {
  const auto column = try_column(name);
  if (!column) return column.error();
  const auto& c = columns_[*column];
  if (c.type == csv_column_type::text) return first_problem(*column, true);
  return csv_number_column{c.numbers, c.missing, c.missing_count};
}

result<std::vector<double>> csv_table::try_numbers(std::string_view name) const {
  const auto column = try_column(name);
  if (!column) return column.error();
  const auto& c = columns_[*column];
  if (c.type == csv_column_type::text || c.missing_count != 0) return first_problem(*column, false);
  return c.numbers;
}

result<std::vector<std::optional<double>>> csv_table::try_optional_numbers(std::string_view name) const {
  const auto view = try_number_column(name);
  if (!view) return view.error();
  std::vector<std::optional<double>> out(view->values.size());
  for (std::size_t r = 0; r < out.size(); ++r)
    if (view->missing[r] == 0) out[r] = view->values[r];
  return out;
}

result<csv_table> try_parse_csv(std::string_view text, std::string source, const csv_options& options) {
  return detail::catching<csv_table>([&] { return csv_reader::read(std::string(text), source, options); });
}

result<csv_table> try_read_csv(const std::filesystem::path& file, const csv_options& options) {
  return detail::catching<csv_table>(
      [&] { return csv_reader::read(detail::read_text_file(file), file.string(), options); });
}

}  // namespace excellence::inline v1
