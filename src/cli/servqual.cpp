// excellence servqual FILE.csv [--servperf] [--scale-min A] [--scale-max B]
//                              [--importance T,R,R,A,E] [--missing error|drop] [--json]
#include "command.hpp"

#include <excellence/detail/strings.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/satisfaction/servqual.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <limits>
#include <map>
#include <ostream>

namespace excellence::cli {

int servqual(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence servqual FILE.csv [options]\n\n"
      "SERVQUAL gaps (perception - expectation) per item and per dimension: columns\n"
      "respondent, item, dimension (tangibles, reliability, responsiveness, assurance,\n"
      "empathy), expectation and perception, one row per respondent and item. With\n"
      "--servperf only perceptions are used and the expectation column may be absent\n"
      "(docs/satisfaction.md).\n\noptions");
  const servqual_options defaults;
  options.add_options()("servperf", "score perceptions only (SERVPERF)")(
      "scale-min", po::value<int>()->default_value(defaults.scale_min), "lowest answer of the scale")(
      "scale-max", po::value<int>()->default_value(defaults.scale_max), "highest answer of the scale")(
      "importance", po::value<std::string>(), "weights of the five dimensions, e.g. 10,30,20,20,20")(
      "missing", po::value<std::string>()->default_value("error"),
      "error: an empty cell or absent row is an error; drop: drop the pair and count it")("json", "print JSON");
  const auto parsed = parse_file_command(args, options, "servqual", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const bool servperf_only = values.count("servperf") != 0U;
  const auto missing_name = values["missing"].as<std::string>();
  if (missing_name != "error" && missing_name != "drop") throw usage_error("--missing must be error or drop");
  servqual_options settings{values["scale-min"].as<int>(),
                            values["scale-max"].as<int>(),
                            missing_name == "drop" ? missing_answers::drop_pair : missing_answers::error,
                            {}};
  if (values.count("importance") != 0U) {
    auto importance = parse_number_list(values["importance"].as<std::string>());
    if (!importance) throw usage_error("--importance must be five numbers separated by commas, e.g. 10,30,20,20,20");
    settings.importance = std::move(*importance);
  }

  const auto table = try_read_csv(values["file"].as<std::string>()).value();
  const auto respondent = table.try_column("respondent").value();
  const auto item = table.try_column("item").value();
  const auto dimension = table.try_column("dimension").value();
  // With --missing drop an empty cell is a missing answer (the pair is dropped), else an error.
  auto answers = [&](const char* name) {
    if (settings.missing != missing_answers::drop_pair) return table.try_numbers(name).value();
    const auto column = table.try_number_column(name).value();
    std::vector<double> out(column.values.begin(), column.values.end());
    for (std::size_t r = 0; r < out.size(); ++r)
      if (column.missing[r] != 0) out[r] = std::numeric_limits<double>::quiet_NaN();
    return out;
  };
  const auto perception = answers("perception");
  const auto expectation = servperf_only ? std::vector<double>{} : answers("expectation");

  // Items and respondents in order of first appearance; each (respondent, item) once.
  std::vector<servqual_item> items;
  std::map<std::string, std::size_t> item_index;
  std::vector<std::string> respondents;
  std::map<std::string, std::size_t> respondent_index;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> row_of_pair;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::array<std::string, 3> row{table.text(r, respondent), table.text(r, item), table.text(r, dimension)};
    const auto& [who_id, item_id, dimension_name] = row;
    const auto dim = servqual_dimension_from_string(dimension_name);
    if (!dim)
      throw data_error(table.cell_error(errc::invalid_value, r, dimension,
                                        detail::concat("\"", dimension_name,
                                                       "\" is not tangibles, reliability, responsiveness, "
                                                       "assurance or empathy")));
    if (item_id.empty()) throw data_error(table.cell_error(errc::invalid_value, r, item, "an item needs an id"));
    if (who_id.empty())
      throw data_error(table.cell_error(errc::invalid_value, r, respondent, "a respondent needs an id"));
    const auto [it, added] = item_index.try_emplace(item_id, items.size());
    if (added) items.push_back({item_id, *dim});
    if (items[it->second].dimension != *dim)
      throw data_error(table.cell_error(errc::invalid_value, r, dimension,
                                        detail::concat("item \"", item_id, "\" was given dimension ",
                                                       to_string(items[it->second].dimension), " before")));
    const auto [who, new_respondent] = respondent_index.try_emplace(who_id, respondents.size());
    if (new_respondent) respondents.push_back(who_id);
    if (!row_of_pair.try_emplace({who->second, it->second}, r).second)
      throw data_error(table.cell_error(
          errc::duplicate_id, r, item,
          detail::concat("respondent \"", who_id, "\" answers item \"", item_id, "\" twice")));
  }
  if (table.row_count() == 0) throw data_error(diagnostic{errc::invalid_value, table.source(), 0, 0, "", "no answers"});

