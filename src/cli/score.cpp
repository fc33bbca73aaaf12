// excellence score FILE... [--scope ID] [--flag-range N] [--lang zh|en] [--json]
#include "command.hpp"

#include <excellence/io/assessment_json.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>
#include <excellence/scoring/consensus.hpp>

#include <filesystem>
#include <ostream>

namespace excellence::cli {

assessment_files read_assessment_files(const std::vector<std::string>& files) {
  std::vector<assessment> assessments;
  std::optional<criteria_tree> framework;
  for (const auto& file : files) {
    auto a = read_assessment(file);
    auto resolved = try_resolve_framework(a.framework, std::filesystem::path(file).parent_path());
    if (!resolved) {
      auto d = resolved.error();
      if (d.file.empty()) d.file = file;
      throw data_error(d);
    }
    if (framework && resolved->id() != framework->id())
      throw data_error(
          {errc::framework_mismatch, file, 0, 0, "framework",
           "framework " + resolved->id() + " differs from " + framework->id() + " of " + assessments.front().source});
    if (!framework) framework = *resolved;
    assessments.push_back(std::move(a));
  }
  return {std::move(assessments), *std::move(framework)};
}

std::optional<assessment_arguments> parse_assessment_command(const std::vector<std::string>& args,
                                                             boost::program_options::options_description& options,
                                                             const char* command, io streams) {
  namespace po = boost::program_options;
  options.add_options()("help,h", "show this help")("scope", po::value<std::string>()->default_value(""),
                                                    "only the part under this category or item, e.g. 4.3")(
      "flag-range", po::value<int>()->default_value(consensus_options{}.flag_range),
      "flag items whose examiners' percents range over at least this many points")(
      "lang", po::value<std::string>()->default_value("en"), "language: zh or en")(
      "files", po::value<std::vector<std::string>>(), "assessment files");
  po::positional_options_description positional;
  positional.add("files", -1);
  auto values = parse(args, options, positional);
  if (values.count("help") != 0U) {
    streams.out << options << "\n";
    return std::nullopt;
  }
  if (values.count("files") == 0U) throw usage_error(std::string(command) + " needs at least one assessment file");
  const auto lang = parse_language(values["lang"].as<std::string>());
  if (!lang) throw usage_error("--lang must be zh or en");
  assessment_arguments out{{},
                           values["files"].as<std::vector<std::string>>(),
                           *lang,
                           values["scope"].as<std::string>(),
                           values["flag-range"].as<int>()};
  out.values = std::move(values);
  return out;
}

int score(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence score FILE... [options]\n\n"
      "Scores assessment files (excellence.assessment/1). With several files of the\n"
      "same organization and framework, also prints the examiners' consensus table.\n\noptions");
  options.add_options()("json", "print JSON instead of text");
  const auto arguments = parse_assessment_command(args, options, "score", streams);
  if (!arguments) return exit_ok;
  const bool json = arguments->values.count("json") != 0U;
  const auto& scope = arguments->scope;
  const auto lang = arguments->lang;

  auto [assessments, framework] = read_assessment_files(arguments->files);

  if (assessments.size() == 1) {
    const auto result = excellence::score(assessments.front(), framework, scoring_options{scope});
    streams.out << (json ? to_json(result) : render_score(result, framework, lang));
    return exit_ok;
  }
  const auto result = consensus(assessments, framework, consensus_options{arguments->flag_range, scope});
  if (json) {
    streams.out << to_json(result);
  } else {
    for (const auto& s : result.scores) streams.out << render_score(s, framework, lang) << "\n";
    streams.out << render_consensus(result);
  }
  return exit_ok;
}

}  // namespace excellence::cli
