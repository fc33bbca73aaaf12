// excellence clv-simple --margin M --retention R --discount D [--timing end|start]
//                       [--horizon T] [--acquisition-cost C] [--period UNIT] [--json]
#include "command.hpp"

#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <ostream>

namespace excellence::cli {

int clv_simple(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence clv-simple --margin M --retention R --discount D [options]\n\n"
      "Lifetime value of a customer with a constant margin, retention rate and discount\n"
      "rate, all per the same period: m r / (1 + d - r), or its finite-horizon and\n"
      "start-of-period variants (docs/loyalty.md).\n\noptions");
  options.add_options()("help,h", "show this help")("margin", po::value<finite_number>(),
                                                    "margin per period (required)")(
      "retention", po::value<finite_number>(), "retention rate per period, 0-1 (required)")(
      "discount", po::value<finite_number>(), "discount rate per period (required)")(
      "timing", po::value<std::string>()->default_value("end"),
      "end: each margin after the period's retention draw; start: the first margin at once")(
      "horizon", po::value<count>(), "number of margins counted (default: infinite)")(
      "acquisition-cost", po::value<finite_number>()->default_value(finite_number{0.0}, "0"),
      "subtracted from the value")("period", po::value<std::string>(),
                                   "what the rates are per (day, week, month, quarter, year); only labels output")(
      "json", "print JSON");
  const auto values = parse(args, options, {});
  if (values.count("help") != 0U) {
    streams.out << options << "\n";
    return exit_ok;
  }
  for (const char* required : {"margin", "retention", "discount"})
    if (values.count(required) == 0U) throw usage_error(std::string("clv-simple needs --") + required);
  const auto timing = enum_option(values, "timing", margin_timing_names);
  std::optional<time_unit> unit;
  if (values.count("period") != 0U) unit = enum_option(values, "period", time_unit_names);

  // Both rates come from the same command line, so they are per the same period by
  // construction; the period's name only labels the output.
  const period per{1, unit.value_or(time_unit::year)};
  clv_options clv{};
  clv.timing = timing;
  if (values.count("horizon") != 0U) {
    const auto horizon = values["horizon"].as<count>().value;
    if (horizon > 1'000'000'000U) throw usage_error("--horizon must be at most 1000000000 periods");
    clv.horizon = static_cast<std::int32_t>(horizon);
  }
  clv.acquisition_cost = values["acquisition-cost"].as<finite_number>().value;
  const auto result =
      try_simple_clv(values["margin"].as<finite_number>().value, {values["retention"].as<finite_number>().value, per},
                     {values["discount"].as<finite_number>().value, per}, clv)
          .value();
  streams.out << (values.count("json") != 0U ? to_json(result, unit) : to_text(result, unit));
  return exit_ok;
}

}  // namespace excellence::cli
