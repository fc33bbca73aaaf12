// excellence servqual FILE.csv [--servperf] [--scale-min A] [--scale-max B]
//                              [--importance T,R,R,A,E] [--missing error|drop] [--json]
#include "command.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>
#include <excellence/satisfaction/servqual.hpp>

#include <ostream>

namespace excellence::cli {

int servqual(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence servqual FILE.csv [options]\n\n"
      "SERVQUAL gaps (perception - expectation) per item and per dimension: columns\n"
      "respondent, item, dimension (tangibles, reliability, responsiveness, assurance,\n"
      "empathy), expectation and perception, one row per respondent and item. With\n"
      "--servperf only perceptions are used and the expectation column may be absent\n"
      "(docs/satisfaction.md).\n\noptions");
  const servqual_options defaults;
  options.add_options()("servperf", "score perceptions only (SERVPERF)")(
      "scale-min", po::value<int>()->default_value(defaults.scale_min), "lowest answer of the scale")(
      "scale-max", po::value<int>()->default_value(defaults.scale_max), "highest answer of the scale")(
      "importance", po::value<std::string>(), "weights of the five dimensions, e.g. 10,30,20,20,20")(
      "missing", po::value<std::string>()->default_value("error"),
      "error: an empty cell or absent row is an error; drop: drop the pair and count it")("json", "print JSON");
  const auto parsed = parse_file_command(args, options, "servqual", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto model = values.count("servperf") != 0U ? servqual_model::servperf : servqual_model::servqual;
  const auto missing = enum_option(values, "missing", missing_answers_names);
  servqual_options settings{values["scale-min"].as<int>(), values["scale-max"].as<int>(), missing, {}};
  if (values.count("importance") != 0U) {
    auto importance = parse_number_list(values["importance"].as<std::string>());
    if (!importance) throw usage_error("--importance must be five numbers separated by commas, e.g. 10,30,20,20,20");
    settings.importance = std::move(*importance);
  }

  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto respondent = table.try_texts("respondent").value();
  const auto item = table.try_texts("item").value();
  const auto dimension = table.try_texts("dimension").value();
  // With --missing drop an empty cell is a missing answer (the pair is dropped), else an error.
  auto answers = [&](const char* name) {
    if (missing == missing_answers::error) {
      const auto all = table.try_numbers(name).value();
      return std::vector<std::optional<double>>(all.begin(), all.end());
    }
    return table.try_optional_numbers(name).value();
  };
  const auto perception = answers("perception");
  const auto expectation =
      model == servqual_model::servperf ? std::vector<std::optional<double>>{} : answers("expectation");
  const auto r = try_servqual_long({respondent, item, dimension, expectation, perception}, model, settings);
  if (!r) {
    const auto head = r.error().path.head();
    if (head == "importance" || head == "scale") throw usage_error(r.error().to_string());
    if (head == "respondent" && !r.error().element())
      throw data_error(diagnostic{
          r.error().code, table.source(), 0, 0, {}, r.error().message + " (use --missing drop to drop the pair)"});
    throw_at_cell(table, r.error());
  }
  streams.out << (values.count("json") != 0U ? to_json(*r) : to_text(*r));
  return exit_ok;
}

}  // namespace excellence::cli
