// excellence complaints FILE.csv [--limit L] [--unit NAME] [--json]
#include "command.hpp"

#include <excellence/complaints/summary.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <ostream>

namespace excellence::cli {

int complaints(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence complaints FILE.csv [options]\n\n"
      "Complaint resolution: columns duration (time to resolution, or the age of an open\n"
      "complaint, in one unit) and status (resolved or open); optionally first_contact\n"
      "and reopened (0/1, for resolved complaints). Open complaints are censored, not\n"
      "dropped: median and percentiles are Kaplan-Meier estimates (docs/complaints.md).\n\noptions");
  options.add_options()("limit", po::value<finite_number>(), "a committed time limit: share resolved within it")(
      "unit", po::value<std::string>()->default_value("days"), "the unit of the durations (labels output)")(
      "json", "print JSON");
  const auto parsed = parse_file_command(args, options, "complaints", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  complaint_summary_options settings;
  settings.unit = values["unit"].as<std::string>();
  if (values.count("limit") != 0U) {
    settings.limit = values["limit"].as<finite_number>().value;
    if (*settings.limit < 0) throw usage_error("--limit must be >= 0");
  }
  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto durations = table.try_numbers("duration").value();
  const auto status = table.try_texts("status").value();
  auto flags = [&table](const char* name) {
    return table.find(name) ? table.try_optional_numbers(name).value() : std::vector<std::optional<double>>{};
  };
  const auto first_contact = flags("first_contact");
  const auto reopened = flags("reopened");
  const auto summary = try_complaint_summary({durations, status, first_contact, reopened}, settings);
  if (!summary) {
    if (summary.error().path.head() == "unit") throw usage_error("--unit: " + summary.error().message);
    throw_at_cell(table, summary.error());
  }
  streams.out << (values.count("json") != 0U ? to_json(*summary) : to_text(*summary));
  return exit_ok;
}

}  // namespace excellence::cli
