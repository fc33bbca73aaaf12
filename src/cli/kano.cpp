// excellence kano FILE.csv [--tie-margin P] [--json]
#include "command.hpp"

#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/satisfaction/kano.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace excellence::cli {

int kano(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence kano FILE.csv [options]\n\n"
      "Kano classification: columns attribute, functional and dysfunctional, one row per\n"
      "respondent and attribute; answers 1 like, 2 must-be, 3 neutral, 4 live with,\n"
      "5 dislike. Prints the category counts, the modal category (ties M > O > A > I),\n"
      "Better, Worse and the questionable share per attribute (docs/satisfaction.md).\n\noptions");
  options.add_options()("tie-margin", po::value<finite_number>()->default_value(finite_number{0.0}, "0"),
                        "categories within this many percentage points of the top one count as tied")("json",
                                                                                                      "print JSON");
  const auto parsed = parse_file_command(args, options, "kano", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto attribute = table.try_column("attribute").value();
  const auto functional = table.try_numbers("functional").value();
  const auto dysfunctional = table.try_numbers("dysfunctional").value();

  // Attributes in order of first appearance, each with the rows that answer it.
  std::vector<std::string> names;
  std::vector<std::vector<std::size_t>> rows;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const auto& name = table.text(r, attribute);
    if (name.empty())
      throw data_error(table.cell_error(errc::invalid_value, r, attribute, "an attribute needs a name"));
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      names.push_back(name);
      rows.emplace_back();
      it = names.end() - 1;
    }
    rows[static_cast<std::size_t>(it - names.begin())].push_back(r);
  }
  if (names.empty()) throw data_error(diagnostic{errc::invalid_value, table.source(), 0, 0, "", "no answers"});
  const kano_options settings{.tie_margin = values["tie-margin"].as<finite_number>().value};
  std::vector<kano_result> results;
  for (const auto& group : rows) {
    std::vector<double> f, d;
    for (const auto r : group) {
      f.push_back(functional[r]);
      d.push_back(dysfunctional[r]);
    }
    const auto r = try_kano(f, d, settings);
    if (!r) throw_at_cell(table, r.error(), {}, &group);
    results.push_back(*r);
  }

  using nj = nlohmann::ordered_json;
  auto number = [](const std::optional<double>& x) { return x ? nj(*x) : nj(nullptr); };
  if (values.count("json") != 0U) {
    nj out;
    out["tie_margin"] = settings.tie_margin;
    auto& list = out["attributes"] = nj::array();
    for (std::size_t a = 0; a < names.size(); ++a) {
      const auto& r = results[a];
      nj counts;
      for (std::size_t c = 0; c < kano_category_count; ++c)
        counts[to_string(static_cast<kano_category>(c))] = r.counts[c];
      list.push_back({{"attribute", names[a]},
                      {"n", r.n},
                      {"counts", counts},
                      {"category", to_string(r.category)},
                      {"tie_broken", r.tie_broken},
                      {"better", number(r.better)},
                      {"worse", number(r.worse)},
                      {"questionable_share", r.questionable_share},
                      {"total_strength", r.total_strength},
                      {"category_strength", r.category_strength},
                      {"fong_significant", r.fong_significant}});
    }
    streams.out << out.dump(2) << "\n";
    return exit_ok;
  }
  detail::text_table t({1, 2, 3, 4, 5, 6, 7, 9, 10, 11});
  t.add({"attribute", "n", "A", "O", "M", "I", "R", "Q", "category", "Better", "Worse", "Q %"});
  t.rule();
  auto fixed = [](const std::optional<double>& x) { return x ? detail::fixed(*x, 2) : std::string("-"); };
  for (std::size_t a = 0; a < names.size(); ++a) {
    const auto& r = results[a];
    std::vector<std::string> row{names[a], std::to_string(r.n)};
    for (const auto count : r.counts) row.push_back(std::to_string(count));
    std::string category = to_string(r.category);
    if (r.tie_broken) category += " (tie)";
    row.push_back(category);
    row.push_back(fixed(r.better));
    row.push_back(fixed(r.worse));
    row.push_back(detail::fixed(r.questionable_share, 1));
    t.add(row);
  }
  streams.out << t.str();
  return exit_ok;
}

}  // namespace excellence::cli
