// excellence clv-simple --margin M --retention R --discount D [--timing end|start]
//                       [--horizon T] [--acquisition-cost C] [--period UNIT] [--json]
#include "command.hpp"

#include <excellence/detail/text_table.hpp>
#include <excellence/loyalty/lifetime_value.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace excellence::cli {

int clv_simple(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence clv-simple --margin M --retention R --discount D [options]\n\n"
      "Lifetime value of a customer with a constant margin, retention rate and discount\n"
      "rate, all per the same period: m r / (1 + d - r), or its finite-horizon and\n"
      "start-of-period variants (docs/loyalty.md).\n\noptions");
  options.add_options()("help,h", "show this help")("margin", po::value<finite_number>(), "margin per period (required)")(
      "retention", po::value<finite_number>(), "retention rate per period, 0-1 (required)")(
      "discount", po::value<finite_number>(), "discount rate per period (required)")(
      "timing", po::value<std::string>()->default_value("end"),
      "end: each margin after the period's retention draw; start: the first margin at once")(
      "horizon", po::value<int>(), "number of margins counted (default: infinite)")(
      "acquisition-cost", po::value<finite_number>()->default_value(finite_number{0.0}, "0"), "subtracted from the value")(
      "period", po::value<std::string>(),
      "what the rates are per (day, week, month, quarter, year); only labels output")("json", "print JSON");
  const auto values = parse(args, options, {});
  if (values.count("help") != 0U) {
    streams.out << options << "\n";
    return exit_ok;
  }
  for (const char* required : {"margin", "retention", "discount"})
    if (values.count(required) == 0U) throw usage_error(std::string("clv-simple needs --") + required);
  const auto timing = values["timing"].as<std::string>();
  if (timing != "end" && timing != "start") throw usage_error("--timing must be end or start");
  std::string unit = "period";
  if (values.count("period") != 0U) {
    unit = values["period"].as<std::string>();
    if (unit != "day" && unit != "week" && unit != "month" && unit != "quarter" && unit != "year")
      throw usage_error("--period must be day, week, month, quarter or year");
  }

  // Both rates come from the same command line, so they are per the same period by
  // construction; the period's name only labels the output.
  const period per{};
  clv_options clv{};
  clv.timing = timing == "start" ? margin_timing::start_of_period : margin_timing::end_of_period;
  if (values.count("horizon") != 0U) clv.horizon = values["horizon"].as<int>();
  clv.acquisition_cost = values["acquisition-cost"].as<finite_number>().value;
  const rate retention{values["retention"].as<finite_number>().value, per};
  const auto result = simple_clv(values["margin"].as<finite_number>().value, retention, {values["discount"].as<finite_number>().value, per}, clv);
  const auto life = try_average_life(retention);  // infinite (r = 1) is fine with a horizon

  if (values.count("json") != 0U) {
    nlohmann::ordered_json out;
    out["clv"] = result.clv;
    out["margin_multiple"] = result.margin_multiple;
    out["average_life"] = life ? nlohmann::ordered_json(life->periods) : nlohmann::ordered_json(nullptr);
    out["period"] = values.count("period") != 0U ? nlohmann::ordered_json(unit) : nlohmann::ordered_json(nullptr);
    out["timing"] = timing;
    out["horizon"] = clv.horizon ? nlohmann::ordered_json(*clv.horizon) : nlohmann::ordered_json(nullptr);
    streams.out << out.dump(2) << "\n";
  } else {
    streams.out << "lifetime value   " << detail::fixed(result.clv, 2) << "\n"
                << "margin multiple  " << detail::fixed(result.margin_multiple, 4) << "\n"
                << "average life     " << (life ? detail::fixed(life->periods, 2) + " " + unit + "s" : "infinite")
                << "\n";
  }
  return exit_ok;
}

}  // namespace excellence::cli
