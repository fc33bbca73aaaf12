#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/text_table.hpp>
#include <excellence/models/clv/transactions.hpp>

#include "clv_time.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
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

std::string format_date(sys_days day) {
  const year_month_day d{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return text;
}

namespace {

// A number as the statement prints it: whole numbers without decimals, others to 1e-6.
std::string horizon_number(double v) {
  return detail::fixed(v, v == std::floor(v) && std::abs(v) < 1e15 ? 0 : 6);
}

std::string amount_of(double v, clv_time_unit unit) {
  std::string out = horizon_number(v) + " " + to_string(unit);
  if (v == 1) out.pop_back();  // "1 month"
  return out;
}

}  // namespace

result<clv_horizon> try_clv_horizon(double amount, clv_time_unit unit, clv_time_unit model_unit,
                                    std::optional<sys_days> from) {
  if (!std::isfinite(amount) || !(amount > 0))
    return detail::input_error(errc::out_of_range, "amount", "the horizon must be a finite number > 0");
  constexpr double month_days = 365.2425 / 12;  // the mean Gregorian month
  auto in_days = [](clv_time_unit u) { return u == clv_time_unit::weeks ? 7.0 : 1.0; };
  clv_horizon h;
  const bool calendar = (unit == clv_time_unit::months) != (model_unit == clv_time_unit::months);
  if (!calendar) {
    // The same unit, or days and weeks: an exact ratio.
    h.length = amount * in_days(unit) / in_days(model_unit);
    h.statement = amount_of(amount, unit);
    if (unit != model_unit) h.statement += " = " + amount_of(h.length, model_unit);
    return h;
  }
  if (!from) {
    const double days = unit == clv_time_unit::months ? amount * month_days : amount * in_days(unit);
    h.length = model_unit == clv_time_unit::months ? days / month_days : days / in_days(model_unit);
    h.statement =
        amount_of(amount, unit) + " = " + amount_of(h.length, model_unit) + " (mean Gregorian month of 30.436875 days)";
    return h;
  }
  sys_days to = *from;
  if (unit == clv_time_unit::months) {
    if (amount != std::floor(amount) || amount > 120'000)
      return detail::input_error(errc::out_of_range, "amount",
                                 "from a start date the months must be a whole number (the calendar has no fraction "
                                 "of a month that fits every month)");
    to = clv_core::units_after(*from, static_cast<int>(amount), clv_time_unit::months);
  } else {
    const double days = amount * in_days(unit);
    if (days != std::floor(days) || days > 4e7)
      return detail::input_error(errc::out_of_range, "amount",
                                 "from a start date the horizon must be whole days when the model counts months");
    to = *from + std::chrono::days(static_cast<int>(days));
  }
  h.length = elapsed(*from, to, model_unit);
  h.statement = amount_of(amount, unit) + " from " + format_date(*from) + " (to " + format_date(to) +
                ") = " + amount_of(h.length, model_unit);
  return h;
}

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
