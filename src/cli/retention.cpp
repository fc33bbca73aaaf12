// excellence retention FILE.csv [--unit month|quarter|year|week|day] [--measure retained|active] [--json]
#include "command.hpp"

#include <excellence/detail/strings.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/loyalty/cohort.hpp>

#include <nlohmann/json.hpp>

#include <charconv>
#include <ostream>

namespace excellence::cli {

namespace {

// How the period column is written: plain consecutive integers, or calendar labels
// (YYYY-MM with --unit month, YYYY-Qn with --unit quarter) turned into a running number.
enum class period_form { number, month_label, quarter_label };

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::int64_t> whole(std::string_view s) {
  std::int64_t v = 0;
  const char* first = s.data();
  if (!s.empty() && *first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// The period number of a cell, and the form it was written in.
std::optional<std::pair<std::int64_t, period_form>> read_period(std::string_view s, time_unit unit) {
  if (auto v = whole(s)) return std::pair{*v, period_form::number};
  if (s.size() == 7 && s[4] == '-' && digits(s.substr(0, 4))) {
    const auto year = *whole(s.substr(0, 4));
    if (unit == time_unit::month && digits(s.substr(5))) {
      const auto month = *whole(s.substr(5));
      if (month >= 1 && month <= 12) return std::pair{year * 12 + month - 1, period_form::month_label};
    }
    if (unit == time_unit::quarter && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4')
      return std::pair{year * 4 + (s[6] - '1'), period_form::quarter_label};
  }
  return std::nullopt;
}

std::string label(std::int64_t p, period_form form) {
  auto padded = [](std::int64_t v, std::size_t width) {
    auto s = std::to_string(v);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
  };
  switch (form) {
    case period_form::number:
      return std::to_string(p);
    case period_form::month_label:
      return detail::concat(padded(p / 12, 4), "-", padded(p % 12 + 1, 2));
    case period_form::quarter_label:
      return detail::concat(padded(p / 4, 4), "-Q", std::to_string(p % 4 + 1));
  }
  return std::to_string(p);
}

}  // namespace

int retention(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence retention FILE.csv [options]\n\n"
      "Cohort retention table from activity records: columns customer and period, one row\n"
      "per customer and period in which the customer was active. Periods are consecutive\n"
      "integers, or YYYY-MM (--unit month) or YYYY-Qn (--unit quarter). A customer's cohort\n"
      "is the first period; retained = still seen at that age or later (docs/loyalty.md).\n\noptions");
  options.add_options()("unit", po::value<std::string>()->default_value("month"),
                        "the period unit: day, week, month, quarter or year")(
      "measure", po::value<std::string>()->default_value("retained"),
      "the table's cells: retained (seen at that age or later) or active (active in that period)")("json",
                                                                                                   "print JSON");
  const auto parsed = parse_file_command(args, options, "retention", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto unit_name = values["unit"].as<std::string>();
  std::optional<time_unit> unit;
  for (const auto u : {time_unit::day, time_unit::week, time_unit::month, time_unit::quarter, time_unit::year})
    if (unit_name == to_string(u)) unit = u;
  if (!unit) throw usage_error("--unit must be day, week, month, quarter or year");
  const auto measure = values["measure"].as<std::string>();
  if (measure != "retained" && measure != "active") throw usage_error("--measure must be retained or active");

  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto customer = table.try_column("customer").value();
  const auto period_column = table.try_column("period").value();
  std::vector<activity_record> records;
  records.reserve(table.row_count());
  std::optional<period_form> form;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const auto& cell = table.text(r, period_column);
    const auto p = read_period(cell, *unit);
    if (!p)
      throw data_error(table.cell_error(errc::invalid_value, r, period_column,
                                        detail::concat("\"", cell, "\" is not a period: expected a whole number",
                                                       *unit == time_unit::month     ? " or YYYY-MM"
                                                       : *unit == time_unit::quarter ? " or YYYY-Qn"
                                                                                     : "")));
    if (form && *form != p->second)
      throw data_error(table.cell_error(errc::invalid_value, r, period_column,
                                        "periods are written in two forms (numbers and calendar labels)"));
    form = p->second;
    records.push_back({table.text(r, customer), p->first});
  }
  const auto t = try_cohort_retention(records, {1, *unit});
  if (!t) throw_at_cell(table, t.error());
  const auto f = form.value_or(period_form::number);
  const bool retained = measure == "retained";

  if (values.count("json") != 0U) {
    nlohmann::ordered_json out;
    out["unit"] = unit_name;
    out["customers"] = t->customers;
    out["records"] = t->records;
    out["repeated"] = t->repeated;
    out["first_period"] = label(t->first_period, f);
    out["last_period"] = label(t->last_period, f);
    auto& cohorts = out["cohorts"] = nlohmann::ordered_json::array();
    for (const auto& c : t->cohorts)
      cohorts.push_back({{"cohort", label(c.cohort, f)},
                         {"size", c.size},
                         {"retained", c.retained},
                         {"retention", c.retention},
                         {"active", c.active},
                         {"active_share", c.active_share}});
    out["retention_by_age"] = t->retention_by_age;
    out["active_share_by_age"] = t->active_share_by_age;
    streams.out << out.dump(2) << "\n";
    return exit_ok;
  }
  const std::size_t ages = t->retention_by_age.size();
  std::vector<std::size_t> right;
  for (std::size_t a = 1; a <= ages + 1; ++a) right.push_back(a);
  detail::text_table table_out(right);
  std::vector<std::string> head{"cohort", "customers"};
  for (std::size_t a = 0; a < ages; ++a) head.push_back(std::to_string(a));
  table_out.add(head);
  table_out.rule();
  for (const auto& c : t->cohorts) {
    std::vector<std::string> row{label(c.cohort, f), std::to_string(c.size)};
    for (const double share : retained ? c.retention : c.active_share) row.push_back(detail::fixed(100 * share, 1));
    table_out.add(row);
  }
  table_out.rule();
  std::vector<std::string> pooled{"all", std::to_string(t->customers)};
  for (const double share : retained ? t->retention_by_age : t->active_share_by_age)
    pooled.push_back(detail::fixed(100 * share, 1));
  table_out.add(pooled);
  streams.out << (retained ? "Retained" : "Active") << " customers, % of cohort, by age in " << unit_name << "s ("
              << t->customers << " customers, " << t->records << " records";
  if (t->repeated > 0) streams.out << ", " << t->repeated << " repeated records merged";
  streams.out << ")\n\n" << table_out.str();
  return exit_ok;
}

}  // namespace excellence::cli