  // Row-major respondents x items; an absent row is a missing pair.
  const std::size_t k = items.size();
  constexpr double missing = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> p(respondents.size() * k, missing);
  std::vector<double> e(servperf_only ? 0 : p.size(), missing);
  std::vector<std::size_t> row_of(p.size(), table.row_count());
  for (const auto& [pair, r] : row_of_pair) {
    const auto at = pair.first * k + pair.second;
    p[at] = perception[r];
    if (!servperf_only) e[at] = expectation[r];
    row_of[at] = r;
  }
  if (settings.missing == missing_answers::error)
    for (std::size_t at = 0; at < p.size(); ++at)
      if (row_of[at] == table.row_count())
        throw data_error(diagnostic{errc::missing_field, table.source(), 0, 0, "",
                                    detail::concat("respondent \"", respondents[at / k], "\" has no row for item \"",
                                                   items[at % k].id, "\" (use --missing drop to drop the pair)")});

  const auto r = servperf_only ? try_servperf(items, p, settings) : try_servqual(items, e, p, settings);
  if (!r) {
    const auto& d = r.error();
    if (d.path.head() == "perceptions") throw_at_cell(table, d, "perception", &row_of);
    if (d.path.head() == "expectations") throw_at_cell(table, d, "expectation", &row_of);
    throw data_error(d);
  }

  using nj = nlohmann::ordered_json;
  if (values.count("json") != 0U) {
    nj out;
    out["model"] = servperf_only ? "servperf" : "servqual";
    out["respondents"] = r->respondents;
    out["dropped"] = r->dropped;
    auto& list = out["items"] = nj::array();
    for (const auto& i : r->items) {
      nj entry{{"item", i.id}, {"dimension", to_string(i.dimension)}};
      if (i.expectation) entry["expectation"] = *i.expectation;
      entry["perception"] = i.perception;
      if (i.expectation) entry["gap"] = i.score;
      entry["n"] = i.n;
      entry["dropped"] = i.dropped;
      list.push_back(entry);
    }
    auto& dims = out["dimensions"] = nj::array();
    for (const auto& d : r->dimensions) {
      nj entry{{"dimension", to_string(d.dimension)}, {"items", d.items}};
      if (d.expectation) entry["expectation"] = *d.expectation;
      entry["perception"] = d.perception;
      if (d.expectation) entry["gap"] = d.score;
      if (r->weighted) entry["weight"] = d.weight;
      dims.push_back(entry);
    }
    out["unweighted"] = r->unweighted;
    out["weighted"] = r->weighted ? nj(*r->weighted) : nj(nullptr);
    streams.out << out.dump(2) << "\n";
    return exit_ok;
  }
  const bool gaps = !servperf_only;
  auto add_row = [gaps](detail::text_table& t, std::vector<std::string> row, const std::optional<double>& expected,
                        double perceived, double score) {
    if (gaps) row.push_back(detail::fixed(expected.value_or(0.0), 2));
    row.push_back(detail::fixed(perceived, 2));
    if (gaps) row.push_back(detail::fixed(score, 2));
    t.add(std::move(row));
  };
  std::vector<std::string> head{"dimension", "items"};
  if (gaps) head.push_back("expectation");
  head.push_back("perception");
  if (gaps) head.push_back("gap");
  detail::text_table dims_table({1, 2, 3, 4});
  dims_table.add(head);
  dims_table.rule();
  for (const auto& d : r->dimensions)
    add_row(dims_table, {to_string(d.dimension), std::to_string(d.items)}, d.expectation, d.perception, d.score);
  head[0] = "item";
  head[1] = "dimension";
  detail::text_table items_table({2, 3, 4});
  items_table.add(head);
  items_table.rule();
  for (const auto& i : r->items)
    add_row(items_table, {i.id, to_string(i.dimension)}, i.expectation, i.perception, i.score);
  streams.out << (gaps ? "SERVQUAL (gap = perception - expectation)" : "SERVPERF (perceptions)") << ", "
              << r->respondents << " respondents, scale " << settings.scale_min << "-" << settings.scale_max;
  if (r->dropped > 0) streams.out << ", " << r->dropped << " missing pairs dropped";
  streams.out << "\n\n"
              << dims_table.str() << "\n"
              << (gaps ? "unweighted SERVQUAL " : "unweighted SERVPERF ") << detail::fixed(r->unweighted, 2) << "\n";
  if (r->weighted)
    streams.out << (gaps ? "weighted SERVQUAL   " : "weighted SERVPERF   ") << detail::fixed(*r->weighted, 2) << "\n";
  streams.out << "\n" << items_table.str();
  return exit_ok;
}

}  // namespace excellence::cli
