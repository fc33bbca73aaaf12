// Internal to the workbook renderers: a report table as columns and cells, built once
// from the review and written as CSV or as an XLSX worksheet.
#pragma once

#include <excellence/criteria/node.hpp>
#include <excellence/fwd.hpp>
#include <excellence/report/workbook.hpp>

#include <string>
#include <variant>
#include <vector>

namespace excellence::inline v1::tables {

/// How a column's numbers are shown: plain, as a percent (the number is 0–100), as points.
enum class column_kind { text, wide_text, count, percent, percent_1, points, statistic };

struct column {
  std::string id;     ///< the CSV header: stable snake_case
  std::string title;  ///< the worksheet header, in the report's language
  column_kind kind = column_kind::text;
};

/// An empty cell, a text or a number.
using cell = std::variant<std::monostate, std::string, double>;

struct table {
  std::string name;  ///< the worksheet's name
  std::vector<column> columns;
  std::vector<std::vector<cell>> rows;
};

/// The table `which` of the review, or invalid_value when the review has no such table.
result<table> build(const review& r, const criteria_tree& tree, report_table which, language lang);

}  // namespace excellence::inline v1::tables
