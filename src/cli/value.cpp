// excellence value FILE.csv [--weight COMPONENT=W]... [--sensitivity L] [--json]
#include "command.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>
#include <excellence/value/comparison.hpp>

#include <ostream>

namespace excellence::cli {

namespace {

value_profile parse_weights(const std::vector<std::string>& specs) {
  value_profile weights = unit_weights;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    bool known = false;
    if (eq != std::string::npos) {
      for (auto c : value_components) {
        if (spec.compare(0, eq, to_string(c)) != 0) continue;
        const auto w = parse_number_list(std::string_view(spec).substr(eq + 1));
        if (!w || w->size() != 1) throw usage_error("--weight " + spec + ": the weight is not a finite number");
        weights[c] = w->front();
        known = true;
      }
    }
    if (!known)
      throw usage_error(
          "--weight takes COMPONENT=W with a component of product, service, personnel, image, monetary, time, energy, "
          "physical");
  }
  return weights;
}

}  // namespace

int value(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence value FILE.csv [options]\n\n"
      "Customer delivered value of offers: total customer value (product, service,\n"
      "personnel, image) minus total customer cost (monetary, time, energy, physical).\n"
      "Columns: offer,product,service,personnel,image,monetary,time,energy,physical;\n"
      "add a respondent column for many respondents (docs/value.md).\n\noptions");
  options.add_options()("weight", po::value<std::vector<std::string>>(),
                        "COMPONENT=W, e.g. product=2 (repeatable; default 1 each)")(
      "sensitivity", po::value<finite_number>(),
      "also print logit choice shares with this sensitivity (one respondent)")("json", "print JSON");
  const auto parsed = parse_file_command(args, options, "value", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  value_summary_options settings;
  settings.weights = parse_weights(values.count("weight") != 0U ? values["weight"].as<std::vector<std::string>>()
                                                                : std::vector<std::string>{});
  if (values.count("sensitivity") != 0U) settings.sensitivity = values["sensitivity"].as<finite_number>().value;

  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto offers = table.try_texts("offer").value();
  const auto respondents =
      table.find("respondent") ? table.try_texts("respondent").value() : std::vector<std::string>{};
  std::array<std::vector<double>, 8> amounts;
  value_answers answers{respondents, offers, {}};
  for (std::size_t c = 0; c < 8; ++c) {
    amounts[c] = table.try_numbers(to_string(value_components[c])).value();
    answers.amounts[c] = amounts[c];
  }
  const auto summary = try_value_summary(answers, settings);
  if (!summary) {
    const auto& d = summary.error();
    if (d.path.head() == "sensitivity") throw usage_error("--sensitivity needs a file with one respondent");
    if (d.path.head() == "weights") throw usage_error("--weight: " + d.message);
    throw_at_cell(table, d);
  }
  streams.out << (values.count("json") != 0U ? to_json(*summary) : to_text(*summary));
  return exit_ok;
}

}  // namespace excellence::cli
