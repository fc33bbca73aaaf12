// excellence retention FILE.csv [--unit month|quarter|year|week|day] [--measure retained|active] [--json]
// excellence retention fit FILE.csv --discount D [--model sbg|bdw] [--records] [--unit U] [--horizon N]
//                          [--fit-through N] [--json]
#include "command.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/io/survivors_csv.hpp>
#include <excellence/loyalty/cohort.hpp>
#include <excellence/models/retention/analysis.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <ostream>

namespace excellence::cli {

namespace {

namespace po = boost::program_options;

// The cohort table of a file of activity records (columns customer and period); an error
// names its cell.
cohort_table cohort_table_of(const csv_table& csv, time_unit unit) {
  const auto customers = csv.try_texts("customer").value();
  const auto periods = csv.try_texts("period").value();
  auto t = try_cohort_retention(customers, periods, unit);
  if (!t) throw_at_cell(csv, t.error());
  return *std::move(t);
}

int fit_model(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence retention fit FILE.csv --discount D [options]\n\n"
      "Fits a contractual retention model to survivor counts (columns cohort, age, survivors,\n"
      "optionally segment: one fit per segment) or, with --records, to the cohort table of\n"
      "activity records (columns customer, period). Prints the estimates, survival and\n"
      "retention by age beside the observed ones, and the discounted expected lifetime of a\n"
      "new customer (DEL) and of one who has renewed n times (DERL) (docs/retention.md).\n\noptions");
  options.add_options()("model", po::value<std::string>()->default_value("sbg"),
                        "sbg (shifted-beta-geometric) or bdw (beta-discrete-Weibull)")(
      "discount", po::value<finite_number>(), "the discount rate per period (0.1 = 10 %), required")(
      "unit", po::value<std::string>()->default_value("year"),
      "what a period is: day, week, month, quarter or year (with --records, the periods' unit)")(
      "horizon", po::value<count>(), "project to this age (default: twice the longest observed age, at least 10)")(
      "fit-through", po::value<count>(), "fit ages 0 ... N only; the later ones are held out")(
      "records", "FILE holds activity records (customer, period), not survivor counts")("json", "print JSON");
  const auto parsed = parse_file_command(args, options, "retention fit", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  if (values.count("discount") == 0U)
    throw usage_error("retention fit needs --discount, the discount rate per period (e.g. 0.1 with --unit year)");
  retention_analysis_options how;
  how.model = enum_option(values, "model", retention_model_names);
  how.unit = enum_option(values, "unit", time_unit_names);
  how.discount = values["discount"].as<finite_number>().value;
  if (values.count("horizon") != 0U) {
    how.horizon = static_cast<std::size_t>(values["horizon"].as<count>().value);
    if (how.horizon == 0) throw usage_error("--horizon must be at least 1");
  }
  if (values.count("fit-through") != 0U)
    how.fit_through = static_cast<std::size_t>(values["fit-through"].as<count>().value);

  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  std::vector<survivor_cohort> cohorts;
  if (values.count("records") != 0U) {
    cohorts = survivor_cohorts(cohort_table_of(table, how.unit));
  } else {
    if (!table.find("survivors") && table.find("customer") && table.find("period"))
      throw usage_error("FILE has customer and period columns: activity records are read with --records");
    cohorts = try_survivor_cohorts(table).value();
  }
  const auto analysis = try_analyse_retention(cohorts, how).value();
  streams.out << (values.count("json") != 0U ? to_json(analysis) : to_text(analysis));
  return exit_ok;
}

int cohort_table_command(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence retention FILE.csv [options]\n"
      "excellence retention fit FILE.csv --discount D [options]  (see retention fit --help)\n\n"
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

  const auto t = cohort_table_of(try_read_csv(values["file"].as<std::string>()).value(), unit);
  streams.out << (values.count("json") != 0U ? to_json(t) : to_text(t, measure));
  return exit_ok;
}

}  // namespace

int retention(const std::vector<std::string>& args, io streams) {
  if (!args.empty() && args.front() == "fit") return fit_model({args.begin() + 1, args.end()}, streams);
  return cohort_table_command(args, streams);
}

}  // namespace excellence::cli
