#include <excellence/loyalty/segmentation.hpp>

#include "../detail/repeats.hpp"

#include <map>

namespace excellence::inline v1 {

std::string segment_code(const rfm_score& s, int bins) {
  if (bins < 10)
    return detail::concat(std::to_string(s.recency), std::to_string(s.frequency), std::to_string(s.monetary));
  return detail::concat(std::to_string(s.recency), ".", std::to_string(s.frequency), ".", std::to_string(s.monetary));
}

result<rfm_analysis> try_rfm_analysis(std::span<const std::string> customers, std::span<const double> recency,
                                      std::span<const double> frequency, std::span<const double> monetary,
                                      const rfm_options& options) {
  if (customers.size() != recency.size())
    return detail::input_error(errc::invalid_value, "customer", "expected one customer id per row");
  for (std::size_t i = 0; i < customers.size(); ++i)
    if (customers[i].empty())
      return detail::input_error(errc::missing_field, detail::indexed("customer", i), "the customer has no id");
  if (const auto repeat = detail::first_repeat(customers))
    return detail::input_error(
        errc::duplicate_id, detail::indexed("customer", repeat->first),
        detail::concat("customer \"", customers[repeat->first], "\" appears twice (first in row ",
                       std::to_string(repeat->second + 1), " of the data)"));
  auto scores = try_rfm(recency, frequency, monetary, options);
  if (!scores) return scores.error();
  rfm_analysis out;
  out.customers.assign(customers.begin(), customers.end());
  // Ordered by score triple, best first; codes sort the same way only below 10 bins.
  std::map<std::array<int, 3>, std::size_t, std::greater<>> counts;
  for (const auto& s : scores->scores) ++counts[{s.recency, s.frequency, s.monetary}];
  for (const auto& [key, n] : counts) out.segments.push_back({segment_code({key[0], key[1], key[2]}, scores->bins), n});
  out.scores = *std::move(scores);
  // Undefined for losses or a zero total (absent); an overflowing total is an error.
  auto spread = try_concentration(monetary);
  if (spread) {
    out.concentration = *std::move(spread);
  } else if (spread.error().code == errc::out_of_range && !spread.error().element()) {
    auto d = spread.error();
    d.path = "monetary";
    return d;
  }
  return out;
}

}  // namespace excellence::inline v1
