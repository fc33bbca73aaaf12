// excellence nps FILE.csv --column NAME [--confidence C] [--interval wald|adjusted-wald] [--weights COLUMN] [--json]
// excellence csat FILE.csv --column NAME [--min A] [--max B] [--top-box T] [--confidence C] [--json]
#include "command.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/nps.hpp>

#include <ostream>

namespace excellence::cli {

namespace {

namespace po = boost::program_options;

// The options the survey commands share: --column NAME [--confidence C] [--json].
void survey_options(po::options_description& options) {
  options.add_options()("column", po::value<std::string>(), "the column of answers (required)")(
      "confidence", po::value<finite_number>()->default_value(finite_number{0.95}, "0.95"),
      "confidence level of the interval")("json", "print JSON");
}

// The --column of the file, read once: the table stays for locating bad answers.
struct survey {
  csv_table table;
  std::vector<double> answers;
};

survey read_survey(const po::variables_map& values) {
  if (values.count("column") == 0U) throw usage_error("--column NAME is needed");
  auto table = try_read_csv(values["file"].as<std::string>()).value();
  auto answers = table.try_numbers(values["column"].as<std::string>()).value();
  return {std::move(table), std::move(answers)};
}

}  // namespace

int nps(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence nps FILE.csv --column NAME [options]\n\n"
      "Net Promoter Score of 0-10 answers: detractors 0-6, passives 7-8, promoters 9-10\n"
      "(docs/satisfaction.md).\n\noptions");
  survey_options(options);
  options.add_options()("interval", po::value<std::string>()->default_value("wald"), "wald or adjusted-wald")(
      "weights", po::value<std::string>(), "a column of respondent weights");
  const auto parsed = parse_file_command(args, options, "nps", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto method = enum_option(values, "interval", nps_interval_method_names);
  const auto data = read_survey(values);
  std::vector<double> weights;
  if (values.count("weights") != 0U) weights = data.table.try_numbers(values["weights"].as<std::string>()).value();
  const auto r = try_nps(data.answers, {}, weights);
  if (!r) {
    // A bad weight lives in the --weights column, a bad answer in --column.
    const bool weight = r.error().path.head() == "weights";
    throw_at_cell(data.table, r.error(), values[weight ? "weights" : "column"].as<std::string>());
  }
  const auto interval = try_nps_interval(*r, values["confidence"].as<finite_number>().value, method).value();
  streams.out << (values.count("json") != 0U ? to_json(*r, interval) : to_text(*r, interval));
  return exit_ok;
}

int csat(const std::vector<std::string>& args, io streams) {
  po::options_description options(
      "excellence csat FILE.csv --column NAME [options]\n\n"
      "CSAT: the share of ratings in the top box (4-5 on a 1-5 scale by default) with a\n"
      "Wilson interval; the mean rating is reported separately (docs/satisfaction.md).\n\noptions");
  survey_options(options);
  const csat_scale defaults;
  options.add_options()("min", po::value<int>()->default_value(defaults.min), "lowest rating of the scale")(
      "max", po::value<int>()->default_value(defaults.max), "highest rating of the scale")(
      "top-box", po::value<int>()->default_value(defaults.top_box_min), "lowest rating that counts as satisfied");
  const auto parsed = parse_file_command(args, options, "csat", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto data = read_survey(values);
  const csat_scale scale{values["min"].as<int>(), values["max"].as<int>(), values["top-box"].as<int>()};
  const auto r = try_csat(data.answers, scale, values["confidence"].as<finite_number>().value);
  if (!r) throw_at_cell(data.table, r.error(), values["column"].as<std::string>());
  streams.out << (values.count("json") != 0U ? to_json(*r) : to_text(*r));
  return exit_ok;
}

}  // namespace excellence::cli
