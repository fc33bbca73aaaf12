// The `excellence` command: argument parsing + a reader + one library call + a renderer.
// No computation lives here; everything it prints, the API returns.
#include "command.hpp"

#include <excellence/version.hpp>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>

namespace excellence::cli {

namespace po = boost::program_options;

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& options,
                        const po::positional_options_description& positional) {
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::error_with_option_name& e) {
    // Boost expands placeholders such as %value% in its messages until none is left, so a
    // value that itself contains one ("--horizon 1%value%") makes what() loop forever (the
    // command fuzz target found it). Such messages are written here, without the value.
    if (std::any_of(args.begin(), args.end(), [](const std::string& a) { return a.find('%') != std::string::npos; }))
      throw usage_error("the argument for option '" + e.get_option_name() + "' is invalid");
    throw usage_error(e.what());
  } catch (const po::error& e) {
    throw usage_error(e.what());
  }
  return values;
}

std::optional<po::variables_map> parse_file_command(const std::vector<std::string>& args,
                                                    po::options_description& options, const char* command, io streams) {
  options.add_options()("help,h", "show this help")("file", po::value<std::string>(), "the CSV file");
  po::positional_options_description positional;
  positional.add("file", 1);
  auto values = parse(args, options, positional);
  if (values.count("help") != 0U) {
    streams.out << options << "\n";
    return std::nullopt;
  }
  if (values.count("file") == 0U) throw usage_error(std::string(command) + " needs a CSV file");
  return values;
}

void validate(boost::any& target, const std::vector<std::string>& values, finite_number*, int) {
  po::validators::check_first_occurrence(target);
  const std::string& text = po::validators::get_single_string(values);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw po::invalid_option_value(text + " (a finite number is expected)");
  target = finite_number{value};
}

void validate(boost::any& target, const std::vector<std::string>& values, count*, int) {
  po::validators::check_first_occurrence(target);
  const std::string& text = po::validators::get_single_string(values);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw po::invalid_option_value(text + " (a whole number >= 0 is expected)");
  target = count{value};
}

std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t from = 0; from <= text.size();) {
    const auto comma = std::min(text.find(',', from), text.size());
    out.push_back(text.substr(from, comma - from));
    from = comma + 1;
  }
  return out;
}

std::optional<std::vector<double>> parse_number_list(std::string_view text) {
  std::vector<double> out;
  for (const auto part : split_list(text)) {
    double value = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size() || part.empty() || !std::isfinite(value))
      return std::nullopt;
    out.push_back(value);
  }
  return out;
}

model_control terminal_progress(const char* what) {
  if (isatty(fileno(stderr)) == 0) return {};
  return {[what](std::size_t done, std::size_t total) {
            std::cerr << "\r" << what << " " << done << " / " << total << (done == total ? "\n" : "") << std::flush;
          },
          nullptr};
}

void write_file(const std::string& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw data_error({errc::io_error, file, 0, 0, "", "cannot write the file"});
}

void throw_at_cell(const csv_table& table, const diagnostic& d, std::optional<std::string_view> column,
                   const std::vector<std::size_t>* row_of) {
  const auto element = d.element();
  if (!element) throw data_error(d);
  const std::size_t i = *element;
  // name[i].field is the cell in column `field`; name[i] the cell in column `name`.
  const auto& segments = d.path.segments();
  const bool has_field = segments.size() > 2 && segments[1].index() == 1 && segments[2].index() == 0;
  const std::string name = column ? std::string(*column) : std::string(has_field ? d.path.leaf() : d.path.head());
  const auto at = table.find(name);
  if (!at || (row_of != nullptr && i >= row_of->size())) throw data_error(d);
  throw data_error(table.cell_error(d.code, row_of != nullptr ? (*row_of)[i] : i, *at, d.message));
}

namespace {

constexpr const char* overview =
    "usage: excellence <command> [options]\n"
    "\n"
    "Performance-excellence criteria scoring (GB/T 19580, Baldrige) and customer\n"
    "satisfaction, loyalty and lifetime-value analytics.\n"
    "\n"
    "commands:\n"
    "  tree        print a criteria tree (text or JSON)\n"
    "  score       score assessments; with several files, also the examiners' consensus\n"
    "  report      the examiner's report (HTML): feedback, consensus or history\n"
    "  evidence    levels, trends and comparisons of measured results; the bands they support\n"
    "  clv-simple  lifetime value from margin, retention and discount rate\n"
    "  value       customer delivered value of offers from a CSV file\n"
    "  nps         Net Promoter Score of a column of 0-10 answers\n"
    "  csat        top-box satisfaction share of a column of ratings\n"
    "  rfm         RFM scores and the concentration of customer value\n"
    "  kano        Kano categories, Better and Worse per attribute\n"
    "  servqual    SERVQUAL gaps (or SERVPERF) per item and dimension\n"
    "  retention   cohort retention table; retention fit: sBG/BdW model, DEL, DERL\n"
    "  complaints  resolution times (open complaints censored), FCR, reopens\n"
    "  pls         PLS path model (ACSI/ECSI/CCSI satisfaction indexes), with bootstrap\n"
    "  clv         repeat-purchase and spend models: fit, predict, value, summarize\n"
    "\n"
    "'excellence <command> --help' describes a command. Exit status: 0 success,\n"
    "1 invalid input (message on stderr), 2 usage error.\n";

}  // namespace

int run(std::vector<std::string> args, io streams) {
  if (args.empty()) {
    streams.err << overview;
    return exit_usage;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      streams.out << overview;
      return exit_ok;
    }
    if (command == "--version") {
      streams.out << "excellence " << EXCELLENCE_VERSION_STRING << "\n";
      return exit_ok;
    }
    if (command == "tree") return tree(args, streams);
    if (command == "score") return score(args, streams);
    if (command == "report") return report(args, streams);
    if (command == "evidence") return evidence(args, streams);
    if (command == "clv-simple") return clv_simple(args, streams);
    if (command == "value") return value(args, streams);
    if (command == "nps") return nps(args, streams);
    if (command == "csat") return csat(args, streams);
    if (command == "rfm") return rfm(args, streams);
    if (command == "complaints") return complaints(args, streams);
    if (command == "kano") return kano(args, streams);
    if (command == "servqual") return servqual(args, streams);
    if (command == "retention") return retention(args, streams);
    if (command == "pls") return pls(args, streams);
    if (command == "clv") return clv(args, streams);
    throw usage_error("unknown command '" + command + "'");
  } catch (const usage_error& e) {
    streams.err << "excellence: " << e.what() << "\n(see 'excellence --help')\n";
    return exit_usage;
  } catch (const data_error& e) {
    streams.err << "excellence: error: " << e.where().to_string() << "\n";
    return exit_invalid_input;
  } catch (const std::exception& e) {
    // A bug: no input file or option may get here (tests and the command fuzz target check).
    streams.err << "excellence: internal error: " << e.what() << "\n";
    return exit_internal_error;
  }
}

}  // namespace excellence::cli
