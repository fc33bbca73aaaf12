// excellence report FILE... [--lang zh|en] [--out report.html] [--xlsx report.xlsx] [--csv DIR]
//                   [--scope ID] [--flag-range N] [--measures FILE --series FILE]
#include "command.hpp"

#include <excellence/report/html.hpp>
#include <excellence/report/workbook.hpp>
#include <excellence/scoring/review.hpp>

#include <filesystem>
#include <ostream>

namespace excellence::cli {

int report(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence report FILE... [options]\n\n"
      "The examiner's report of assessment files (excellence.assessment/1), as one\n"
      "self-contained HTML file. One file: the organization's feedback. Several files of\n"
      "one year: the examiners' consensus, side by side. One file per year: the history,\n"
      "then the latest year's feedback. Without --out, --xlsx or --csv the HTML goes to\n"
      "standard output.\n\noptions");
  options.add_options()("out", po::value<std::string>(), "write the HTML report to this file")(
      "xlsx", po::value<std::string>(), "also write the tables as an XLSX workbook to this file")(
      "csv", po::value<std::string>(), "also write the tables as CSV files into this folder (created if missing)")(
      "measures", po::value<std::string>(), "measure definitions: show the measured results' evidence (with --series)")(
      "series", po::value<std::string>(), "the measures' series CSV (with --measures)");
  const auto arguments = parse_assessment_command(args, options, "report", streams);
  if (!arguments) return exit_ok;
  const auto& values = arguments->values;
  const auto lang = arguments->lang;

  if ((values.count("measures") == 0U) != (values.count("series") == 0U))
    throw usage_error("--measures and --series go together");
  const auto [assessments, framework] = read_assessment_files(arguments->files);
  std::optional<results_evidence> evidence;
  if (values.count("measures") != 0U)
    evidence = read_evidence(values["measures"].as<std::string>(), values["series"].as<std::string>(), {});
  const auto r = review_of(assessments, framework, review_options{arguments->scope, arguments->flag_range},
                           evidence ? &*evidence : nullptr);
  const bool tables_only = values.count("out") == 0U && (values.count("xlsx") != 0U || values.count("csv") != 0U);
  if (values.count("out") != 0U)
    write_file(values["out"].as<std::string>(), to_html(r, framework, lang));
  else if (!tables_only)
    streams.out << to_html(r, framework, lang);
  if (values.count("xlsx") != 0U) write_xlsx(r, framework, values["xlsx"].as<std::string>(), lang);
  if (values.count("csv") != 0U) {
    const std::filesystem::path folder = values["csv"].as<std::string>();
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
      throw data_error({errc::io_error, folder.string(), 0, 0, "", "cannot create the folder: " + error.message()});
    for (const auto table : report_tables(r))
      write_file((folder / (std::string(to_string(table)) + ".csv")).string(), to_csv(r, framework, table, lang));
  }
  return exit_ok;
}

}  // namespace excellence::cli
