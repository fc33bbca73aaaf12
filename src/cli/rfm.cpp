// excellence rfm FILE.csv [--bins N] [--json]
#include "command.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <ostream>

namespace excellence::cli {

int rfm(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence rfm FILE.csv [options]\n\n"
      "RFM scores by quantiles of the data (columns customer,recency,frequency,monetary;\n"
      "recency = time since the last purchase in any one unit) and the concentration of\n"
      "the monetary values (Gini, share of the top 20 %) (docs/loyalty.md).\n\noptions");
  options.add_options()("bins", po::value<count>()->default_value(count{5}, "5"), "scores 1..N (2-10)")(
      "json", "print JSON with every customer's scores");
  const auto parsed = parse_file_command(args, options, "rfm", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto bins = values["bins"].as<count>().value;
  if (bins < 2 || bins > static_cast<std::uint64_t>(max_rfm_bins)) throw usage_error("--bins must be 2-10");
  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto customers = table.try_texts("customer").value();
  const auto recency = table.try_numbers("recency").value();
  const auto frequency = table.try_numbers("frequency").value();
  const auto monetary = table.try_numbers("monetary").value();
  const auto analysis = try_rfm_analysis(customers, recency, frequency, monetary, {.bins = static_cast<int>(bins)});
  if (!analysis) throw_at_cell(table, analysis.error());
  streams.out << (values.count("json") != 0U ? to_json(*analysis) : to_text(*analysis));
  return exit_ok;
}

}  // namespace excellence::cli
