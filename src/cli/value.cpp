// excellence value FILE.csv [--weight COMPONENT=W]... [--sensitivity L] [--json]
#include "command.hpp"

#include <excellence/detail/strings.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/value/batch.hpp>
#include <excellence/value/delivered_value.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <ostream>

namespace excellence::cli {

namespace {

value_profile parse_weights(const std::vector<std::string>& specs) {
  value_profile weights = unit_weights;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    bool known = false;
    if (eq != std::string::npos) {
      for (auto c : value_components) {
        if (spec.compare(0, eq, to_string(c)) != 0) continue;
        double w = 0;
        try {
          std::size_t used = 0;
          w = std::stod(spec.substr(eq + 1), &used);
          if (used != spec.size() - eq - 1) throw std::invalid_argument(spec);
        } catch (const std::exception&) {
          throw usage_error("--weight " + spec + ": the weight is not a number");
        }
        weights[c] = w;
        known = true;
      }
    }
    if (!known)
      throw usage_error(
          "--weight takes COMPONENT=W with a component of product, service, personnel, image, monetary, time, energy, "
          "physical");
  }
  return weights;
}

struct offer_rows {
  std::vector<offer> offers;
  std::vector<std::size_t> rows;  // table row of each offer
};

}  // namespace

int value(const std::vector<std::string>& args, io streams) {
  namespace po = boost::program_options;
  po::options_description options(
      "excellence value FILE.csv [options]\n\n"
      "Customer delivered value of offers: total customer value (product, service,\n"
      "personnel, image) minus total customer cost (monetary, time, energy, physical).\n"
      "Columns: offer,product,service,personnel,image,monetary,time,energy,physical;\n"
      "add a respondent column for many respondents (docs/value.md).\n\noptions");
  options.add_options()("weight", po::value<std::vector<std::string>>(),
                        "COMPONENT=W, e.g. product=2 (repeatable; default 1 each)")(
      "sensitivity", po::value<finite_number>(), "also print logit choice shares with this sensitivity (one respondent)")(
      "json", "print JSON");
  const auto parsed = parse_file_command(args, options, "value", streams);
  if (!parsed) return exit_ok;
  const auto& values = *parsed;
  const auto weights = parse_weights(values.count("weight") != 0U ? values["weight"].as<std::vector<std::string>>()
                                                                  : std::vector<std::string>{});
  const auto table = try_read_csv(values["file"].as<std::string>()).value();

  const std::size_t offer_column = table.try_column("offer").value();
  std::array<std::vector<double>, 8> amounts;
  for (std::size_t c = 0; c < 8; ++c) amounts[c] = table.try_numbers(to_string(value_components[c])).value();
  const auto respondent_column = table.find("respondent");

  // Group rows by respondent, keeping the file's order.
  std::vector<std::string> respondents;
  std::map<std::string, offer_rows> groups;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const std::string who = respondent_column ? table.text(r, *respondent_column) : std::string();
    auto [it, added] = groups.try_emplace(who);
    if (added) respondents.push_back(who);
    offer o;
    o.name = table.text(r, offer_column);
    if (o.name.empty())
      throw data_error(table.cell_error(errc::missing_field, r, offer_column, "the offer has no name"));
    for (const auto& earlier : it->second.offers)
      if (earlier.name == o.name)
        throw data_error(table.cell_error(
            errc::duplicate_id, r, offer_column,
            "offer \"" + o.name + "\" appears twice" + (respondent_column ? " for respondent " + who : std::string())));
    o.amounts = {amounts[0][r], amounts[1][r], amounts[2][r], amounts[3][r],
                 amounts[4][r], amounts[5][r], amounts[6][r], amounts[7][r]};
    it->second.offers.push_back(std::move(o));
    it->second.rows.push_back(r);
  }

  // Every respondent must judge the same offers, in any order; the batch rows put each
  // respondent's offers in the first respondent's order.
  const auto& first = groups.at(respondents.front()).offers;
  std::vector<std::string> names;
  for (const auto& o : first) names.push_back(o.name);
  const std::size_t offers_per_respondent = names.size();
  value_rows rows(static_cast<Eigen::Index>(respondents.size() * offers_per_respondent), 8);
  std::vector<std::size_t> row_of(respondents.size() * offers_per_respondent);  // batch row -> file row
  for (std::size_t r = 0; r < respondents.size(); ++r) {
    const auto& who = respondents[r];
    const auto& group = groups.at(who);
    if (group.offers.size() != offers_per_respondent)
      throw data_error(table.cell_error(errc::invalid_value, group.rows.front(), *respondent_column,
                                        "respondent " + who + " judges " + std::to_string(group.offers.size()) +
                                            " offers, the first respondent " + std::to_string(offers_per_respondent)));
    for (std::size_t j = 0; j < offers_per_respondent; ++j) {
      const auto slot =
          static_cast<std::size_t>(std::find(names.begin(), names.end(), group.offers[j].name) - names.begin());
      if (slot == offers_per_respondent)
        throw data_error(
            table.cell_error(errc::invalid_value, group.rows[j], offer_column,
                             "offer \"" + group.offers[j].name + "\" is not among the first respondent's"));
      const auto at = r * offers_per_respondent + slot;
      for (std::size_t c = 0; c < 8; ++c)
        rows(static_cast<Eigen::Index>(at), static_cast<Eigen::Index>(c)) =
            group.offers[j].amounts[value_components[c]];
      row_of[at] = group.rows[j];
    }
  }
  const auto batch = try_batch_delivered_value(rows, offers_per_respondent, {.weights = weights});
  if (!batch) throw_at_cell(table, batch.error(), {}, &row_of);  // rows[i].component
  const auto& preferred_share = batch->preferred_share;
  std::vector<offer_value> totals(offers_per_respondent);
  for (std::size_t j = 0; j < offers_per_respondent; ++j) {
    const auto column = static_cast<Eigen::Index>(j);
    totals[j].name = names[j];
    totals[j].total_value = batch->total_value.col(column).mean();
    totals[j].total_cost = batch->total_cost.col(column).mean();
    totals[j].delivered_value = batch->delivered_value.col(column).mean();
    if (totals[j].total_cost > 0) totals[j].value_ratio = totals[j].total_value / totals[j].total_cost;
  }
  // Overall preference: every offer with the largest share (one respondent: the comparison's).
  const double top = *std::max_element(preferred_share.begin(), preferred_share.end());
  std::vector<std::string> preferred;
  for (std::size_t k = 0; k < names.size(); ++k)
    if (preferred_share[k] == top) preferred.push_back(names[k]);
  std::optional<choice_shares> shares;
  if (values.count("sensitivity") != 0U) {
    if (respondents.size() != 1) throw usage_error("--sensitivity needs a file with one respondent");
    shares =
        try_choice_shares(groups.at(respondents.front()).offers, values["sensitivity"].as<finite_number>().value, weights).value();
  }

  if (values.count("json") != 0U) {
    nlohmann::ordered_json out;
    out["respondents"] = respondents.size();
    auto& list = out["offers"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < totals.size(); ++k) {
      nlohmann::ordered_json entry;
      entry["offer"] = names[k];
      entry["total_value"] = totals[k].total_value;
      entry["total_cost"] = totals[k].total_cost;
      entry["delivered_value"] = totals[k].delivered_value;
      entry["value_ratio"] =
          totals[k].value_ratio ? nlohmann::ordered_json(*totals[k].value_ratio) : nlohmann::ordered_json(nullptr);
      entry["preferred_share"] = preferred_share[k];
      if (shares) entry["choice_share"] = shares->shares[k];
      list.push_back(std::move(entry));
    }
    out["preferred"] =
        preferred.size() == 1 ? nlohmann::ordered_json(preferred.front()) : nlohmann::ordered_json(preferred);
    streams.out << out.dump(2) << "\n";
    return exit_ok;
  }
  detail::text_table t({1, 2, 3, 4, 5, 6});
  std::vector<std::string> head{"offer", "value", "cost", "delivered", "ratio", "preferred"};
  if (shares) head.push_back("logit share");
  t.add(head);
  t.rule();
  for (std::size_t k = 0; k < totals.size(); ++k) {
    std::vector<std::string> row{names[k],
                                 detail::fixed(totals[k].total_value, 2),
                                 detail::fixed(totals[k].total_cost, 2),
                                 detail::fixed(totals[k].delivered_value, 2),
                                 totals[k].value_ratio ? detail::fixed(*totals[k].value_ratio, 3) : "-",
                                 detail::fixed(100 * preferred_share[k], 1) + "%"};
    if (shares) row.push_back(detail::fixed(100 * shares->shares[k], 1) + "%");
    t.add(row);
  }
  streams.out << (respondents.size() > 1 ? "means over " + std::to_string(respondents.size()) + " respondents\n" : "")
              << t.str() << "preferred: " << detail::join(preferred, ", ") << (preferred.size() > 1 ? " (tied)" : "")
              << "\n";
  return exit_ok;
}

}  // namespace excellence::cli
