// excellence kano FILE.csv [--tie-margin P] [--json]
#include "command.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>
#include <excellence/satisfaction/kano.hpp>

#include <ostream>

namespace excellence::cli {

int kano(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence kano FILE.csv [options]\n\n"
      "Kano classification: columns attribute, functional and dysfunctional, one row per\n"
      "respondent and attribute; answers 1 like, 2 must-be, 3 neutral, 4 live with,\n"
      "5 dislike. Prints the category counts, the modal category (ties M > O > A > I),\n"
      "Better, Worse and the questionable share per attribute (docs/satisfaction.md).\n\noptions");
  options.add_options()("tie-margin", po::value<finite_number>()->default_value(finite_number{0.0}, "0"),
                        "categories within this many percentage points of the top one count as tied")("json",
                                                                                                      "print JSON");
  const auto parsed = parse_file_command(args, options, "kano", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto attributes = table.try_texts("attribute").value();
  const auto functional = table.try_numbers("functional").value();
  const auto dysfunctional = table.try_numbers("dysfunctional").value();
  const auto result = try_kano_by_attribute(attributes, functional, dysfunctional,
                                            {.tie_margin = values["tie-margin"].as<finite_number>().value});
  if (!result) {
    if (result.error().path.head() == "tie_margin") throw usage_error("--tie-margin: " + result.error().message);
    throw_at_cell(table, result.error());
  }
  streams.out << (values.count("json") != 0U ? to_json(*result) : to_text(*result));
  return exit_ok;
}

}  // namespace excellence::cli
