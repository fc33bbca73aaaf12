#include <excellence/detail/strings.hpp>
#include <excellence/detail/utf8.hpp>
#include <excellence/io/csv.hpp>

#include "../detail/huge_pages.hpp"
#include "../detail/repeats.hpp"
#include "../detail/worker_pool.hpp"
#include "csv_placement.hpp"
#include "json_support.hpp"  // read_text_file, at_offset, catching

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <memory>
#include <set>
#include <system_error>
#include <utility>

namespace excellence::inline v1 {

namespace {

// Powers of ten that are exact doubles (10^22 is the largest).
constexpr double exact_powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                          1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Plain decimals ("12", "-3.25", "38.714286") with at most 15 digits: the digits form an
// integer m < 2^53 and the value is m / 10^k, both exact doubles, so one correctly rounded
// division gives exactly the double from_chars would (Clinger's fast path). Data files are
// mostly such cells; anything else goes to from_chars.
// Returns false (leaving `value` alone) when the cell is not such a decimal.
[[gnu::always_inline]] inline bool plain_decimal(const char* first, const char* last, double& value) {
  const bool negative = first != last && *first == '-';
  if (negative) ++first;
  const auto length = last - first;
  if (length == 0 || length > 16) return false;
  std::uint64_t m = 0;
  int digits = 0, decimals = -1;
  for (const char* p = first; p != last; ++p) {
    const auto d = static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned{'0'};
    if (d <= 9) {
      m = m * 10 + d;
      ++digits;
      decimals += decimals >= 0 ? 1 : 0;
    } else if (*p == '.' && decimals < 0) {
      decimals = 0;
    } else {
      return false;
    }
  }
  if (digits == 0 || digits > 15 || decimals == 0) return false;  // "", ".", "1." go the long way
  double v = static_cast<double>(m);
  if (decimals > 0) v /= exact_powers_of_ten[decimals];
  value = negative ? -v : v;
  return true;
}

// A whole cell as a finite number ("12", "-3.5", "1e3", "+2"), else nullopt. from_chars
// refuses a leading '+', which spreadsheets write; it accepts "nan" and "inf", which are
// not numbers here. Inlined into the reader's loop with its fast path.
[[gnu::always_inline]] inline std::optional<double> as_number(std::string_view cell) {
  const char* first = cell.data();
  const char* const last = first + cell.size();
  if (first != last && *first == '+') {
    ++first;
    if (first != last && (*first == '-' || *first == '+')) return std::nullopt;
  }
  double value = 0;
  if (plain_decimal(first, last, value)) return value;
  const auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end != last || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Whether a field that is not quoted ends at q: at the delimiter, a line break (LF or CRLF;
// a lone CR is text) or the end of the text. The scanner, the one-pass reader and the
// cell lookup all ask this.
[[gnu::always_inline]] inline bool field_ends_at(const char* q, const char* end, char delimiter) {
  return q == end || *q == delimiter || *q == '\n' || (*q == '\r' && q + 1 != end && q[1] == '\n');
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
    while (!at_field_end()) {
      if (text_[pos_] == '"') fail("a quote inside an unquoted field (quote the whole field and double the quote)");
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

  [[nodiscard]] bool at_field_end() const noexcept {
    return done() || field_ends_at(text_.data() + pos_, text_.data() + text_.size(), delimiter_);
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
        if (!at_field_end()) fail("text after the closing quote of a quoted field");
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

// The text of field `column` of the record that starts at `offset` (on line `line`).
std::string field_text(std::string_view body, const std::string& source, char delimiter, std::size_t offset,
                       std::size_t line, std::size_t column) {
  field_scanner scan(body, source, delimiter, offset, line);
  std::string scratch;
  for (std::size_t f = 0; f < column; ++f) {
    scan.skip_field();
    (void)scan.next_field();
  }
  return std::string(scan.field(scratch));
}

}  // namespace

// Builds a csv_table. The records after the header are read in chunks — in parallel when
// the text has no quoted field, so that every line break ends a record and the text can be
// cut at line breaks — each chunk writing its rows straight into the table's columns (no
// joining copy). Number columns are parsed as their cells are met; a column in which some
// cell is not a number becomes a text column, read again from the text afterwards.
struct csv_reader {
  struct chunk {
    std::size_t from = 0, to = 0;  // byte range of the records
    std::size_t first_line = 0;
    std::size_t first_row = 0;  // where its rows go in the table
    std::size_t rows = 0;       // rows read
    std::vector<std::uint8_t> text_columns{};
    std::vector<std::size_t> empty_cells{};  // per column
    std::optional<diagnostic> error{};
  };

  // Where the chunks write: each column's numbers and empty-cell mask, one entry per row.
  struct destination {
    std::vector<double*> numbers{};
    std::vector<std::uint8_t*> missing{};
  };

  static csv_table read(std::string text, const std::string& source, const csv_options& options,
                        const detail::csv_number_placement& placement) {
    if (auto bad = detail::first_invalid_utf8(text))
      throw data_error(detail::at_offset(errc::invalid_utf8, source, text, *bad, "invalid UTF-8"));
    if (std::string_view(text).starts_with("\xEF\xBB\xBF")) text.erase(0, 3);  // a BOM, as spreadsheets write
    // Blank lines at the very end are not data.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.empty()) throw data_error({errc::missing_field, source, 1, 0, "", "the file has no header row"});

    csv_table t;
    t.source_ = source;
    t.quoted_ = true;  // until the text is known to have no quote
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

    // Chunks end at line breaks; each has at most one record per line (exactly that many
    // when nothing is quoted), which sizes the columns once.
    const std::size_t start = scan.position();
    constexpr std::size_t parallel_from = std::size_t{1} << 20;  // bytes; below, threads cost more than they save
    const bool quoted = body.find('"', start) != std::string_view::npos;
    t.quoted_ = quoted;
    std::unique_ptr<detail::worker_pool> pool;
    std::vector<std::size_t> cuts{start};
    if (!quoted && body.size() - start > parallel_from) {
      pool = std::make_unique<detail::worker_pool>(0);
      for (std::size_t i = 1; i < pool->size(); ++i) {
        const std::size_t target = start + (body.size() - start) * i / pool->size();
        const std::size_t cut = body.find('\n', std::max(target, cuts.back()));
        if (cut == std::string_view::npos || cut + 1 >= body.size()) break;
        cuts.push_back(cut + 1);
      }
    }
    cuts.push_back(body.size());
    std::vector<chunk> chunks(cuts.size() - 1);
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      chunks[i].from = cuts[i];
      chunks[i].to = cuts[i + 1];
    }
    run(pool.get(), chunks, [&](chunk& c) {
      c.rows = static_cast<std::size_t>(std::count(body.begin() + static_cast<std::ptrdiff_t>(c.from),
                                                   body.begin() + static_cast<std::ptrdiff_t>(c.to), '\n'));
    });
    std::size_t rows = 0, line = scan.line();
    t.first_line_ = line;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      auto& c = chunks[i];
      const std::size_t breaks = c.rows;
      c.rows = breaks + (i + 1 == chunks.size() && c.to > c.from ? 1 : 0);  // the last line has no break
      c.first_line = line;
      c.first_row = rows;
      line += breaks;
      rows += c.rows;
    }

    // The columns are not zeroed: the chunks write every cell (and touch the memory first,
    // in parallel). Numbers go where `placement` asks, when the rows are known exactly.
    const std::size_t k = t.header_.size();
    t.columns_.resize(k);
    destination out;
    out.numbers.assign(k, nullptr);
    if (placement && !quoted) out.numbers = placement(t.header_, rows);
    for (std::size_t f = 0; f < k; ++f) {
      auto& col = t.columns_[f];
      if (out.numbers[f] == nullptr) {
        col.owned = detail::huge_array<double>(rows);
        out.numbers[f] = col.owned.get();
      }
      col.numbers = out.numbers[f];
      col.mask = detail::huge_array<std::uint8_t>(rows);
      col.missing = col.mask.get();
      out.missing.push_back(col.mask.get());
    }
    if (quoted) t.lines_.resize(rows);
    detail::resize_on_huge_pages(t.row_offsets_, rows);

    run(pool.get(), chunks, [&](chunk& c) {
      try {
        if (quoted)
          read_records(t, out, c);
        else
          read_plain_records(t, out, c);
      } catch (const data_error& e) {
        c.error = e.where();
      }
    });
    for (const auto& c : chunks)
      if (c.error) throw data_error(*c.error);  // the first in the file

    // A quoted field may hold line breaks: then there were fewer records than lines.
    t.rows_ = chunks.back().first_row + chunks.back().rows;
    if (quoted) t.lines_.resize(t.rows_);
    t.row_offsets_.resize(t.rows_);
    for (std::size_t f = 0; f < k; ++f) {
      auto& col = t.columns_[f];
      for (const auto& c : chunks) col.missing_count += c.empty_cells[f];
      const bool as_text =
          std::any_of(chunks.begin(), chunks.end(), [f](const chunk& c) { return c.text_columns[f] != 0; });
      if (!as_text) continue;
      col.type = csv_column_type::text;
      col.owned = {};
      col.numbers = nullptr;
      col.text.resize(t.rows_);
      for (std::size_t r = 0; r < t.rows_; ++r)
        if (col.missing[r] == 0) col.text[r] = t.cell_from_body(r, f);
    }
    return t;
  }

 private:
  // Runs `job` on every chunk: on the pool when there is one (a chunk a thread).
  template <class Job>
  static void run(detail::worker_pool* pool, std::vector<chunk>& chunks, Job job) {
    if (pool == nullptr || chunks.size() == 1) {
      for (auto& c : chunks) job(c);
      return;
    }
    pool->run(
        chunks.size(),
        [&](std::size_t from, std::size_t to, std::size_t) {
          for (std::size_t i = from; i < to; ++i) job(chunks[i]);
        },
        1);
  }

  static void start_chunk(const csv_table& t, chunk& c) {
    c.text_columns.assign(t.header_.size(), 0);
    c.empty_cells.assign(t.header_.size(), 0);
  }

  static void read_records(csv_table& t, const destination& out, chunk& c) {
    const std::string_view body = t.body_;
    const std::size_t width = t.header_.size();
    field_scanner scan(body.substr(0, c.to), t.source_, t.delimiter_, c.from, c.first_line);
    start_chunk(t, c);
    std::string scratch;
    std::size_t row = c.first_row;
    while (!scan.done()) {
      const std::size_t line = scan.line(), offset = scan.position();
      std::size_t f = 0;
      bool more = true;
      while (more) {
        if (f < width)
          store(out, c, row, f, scan.field(scratch));
        else
          scan.skip_field();
        ++f;
        more = scan.next_field();
      }
      check_record(t, out, row, f, line);
      t.lines_[row] = line;
      t.row_offsets_[row] = offset;
      ++row;
    }
    c.rows = row - c.first_row;
  }

  // The records of a chunk of text without any quote, where every line break ends a
  // record: one pass finds the fields and parses the plain decimals among them as it goes
  // (the same values, errors and positions as read_records, at a fraction of its cost).
  static void read_plain_records(csv_table& t, const destination& out, chunk& c) {
    const char* const base = t.body_.data();
    const char* p = base + c.from;
    const char* const end = base + c.to;
    const std::size_t width = t.header_.size();
    const char delimiter = t.delimiter_;
    auto field_end = [&](const char* q) { return field_ends_at(q, end, delimiter); };  // within the chunk
    start_chunk(t, c);
    std::size_t row = c.first_row, line = c.first_line;
    while (p != end) {
      const char* const record = p;
      std::size_t f = 0;
      while (true) {
        // A plain decimal is read while its end is looked for.
        const char* q = p;
        const bool negative = q != end && *q == '-';
        q += negative ? 1 : 0;
        const char* dot = nullptr;
        std::uint64_t m = 0;  // wraps past 19 digits, unused past 15
        int digits = 0;
        for (; q != end; ++q) {
          const auto d = static_cast<unsigned>(static_cast<unsigned char>(*q)) - unsigned{'0'};
          if (d <= 9) {
            m = m * 10 + d;
            ++digits;
          } else if (*q == '.' && dot == nullptr) {
            dot = q;
          } else {
            break;
          }
        }
        const bool plain = field_end(q) && digits > 0 && digits <= 15 && dot != q - 1;
        if (!plain)
          while (!field_end(q)) ++q;
        if (f < width) {
          if (plain) {
            double v = static_cast<double>(m);
            if (dot != nullptr) v /= exact_powers_of_ten[q - dot - 1];
            out.numbers[f][row] = negative ? -v : v;
            out.missing[f][row] = 0;
          } else {
            store(out, c, row, f, std::string_view(p, static_cast<std::size_t>(q - p)));
          }
        }
        ++f;
        if (q == end) {
          p = end;
          break;
        }
        if (*q == delimiter) {
          p = q + 1;
          continue;
        }
        p = q + (*q == '\r' ? 2 : 1);
        break;
      }
      check_record(t, out, row, f, line);
      t.row_offsets_[row] = static_cast<std::size_t>(record - base);
      ++row;
      ++line;
    }
    c.rows = row - c.first_row;
  }

  // A record of `fields` fields that starts on `line`: a blank line or a wrong count is an error.
  static void check_record(const csv_table& t, const destination& out, std::size_t row, std::size_t fields,
                           std::size_t line) {
    const std::size_t width = t.header_.size();
    if (fields == 1 && width > 1 && out.missing[0][row] != 0)
      throw data_error({errc::invalid_value, t.source_, line, 1, "", "a blank line inside the data"});
    if (fields != width)
      throw data_error(
          {errc::invalid_value, t.source_, line, 0, "",
           "the row has " + std::to_string(fields) + " fields but the header has " + std::to_string(width)});
  }

  // A cell other than a plain decimal: empty, another number form, or text. A column's
  // number may be written for a chunk in which it turns out to be text: it is then unused.
  static void store(const destination& out, chunk& c, std::size_t row, std::size_t f, std::string_view cell) {
    if (cell.empty()) {
      out.missing[f][row] = 1;
      out.numbers[f][row] = std::numeric_limits<double>::quiet_NaN();  // masked: never read as a value
      ++c.empty_cells[f];
      return;
    }
    out.missing[f][row] = 0;
    if (c.text_columns[f] != 0) return;  // text: read again at the end
    if (const auto v = as_number(cell))
      out.numbers[f][row] = *v;
    else
      c.text_columns[f] = 1;
  }
};

std::string csv_table::cell_from_body(std::size_t row, std::size_t column) const {
  if (quoted_) return field_text(body_, source_, delimiter_, row_offsets_[row], line(row), column);
  // Without a quote in the text a record is one line, a field the text between delimiters
  // (the reader checked that every record has all its fields). A plain scan: fields are
  // short, and a million ids are written back this way.
  const char* p = body_.data() + row_offsets_[row];
  const char* const end = body_.data() + body_.size();
  for (std::size_t f = 0; f < column; ++f) {
    while (*p != delimiter_) ++p;
    ++p;
  }
  const char* q = p;
  while (!field_ends_at(q, end, delimiter_)) ++q;
  return std::string(p, q);
}

diagnostic csv_table::cell_error(errc code, std::size_t row, std::size_t column, std::string message) const {
  return {code,
          source_,
          row < rows_ ? line(row) : 0,
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

bool csv_table::is_empty(std::size_t row, std::size_t column) const {
  return columns_[column].missing[row] != 0;
}

diagnostic csv_table::first_problem(std::size_t column, bool empty_allowed) const {
  const auto& c = columns_[column];
  for (std::size_t r = 0; r < rows_; ++r) {
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
  return csv_number_column{{c.numbers, rows_}, {c.missing, rows_}, c.missing_count};
}

result<std::span<const double>> csv_table::try_number_view(std::string_view name) const {
  const auto column = try_column(name);
  if (!column) return column.error();
  const auto& c = columns_[*column];
  if (c.type == csv_column_type::text || c.missing_count != 0) return first_problem(*column, false);
  return std::span<const double>(c.numbers, rows_);
}

result<std::vector<double>> csv_table::try_numbers(std::string_view name) const {
  const auto view = try_number_view(name);
  if (!view) return view.error();
  return std::vector<double>(view->begin(), view->end());
}

result<std::vector<std::string>> csv_table::try_texts(std::string_view name) const {
  const auto column = try_column(name);
  if (!column) return column.error();
  std::vector<std::string> out;
  out.reserve(row_count());
  for (std::size_t r = 0; r < row_count(); ++r) out.push_back(text(r, *column));
  return out;
}

result<std::size_t> csv_table::try_id_column(std::string_view name) const {
  const auto found = try_column(name);
  if (!found) return found;
  const auto column = *found;
  const auto& c = columns_[column];
  const auto n = row_count();
  for (std::size_t r = 0; r < n; ++r)
    if (c.missing[r] != 0) return cell_error(errc::missing_field, r, column, "the id is empty");
  // Numeric ids in increasing order (the usual export) are distinct texts too.
  if (c.type == csv_column_type::number &&
      std::adjacent_find(c.numbers, c.numbers + n, std::greater_equal<>()) == c.numbers + n)
    return column;
  std::vector<std::string> texts;
  if (c.type == csv_column_type::number) {
    texts.reserve(n);
    for (std::size_t r = 0; r < n; ++r) texts.push_back(text(r, column));
  }
  const auto& ids = c.type == csv_column_type::number ? texts : c.text;
  if (const auto repeat = detail::first_repeat(ids)) {
    const auto [r, earlier] = *repeat;
    return cell_error(errc::duplicate_id, r, column,
                      "\"" + ids[r] + "\" appears twice (first on line " + std::to_string(line(earlier)) + ")");
  }
  return column;
}

result<std::vector<std::string>> csv_table::try_ids(std::string_view name) const {
  const auto column = try_id_column(name);
  if (!column) return column.error();
  return try_texts(name);
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
  return detail::catching<csv_table>([&] { return csv_reader::read(std::string(text), source, options, {}); });
}

result<csv_table> try_read_csv(const std::filesystem::path& file, const csv_options& options) {
  return detail::try_read_csv_placed(file, options, {});
}

result<csv_table> detail::try_read_csv_placed(const std::filesystem::path& file, const csv_options& options,
                                              const csv_number_placement& placement) {
  return detail::catching<csv_table>(
      [&] { return csv_reader::read(detail::read_text_file(file), file.string(), options, placement); });
}

}  // namespace excellence::inline v1
