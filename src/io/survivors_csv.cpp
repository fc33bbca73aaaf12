#include <excellence/io/survivors_csv.hpp>

#include <span>
#include <string>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

result<std::vector<survivor_cohort>> try_survivor_cohorts(const csv_table& table) {
  for (std::size_t column = 0; column < table.column_count(); ++column) {
    const auto& name = table.header()[column];
    if (name != "segment" && name != "cohort" && name != "age" && name != "survivors")
      return diagnostic{
          errc::unknown_field, table.source(),   1,
          column + 1,          field_path(name), "column \"" + name + "\" is none of segment, cohort, age, survivors"};
  }
  const auto cohorts = table.try_texts("cohort");
  if (!cohorts) return cohorts.error();
  const auto ages = table.try_number_view("age");
  if (!ages) return ages.error();
  const auto counts = table.try_number_view("survivors");
  if (!counts) return counts.error();
  std::vector<std::string> segments;
  if (table.find("segment")) {
    auto read = table.try_texts("segment");
    if (!read) return read.error();
    segments = std::move(*read);
  }
  auto out = try_survivor_cohorts(segments, *cohorts, *ages, *counts);
  if (out) return out;
  // age[r], survivors[r]: the cell of that column in row r.
  const auto& d = out.error();
  const auto r = d.element();
  const auto column = table.find(d.path.head());
  if (!r || !column) return d;
  return table.cell_error(d.code, *r, *column, d.message);
}

}  // namespace excellence::inline v1
