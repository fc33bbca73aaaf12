// excellence retention FILE.csv [--unit month|quarter|year|week|day] [--measure retained|active] [--json]
#include "command.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <ostream>

namespace excellence::cli {

int retention(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence retention FILE.csv [options]\n\n"
      "Cohort retention table from activity records: columns customer and period, one row\n"
      "per customer and period in which the customer was active. Periods are consecutive\n"
      "integers, or YYYY-MM (--unit month) or YYYY-Qn (--unit quarter). A customer's cohort\n"
      "is the first period; retained = still seen at that age or later (docs/loyalty.md).\n\noptions");
  options.add_options()("unit", po::value<std::string>()->default_value("month"),
                        "the period unit: day, week, month, quarter or year")(
      "measure", po::value<std::string>()->default_value("retained"),
      "the table's cells: retained (seen at that age or later) or active (active in that period)")("json",
                                                                                                   "print JSON");
  const auto parsed = parse_file_command(args, options, "retention", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto unit = enum_option(values, "unit", time_unit_names);
  const auto measure = enum_option(values, "measure", cohort_measure_names);

  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto customers = table.try_texts("customer").value();
  const auto periods = table.try_texts("period").value();
  const auto t = try_cohort_retention(customers, periods, unit);
  if (!t) throw_at_cell(table, t.error());
  streams.out << (values.count("json") != 0U ? to_json(*t) : to_text(*t, measure));
  return exit_ok;
}

}  // namespace excellence::cli
