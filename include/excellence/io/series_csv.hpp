// Reading measure series from a long CSV file: measure,segment,period,value[,se][,target]
// and one column per comparison source (docs/evidence.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/evidence/measure.hpp>
#include <excellence/evidence/series.hpp>
#include <excellence/io/csv.hpp>

#include <filesystem>

EXCELLENCE_BEGIN_NAMESPACE

/// The series of a table with one row per measure, segment and period. Columns `measure`,
/// `segment`, `period` and `value` are required; `se`, `target` and a column named by
/// each comparison source's id are optional, in any order; any other column is an error
/// (a misspelt comparison must not vanish). Periods are labels in the set's period unit
/// (2024; 2024-03 for months; 2024-Q1 for quarters), one notation per file; rows may come
/// in any order. Every problem names the file, line and column: a missing value (also
/// where a comparison has one), a label that does not parse, a period twice in a series,
/// an unknown measure or segment, a value, standard error or target that is not a finite
/// number (or a negative standard error). A lower-is-better measure's target above every
/// value is fine: nothing compares targets with values here.
[[nodiscard]] EXCELLENCE_API result<series_set> try_series_of(const csv_table& table, const measure_set& set);
/// Throwing form of try_series_of.
[[nodiscard]] inline series_set series_of(const csv_table& table, const measure_set& set) {
  return try_series_of(table, set).value();
}

/// Reads the file as CSV and then try_series_of.
[[nodiscard]] EXCELLENCE_API result<series_set> try_read_series(const std::filesystem::path& file,
                                                                const measure_set& set);
/// Throwing form of try_read_series.
[[nodiscard]] inline series_set read_series(const std::filesystem::path& file, const measure_set& set) {
  return try_read_series(file, set).value();
}

EXCELLENCE_END_NAMESPACE
