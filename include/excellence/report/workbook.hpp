// The examiner's report as tables for work: an XLSX workbook (Debian's libxlsxwriter) and
// CSV files of the same tables (docs/reports.md, "Workbook and CSV"). Renderers only: every
// cell is a value of the review.
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/node.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/fwd.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// The tables of a report, each one worksheet of the workbook and one CSV file.
enum class report_table {
  scores,      ///< every item of every assessment: percent, band, points, dimension judgements
  categories,  ///< every category of every assessment: points, maximum, percent of it
  consensus,   ///< per item each examiner's percent and their statistics (consensus reports)
  history,     ///< per item each record's percent and the changes (histories)
  comments,    ///< every strength and opportunity with its area, evidence, dimension, key factors
  priorities,  ///< per assessment the items ranked by points at stake
};

/// The names of the values, as the command and the bindings spell them.
inline constexpr detail::enum_names<report_table, 6> report_table_names{{{{report_table::scores, "scores"},
                                                                          {report_table::categories, "categories"},
                                                                          {report_table::consensus, "consensus"},
                                                                          {report_table::history, "history"},
                                                                          {report_table::comments, "comments"},
                                                                          {report_table::priorities, "priorities"}}}};

[[nodiscard]] constexpr std::string_view to_string(report_table k) noexcept {
  return report_table_names.name(k);
}

/// The tables a review has, in workbook order: scores, categories, then consensus (of a
/// consensus) or history (of a history), comments, priorities.
[[nodiscard]] EXCELLENCE_API std::vector<report_table> report_tables(const review& r);

/// One table as CSV (RFC 4180: comma-separated, fields quoted where needed, CRLF line
/// ends, UTF-8). The header row holds stable snake_case column names whatever the
/// language; `lang` chooses the titles in the title columns. Percents are 0–100, points
/// exact decimals. A table the review does not have (history of a consensus) is
/// invalid_value naming it.
[[nodiscard]] EXCELLENCE_API result<std::string> try_to_csv(const review& r, const criteria_tree& tree,
                                                            report_table table, language lang = language::en);
/// As try_to_csv, throwing data_error.
[[nodiscard]] EXCELLENCE_API std::string to_csv(const review& r, const criteria_tree& tree, report_table table,
                                                language lang = language::en);

/// Writes the report's tables as an XLSX workbook, one worksheet per table (report_tables),
/// formatted for work: headers in `lang`, the header row frozen and filtered, column
/// widths set, percents shown with a % sign (the cell holds 0–100, the number of the JSON
/// documents), points with up to two decimals, long text wrapped. Fails with io_error
/// naming the file when it cannot be written; text longer than a cell holds (32 767
/// bytes) is invalid_value naming sheet and cell.
[[nodiscard]] EXCELLENCE_API result<std::monostate> try_write_xlsx(const review& r, const criteria_tree& tree,
                                                                   const std::filesystem::path& file,
                                                                   language lang = language::en);
/// As try_write_xlsx, throwing data_error.
EXCELLENCE_API void write_xlsx(const review& r, const criteria_tree& tree, const std::filesystem::path& file,
                               language lang = language::en);

EXCELLENCE_END_NAMESPACE
