// excellence complaints FILE.csv [--limit L] [--unit NAME] [--json]
#include "command.hpp"

#include <excellence/complaints/resolution.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace excellence::cli {

namespace {

// A 0/1 column for resolved complaints; counts the 1s among resolved rows.
std::optional<std::int64_t> flag_count(const csv_table& table, const char* name, const std::vector<bool>& resolved) {
  if (!table.find(name)) return std::nullopt;
  const auto values = table.try_numbers(name).value();
  const auto column = *table.find(name);
  std::int64_t count = 0;
  for (std::size_t r = 0; r < values.size(); ++r) {
    if (values[r] != 0 && values[r] != 1)
      throw data_error(table.cell_error(errc::invalid_value, r, column, "expected 0 or 1"));
    if (values[r] == 1 && !resolved[r])
      throw data_error(table.cell_error(errc::invalid_value, r, column, "an open complaint cannot be marked 1 here"));
    count += values[r] == 1 ? 1 : 0;
  }
  return count;
}

}  // namespace

int complaints(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence complaints FILE.csv [options]\n\n"
      "Complaint resolution: columns duration (time to resolution, or the age of an open\n"
      "complaint, in one unit) and status (resolved or open); optionally first_contact\n"
      "and reopened (0/1, for resolved complaints). Open complaints are censored, not\n"
      "dropped: median and percentiles are Kaplan-Meier estimates (docs/complaints.md).\n\noptions");
  options.add_options()("limit", po::value<finite_number>(), "a committed time limit: share resolved within it")(
      "unit", po::value<std::string>()->default_value("days"), "the unit of the durations (labels output)")(
      "json", "print JSON");
  const auto parsed = parse_file_command(args, options, "complaints", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto durations = table.try_numbers("duration").value();
  const auto status = table.try_column("status").value();
  std::vector<complaint_time> list;
  std::vector<bool> resolved;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const auto& s = table.text(r, status);
    if (s != "resolved" && s != "open")
      throw data_error(table.cell_error(errc::invalid_value, r, status, "\"" + s + "\" is neither resolved nor open"));
    list.push_back({durations[r], s == "resolved"});
    resolved.push_back(s == "resolved");
  }
  const auto times = try_resolution_times(list);
  if (!times) throw_at_cell(table, times.error(), "duration");
  const auto first_contact = flag_count(table, "first_contact", resolved);
  const auto reopened = flag_count(table, "reopened", resolved);
  const auto n_resolved = static_cast<std::int64_t>(times->n_resolved);
  std::optional<double> fcr, reopen;
  if (first_contact && n_resolved > 0) fcr = try_first_contact_resolution(*first_contact, n_resolved)->share;
  if (reopened && n_resolved > 0) reopen = try_reopen_rate(*reopened, n_resolved)->share;
  const auto unit = values["unit"].as<std::string>();
  const auto median = times->median();
  const auto p90 = times->percentile(0.9);
  std::optional<double> within;
  if (values.count("limit") != 0U) within = times->share_within(values["limit"].as<finite_number>().value);

  using nj = nlohmann::ordered_json;
  auto number = [](const std::optional<double>& x) { return x ? nj(*x) : nj(nullptr); };
  if (values.count("json") != 0U) {
    nj out;
    out["n"] = times->n;
    out["resolved"] = times->n_resolved;
    out["open"] = times->n_open;
    out["unit"] = unit;
    out["median"] = number(median);
    out["p90"] = number(p90);
    out["restricted_mean"] = times->restricted_mean;
    out["restricted_to"] = times->restricted_to;
    out["mean_is_lower_bound"] = times->mean_is_lower_bound;
    out["limit"] = values.count("limit") != 0U ? nj(values["limit"].as<finite_number>().value) : nj(nullptr);
    out["share_within_limit"] = number(within);
    out["first_contact_resolution"] = number(fcr);
    out["reopen_rate"] = number(reopen);
    streams.out << out.dump(2) << "\n";
    return exit_ok;
  }
  auto shown = [&unit](const std::optional<double>& x) {
    return x ? detail::fixed(*x, 2) + " " + unit : std::string("not reached (too many still open)");
  };
  streams.out << times->n << " complaints: " << times->n_resolved << " resolved, " << times->n_open
              << " open (censored at their age)\n"
              << "median time to resolution  " << shown(median) << "\n"
              << "90th percentile            " << shown(p90) << "\n"
              << "mean (to " << detail::fixed(times->restricted_to, 2) << " " << unit << ")  "
              << detail::fixed(times->restricted_mean, 2) << " " << unit
              << (times->mean_is_lower_bound ? " (a lower bound: the longest complaint is still open)" : "") << "\n";
  if (within)
    streams.out << "resolved within " << detail::fixed(values["limit"].as<finite_number>().value, 2) << " " << unit << "  "
                << detail::fixed(100 * *within, 1) << "%\n";
  if (fcr) streams.out << "first-contact resolution   " << detail::fixed(100 * *fcr, 1) << "%\n";
  if (reopen) streams.out << "reopen rate                " << detail::fixed(100 * *reopen, 1) << "%\n";
  return exit_ok;
}

}  // namespace excellence::cli
