// excellence evidence MEASURES.json SERIES.csv [--assessment FILE]... [--json] [options]
#include "command.hpp"

#include <excellence/evidence/results_evidence.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/evidence_files.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include <algorithm>
#include <ostream>

namespace excellence::cli {

results_evidence read_evidence(const std::string& measures_file, const std::string& series_file,
                               const evidence_options& options) {
  auto result = try_read_results_evidence(measures_file, series_file, options);
  if (!result && result.error().path.head() == "options") {
    auto option = std::string(result.error().path.leaf());
    std::replace(option.begin(), option.end(), '_', '-');
    throw usage_error((option == "shares" ? std::string("--some, --many, --most") : "--" + option) + ": " +
                      result.error().message);
  }
  return std::move(result).value();
}

int evidence(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence evidence MEASURES.json SERIES.csv [options]\n\n"
      "Results evidence: per series of a customer or market measure its level (against\n"
      "target and comparisons), trend (Theil-Sen, Mann-Kendall) and comparisons; per\n"
      "results item (4.7.3) the shares of good levels, beneficial trends and favourable\n"
      "comparisons, what has no measure, and the band each of levels, trends, comparisons\n"
      "and integration supports. With --assessment, warns where an examiner's percent or\n"
      "dimension judgement lies outside it (docs/evidence.md).\n\noptions");
  evidence_options defaults;
  options.add_options()("help,h", "show this help")("assessment", po::value<std::vector<std::string>>(),
                                                    "an examiner's assessment file to check (repeatable)")(
      "lang", po::value<std::string>()->default_value("en"), "language of names and reasons: zh or en")(
      "some", po::value<finite_number>(), "share that is 'some' (default 0.25)")(
      "many", po::value<finite_number>(), "share that is 'many' (default 0.5)")("most", po::value<finite_number>(),
                                                                                "share that is 'most' (default 0.75)")(
      "significance", po::value<finite_number>(), "Mann-Kendall p-value of a trend (default 0.1)")(
      "confidence", po::value<finite_number>(), "of the intervals and the last-change test (default 0.95)")(
      "sustained-periods", po::value<count>(), "periods a sustained improvement spans (default 3)")(
      "json", "print JSON (excellence.evidence/1)")("measures", po::value<std::string>(), "measure definitions")(
      "series", po::value<std::string>(), "series CSV");
  po::positional_options_description positional;
  positional.add("measures", 1).add("series", 1);
  const auto values = parse(args, options, positional);
  if (values.count("help") != 0U) {
    streams.out << options << "\n";
    return exit_ok;
  }
  if (values.count("measures") == 0U || values.count("series") == 0U)
    throw usage_error("evidence needs MEASURES.json and SERIES.csv");
  const auto lang = parse_language(values["lang"].as<std::string>());
  if (!lang) throw usage_error("--lang must be zh or en");
  evidence_options settings;
  const auto number = [&](const char* name, double& slot) {
    if (values.count(name) != 0U) slot = values[name].as<finite_number>().value;
  };
  number("some", settings.shares.some);
  number("many", settings.shares.many);
  number("most", settings.shares.most);
  number("significance", settings.significance);
  number("confidence", settings.confidence);
  if (values.count("sustained-periods") != 0U)
    settings.sustained_periods = static_cast<std::size_t>(values["sustained-periods"].as<count>().value);

  const auto result = read_evidence(values["measures"].as<std::string>(), values["series"].as<std::string>(), settings);
  std::vector<diagnostic> warnings;
  if (values.count("assessment") != 0U)
    for (const auto& file : values["assessment"].as<std::vector<std::string>>()) {
      const auto examiner = try_read_assessment(file).value();
      for (auto& w : check_assessment(result, examiner)) warnings.push_back(std::move(w));
    }
  streams.out << (values.count("json") != 0U ? to_json(result, warnings) : to_text(result, warnings, *lang));
  return exit_ok;
}

}  // namespace excellence::cli
