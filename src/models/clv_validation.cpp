// Holdout validation of the repeat-purchase models (models/clv/validation.hpp).
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/ggomnbd.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/validation.hpp>

#include <excellence/detail/diagnose.hpp>
#include <excellence/detail/strings.hpp>

#include "clv_time.hpp"

#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace excellence::inline v1 {

using namespace std::chrono;

result<holdout_data> try_split_transactions(std::span<const transaction_record> records, sys_days end,
                                            sys_days holdout_end, clv_time_unit unit) {
  if (holdout_end <= end)
    return detail::input_error(errc::out_of_range, "holdout_end", "the holdout must end after the calibration end");
  auto summary = try_summarize_transactions(records, end, unit);
  if (!summary) return summary.error();
  holdout_data d;
  d.holdout_end = holdout_end;
  d.holdout_length = clv_core::elapsed(end, holdout_end, unit);
  const std::size_t n = summary->customers.size();
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index.emplace(summary->customers[i], i);
  // Every purchase day of the calibration customers up to the holdout end, with its value.
  std::vector<std::map<sys_days, double>> purchases(n);
  for (const auto& r : records) {
    if (r.date > holdout_end) {
      ++d.records_after_holdout;
      continue;
    }
    const auto it = index.find(r.customer);
    if (it != index.end()) purchases[it->second][r.date] += r.amount;
  }
  d.holdout_frequency.assign(n, 0.0);
  d.holdout_value.assign(n, 0.0);
  d.first_purchase.resize(n);
  sys_days origin = sys_days::max();
  for (std::size_t i = 0; i < n; ++i) {
    d.first_purchase[i] = purchases[i].begin()->first;
    origin = std::min(origin, d.first_purchase[i]);
    for (auto it = purchases[i].upper_bound(end); it != purchases[i].end(); ++it) {
      d.holdout_frequency[i] += 1;
      d.holdout_value[i] += it->second;
    }
  }
  // The grid: periods of one unit from the earliest first purchase, closed at the
  // calibration end and at the holdout end where they fall inside a period.
  for (int k = 1;; ++k) {
    const sys_days last = clv_core::units_after(origin, k, unit) - days{1};
    const sys_days first = clv_core::units_after(origin, k - 1, unit);
    if (end >= first && end < last) d.period_end.push_back(end);
    if (last >= holdout_end) {
      d.period_end.push_back(holdout_end);
      break;
    }
    d.period_end.push_back(last);
  }
  d.repeat_by_period.assign(d.period_end.size(), 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (auto it = std::next(purchases[i].begin()); it != purchases[i].end(); ++it) {
      const auto p = std::lower_bound(d.period_end.begin(), d.period_end.end(), it->first) - d.period_end.begin();
      d.repeat_by_period[static_cast<std::size_t>(p)] += 1;
    }
  d.calibration = std::move(*summary);
  return d;
}

namespace {

// What the validation needs of a transaction model: a new customer's E[X(t)] and P(X(t) = k).
struct transaction_model {
  std::function<double(double)> expected;
  std::function<double(double, std::int64_t)> probability;
};

// A model's new-customer functions at the parameters of its fit.
template <class Params>
result<transaction_model> model_with(const clv_fit& fit, double (*expected)(const Params&, double),
                                     double (*probability)(const Params&, double, std::int64_t)) {
  const auto p = Params::try_from(fit);
  if (!p) return p.error();
  return transaction_model{[q = *p, expected](double t) { return expected(q, t); },
                           [q = *p, probability](double t, std::int64_t k) { return probability(q, t, k); }};
}

result<transaction_model> model_of(const clv_fit& fit) {
  switch (fit.model) {
    case clv_model::bgnbd:
      return model_with<bgnbd_params>(fit, bgnbd_expected_transactions, bgnbd_probability_of_transactions);
    case clv_model::pnbd:
      return model_with<pnbd_params>(fit, pnbd_expected_transactions, pnbd_probability_of_transactions);
    case clv_model::mbgnbd:
      return model_with<mbgnbd_params>(fit, mbgnbd_expected_transactions, mbgnbd_probability_of_transactions);
    case clv_model::ggomnbd:
      return model_with<ggomnbd_params>(fit, ggomnbd_expected_transactions, ggomnbd_probability_of_transactions);
    default:
      return detail::input_error(errc::model_mismatch, "models", "not a transaction model in calendar time");
  }
}

// Pearson's χ² of observed against expected counts, the bins at either end pooled until
// each expects at least five; nullopt without a degree of freedom left.
void chi_square(holdout_model& m, const std::vector<count_bin>& bins, std::size_t which, std::size_t parameters) {
  std::vector<std::pair<double, double>> pooled;  // (observed, expected)
  for (const auto& b : bins) pooled.emplace_back(b.actual, b.expected[which]);
  while (pooled.size() > 1 && pooled.back().second < 5) {
    pooled[pooled.size() - 2].first += pooled.back().first;
    pooled[pooled.size() - 2].second += pooled.back().second;
    pooled.pop_back();
  }
  while (pooled.size() > 1 && pooled.front().second < 5) {
    pooled[1].first += pooled[0].first;
    pooled[1].second += pooled[0].second;
    pooled.erase(pooled.begin());
  }
  if (pooled.size() < parameters + 2) return;
  double x2 = 0;
  for (const auto& [o, e] : pooled) x2 += (o - e) * (o - e) / e;
  m.chi_square = x2;
  m.chi_square_df = pooled.size() - 1 - parameters;
  m.chi_square_p =
      boost::math::cdf(boost::math::complement(boost::math::chi_squared(static_cast<double>(m.chi_square_df)), x2));
}

}  // namespace

result<holdout_validation> try_validate_holdout(const holdout_data& data, const holdout_options& options,
                                                const model_control& control) {
  const auto& cal = data.calibration;
  const std::size_t n = cal.frequency.size();
  if (n == 0) return detail::input_error(errc::invalid_value, "calibration", "no customer in the calibration period");
  if (data.holdout_frequency.size() != n || data.first_purchase.size() != n ||
      data.repeat_by_period.size() != data.period_end.size())
    return detail::input_error(errc::invalid_value, "holdout_frequency",
                               "the holdout data do not match the calibration summary (use try_split_transactions)");
  if (options.models.empty()) return detail::input_error(errc::invalid_value, "models", "no model to validate");
  if (options.largest_count < 1)
    return detail::input_error(errc::out_of_range, "largest_count", "the histogram needs at least the counts 0 and 1+");
  holdout_validation v;
  v.unit = cal.unit;
  v.end = cal.end;
  v.holdout_end = data.holdout_end;
  v.holdout_length = data.holdout_length;
  v.customers = static_cast<double>(n);
  for (const double x : data.holdout_frequency) v.actual_total += x;
  if (v.actual_total == 0)
    return detail::input_error(errc::invalid_value, "holdout_frequency",
                               "no customer bought in the holdout: there is nothing to validate against");

  // Customers by first purchase day and by calibration age: the expectations depend on
  // nothing else, so each is computed once per distinct day or age.
  std::map<sys_days, double> born;
  std::map<double, double> by_age;
  for (std::size_t i = 0; i < n; ++i) {
    born[data.first_purchase[i]] += 1;
    by_age[cal.age[i]] += 1;
  }
  const std::size_t periods = data.period_end.size(), K = options.largest_count, M = options.models.size();
  v.tracking.resize(periods);
  double cumulative = 0;
  for (std::size_t k = 0; k < periods; ++k) {
    auto& row = v.tracking[k];
    row.last_day = data.period_end[k];
    row.holdout = row.last_day > cal.end;
    row.actual = data.repeat_by_period[k];
    cumulative += row.actual;
    row.actual_cumulative = cumulative;
  }
  v.histogram.resize(K + 1);
  v.by_frequency.resize(K + 1);
  for (std::size_t k = 0; k <= K; ++k) {
    v.histogram[k].count = v.by_frequency[k].frequency = k;
    v.histogram[k].or_more = v.by_frequency[k].or_more = k == K;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto bin = std::min(static_cast<std::size_t>(cal.frequency[i]), K);
    v.histogram[bin].actual += 1;
    v.by_frequency[bin].customers += 1;
    v.by_frequency[bin].actual += data.holdout_frequency[i];
  }

  const clv_columns columns{cal.frequency, cal.recency, cal.age, {}, {}};
  for (std::size_t m = 0; m < M; ++m) {
    const auto which = options.models[m];
    if (which == clv_model::bgbb || which == clv_model::gamma_gamma)
      return detail::input_error(errc::model_mismatch, detail::indexed("models", m),
                                 detail::concat("the ", title(which),
                                                " model is not a transaction model in calendar time: use bgnbd, pnbd, "
                                                "mbgnbd or ggomnbd"));
    auto fit = try_fit_clv(which, columns, options.fit, control);
    if (!fit) return fit.error();
    const auto model = model_of(*fit);
    if (!model) return model.error();
    auto predictions = try_clv_predict(*fit, columns, data.holdout_length, options.fit.threads);
    if (!predictions) return predictions.error();

    holdout_model out;
    const double k = static_cast<double>(fit->params.size());
    out.aic = 2 * k - 2 * fit->log_likelihood;
    out.bic = k * std::log(v.customers) - 2 * fit->log_likelihood;
    out.expected = std::move(predictions->expected_transactions);
    double abs_sum = 0, sq_sum = 0, mean_e = 0, mean_a = v.actual_total / v.customers;
    for (std::size_t i = 0; i < n; ++i) {
      const double e = out.expected[i], a = data.holdout_frequency[i];
      abs_sum += std::abs(e - a);
      sq_sum += (e - a) * (e - a);
      out.expected_total += e;
    }
    mean_e = out.expected_total / v.customers;
    double see = 0, saa = 0, sea = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double e = out.expected[i] - mean_e, a = data.holdout_frequency[i] - mean_a;
      see += e * e;
      saa += a * a;
      sea += e * a;
    }
    out.mae = abs_sum / v.customers;
    out.rmse = std::sqrt(sq_sum / v.customers);
    if (see > 0 && saa > 0) out.correlation = sea / std::sqrt(see * saa);
    out.aggregate_error = (out.expected_total - v.actual_total) / v.actual_total;

    // Tracking: each first-purchase day's customers expect E[X(age)] by each period's end.
    std::vector<double> expected_cumulative(periods, 0.0);
    for (const auto& [day, count] : born)
      for (std::size_t p = 0; p < periods; ++p)
        if (data.period_end[p] >= day)
          expected_cumulative[p] += count * model->expected(clv_core::elapsed(day, data.period_end[p], cal.unit));
    double previous = 0, cal_error = 0, hold_error = 0, cal_periods = 0, hold_periods = 0;
    for (std::size_t p = 0; p < periods; ++p) {
      auto& row = v.tracking[p];
      row.expected_cumulative.push_back(expected_cumulative[p]);
      row.expected.push_back(expected_cumulative[p] - previous);
      previous = expected_cumulative[p];
      if (row.actual_cumulative > 0) {
        const double error = std::abs(expected_cumulative[p] - row.actual_cumulative) / row.actual_cumulative;
        (row.holdout ? hold_error : cal_error) += error;
        (row.holdout ? hold_periods : cal_periods) += 1;
      }
    }
    out.calibration_mape = cal_periods > 0 ? cal_error / cal_periods : 0;
    out.holdout_mape = hold_periods > 0 ? hold_error / hold_periods : 0;

    // The histogram: Σ over customers of P(X(T) = k), the last bin the rest.
    double below = 0;
    for (std::size_t b = 0; b < K; ++b) {
      double expected = 0;
      for (const auto& [age, count] : by_age) expected += count * model->probability(age, static_cast<std::int64_t>(b));
      v.histogram[b].expected.push_back(expected);
      below += expected;
    }
    v.histogram[K].expected.push_back(v.customers - below);
    std::vector<double> sums(K + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i)
      sums[std::min(static_cast<std::size_t>(cal.frequency[i]), K)] += out.expected[i];
    for (std::size_t b = 0; b <= K; ++b)
      if (v.by_frequency[b].customers > 0) v.by_frequency[b].expected.push_back(sums[b] / v.by_frequency[b].customers);
    chi_square(out, v.histogram, m, fit->params.size());
    out.fit = std::move(*fit);
    v.models.push_back(std::move(out));
  }
  std::erase_if(v.by_frequency, [](const frequency_group& g) { return g.customers == 0; });
  for (auto& g : v.by_frequency) g.actual /= g.customers;
  return v;
}

}  // namespace excellence::inline v1
