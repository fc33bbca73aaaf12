#include <excellence/io/survivors_csv.hpp>

#include <excellence/detail/strings.hpp>

#include <cmath>
#include <map>
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
  const auto cohort_names = table.try_texts("cohort");
  if (!cohort_names) return cohort_names.error();
  const auto ages = table.try_number_view("age");
  if (!ages) return ages.error();
  const auto counts = table.try_number_view("survivors");
  if (!counts) return counts.error();
  std::vector<std::string> segments(table.row_count());
  if (table.find("segment")) {
    auto read = table.try_texts("segment");
    if (!read) return read.error();
    segments = std::move(*read);
  }
  const std::size_t age_column = *table.find("age"), count_column = *table.find("survivors");

  // Each cohort's rows by age; the cohorts in order of first appearance.
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  std::vector<std::map<std::size_t, std::size_t>> rows_by_age;  // age → row
  std::vector<survivor_cohort> out;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const double a = (*ages)[r];
    if (!(a >= 0) || a != std::floor(a) || a > 1e6)
      return table.cell_error(errc::invalid_value, r, age_column,
                              "an age is a whole number of periods since acquisition, from 0");
    const auto [it, added] = index.try_emplace({segments[r], (*cohort_names)[r]}, out.size());
    if (added) {
      out.push_back({segments[r], (*cohort_names)[r], {}});
      rows_by_age.emplace_back();
    }
    const auto age = static_cast<std::size_t>(a);
    if (!rows_by_age[it->second].try_emplace(age, r).second)
      return table.cell_error(
          errc::invalid_value, r, age_column,
          detail::concat("age ", std::to_string(age), " of cohort \"", (*cohort_names)[r],
                         "\" appears twice (first on row ", std::to_string(rows_by_age[it->second][age] + 1), ")"));
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::size_t expected = 0;
    for (const auto& [age, row] : rows_by_age[i]) {
      if (age != expected)
        return table.cell_error(errc::invalid_value, row, age_column,
                                detail::concat("cohort \"", out[i].cohort, "\" has no row for age ",
                                               std::to_string(expected), ": ages run 0, 1, 2 ... without gaps"));
      out[i].survivors.push_back((*counts)[row]);
      ++expected;
    }
  }
  if (auto bad = detail::check_survivor_cohorts(out)) {
    // cohorts[i].survivors[t] is a cell of the survivors column.
    const auto& path = bad->path;
    const auto i = path.element();
    if (i && *i < out.size()) {
      const auto& rows = rows_by_age[*i];
      const auto t = path.tail().tail().element();
      const std::size_t row = t && rows.count(*t) ? rows.at(*t) : rows.begin()->second;
      return table.cell_error(bad->code, row, count_column, bad->message);
    }
    return *bad;
  }
  return out;
}

}  // namespace excellence::inline v1
