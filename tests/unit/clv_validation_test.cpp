// Holdout validation on the CDNOW sample: the split reproduces BTYD's weekly tracking and
// holdout counts exactly; every table is checked against a per-customer computation here.
#include <excellence/detail/strings.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/validation.hpp>
#include <excellence/report/clv_html.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include "test_support.hpp"

#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace excellence;

namespace {

const holdout_data& cdnow_split() {
  static const holdout_data d = [] {
    const auto table = read_csv(test::data_dir / "clv" / "cdnow_sample_transactions.csv");
    const auto customer = table.column("customer_id");
    const auto date = table.column("date");
    const auto amounts = table.numbers("dollar_value");
    std::vector<transaction_record> records;
    for (std::size_t r = 0; r < table.row_count(); ++r)
      records.push_back({table.text(r, customer), parse_date(table.text(r, date)).value(), amounts[r]});
    return split_transactions(records, parse_date("1997-09-30").value(), parse_date("1998-06-30").value(),
                              clv_time_unit::weeks);
  }();
  return d;
}

}  // namespace

TEST_CASE("holdout split: CDNOW's weekly tracking and holdout counts, exactly") {
  const auto& d = cdnow_split();
  REQUIRE(d.calibration.customers.size() == 2357);
  CHECK(d.holdout_length == 39);  // 1997-09-30 to 1998-06-30: 273 days
  // BTYD's cu.tracking: cumulative repeat transactions at the end of each of the 78 weeks.
  const auto tracking = read_csv(test::data_dir / "clv" / "cdnow_weekly_cum_repeat.csv");
  const auto cumulative = tracking.numbers("cum_repeat_transactions");
  REQUIRE(d.period_end.size() == 78);
  double sum = 0;
  for (std::size_t w = 0; w < 78; ++w) {
    sum += d.repeat_by_period[w];
    INFO("week " << w + 1);
    CHECK(sum == cumulative[w]);
  }
  CHECK(d.period_end[38] == parse_date("1997-09-30").value());
  CHECK(d.period_end[77] == parse_date("1998-06-30").value());
  // The holdout column of cdnow_summary.csv (BTYD's x.star), customer by customer.
  const auto summary = read_csv(test::data_dir / "clv" / "cdnow_summary.csv");
  const auto ids = summary.texts("customer_id");
  const auto x_star = summary.numbers("holdout_frequency");
  std::map<std::string, double> expected;
  for (std::size_t i = 0; i < ids.size(); ++i) expected[ids[i]] = x_star[i];
  double total = 0;
  for (std::size_t i = 0; i < 2357; ++i) {
    CHECK(d.holdout_frequency[i] == expected.at(d.calibration.customers[i]));
    total += d.holdout_frequency[i];
    CHECK(d.holdout_value[i] >= 0);
    CHECK((d.holdout_value[i] > 0) == (d.holdout_frequency[i] > 0));
  }
  CHECK(total == 1882);

  // A calibration end inside a week closes a period of its own; so does the holdout end.
  const std::vector<transaction_record> few{{"a", parse_date("2024-01-01").value(), 1},
                                            {"a", parse_date("2024-01-10").value(), 1},
                                            {"a", parse_date("2024-01-20").value(), 1}};
  const auto split =
      split_transactions(few, parse_date("2024-01-11").value(), parse_date("2024-01-17").value(), clv_time_unit::weeks);
  // Weeks from Monday 1 January: 1-7, 8-11 (to the calibration end), 12-14, 15-17 (to the holdout end).
  REQUIRE(split.period_end.size() == 4);
  CHECK(split.period_end[0] == parse_date("2024-01-07").value());
  CHECK(split.period_end[1] == parse_date("2024-01-11").value());
  CHECK(split.period_end[2] == parse_date("2024-01-14").value());
  CHECK(split.period_end[3] == parse_date("2024-01-17").value());
  CHECK(split.repeat_by_period == std::vector<double>{0, 1, 0, 0});
  CHECK(split.holdout_frequency[0] == 0);  // the 20th is after the holdout end
  CHECK(split.records_after_holdout == 1);
  CHECK(try_split_transactions(few, parse_date("2024-01-11").value(), parse_date("2024-01-11").value(),
                               clv_time_unit::weeks)
            .error()
            .path.to_string() == "holdout_end");
}

