#include <excellence/loyalty/cohort.hpp>

namespace excellence::inline v1 {

result<cohort_table> try_cohort_retention(std::span<const std::string> customers, std::span<const std::string> periods,
                                          time_unit unit) {
  if (periods.size() != customers.size())
    return detail::input_error(errc::invalid_value, "period", "expected one period per customer row");
  std::vector<activity_record> records;
  records.reserve(customers.size());
  std::optional<period_notation> notation;
  for (std::size_t r = 0; r < periods.size(); ++r) {
    const auto p = parse_period_label(periods[r], unit);
    if (!p)
      return detail::input_error(errc::invalid_value, detail::indexed("period", r),
                                 detail::concat("\"", periods[r], "\" is not a period: expected a whole number",
                                                unit == time_unit::month     ? " or YYYY-MM"
                                                : unit == time_unit::quarter ? " or YYYY-Qn"
                                                                             : ""));
    if (notation && *notation != p->notation)
      return detail::input_error(errc::invalid_value, detail::indexed("period", r),
                                 "periods are written in two forms (numbers and calendar labels)");
    notation = p->notation;
    records.push_back({customers[r], p->index});
  }
  auto t = try_cohort_retention(records, {1, unit});
  if (!t) {
    auto d = t.error();
    if (const auto i = d.element(); i && d.path.head() == "records") d.path = detail::indexed("customer", *i);
    return d;
  }
  t->notation = notation.value_or(period_notation::number);
  return t;
}

}  // namespace excellence::inline v1
