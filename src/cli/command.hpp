// Internal to the `excellence` command: what every subcommand shares.
#pragma once

#include <excellence/criteria/node.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/detail/enum_names.hpp>
#include <excellence/error.hpp>
#include <excellence/evidence/results_evidence.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/control.hpp>
#include <excellence/scoring/assessment.hpp>

#include <boost/program_options.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace excellence::cli {

// Exit statuses, documented in docs/command.md.
inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid_input = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_internal_error = 3;

/// Bad command-line usage (exit status 2).
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct io {
  std::ostream& out;
  std::ostream& err;
};

/// A number option that must be finite: "--discount nan" or "inf" is a usage error, never
/// a NaN carried into the computation.
struct finite_number {
  double value = 0;
};

/// A count option: a whole number ≥ 0. "--bootstrap -1" is a usage error, never 2^64 − 1
/// (what an unsigned option would make of it).
struct count {
  std::uint64_t value = 0;
};

// Boost.Program_options finds these by argument-dependent lookup to read the two types.
void validate(boost::any& target, const std::vector<std::string>& values, finite_number*, int);
void validate(boost::any& target, const std::vector<std::string>& values, count*, int);

/// Parses a subcommand's arguments; throws usage_error on unknown options or bad values.
boost::program_options::variables_map parse(const std::vector<std::string>& args,
                                            const boost::program_options::options_description& options,
                                            const boost::program_options::positional_options_description& positional);

/// The prologue of a command that reads one CSV file: adds --help and the positional
/// FILE to `options`, parses, prints the help (returning nullopt) when asked, and
/// otherwise requires the file (usage_error naming the command).
std::optional<boost::program_options::variables_map> parse_file_command(
    const std::vector<std::string>& args, boost::program_options::options_description& options, const char* command,
    io streams);

/// Re-targets a library diagnostic about one element of an input ("answers[3]",
/// "offers[2].monetary", "complaints[1].duration") at the CSV cell it came from: the row
/// is (*row_of)[i] (or i), the column `column` when given, else the one named after the
/// dot, else the one named before the bracket. Anything else is thrown unchanged.
/// Writes `text` to `file`, or io_error naming it.
void write_file(const std::string& file, const std::string& text);

[[noreturn]] void throw_at_cell(const csv_table& table, const diagnostic& d,
                                std::optional<std::string_view> column = {},
                                const std::vector<std::size_t>* row_of = nullptr);

/// The value of the enum option --`name` by the enum's name table; a name outside it is a
/// usage error listing the choices ("--scheme must be centroid, factorial or path").
template <class E, std::size_t N>
E enum_option(const boost::program_options::variables_map& values, const char* name,
              const detail::enum_names<E, N>& names) {
  const auto parsed = names.parse(values[name].as<std::string>());
  if (!parsed) throw usage_error(std::string("--") + name + " must be " + names.choices());
  return *parsed;
}

/// A comma-separated list of numbers ("10,30,20,20,20"), or nullopt when a piece is empty
/// or not a number; the caller says what it expected.
std::optional<std::vector<double>> parse_number_list(std::string_view text);

/// The parts of a comma-separated list, empty ones included ("a,,b": "a", "", "b").
std::vector<std::string_view> split_list(std::string_view text);

/// Progress of a long run ("resamples 1200 / 5000") on stderr, only when stderr is a
/// terminal, so that scripts and logs stay clean.
model_control terminal_progress(const char* what);

/// What every command over assessment files (score, report) takes besides its own options.
struct assessment_arguments {
  boost::program_options::variables_map values;  ///< the command's own options too
  std::vector<std::string> files;
  language lang = language::en;
  std::string scope;
  std::int32_t flag_range = 0;
};

/// The prologue of a command over assessment files: adds --help, --scope, --flag-range,
/// --lang and the positional FILE... to `options`, parses, prints the help (returning
/// nullopt) when asked, and otherwise requires a file and a known language (usage_error).
std::optional<assessment_arguments> parse_assessment_command(const std::vector<std::string>& args,
                                                             boost::program_options::options_description& options,
                                                             const char* command, io streams);

/// Assessment files and the one framework they are against (a built-in id, or a framework
/// file named relative to the assessment). A file naming another framework than the first
/// is framework_mismatch; every error names its file.
struct assessment_files {
  std::vector<assessment> assessments;
  criteria_tree framework;
};
assessment_files read_assessment_files(const std::vector<std::string>& files);

/// Results evidence from a measures file and a series file (the framework the measures
/// name, resolved relative to their file); a bad option is a usage_error naming it.
results_evidence read_evidence(const std::string& measures_file, const std::string& series_file,
                               const evidence_options& options);

/// The whole command: `args` without the program name. Returns the exit status; every
/// message goes to `streams` (nothing escapes as an exception).
int run(std::vector<std::string> args, io streams);

int tree(const std::vector<std::string>& args, io streams);
int score(const std::vector<std::string>& args, io streams);
int report(const std::vector<std::string>& args, io streams);
int evidence(const std::vector<std::string>& args, io streams);
int clv_simple(const std::vector<std::string>& args, io streams);
int value(const std::vector<std::string>& args, io streams);
int nps(const std::vector<std::string>& args, io streams);
int csat(const std::vector<std::string>& args, io streams);
int rfm(const std::vector<std::string>& args, io streams);
int complaints(const std::vector<std::string>& args, io streams);
int kano(const std::vector<std::string>& args, io streams);
int servqual(const std::vector<std::string>& args, io streams);
int retention(const std::vector<std::string>& args, io streams);
int pls(const std::vector<std::string>& args, io streams);
int clv(const std::vector<std::string>& args, io streams);

}  // namespace excellence::cli
