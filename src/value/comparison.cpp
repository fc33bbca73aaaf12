#include <excellence/value/batch.hpp>
#include <excellence/value/comparison.hpp>

#include <excellence/detail/strings.hpp>

#include <algorithm>
#include <map>

namespace excellence::inline v1 {

result<value_summary> try_value_summary(const value_answers& a, const value_summary_options& options) {
  using detail::concat;
  using detail::indexed;
  using detail::input_error;
  const std::size_t rows = a.offer.size();
  if (rows == 0) return input_error(errc::invalid_value, "offer", "no offers");
  if (!a.respondent.empty() && a.respondent.size() != rows)
    return input_error(errc::invalid_value, "respondent", "expected one respondent per row of offer");
  for (std::size_t c = 0; c < 8; ++c)
    if (a.amounts[c].size() != rows)
      return input_error(errc::invalid_value, std::string(to_string(value_components[c])),
                         "expected one amount per row of offer");

  // Group rows by respondent, keeping the file's order.
  // Both branches are views: a std::string branch would make the result a dangling temporary.
  auto who = [&](std::size_t r) {
    return a.respondent.empty() ? std::string_view() : std::string_view(a.respondent[r]);
  };
  std::vector<std::string_view> respondents;
  std::map<std::string_view, std::vector<std::size_t>> groups;
  for (std::size_t r = 0; r < rows; ++r) {
    if (a.offer[r].empty()) return input_error(errc::missing_field, indexed("offer", r), "the offer has no name");
    auto [it, added] = groups.try_emplace(who(r));
    if (added) respondents.push_back(who(r));
    for (const auto earlier : it->second)
      if (a.offer[earlier] == a.offer[r])
        return input_error(errc::duplicate_id, indexed("offer", r),
                           concat("offer \"", a.offer[r], "\" appears twice",
                                  a.respondent.empty() ? std::string() : concat(" for respondent ", who(r))));
    it->second.push_back(r);
  }
  if (options.sensitivity && respondents.size() != 1)
    return input_error(errc::invalid_value, "sensitivity", "choice shares need answers of one respondent");

  // Every respondent must judge the same offers, in any order; the batch rows put each
  // respondent's offers in the first respondent's order.
  const auto& first = groups.at(respondents.front());
  const std::size_t k = first.size();
  value_rows matrix(static_cast<Eigen::Index>(respondents.size() * k), 8);
  std::vector<std::size_t> row_of(respondents.size() * k);  // batch row -> input row
  for (std::size_t i = 0; i < respondents.size(); ++i) {
    const auto& group = groups.at(respondents[i]);
    if (group.size() != k)
      return input_error(errc::invalid_value, indexed("respondent", group.front()),
                         concat("respondent ", respondents[i], " judges ", std::to_string(group.size()),
                                " offers, the first respondent ", std::to_string(k)));
    for (const auto r : group) {
      const auto slot = static_cast<std::size_t>(
          std::find_if(first.begin(), first.end(), [&](std::size_t f) { return a.offer[f] == a.offer[r]; }) -
          first.begin());
      if (slot == k)
        return input_error(errc::invalid_value, indexed("offer", r),
                           concat("offer \"", a.offer[r], "\" is not among the first respondent's"));
      const auto at = i * k + slot;
      for (std::size_t c = 0; c < 8; ++c)
        matrix(static_cast<Eigen::Index>(at), static_cast<Eigen::Index>(c)) = a.amounts[c][r];
      row_of[at] = r;
    }
  }
  auto batch =
      try_batch_delivered_value(matrix, k, {.weights = options.weights, .tie_tolerance = options.tie_tolerance});
  if (!batch) {
    auto d = batch.error();
    // rows[i].component: the component's column at the input row.
    if (d.path.head() == "rows")
      detail::readdress(d, row_of, std::string(d.path.segments().size() > 2 ? d.path.leaf() : "offer"));
    return d;
  }

  value_summary out;
  out.respondents = respondents.size();
  out.weights = options.weights;
  out.sensitivity = options.sensitivity;
  for (std::size_t j = 0; j < k; ++j) {
    const auto column = static_cast<Eigen::Index>(j);
    offer_summary s;
    s.name = a.offer[first[j]];
    s.total_value = batch->total_value.col(column).mean();
    s.total_cost = batch->total_cost.col(column).mean();
    s.delivered_value = batch->delivered_value.col(column).mean();
    if (!std::isfinite(s.total_value) || !std::isfinite(s.total_cost) || !std::isfinite(s.delivered_value))
      return input_error(errc::out_of_range, indexed("offers", j),
                         concat("the value of offer \"", s.name, "\" overflows (amounts or weights too large)"));
    if (s.total_cost > 0) s.value_ratio = s.total_value / s.total_cost;
    if (s.value_ratio && !std::isfinite(*s.value_ratio))
      return input_error(errc::out_of_range, indexed("offers", j),
                         concat("the value ratio of offer \"", s.name, "\" overflows (its cost is too small)"));
    s.preferred_share = batch->preferred_share[j];
    out.offers.push_back(std::move(s));
  }
  // Overall preference: every offer with the largest share, by the same tie rule.
  double top = 0;
  for (const auto& s : out.offers) top = std::max(top, s.preferred_share);
  const double floor = top - options.tie_tolerance * std::max(1.0, top);
  for (const auto& s : out.offers)
    if (s.preferred_share >= floor) out.preferred.push_back(s.name);
  if (options.sensitivity) {
    std::vector<offer> offers;
    for (std::size_t j = 0; j < k; ++j) {
      offer o{out.offers[j].name, {}};
      for (std::size_t c = 0; c < 8; ++c) o.amounts[value_components[c]] = a.amounts[c][first[j]];
      offers.push_back(std::move(o));
    }
    const auto shares = try_choice_shares(offers, *options.sensitivity, options.weights);
    if (!shares) return shares.error();
    for (std::size_t j = 0; j < k; ++j) out.offers[j].choice_share = shares->shares[j];
  }
  return out;
}

}  // namespace excellence::inline v1
