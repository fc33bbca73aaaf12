#include <excellence/io/series_csv.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace excellence::inline v1 {

namespace {

const char* label_example(time_unit unit) {
  switch (unit) {
    case time_unit::month:
      return "a month such as 2024-03 or a running number";
    case time_unit::quarter:
      return "a quarter such as 2024-Q1 or a running number";
    case time_unit::year:
      return "a year such as 2024";
    default:
      return "a whole number";
  }
}

// The reader's columns: required ones by name, optional ones where present.
struct layout {
  std::size_t measure = 0, segment = 0, period = 0, value = 0;
  std::optional<std::size_t> se{}, target{};
  std::vector<std::optional<std::size_t>> comparisons{};  // one per comparison source
};

result<layout> layout_of(const csv_table& table, const measure_set& set) {
  layout l;
  for (auto [name, slot] : {std::pair{"measure", &l.measure}, std::pair{"segment", &l.segment},
                            std::pair{"period", &l.period}, std::pair{"value", &l.value}}) {
    auto column = table.try_column(name);
    if (!column) return column.error();
    *slot = *column;
  }
  l.se = table.find("se");
  l.target = table.find("target");
  for (const auto& c : set.comparisons) l.comparisons.push_back(table.find(c.id));
  for (std::size_t column = 0; column < table.column_count(); ++column) {
    const auto& name = table.header()[column];
    const bool known = name == "measure" || name == "segment" || name == "period" || name == "value" || name == "se" ||
                       name == "target" ||
                       std::any_of(set.comparisons.begin(), set.comparisons.end(),
                                   [&](const comparison_source& c) { return c.id == name; });
    if (!known) {
      std::string sources;
      for (const auto& c : set.comparisons) sources += (sources.empty() ? "" : ", ") + c.id;
      // The header is the file's first line; the field is its 1-based position.
      return diagnostic{errc::unknown_field,
                        table.source(),
                        1,
                        column + 1,
                        field_path(name),
                        "column \"" + name + "\" is none of measure, segment, period, value, se, target" +
                            (sources.empty() ? std::string(" (the measures define no comparisons)")
                                             : " or the comparisons (" + sources + ")")};
    }
  }
  return l;
}

// A column's numbers with empty cells as nullopt (the table's number grammar and its
// errors); a column the file does not have is all empty.
result<std::vector<std::optional<double>>> numbers_of(const csv_table& table, std::optional<std::size_t> column) {
  if (!column) return std::vector<std::optional<double>>(table.row_count());
  return table.try_optional_numbers(table.header()[*column]);
}

}  // namespace

result<series_set> try_series_of(const csv_table& table, const measure_set& set) {
  const auto columns = layout_of(table, set);
  if (!columns) return columns.error();
  const auto& l = *columns;
  series_set out;
  out.source = table.source();
  std::map<std::pair<std::string, std::string>, std::size_t> series_of_key;
  std::optional<period_notation> notation;
  const auto values_read = numbers_of(table, l.value);
  if (!values_read) return values_read.error();
  const auto ses_read = numbers_of(table, l.se);
  if (!ses_read) return ses_read.error();
  const auto targets_read = numbers_of(table, l.target);
  if (!targets_read) return targets_read.error();
  std::vector<std::vector<std::optional<double>>> comparisons;
  for (const auto& column : l.comparisons) {
    auto read = numbers_of(table, column);
    if (!read) return read.error();
    comparisons.push_back(*std::move(read));
  }
  const auto& values = *values_read;
  const auto& ses = *ses_read;
  const auto& targets = *targets_read;
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    const auto label_text = table.text(row, l.period);
    const auto label = parse_period_label(label_text, set.period_unit);
    if (!label)
      return table.cell_error(errc::invalid_value, row, l.period,
                              "\"" + label_text + "\" is not a period label: expected " +
                                  label_example(set.period_unit) + " (period_unit " +
                                  std::string(to_string(set.period_unit)) + " in the measures)");
    if (notation && *notation != label->notation)
      return table.cell_error(errc::invalid_value, row, l.period,
                              "\"" + label_text + "\" is written in another notation than the periods above it");
    notation = label->notation;

    series_point point;
    point.period = label->index;
    std::vector<std::size_t> compared;
    for (std::size_t c = 0; c < comparisons.size(); ++c) {
      point.comparisons.push_back(comparisons[c][row]);
      if (comparisons[c][row]) compared.push_back(c);
    }
    if (!values[row])
      return table.cell_error(errc::missing_field, row, l.value,
                              compared.empty() ? std::string("the measure's value is missing")
                                               : "a comparison (" + set.comparisons[compared.front()].id +
                                                     ") is given for a period the measure has no value for");
    point.value = *values[row];
    point.se = ses[row];
    point.target = targets[row];

    std::pair key{table.text(row, l.measure), table.text(row, l.segment)};
    auto [at, added] = series_of_key.try_emplace(key, out.series.size());
    if (added) out.series.push_back({.measure = key.first, .segment = key.second});
    auto& series = out.series[at->second];
    series.points.push_back(std::move(point));
    series.rows.push_back(row);
  }
  out.notation = notation.value_or(period_notation::number);
  // Rows may come in any order: each series in period order, its rows alongside.
  for (auto& series : out.series) {
    std::vector<std::size_t> order(series.points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return series.points[a].period < series.points[b].period; });
    measure_series sorted{.measure = series.measure, .segment = series.segment};
    for (auto i : order) {
      sorted.points.push_back(std::move(series.points[i]));
      sorted.rows.push_back(series.rows[i]);
    }
    series = std::move(sorted);
  }
  if (auto problem = validate(out, set)) {
    // validate names rows[r].field: the cell of row r in the column of that name.
    const auto row = problem->path.element();
    const auto column = table.find(problem->path.leaf());
    if (row && column) return table.cell_error(problem->code, *row, *column, problem->message);
    return *problem;
  }
  return out;
}

result<series_set> try_read_series(const std::filesystem::path& file, const measure_set& set) {
  auto table = try_read_csv(file);
  if (!table) return table.error();
  return try_series_of(*table, set);
}

}  // namespace excellence::inline v1
