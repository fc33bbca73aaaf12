#include <excellence/detail/diagnose.hpp>
#include <excellence/models/clv/transactions.hpp>

#include "clv_time.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

namespace excellence::inline v1 {

using namespace std::chrono;

std::optional<sys_days> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto number = [&](std::size_t at, std::size_t len, auto& out) {
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + len, out);
    return ec == std::errc() && end == text.data() + at + len;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

using clv_core::elapsed;

result<transaction_summary> try_summarize_transactions(std::span<const transaction_record> records, sys_days end,
                                                       clv_time_unit unit) {
  if (records.empty()) return detail::input_error(errc::invalid_value, "records", "no transactions");
  struct history {
    std::map<sys_days, double> days{};  // purchase days in the calibration period, with their value
  };
  std::unordered_map<std::string, std::size_t> index;
  std::vector<history> customers;
  transaction_summary s;
  s.unit = unit;
  s.end = end;
  s.records = records.size();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    if (r.customer.empty())
      return detail::input_error(errc::invalid_value, detail::element_field("records", i, "customer"),
                                 "a customer id cannot be empty");
    if (!std::isfinite(r.amount))
      return detail::input_error(errc::invalid_value, detail::element_field("records", i, "amount"),
                                 "an amount must be a finite number");
    const auto [it, added] = index.try_emplace(r.customer, customers.size());
    if (added) {
      customers.emplace_back();
      names.push_back(r.customer);
    }
    if (r.date > end) {
      ++s.after_end;
      continue;
    }
    auto& days = customers[it->second].days;
    const auto [day, first] = days.try_emplace(r.date, 0.0);
    if (!first) ++s.merged;
    day->second += r.amount;
  }
  for (std::size_t c = 0; c < customers.size(); ++c) {
    const auto& days = customers[c].days;
    if (days.empty()) {
      ++s.customers_after_end;
      continue;
    }
    const sys_days first = days.begin()->first;
    const sys_days last = days.rbegin()->first;
    const double x = static_cast<double>(days.size() - 1);
    double repeat_value = 0;
    for (auto it = std::next(days.begin()); it != days.end(); ++it) repeat_value += it->second;
    s.customers.push_back(names[c]);
    s.frequency.push_back(x);
    s.recency.push_back(elapsed(first, last, unit));
    s.age.push_back(elapsed(first, end, unit));
    s.monetary_value.push_back(x > 0 ? repeat_value / x : 0.0);
  }
  return s;
}

}  // namespace excellence::inline v1
