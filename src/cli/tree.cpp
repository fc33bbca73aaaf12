// excellence tree [--framework ID|FILE] [--root ID] [--lang zh|en] [--json]
#include "command.hpp"

#include <excellence/io/framework_json.hpp>
#include <excellence/report/text.hpp>

#include <ostream>

namespace excellence::cli {

int tree(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options("excellence tree [options]\n\nPrints a criteria tree.\n\noptions");
  options.add_options()("help,h", "show this help")(
      "framework", po::value<std::string>()->default_value("gbt19580-2012"),
      "built-in framework id (gbt19580-2012, baldrige-2023) or a framework file")(
      "root", po::value<std::string>(), "print only the part under this id, e.g. 4.3")(
      "lang", po::value<std::string>()->default_value("en"), "language of titles: zh or en")(
      "json", "print the tree as a framework file (excellence.framework/1)");
  const auto values = parse(args, options, {});
  if (values.count("help") != 0U) {
    streams.out << options << "\n";
    return exit_ok;
  }
  const auto lang = parse_language(values["lang"].as<std::string>());
  if (!lang) throw usage_error("--lang must be zh or en");

  criteria_tree framework = try_resolve_framework(values["framework"].as<std::string>()).value();
  if (values.count("root") != 0U) framework = framework.subtree(values["root"].as<std::string>());
  streams.out << (values.count("json") != 0U ? to_json(framework) : render_tree(framework, *lang));
  return exit_ok;
}

}  // namespace excellence::cli
