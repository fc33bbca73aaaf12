// excellence rfm FILE.csv [--bins N] [--json]
#include "command.hpp"

#include <excellence/detail/strings.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/loyalty/segmentation.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <ostream>

namespace excellence::cli {

int rfm(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence rfm FILE.csv [options]\n\n"
      "RFM scores by quantiles of the data (columns customer,recency,frequency,monetary;\n"
      "recency = time since the last purchase in any one unit) and the concentration of\n"
      "the monetary values (Gini, share of the top 20 %) (docs/loyalty.md).\n\noptions");
  options.add_options()("bins", po::value<int>()->default_value(5), "scores 1..N")(
      "json", "print JSON with every customer's scores");
  const auto parsed = parse_file_command(args, options, "rfm", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto customer = table.try_column("customer").value();
  const auto recency = table.try_numbers("recency").value();
  const auto frequency = table.try_numbers("frequency").value();
  const auto monetary = table.try_numbers("monetary").value();
  const auto scored = try_rfm(recency, frequency, monetary, {.bins = values["bins"].as<int>()});
  if (!scored) throw_at_cell(table, scored.error());
  const auto spread = try_concentration(monetary);  // undefined for losses or a zero total: reported as null

  auto segment = [](const rfm_score& s) {
    return std::to_string(s.recency) + std::to_string(s.frequency) + std::to_string(s.monetary);
  };
  if (values.count("json") != 0U) {
    nlohmann::ordered_json out;
    out["bins"] = scored->bins;
    out["n"] = scored->n;
    out["cuts"] = {
        {"recency", scored->recency_cuts}, {"frequency", scored->frequency_cuts}, {"monetary", scored->monetary_cuts}};
    auto& customers = out["customers"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < scored->n; ++i) {
      const auto& s = scored->scores[i];
      customers.push_back({{"customer", table.text(i, customer)},
                           {"recency", s.recency},
                           {"frequency", s.frequency},
                           {"monetary", s.monetary},
                           {"segment", segment(s)}});
    }
    out["gini"] = spread ? nlohmann::ordered_json(spread->gini) : nlohmann::ordered_json(nullptr);
    out["top_20_share"] = spread ? nlohmann::ordered_json(spread->top_share(0.2)) : nlohmann::ordered_json(nullptr);
    streams.out << out.dump(2) << "\n";
    return exit_ok;
  }
  detail::text_table cuts;
  cuts.add({"dimension", "cut points (a value on a cut takes the lower score)"});
  cuts.rule();
  auto list = [](const std::vector<double>& v) {
    std::vector<std::string> parts;
    for (double x : v) parts.push_back(detail::fixed(x, 2));
    return detail::join(parts, "  ");
  };
  cuts.add({"recency", list(scored->recency_cuts) + "  (recent = high score)"});
  cuts.add({"frequency", list(scored->frequency_cuts)});
  cuts.add({"monetary", list(scored->monetary_cuts)});
  std::map<std::string, std::size_t> by_segment;
  for (const auto& s : scored->scores) ++by_segment[segment(s)];
  detail::text_table segments({1});
  segments.add({"segment", "customers"});
  segments.rule();
  for (auto it = by_segment.rbegin(); it != by_segment.rend(); ++it)
    segments.add({it->first, std::to_string(it->second)});
  streams.out << scored->n << " customers, " << scored->bins << " bins\n\n" << cuts.str() << "\n" << segments.str();
  if (spread)
    streams.out << "\nmonetary concentration: Gini " << detail::fixed(spread->gini, 3) << ", top 20% of customers hold "
                << detail::fixed(100 * spread->top_share(0.2), 1) << "%\n";
  return exit_ok;
}

}  // namespace excellence::cli
