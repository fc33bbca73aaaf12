// The report's tables as an XLSX workbook, written by Debian's libxlsxwriter: a well-kept
// C library for the format (a zip of SpreadsheetML parts), rather than a writer of our own.
#include <excellence/report/workbook.hpp>
#include <excellence/scoring/review.hpp>

#include "tables.hpp"

#include <xlsxwriter.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <system_error>

namespace excellence::inline v1 {

namespace {

struct workbook_closer {
  void operator()(lxw_workbook* wb) const noexcept {
    if (wb != nullptr) workbook_close(wb);
  }
};

// Column widths in characters; a CJK character counts about two.
double width_of(tables::column_kind kind) {
  switch (kind) {
    case tables::column_kind::wide_text:
      return 48;
    case tables::column_kind::text:
      return 14;
    default:
      return 11;
  }
}

}  // namespace

result<std::monostate> try_write_xlsx(const review& r, const criteria_tree& tree, const std::filesystem::path& file,
                                      language lang) {
  const std::string name = file.string();
  // libxlsxwriter reports a file it cannot create only when the workbook is closed, and on
  // stderr as well: an embedded library must not write to its host's stderr, so the file
  // is created here first and the failure returned as a diagnostic.
  if (std::ofstream probe(file, std::ios::binary | std::ios::trunc); !probe)
    return diagnostic{
        errc::io_error, name, 0, 0, "", "cannot create the file: " + std::generic_category().message(errno)};
  std::unique_ptr<lxw_workbook, workbook_closer> book(workbook_new(name.c_str()));
  if (!book) return diagnostic{errc::io_error, name, 0, 0, "", "cannot create the workbook"};
  auto* header = workbook_add_format(book.get());
  format_set_bold(header);
  format_set_bg_color(header, 0xEEF2F7);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  // Every cell is aligned to the top, so that a row's short cells sit beside the first
  // line of its wrapped text.
  auto cell_format = [&book](const char* number_format, bool wrap) {
    auto* f = workbook_add_format(book.get());
    if (number_format != nullptr) format_set_num_format(f, number_format);
    if (wrap) format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
  };
  auto* text = cell_format(nullptr, false);
  auto* wrapped = cell_format(nullptr, true);
  // The cells hold percents as 0–100, the numbers of the JSON documents; the format only
  // adds the sign.
  auto* percent = cell_format("0\"%\"", false);
  auto* percent_1 = cell_format("0.0\"%\"", false);
  auto* points = cell_format("0.##", false);
  auto* statistic = cell_format("0.00", false);
  auto* count = cell_format("0", false);
  auto format_of = [&](tables::column_kind kind) {
    switch (kind) {
      case tables::column_kind::wide_text:
        return wrapped;
      case tables::column_kind::percent:
        return percent;
      case tables::column_kind::percent_1:
        return percent_1;
      case tables::column_kind::points:
        return points;
      case tables::column_kind::statistic:
        return statistic;
      case tables::column_kind::count:
        return count;
      case tables::column_kind::text:
        break;
    }
    return text;
  };

  for (const auto which : report_tables(r)) {
    auto built = tables::build(r, tree, which, lang);
    if (!built) return built.error();
    const auto& t = *built;
    auto* sheet = workbook_add_worksheet(book.get(), t.name.c_str());
    if (sheet == nullptr)
      return diagnostic{errc::invalid_value, name, 0, 0, std::string(to_string(which)), "cannot add the worksheet"};
    auto fail = [&](std::size_t row, std::size_t column, lxw_error e) {
      return diagnostic{
          errc::invalid_value, name, 0, 0, field_path(to_string(which)).index(row).field(t.columns[column].id),
          lxw_strerror(e)};
    };
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      worksheet_set_column(sheet, col, col, width_of(t.columns[c].kind), format_of(t.columns[c].kind));
      if (auto e = worksheet_write_string(sheet, 0, col, t.columns[c].title.c_str(), header); e != LXW_NO_ERROR)
        return fail(0, c, e);
    }
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const auto row = static_cast<lxw_row_t>(i + 1);
      for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        auto* format = format_of(t.columns[c].kind);
        lxw_error e = LXW_NO_ERROR;
        if (const auto* value = std::get_if<std::string>(&t.rows[i][c]))
          e = worksheet_write_string(sheet, row, col, value->c_str(), format);
        else if (const auto* number = std::get_if<double>(&t.rows[i][c]))
          e = worksheet_write_number(sheet, row, col, *number, format);
        if (e != LXW_NO_ERROR) return fail(i, c, e);
      }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                         static_cast<lxw_col_t>(t.columns.size() - 1));
  }
  const auto closed = workbook_close(book.release());
  if (closed != LXW_NO_ERROR)
    return diagnostic{
        errc::io_error, name, 0, 0, "", std::string("cannot write the workbook: ") + lxw_strerror(closed)};
  return std::monostate{};
}

void write_xlsx(const review& r, const criteria_tree& tree, const std::filesystem::path& file, language lang) {
  (void)try_write_xlsx(r, tree, file, lang).value();
}

}  // namespace excellence::inline v1