TEST_CASE("holdout validation: BG/NBD and Pareto/NBD on CDNOW, every table by hand") {
  const auto& d = cdnow_split();
  const auto v = validate_holdout(d);
  REQUIRE(v.models.size() == 2);
  CHECK(v.customers == 2357);
  CHECK(v.actual_total == 1882);
  const auto& cal = d.calibration;
  const clv_columns columns{cal.frequency, cal.recency, cal.age, {}, {}};
  for (std::size_t m = 0; m < 2; ++m) {
    const auto& model = v.models[m];
    INFO(to_string(model.fit.model));
    CHECK(model.fit.converged);
    // Per customer: the model's own batch prediction over the 39-week holdout.
    const auto predicted = clv_predict(model.fit, columns, 39);
    double abs_sum = 0, sq_sum = 0, total = 0;
    for (std::size_t i = 0; i < 2357; ++i) {
      CHECK(model.expected[i] == predicted.expected_transactions[i]);
      abs_sum += std::abs(model.expected[i] - d.holdout_frequency[i]);
      sq_sum += std::pow(model.expected[i] - d.holdout_frequency[i], 2);
      total += model.expected[i];
    }
    CHECK(model.mae == doctest::Approx(abs_sum / 2357).epsilon(1e-12));
    CHECK(model.rmse == doctest::Approx(std::sqrt(sq_sum / 2357)).epsilon(1e-12));
    CHECK(model.expected_total == doctest::Approx(total).epsilon(1e-12));
    CHECK(model.aggregate_error == doctest::Approx((total - 1882) / 1882).epsilon(1e-10));
    REQUIRE(model.correlation);
    CHECK(*model.correlation > 0.5);
    CHECK(model.aic == doctest::Approx(8 - 2 * model.fit.log_likelihood));
    CHECK(model.bic == doctest::Approx(4 * std::log(2357.0) - 2 * model.fit.log_likelihood));
    // Tracking: at the calibration end every customer is at his T; at the holdout end at T + 39.
    const auto new_customer = [&](double t) {
      return model.fit.model == clv_model::bgnbd ? bgnbd_expected_transactions(bgnbd_params::from(model.fit), t)
                                                 : pnbd_expected_transactions(pnbd_params::from(model.fit), t);
    };
    double at_end = 0, at_holdout_end = 0;
    for (std::size_t i = 0; i < 2357; ++i) {
      at_end += new_customer(cal.age[i]);
      at_holdout_end += new_customer(cal.age[i] + 39);
    }
    CHECK(v.tracking[38].expected_cumulative[m] == doctest::Approx(at_end).epsilon(1e-10));
    CHECK(v.tracking[77].expected_cumulative[m] == doctest::Approx(at_holdout_end).epsilon(1e-10));
    double running = 0;
    for (const auto& t : v.tracking) {
      running += t.expected[m];
      CHECK(t.expected_cumulative[m] == doctest::Approx(running).epsilon(1e-12));
    }
    // The histogram: Σ P(X(T) = k) per customer; all bins together are the customers.
    double all = 0;
    for (const auto& b : v.histogram) all += b.expected[m];
    CHECK(all == doctest::Approx(2357).epsilon(1e-12));
    double zero = 0;
    for (std::size_t i = 0; i < 2357; ++i)
      zero += model.fit.model == clv_model::bgnbd
                  ? bgnbd_probability_of_transactions(bgnbd_params::from(model.fit), cal.age[i], 0)
                  : pnbd_probability_of_transactions(pnbd_params::from(model.fit), cal.age[i], 0);
    CHECK(v.histogram[0].expected[m] == doctest::Approx(zero).epsilon(1e-10));
    REQUIRE(model.chi_square);
    CHECK(model.chi_square_df >= 1);
    CHECK(*model.chi_square_p >= 0);
    CHECK(*model.chi_square_p <= 1);
  }
  // Actuals: 1,411 customers without a repeat purchase (946 with one or more).
  CHECK(v.histogram[0].actual == 1411);
  CHECK(v.histogram.size() == 8);
  CHECK(v.histogram[7].or_more);
  double grouped = 0, holdout = 0;
  for (const auto& g : v.by_frequency) {
    grouped += g.customers;
    holdout += g.actual * g.customers;
  }
  CHECK(grouped == 2357);
  CHECK(holdout == doctest::Approx(1882).epsilon(1e-12));
  CHECK(v.tracking[38].actual_cumulative == 2457);
  CHECK_FALSE(v.tracking[38].holdout);
  CHECK(v.tracking[39].holdout);
  CHECK(v.tracking[77].actual_cumulative == 4339);

  // The documents.
  const auto json = nlohmann::json::parse(to_json(v));
  CHECK(json.at("format") == "excellence.clv_validation/1");
  CHECK(json.at("end") == "1997-09-30");
  CHECK(json.at("tracking")[77].at("actual_cumulative") == 4339);
  CHECK(json.at("models")[0].at("model") == "bgnbd");
  CHECK(json.at("tracking")[0].at("expected").contains("pnbd"));
  const auto text = to_text(v);
  CHECK(text.find("Holdout validation: 2357 customers, calibration to 1997-09-30, holdout to 1998-06-30") !=
        std::string::npos);

  // What is refused.
  holdout_options bad;
  bad.models = {clv_model::bgbb};
  const auto e = try_validate_holdout(d, bad);
  REQUIRE_FALSE(e);
  CHECK(e.error().code == errc::model_mismatch);
  CHECK(e.error().path.to_string() == "models[0]");
  holdout_data quiet = d;
  std::fill(quiet.holdout_frequency.begin(), quiet.holdout_frequency.end(), 0.0);
  CHECK(try_validate_holdout(quiet).error().path.to_string() == "holdout_frequency");
}

TEST_CASE("validation report: the comparison, four charts with their numbers, self-contained") {
  const auto v = validate_holdout(cdnow_split());
  const auto page = to_html(v);
  auto count = [&](std::string_view what) {
    std::size_t n = 0;
    for (auto at = page.find(what); at != std::string::npos; at = page.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(page.find("<dd>2357</dd>") != std::string::npos);
  CHECK(page.find("1998-06-30 (39.00 weeks)") != std::string::npos);
  // Every model's log-likelihood, AIC and BIC as the comparison rounds them.
  for (const auto& m : v.models) {
    CHECK(page.find(">" + detail::fixed(m.fit.log_likelihood, 2) + "<") != std::string::npos);
    CHECK(page.find(">" + detail::fixed(m.aic, 2) + "<") != std::string::npos);
    CHECK(page.find(">" + detail::fixed(m.bic, 2) + "<") != std::string::npos);
  }
  for (const char* id : {"id=\"tracking\"", "id=\"cumulative\"", "id=\"histogram\"", "id=\"by-frequency\""})
    CHECK(count(id) == 1);
  // One line per series in the three line charts (actual and two models), a bar per series
  // and histogram bin.
  CHECK(count("<polyline class=\"series\"") == 3 * 3);
  CHECK(count("<rect class=\"bar\"") == v.histogram.size() * 3);
  // The cumulative table: 2,457 repeat transactions by week 39, 4,339 by week 78 (BTYD).
  CHECK(page.find("<th scope=\"row\">39</th><td>2457.0</td>") != std::string::npos);
  CHECK(page.find("<th scope=\"row\">78</th><td>4339.0</td>") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("http") == std::string::npos);
  CHECK(to_html(v, language::zh).find("客户终身价值模型：保留期检验") != std::string::npos);
  auto broken = v;
  broken.models[0].aic = std::nan("");
  CHECK_THROWS_AS((void)to_html(broken), data_error);
}
