// Repeat-purchase and spend models against tests/data/reference/clv: the CDNOW sample (2,357
// customers, weeks) as fitted by Fader, Hardie & Lee (2005), BTYD, CLVTools, lifetimes and
// an independent implementation (published.md; cdnow_reference.json).
#include <excellence/io/clv_fit_json.hpp>
#include <excellence/io/csv.hpp>
#include <excellence/models/clv/bgbb.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/compress.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/ggomnbd.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/clv/value.hpp>
#include <excellence/report/json.hpp>

#include "test_support.hpp"

#include <Eigen/Dense>

#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <array>
#include <chrono>
#include <limits>

#include <cmath>
#include <string>
#include <vector>

using namespace excellence;

namespace {

const auto clv_data = test::data_dir / "clv";

const nlohmann::json& clv_reference() {
  static const auto r = test::read_json(test::data_dir / "reference" / "clv" / "cdnow_reference.json");
  return r;
}

struct summary_file {
  std::vector<double> frequency, recency, age, monetary;
};

summary_file read_summary(const char* name) {
  const auto table = try_read_csv(clv_data / name).value();
  return {table.try_numbers("frequency").value(), table.try_numbers("recency").value(), table.try_numbers("T").value(),
          table.try_numbers("monetary_value").value()};
}

const summary_file& exact() {
  static const auto s = read_summary("cdnow_summary.csv");
  return s;
}

clv_customers customers_of(const summary_file& s) {
  return {s.frequency, s.recency, s.age, {}};
}

void check_params(const clv_fit& fit, const nlohmann::json& expected, double relative) {
  for (const auto& entry : expected.items()) {
    const std::string name = entry.key();
    const auto& value = entry.value();
    INFO("parameter " << name);
    CHECK(std::abs(fit.param(name).value() / value.get<double>() - 1) < relative);
  }
}

}  // namespace

TEST_CASE("CLV: the CDNOW summary is rebuilt from the transactions") {
  const auto table = try_read_csv(clv_data / "cdnow_sample_transactions.csv").value();
  const auto amounts = table.try_numbers("dollar_value").value();
  const auto customer = *table.find("customer_id");
  const auto date = *table.find("date");
  std::vector<transaction_record> records;
  for (std::size_t r = 0; r < table.row_count(); ++r)
    records.push_back({table.text(r, customer), parse_date(table.text(r, date)).value(), amounts[r]});
  const auto s = try_summarize_transactions(records, parse_date("1997-09-30").value(), clv_time_unit::weeks).value();
  REQUIRE(s.customers.size() == 2357);
  CHECK(s.records == 6919);
  CHECK(s.after_end > 0);
  CHECK(s.merged > 0);
  CHECK(s.customers_after_end == 0);
  double total_x = 0;
  for (std::size_t i = 0; i < 2357; ++i) {
    INFO("customer " << s.customers[i]);
    CHECK(s.customers[i] == std::to_string(i + 1));
    CHECK(s.frequency[i] == exact().frequency[i]);
    CHECK(std::abs(s.recency[i] - exact().recency[i]) < 1e-7);
    CHECK(std::abs(s.age[i] - exact().age[i]) < 1e-7);
    CHECK(std::abs(s.monetary_value[i] - exact().monetary[i]) < 1e-7);
    total_x += s.frequency[i];
  }
  CHECK(total_x == 2457);
}

TEST_CASE("CLV: calendar months, never 30-day months") {
  const std::vector<transaction_record> records{{"a", parse_date("2024-01-31").value(), 10},
                                                {"a", parse_date("2024-02-29").value(), 20},
                                                {"a", parse_date("2024-03-15").value(), 30}};
  const auto s = try_summarize_transactions(records, parse_date("2024-04-30").value(), clv_time_unit::months).value();
  // 31 Jan -> 29 Feb is one month (the 31st clamps to February's last day); to 15 Mar is
  // one month and 15 of March's 31 days... counted from 29 Feb: 15/31.
  CHECK(s.frequency[0] == 2);
  CHECK(s.recency[0] == doctest::Approx(1 + 15.0 / 31).epsilon(1e-12));
  CHECK(s.age[0] == doctest::Approx(3.0).epsilon(1e-12));  // 31 Jan -> 30 Apr: 3 months (30 Apr is April's end)
  CHECK(s.monetary_value[0] == 25);
  CHECK_FALSE(parse_date("2023-02-29").has_value());
  CHECK_FALSE(parse_date("2023-2-28").has_value());
}

TEST_CASE("CLV: calendar horizons in the model's unit, the conversion stated") {
  // "The next 6 months" after CDNOW's calibration end: 30 Sep 1997 to 30 Mar 1998, 181 days.
  auto h = try_clv_horizon(6, clv_time_unit::months, clv_time_unit::weeks, parse_date("1997-09-30")).value();
  CHECK(h.length == doctest::Approx(181.0 / 7).epsilon(1e-15));
  CHECK(h.statement == "6 months from 1997-09-30 (to 1998-03-30) = 25.857143 weeks");
  // Without a start, the mean Gregorian month: 6 × 30.436875 / 7 weeks, a year 365.2425 days.
  h = try_clv_horizon(6, clv_time_unit::months, clv_time_unit::weeks).value();
  CHECK(h.length == doctest::Approx(6 * 30.436875 / 7).epsilon(1e-15));
  CHECK(h.statement == "6 months = 26.088750 weeks (mean Gregorian month of 30.436875 days)");
  CHECK(try_clv_horizon(12, clv_time_unit::months, clv_time_unit::days).value().length ==
        doctest::Approx(365.2425).epsilon(1e-15));
  // A month from 31 January ends on February's last day.
  h = try_clv_horizon(1, clv_time_unit::months, clv_time_unit::weeks, parse_date("1997-01-31")).value();
  CHECK(h.length == 4);
  CHECK(h.statement == "1 month from 1997-01-31 (to 1997-02-28) = 4 weeks");
  // Days into months as the summaries count them: 15 Jan + 45 days = 1 Mar, one month and
  // 14 of the 28 days from 15 Feb to 15 Mar.
  CHECK(try_clv_horizon(45, clv_time_unit::days, clv_time_unit::months, parse_date("1997-01-15")).value().length ==
        doctest::Approx(1.5).epsilon(1e-15));
  h = try_clv_horizon(2, clv_time_unit::weeks, clv_time_unit::days).value();
  CHECK(h.length == 14);
  CHECK(h.statement == "2 weeks = 14 days");
  CHECK(try_clv_horizon(39, clv_time_unit::weeks, clv_time_unit::weeks).value().statement == "39 weeks");
  CHECK(test::fails(try_clv_horizon(1.5, clv_time_unit::months, clv_time_unit::weeks, parse_date("1997-01-31"))) ==
        "amount: from a start date the months must be a whole number (the calendar has no fraction of a month that "
        "fits every month)");
  CHECK(test::fails(try_clv_horizon(0, clv_time_unit::weeks, clv_time_unit::weeks)) ==
        "amount: the horizon must be a finite number > 0");
  CHECK(format_date(parse_date("1998-03-30").value()) == "1998-03-30");
}

TEST_CASE("CLV: a new customer's expected transactions for every transaction model, chosen at run time") {
  auto typed = [](clv_model m, std::vector<double> params) {
    clv_fit f;
    f.model = m;
    for (const auto name : parameter_names(m)) f.names.emplace_back(name);
    f.params = std::move(params);
    return f;
  };
  const std::vector<double> t{1, 39, 78};
  const auto bg = try_clv_expected_transactions(typed(clv_model::bgnbd, {0.243, 4.414, 0.793, 2.426}), t).value();
  const auto pn = try_clv_expected_transactions(typed(clv_model::pnbd, {0.553, 10.58, 0.606, 11.67}), t).value();
  const auto gz = try_clv_expected_transactions(typed(clv_model::ggomnbd, {0.553, 10.58, 0.05, 0.606, 3.0}), t).value();
  const auto bb = try_clv_expected_transactions(typed(clv_model::bgbb, {1.2, 0.75, 0.66, 2.78}), t).value();
  for (std::size_t i = 0; i < t.size(); ++i) {
    CHECK(bg[i] == bgnbd_expected_transactions({0.243, 4.414, 0.793, 2.426}, t[i]));
    CHECK(pn[i] == pnbd_expected_transactions({0.553, 10.58, 0.606, 11.67}, t[i]));
    CHECK(gz[i] == ggomnbd_expected_transactions({0.553, 10.58, 0.05, 0.606, 3.0}, t[i]));
    CHECK(bb[i] == bgbb_expected_transactions({1.2, 0.75, 0.66, 2.78}, t[i]));
  }
  const std::vector<double> half{2.5};
  CHECK(test::fails(try_clv_expected_transactions(typed(clv_model::bgbb, {1.2, 0.75, 0.66, 2.78}), half)) ==
        "times[0]: a whole number of opportunities > 0 is expected");
  CHECK(test::failure(try_clv_expected_transactions(typed(clv_model::gamma_gamma, {6.25, 3.74, 15.44}), t)).code ==
        errc::model_mismatch);
}

TEST_CASE("CLV: BG/NBD on the exact CDNOW summary (FHL 2005a)") {
  const auto fit = try_fit_bgnbd(customers_of(exact())).value();
  const auto& ref = clv_reference().at("own_reference_fits").at("exact").at("bgnbd");
  CHECK(fit.converged);
  CHECK(std::abs(fit.log_likelihood - ref.at("LL").get<double>()) < 1e-4);
  check_params(fit, ref.at("params"), 1e-3);
  REQUIRE(fit.standard_errors.size() == 4);
  for (const double se : fit.standard_errors) CHECK(se > 0);
  // The covariance matrix is symmetric and its diagonal is the squared standard errors.
  REQUIRE(fit.covariance.size() == 16);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(fit.covariance[i * 4 + i] == doctest::Approx(fit.standard_errors[i] * fit.standard_errors[i]).epsilon(1e-14));
    for (std::size_t j = 0; j < 4; ++j) CHECK(fit.covariance[i * 4 + j] == fit.covariance[j * 4 + i]);
  }
}

TEST_CASE("CLV: BG/NBD standard errors from the analytic Hessian equal second differences of the likelihood") {
  const auto c = customers_of(exact());
  const auto fit = try_fit_bgnbd(c).value();
  REQUIRE(fit.standard_errors.size() == 4);
  // −∂²LL/∂pᵢ∂pⱼ by central second differences of the log-likelihood's value (steps 1e-4 pᵢ:
  // truncation about 1e-8 relative, round-off about 1e-7), inverted.
  const auto ll = [&](std::array<double, 4> p) {
    return try_bgnbd_log_likelihood({p[0], p[1], p[2], p[3]}, c).value();
  };
  const std::array<double, 4> at{fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
  Eigen::Matrix4d information;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      const double hi = 1e-4 * at[static_cast<std::size_t>(i)], hj = 1e-4 * at[static_cast<std::size_t>(j)];
      auto shifted = [&](double si, double sj) {
        auto p = at;
        p[static_cast<std::size_t>(i)] += si * hi;
        p[static_cast<std::size_t>(j)] += sj * hj;
        return ll(p);
      };
      information(i, j) = -(shifted(1, 1) - shifted(1, -1) - shifted(-1, 1) + shifted(-1, -1)) / (4 * hi * hj);
    }
  const Eigen::Matrix4d covariance = information.inverse();
  for (int i = 0; i < 4; ++i)
    CHECK(fit.standard_errors[static_cast<std::size_t>(i)] ==
          doctest::Approx(std::sqrt(covariance(i, i))).epsilon(1e-5));
}

namespace {

// The CDNOW summary `times` over: with more than 20,000 customers the batch paths split the
// work over the pool's threads; from 100,000 on the fits start from a sample (43 times).
summary_file repeated(std::size_t times) {
  summary_file out;
  for (std::size_t k = 0; k < times; ++k) {
    out.frequency.insert(out.frequency.end(), exact().frequency.begin(), exact().frequency.end());
    out.recency.insert(out.recency.end(), exact().recency.begin(), exact().recency.end());
    out.age.insert(out.age.end(), exact().age.begin(), exact().age.end());
    out.monetary.insert(out.monetary.end(), exact().monetary.begin(), exact().monetary.end());
  }
  return out;
}

}  // namespace

TEST_CASE("CLV: a large BG/NBD fit (from a sample's optimum, by Newton steps) ends where L-BFGS from all ones does") {
  // CDNOW 43 times: 101,351 customers, over the 100,000 from which the fit starts at the
  // optimum of every 16th customer and polishes it by Newton's method.
  const auto big = repeated(43);
  const auto c = customers_of(big);
  const auto newton = try_fit_bgnbd(c).value();
  const auto cold = try_fit_bgnbd(c, {.start = {1, 1, 1, 1}}).value();  // an explicit start: L-BFGS
  CHECK(newton.converged);
  CHECK(cold.converged);
  CHECK(newton.status == "converged (Newton's method)");
  CHECK(newton.evaluations < cold.evaluations);
  CHECK(newton.log_likelihood >= cold.log_likelihood - 1e-9 * std::abs(cold.log_likelihood));
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(newton.params[i] == doctest::Approx(cold.params[i]).epsilon(1e-6));
    CHECK(newton.standard_errors[i] == doctest::Approx(cold.standard_errors[i]).epsilon(1e-6));
  }
  // The same data 43 times over: the estimates of CDNOW itself.
  const auto once = try_fit_bgnbd(customers_of(exact())).value();
  for (std::size_t i = 0; i < 4; ++i) CHECK(newton.params[i] == doctest::Approx(once.params[i]).epsilon(1e-6));
}

namespace {

// A fit of CDNOW 43 times over (101,351 customers: the large-data path) and of CDNOW itself,
// with what every model without an analytic Hessian must show: the quasi-Newton path, and 43
// times CDNOW's log-likelihood.
template <class Fit>
std::pair<clv_fit, clv_fit> quasi_newton_fits(Fit fit) {
  auto large = fit(customers_of(repeated(43))).value();
  auto once = fit(customers_of(exact())).value();
  CHECK(large.converged);
  CHECK(large.status == "converged (quasi-Newton from a sample's curvature)");
  CHECK(large.log_likelihood == doctest::Approx(43 * once.log_likelihood).epsilon(1e-10));
  return {std::move(large), std::move(once)};
}

}  // namespace

TEST_CASE("CLV: a large Pareto/NBD fit (quasi-Newton from a sample's curvature) ends at CDNOW's own estimates") {
  // CDNOW 43 times (101,351 customers): the fit starts at the optimum of every 16th customer
  // with that sample's curvature and corrects it by BFGS steps. The same data 43 times over
  // has CDNOW's optimum, 43 times its log-likelihood and information (standard errors / √43).
  const auto fits = quasi_newton_fits([](const clv_customers& c) { return try_fit_pnbd(c); });
  const auto& large = fits.first;  // no structured bindings: clang 14 refuses them in CHECK
  const auto& once = fits.second;
  CHECK(large.evaluations <= 15);
  // r and alpha are pinned down; s and beta lie on a flat ridge, where both stops are within
  // the tolerance of the optimum (the log-likelihoods above agree to 1e-10).
  CHECK(large.params[0] == doctest::Approx(once.params[0]).epsilon(1e-5));
  CHECK(large.params[1] == doctest::Approx(once.params[1]).epsilon(1e-5));
  CHECK(large.params[2] / large.params[3] == doctest::Approx(once.params[2] / once.params[3]).epsilon(1e-3));
  REQUIRE(large.standard_errors.size() == 4);
  for (std::size_t i = 0; i < 2; ++i)
    CHECK(large.standard_errors[i] * std::sqrt(43.0) == doctest::Approx(once.standard_errors[i]).epsilon(1e-3));
}

TEST_CASE("CLV: a large MBG/NBD fit takes the same quasi-Newton path to CDNOW's own estimates") {
  const auto fits = quasi_newton_fits([](const clv_customers& c) { return try_fit_mbgnbd(c); });
  const auto& large = fits.first;  // no structured bindings: clang 14 refuses them in CHECK
  const auto& once = fits.second;
  REQUIRE(large.standard_errors.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(large.params[i] == doctest::Approx(once.params[i]).epsilon(1e-5));
    CHECK(large.standard_errors[i] * std::sqrt(43.0) == doctest::Approx(once.standard_errors[i]).epsilon(1e-3));
  }
}

TEST_CASE("CLV: the Pareto/NBD likelihood from per-frequency Chebyshev expansions equals the customers' own sum") {
  // For a frequency of 256 customers or more (CDNOW's 0 and 1; 0 to 6 of CDNOW 9 times) the
  // likelihood takes log L from expansions in T (x = 0, summed over the customers through the
  // moments of their ages) or its pieces from expansions in T and t_x, and the series from an
  // expansion in z = |alpha - beta|/(max + t); the per-customer function computes every piece
  // itself. With alpha and beta far apart z reaches 0.6 (0.98 in the third case); both orders
  // of alpha and beta, and alpha = beta (z = 0).
  const auto big = repeated(9);
  for (const auto& c : {customers_of(exact()), customers_of(big)})
    for (const auto& p : {pnbd_params{0.5, 9.9, 1.0, 26.7}, pnbd_params{0.5, 26.7, 1.0, 9.9},
                          pnbd_params{2.3, 1.0, 3.1, 50.0}, pnbd_params{0.5, 12.0, 1.0, 12.0}}) {
      double own = 0;
      for (std::size_t i = 0; i < c.frequency.size(); ++i)
        own += pnbd_customer_log_likelihood(p, c.frequency[i], c.recency[i], c.age[i]);
      INFO(c.frequency.size() << " customers, alpha " << p.alpha << ", beta " << p.beta);
      CHECK(try_pnbd_log_likelihood(p, c).value() == doctest::Approx(own).epsilon(1e-13));
      // The customers without repeat purchases are summed through the weighted moments of
      // their ages: weights of 2 double the sum.
      const std::vector<double> twos(c.frequency.size(), 2.0);
      CHECK(try_pnbd_log_likelihood(p, {c.frequency, c.recency, c.age, twos}).value() ==
            doctest::Approx(2 * own).epsilon(1e-13));
    }
}

TEST_CASE("CLV: a fit knows its model; reading it as another model is an error") {
  const auto fit = try_fit_mbgnbd(customers_of(read_summary("cdnow_summary_rounded.csv"))).value();
  CHECK(fit.model == clv_model::mbgnbd);
  CHECK(to_string(fit.model) == "mbgnbd");
  CHECK(parse_clv_model("pnbd") == clv_model::pnbd);
  CHECK_FALSE(parse_clv_model("gg").has_value());
  // Same parameter names, another model: never a silent success.
  const auto wrong = test::failure(bgnbd_params::try_from(fit));
  CHECK(wrong.code == excellence::errc::model_mismatch);
  CHECK(wrong.to_string() == "model: the fit is of the MBG/NBD model, not the BG/NBD");
  CHECK_THROWS_AS((void)bgnbd_params::from(fit), excellence::data_error);
  const auto right = mbgnbd_params::try_from(fit);
  REQUIRE(right.has_value());
  CHECK(right->a == fit.param("a").value());
  CHECK_FALSE(fit.param("s").has_value());  // a lookup of an absent name is nullopt, not an exception
}

TEST_CASE("CLV: BG/NBD on the rounded file, and its published expectations") {
  const auto rounded = read_summary("cdnow_summary_rounded.csv");
  const auto fit = try_fit_bgnbd(customers_of(rounded)).value();
  const auto& ref = clv_reference().at("own_reference_fits").at("rounded").at("bgnbd");
  CHECK(std::abs(fit.log_likelihood - ref.at("LL").get<double>()) < 1e-4);
  const auto p = bgnbd_params::from(fit);
  // Hardie's BG/NBD spreadsheet (via lifetimes' tests): E[X(t)], 4 decimals.
  const double t[] = {0.1429, 1, 3, 31.8571, 32, 78};
  const auto& own =
      clv_reference().at("spot_checks").at("bgnbd_expectation_t=[0.1429,1,3,31.8571,32,78]_at_own_fit_rounded");
  for (std::size_t i = 0; i < 6; ++i) {
    INFO("t = " << t[i]);
    CHECK(std::abs(bgnbd_expected_transactions(p, t[i]) - own[i].get<double>()) < 1e-4);
  }
  CHECK(std::abs(bgnbd_expected_transactions(p, 1) - 0.0532) < 5e-5);
  CHECK(std::abs(bgnbd_conditional_expected_transactions(p, 39, 2, 30.43, 38.86) - 1.226) < 5e-4);
}

TEST_CASE("CLV: BG/NBD predictions at BTYD's parameters (BTYD walkthrough)") {
  const bgnbd_params p{0.2425982, 4.413684, 0.7929899, 2.426167};
  CHECK(bgnbd_expected_transactions(p, 52) == doctest::Approx(1.444004).epsilon(1e-6));
  // Customer 1516: x = 26, t_x = 30.857 (216 days / 7), T = 31.
  const double t_x = 216.0 / 7;
  CHECK(bgnbd_conditional_expected_transactions(p, 52, 26, t_x, 31) == doctest::Approx(25.75659).epsilon(1e-5));
  CHECK(bgnbd_p_alive(p, 26, t_x, 31) == doctest::Approx(0.9688523).epsilon(1e-6));
  const double expected[] = {0.3474606, 0.04283391, 0.004158973, 0.0003583685};
  const double x[] = {10, 15, 20, 25};
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(bgnbd_conditional_expected_transactions(p, 52, x[i], 20, 39) == doctest::Approx(expected[i]).epsilon(1e-5));
  // The BTYD manual's probability mass function at (0.243, 4.414, 0.793, 2.426).
  const bgnbd_params q{0.243, 4.414, 0.793, 2.426};
  CHECK(bgnbd_probability_of_transactions(q, 39, 0) == doctest::Approx(0.5737864).epsilon(1e-6));
  CHECK(bgnbd_probability_of_transactions(q, 2, 10) == doctest::Approx(1.07869e-07).epsilon(1e-5));
  // The mass function sums to 1 (here over 0..200 at t = 39).
  double total = 0;
  for (std::int64_t k = 0; k <= 200; ++k) total += bgnbd_probability_of_transactions(q, 39, k);
  CHECK(total == doctest::Approx(1.0).epsilon(1e-9));
  // A customer without repeat purchases is alive for sure.
  CHECK(bgnbd_p_alive(p, 0, 0, 39) == 1.0);
}

TEST_CASE("CLV: BG/NBD per-customer values match the reference for the first 20 customers") {
  const auto& block = clv_reference().at("per_customer_first20_own_reference");
  const auto& v = block.at("params_used").at("bgnbd");
  const bgnbd_params p{v[0].get<double>(), v[1].get<double>(), v[2].get<double>(), v[3].get<double>()};
  for (const auto& row : block.at("rows")) {
    const double x = row.at("frequency"), t = row.at("recency"), T = row.at("T");
    INFO("customer " << row.at("customer_id").get<int>());
    CHECK(std::abs(bgnbd_p_alive(p, x, t, T) - row.at("bgnbd_p_alive").get<double>()) < 1e-12);
    CHECK(std::abs(bgnbd_conditional_expected_transactions(p, 39, x, t, T) -
                   row.at("bgnbd_exp_purchases_39w").get<double>()) < 1e-10);
  }
  // The total log-likelihood at the reference optimum.
  CHECK(std::abs(try_bgnbd_log_likelihood(p, customers_of(exact())).value() -
                 clv_reference().at("own_reference_fits").at("exact").at("bgnbd").at("LL").get<double>()) < 1e-6);
}

TEST_CASE("CLV: Gamma-Gamma on the 946 CDNOW repeat customers (FHL 2005b; Fader & Hardie note 025)") {
  std::vector<double> x, z;
  for (std::size_t i = 0; i < exact().frequency.size(); ++i)
    if (exact().frequency[i] > 0) {
      x.push_back(exact().frequency[i]);
      z.push_back(exact().monetary[i]);
    }
  REQUIRE(x.size() == 946);
  const auto fit = try_fit_gamma_gamma({x, z}).value();
  const auto& ref = clv_reference().at("own_reference_fits").at("exact").at("gg");
  CHECK(fit.converged);
  CHECK(std::abs(fit.log_likelihood - ref.at("LL").get<double>()) < 1e-4);
  check_params(fit, ref.at("params"), 1e-3);
  // Expected average spend of the first 10 customers (Hardie's spreadsheet: 24.65, 18.91,
  // 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17).
  const auto g = gamma_gamma_params::from(fit);
  const double published[] = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
  for (std::size_t i = 0; i < 10; ++i) {
    INFO("customer " << i + 1);
    CHECK(std::abs(try_expected_average_spend(g, exact().frequency[i], exact().monetary[i]).value() - published[i]) <
          0.01);
  }
  CHECK(test::failure(try_fit_gamma_gamma({exact().frequency, exact().monetary})).to_string() ==
        "frequency[2]: Gamma-Gamma needs customers with a whole number >= 1 of repeat transactions");
}

TEST_CASE("CLV: summaries are checked") {
  const std::vector<double> x{1, 0}, t{0, 0}, T{10, 10};
  CHECK(test::failure(try_fit_bgnbd({x, t, T})).to_string() ==
        "recency[0]: a repeat purchase at time 0 (same-day purchases are one transaction)");
  const std::vector<double> late{11, 0};
  CHECK(test::failure(try_fit_bgnbd({x, late, T})).to_string() == "recency[0]: recency 11 must lie in 0 .. T (10)");
  const std::vector<double> half{1.5, 0};
  CHECK(test::failure(try_fit_bgnbd({half, late, T})).to_string() ==
        "frequency[0]: a frequency must be a whole number >= 0");
  // A frequency of 10^15 is whole: the fit runs (the per-frequency terms are then kept in a
  // hash, not in a table of 10^15 entries) and does not pretend to have converged.
  const std::vector<double> huge{1e15, 2}, recency{10, 5}, age{20, 20};
  const auto fit = try_fit_bgnbd({huge, recency, age}).value();
  CHECK_FALSE(fit.converged);
  // What the first, branch-free pass over a summary must not let through, second customer.
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  const std::vector<double> ok_x{2, 0}, ok_t{5, 0}, ok_T{20, 20};
  auto second = [&](std::vector<double> xs, std::vector<double> ts, std::vector<double> Ts) {
    return test::failure(try_bgnbd_predict({0.24, 4.4, 0.79, 2.4}, {xs, ts, Ts}, 39)).path.to_string();
  };
  CHECK(second({2, nan}, ok_t, ok_T) == "frequency[1]");
  CHECK(second({2, inf}, ok_t, ok_T) == "frequency[1]");
  CHECK(second({2, 0x1p52 - 0.5}, {5, 3}, ok_T) == "frequency[1]");  // not whole, just below 2^52
  CHECK(second({2, -1}, ok_t, ok_T) == "frequency[1]");
  CHECK(second(ok_x, {5, nan}, ok_T) == "recency[1]");
  CHECK(second(ok_x, ok_t, {20, nan}) == "T[1]");
  CHECK(second(ok_x, ok_t, {20, inf}) == "T[1]");
  CHECK(second(ok_x, ok_t, {20, -1}) == "T[1]");
  CHECK(second({2, 3}, ok_t, ok_T) == "recency[1]");          // repeat purchases at time 0
  const std::vector<double> whole{2, 0x1p52}, whole_t{5, 3};  // every double from 2^52 on is whole
  CHECK_FALSE(excellence::detail::check_clv_customers({whole, whole_t, ok_T}));
}

TEST_CASE("CLV: MBG/NBD on the exact CDNOW summary (BDF 2007; lifetimes and the reference agree)") {
  const auto fit = try_fit_mbgnbd(customers_of(exact())).value();
  const auto& ref = clv_reference().at("own_reference_fits").at("exact").at("mbgnbd");
  CHECK(fit.converged);
  CHECK(std::abs(fit.log_likelihood - ref.at("LL").get<double>()) < 1e-4);
  check_params(fit, ref.at("params"), 1e-3);
  const auto& block = clv_reference().at("per_customer_first20_own_reference");
  const auto& v = block.at("params_used").at("mbgnbd");
  const mbgnbd_params p{v[0].get<double>(), v[1].get<double>(), v[2].get<double>(), v[3].get<double>()};
  for (const auto& row : block.at("rows")) {
    INFO("customer " << row.at("customer_id").get<int>());
    CHECK(std::abs(mbgnbd_p_alive(p, row.at("frequency"), row.at("recency"), row.at("T")) -
                   row.at("mbgnbd_p_alive").get<double>()) < 1e-12);
  }
  // A customer who has just made his first purchase (x = 0, T = 0) expects what a new
  // customer expects: the conditional formula reduces to the unconditional one.
  for (const double t : {1.0, 10.0, 52.0}) {
    CHECK(mbgnbd_conditional_expected_transactions(p, t, 0, 0, 0) ==
          doctest::Approx(mbgnbd_expected_transactions(p, t)).epsilon(1e-12));
    const bgnbd_params q{p.r, p.alpha, p.a, p.b};
    CHECK(bgnbd_conditional_expected_transactions(q, t, 0, 0, 0) ==
          doctest::Approx(bgnbd_expected_transactions(q, t)).epsilon(1e-12));
  }
}

TEST_CASE("CLV: batch BG/NBD predictions equal the per-customer formulas") {
  const bgnbd_params p{0.2425945, 4.413602, 0.7929218, 2.425906};
  const auto batch = try_bgnbd_predict(p, customers_of(exact()), 39).value();
  REQUIRE(batch.p_alive.size() == 2357);
  double worst = 0;
  for (std::size_t i = 0; i < 2357; ++i) {
    const double x = exact().frequency[i], t = exact().recency[i], T = exact().age[i];
    CHECK(batch.p_alive[i] == doctest::Approx(bgnbd_p_alive(p, x, t, T)).epsilon(1e-14));
    const double direct = bgnbd_conditional_expected_transactions(p, 39, x, t, T);
    worst = std::max(worst, std::abs(batch.expected_transactions[i] - direct) / direct);
  }
  CHECK(worst < 1e-13);  // the direct Gauss series and Boost's pFq agree
  // Far horizons push z towards 1, where the batch path hands over to Boost.
  const auto far = try_bgnbd_predict(p, customers_of(exact()), 5000).value();
  CHECK(far.expected_transactions[0] ==
        doctest::Approx(bgnbd_conditional_expected_transactions(p, 5000, 2, exact().recency[0], exact().age[0]))
            .epsilon(1e-12));
  CHECK(test::failure(try_bgnbd_predict(p, customers_of(exact()), 0)).to_string() ==
        "horizon: the horizon must be a finite number > 0");
  CHECK(test::failure(try_bgnbd_predict(p, customers_of(exact()), std::numeric_limits<double>::infinity())).path ==
        "horizon");
  CHECK(test::failure(try_bgnbd_predict({0.24, -1, 0.79, 2.4}, customers_of(exact()), 39)).to_string() ==
        "params.alpha: alpha must be a finite number > 0");
}

namespace {

// BG/NBD expectations at r 0.243, α 4.414, a 0.793, b 2.426 for z from 0.48 to 0.897 (the
// series table's far end, just below the 0.9 where the connection formula takes over).
// References: mpmath 1.3 at 50 digits, ((a+b+x−1)/(a−1))(1 − wʳ⁺ˣ ₂F₁(r+x, b+x; a+b+x−1; z))
// over 1 + a/(b+x−1)((α+T)/(α+t_x))ʳ⁺ˣ.
struct bgnbd_50_digit_case {
  double x, t_x, T, horizon, expected;
};

std::vector<bgnbd_50_digit_case> bgnbd_50_digit_cases() {
  return {{0, 0, 35.412162, 39, 0.21020831344733861513},
          {3, 20, 30, 39, 1.877130019118498316},
          {12, 25, 38, 39, 1.4154764110108191067},
          {3, 20, 30, 300, 7.4972102368492510861},
          {30, 37, 38, 300, 77.405157377629971545}};
}

}  // namespace

TEST_CASE("CLV: batch BG/NBD expectations from per-frequency series tables, against 50-digit values") {
  // Each customer four times, so that every frequency gets its table.
  const bgnbd_params p{0.243, 4.414, 0.793, 2.426};
  for (const auto& c : bgnbd_50_digit_cases()) {
    CAPTURE(c.x);
    CAPTURE(c.horizon);
    const std::vector<double> x(4, c.x), t_x(4, c.t_x), T(4, c.T);
    const auto batch = try_bgnbd_predict(p, {x, t_x, T}, c.horizon).value();
    for (const double e : batch.expected_transactions) CHECK(e == doctest::Approx(c.expected).epsilon(5e-14));
    CHECK(bgnbd_conditional_expected_transactions(p, c.horizon, c.x, c.t_x, c.T) ==
          doctest::Approx(c.expected).epsilon(1e-13));
  }
}

TEST_CASE("CLV: batch BG/NBD expectations from per-frequency Chebyshev expansions in T, against 50-digit values") {
  // 300 customers of each case, their ages spread over the reference customer's T ± 6: a
  // frequency of 256 customers or more gets its expectation as an expansion in T (to 1e-14),
  // evaluated at the reference T among the others.
  const bgnbd_params p{0.243, 4.414, 0.793, 2.426};
  for (const auto& c : bgnbd_50_digit_cases()) {
    if (c.t_x > c.T - 6) continue;  // the ages below must stay above the recency
    CAPTURE(c.x);
    CAPTURE(c.horizon);
    std::vector<double> x(300, c.x), t_x(300, c.t_x), T(300);
    for (std::size_t i = 0; i < T.size(); ++i) T[i] = c.T - 6 + 12 * static_cast<double>(i) / 299;
    T[137] = c.T;
    const auto batch = try_bgnbd_predict(p, {x, t_x, T}, c.horizon).value();
    CHECK(batch.expected_transactions[137] == doctest::Approx(c.expected).epsilon(5e-14));
    for (const std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{150}, std::size_t{299}})
      CHECK(batch.expected_transactions[i] ==
            doctest::Approx(bgnbd_conditional_expected_transactions(p, c.horizon, c.x, c.t_x, T[i])).epsilon(5e-14));
  }
}

TEST_CASE("CLV: batch predictions of every model equal the per-customer formulas, on 1 or 2 threads") {
  const auto big = repeated(9);  // 21,213 customers
  const auto c = customers_of(big);
  const std::size_t n = big.frequency.size();
  REQUIRE(n > 20'000);
  const mbgnbd_params m{0.2501, 4.588, 0.956, 2.942};
  const pnbd_params q{0.5533, 10.58, 0.6061, 11.67};
  for (const unsigned threads : {1U, 2U}) {
    INFO("threads " << threads);
    const auto mb = try_mbgnbd_predict(m, c, 39, threads).value();
    const auto pn = try_pnbd_predict(q, c, 39, threads).value();
    REQUIRE(mb.p_alive.size() == n);
    REQUIRE(pn.expected_transactions.size() == n);
    for (const std::size_t i : {std::size_t{0}, std::size_t{1516}, n / 2, n - 1}) {
      const double x = big.frequency[i], t = big.recency[i], T = big.age[i];
      CHECK(mb.p_alive[i] == mbgnbd_p_alive(m, x, t, T));
      // The batch sums its series from per-frequency tables (blocks of four terms): the
      // rounding differs from the term-by-term sum, not the value.
      CHECK(mb.expected_transactions[i] ==
            doctest::Approx(mbgnbd_conditional_expected_transactions(m, 39, x, t, T)).epsilon(1e-13));
      CHECK(pn.p_alive[i] == pnbd_p_alive(q, x, t, T));
      CHECK(pn.expected_transactions[i] == pnbd_conditional_expected_transactions(q, 39, x, t, T));
    }
    // Gamma-Gamma: every customer, x = 0 included (the population mean p·gamma/(q − 1)).
    const gamma_gamma_params g{6.25, 3.74, 15.44};
    const auto spend = try_gamma_gamma_predict(g, big.frequency, big.monetary, threads).value();
    REQUIRE(spend.size() == n);
    for (const std::size_t i : {std::size_t{0}, std::size_t{1}, n - 1})
      CHECK(spend[i] == try_expected_average_spend(g, big.frequency[i], big.monetary[i]).value());
    const auto none = static_cast<std::size_t>(std::find(big.frequency.begin(), big.frequency.end(), 0.0) -
                                               big.frequency.begin());  // a customer without repeat purchases
    CHECK(spend[none] == doctest::Approx(6.25 * 15.44 / 2.74));
  }
  CHECK(test::failure(try_gamma_gamma_predict({6.25, 0.9, 15.44}, big.frequency, big.monetary)).code ==
        excellence::errc::invalid_value);
  CHECK(test::failure(try_mbgnbd_predict(m, c, -1)).path == "horizon");
}

TEST_CASE("CLV: batches of 100,000 customers or more are checked and sorted on all threads, with the same results") {
  // CDNOW 60 times (141,420 customers): the summary is checked, and the customers sorted
  // into frequency slots, on every thread of the prediction's pool; one thread does both
  // serially. The predictions must not depend on it, and an offender in the second thread's
  // half is still named by its row.
  auto big = repeated(60);
  const std::size_t n = big.frequency.size();
  REQUIRE(n >= 100'000);
  const bgnbd_params b{0.243, 4.414, 0.793, 2.426};
  const mbgnbd_params m{0.2501, 4.588, 0.956, 2.942};
  const auto one = try_bgnbd_predict(b, customers_of(big), 39, 1).value();
  const auto two = try_bgnbd_predict(b, customers_of(big), 39, 2).value();
  const auto mb1 = try_mbgnbd_predict(m, customers_of(big), 39, 1).value();
  const auto mb2 = try_mbgnbd_predict(m, customers_of(big), 39, 2).value();
  CHECK(one.p_alive == two.p_alive);
  CHECK(one.expected_transactions == two.expected_transactions);
  CHECK(mb1.expected_transactions == mb2.expected_transactions);
  for (const std::size_t i : {std::size_t{0}, std::size_t{7}, n / 2 + 3, n - 1}) {
    const double x = big.frequency[i], t = big.recency[i], T = big.age[i];
    CHECK(two.p_alive[i] == doctest::Approx(bgnbd_p_alive(b, x, t, T)).epsilon(1e-14));
    CHECK(two.expected_transactions[i] ==
          doctest::Approx(bgnbd_conditional_expected_transactions(b, 39, x, t, T)).epsilon(1e-13));
  }
  const std::size_t far = n - 5;
  const double recency = big.recency[far];
  big.recency[far] = big.age[far] + 1;
  CHECK(test::failure(try_bgnbd_predict(b, customers_of(big), 39, 2)).path.to_string() ==
        "recency[" + std::to_string(far) + "]");
  big.recency[far] = recency;
  big.frequency[n - 2] = 0.5;  // not whole: the first offender now
  CHECK(test::failure(try_mbgnbd_predict(m, customers_of(big), 39, 2)).path.to_string() ==
        "frequency[" + std::to_string(n - 2) + "]");
}

TEST_CASE("CLV: BG/BB on the donations data (Fader, Hardie & Shang 2010)") {
  const auto table = try_read_csv(clv_data / "donations_bgbb.csv").value();
  const auto x = table.try_numbers("frequency").value(), t = table.try_numbers("recency").value(),
             n = table.try_numbers("periods").value(), w = table.try_numbers("weights").value();
  const auto fit = try_fit_bgbb({x, t, n, w}).value();
  const auto& ref = clv_reference().at("own_reference_bgbb_donations");
  CHECK(fit.converged);
  CHECK(fit.customers == 11104);
  CHECK(std::abs(fit.log_likelihood - ref.at("LL").get<double>()) < 1e-4);
  check_params(fit, ref.at("params"), 1e-3);
  const auto p = bgbb_params::from(fit);
  // FHS 2010 Table 6 (via lifetimes): P(alive in 2002) 0.11, 0.59, 0.93.
  CHECK(bgbb_p_alive(p, 0, 0, 6) == doctest::Approx(ref.at("palive_x0_tx0_n6").get<double>()).epsilon(1e-4));
  CHECK(bgbb_p_alive(p, 2, 4, 6) == doctest::Approx(ref.at("palive_x2_tx4_n6").get<double>()).epsilon(1e-4));
  CHECK(bgbb_p_alive(p, 6, 6, 6) == doctest::Approx(ref.at("palive_x6_tx6_n6").get<double>()).epsilon(1e-4));
  // Hardie's spreadsheet: the cohort's expected transactions in 2002-2006, 12884.2.
  double total = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    total += w[i] * bgbb_conditional_expected_transactions(p, 5, x[i], t[i], n[i]);
  // The batch path gives the same numbers, row by row.
  const auto batch = try_bgbb_predict(p, {x, t, n, w}, 5).value();
  double batch_total = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    CHECK(batch.p_alive[i] == bgbb_p_alive(p, x[i], t[i], n[i]));
    batch_total += w[i] * batch.expected_transactions[i];
  }
  CHECK(batch_total == doctest::Approx(total).epsilon(1e-14));
  CHECK(test::failure(try_bgbb_predict(p, {x, t, n, w}, 2.5)).path == "horizon");
  CHECK(total == doctest::Approx(12884.2).epsilon(1e-5));
  // BTYD walkthrough: the next 10 years of (0, 0, 6) and (4, 5, 6).
  CHECK(bgbb_conditional_expected_transactions(p, 10, 0, 0, 6) ==
        doctest::Approx(ref.at("cond_exp_10_x0_tx0_n6").get<double>()).epsilon(1e-4));
  CHECK(bgbb_conditional_expected_transactions(p, 10, 4, 5, 6) ==
        doctest::Approx(ref.at("cond_exp_10_x4_tx5_n6").get<double>()).epsilon(1e-4));
  // A new donor: BTYD's unconditional expectation over 10 years at its estimates, 3.179805;
  // the mass function sums to 1 and its mean is the expectation.
  const bgbb_params btyd{1.203507, 0.7497667, 0.6567568, 2.783887};
  CHECK(bgbb_expected_transactions(btyd, 10) == doctest::Approx(3.179805).epsilon(1e-5));  // params printed to 7 digits
  double mass = 0, mean = 0;
  for (int k = 0; k <= 6; ++k) {
    mass += bgbb_probability_of_transactions(p, 6, k);
    mean += k * bgbb_probability_of_transactions(p, 6, k);
  }
  CHECK(mass == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(mean == doctest::Approx(bgbb_expected_transactions(p, 6)).epsilon(1e-12));
  const std::vector<double> bad_t{1};  // two transactions cannot end in period 1
  const std::vector<double> one{2}, six{6};
  CHECK(test::failure(try_fit_bgbb({one, bad_t, six})).to_string().starts_with("recency[0]: "));
}

TEST_CASE("CLV: Pareto/NBD likelihood, P(alive) and gradient at the reference optimum") {
  const auto& block = clv_reference().at("per_customer_first20_own_reference");
  const auto& v = block.at("params_used").at("pnbd");
  const pnbd_params p{v[0].get<double>(), v[1].get<double>(), v[2].get<double>(), v[3].get<double>()};
  for (const auto& row : block.at("rows")) {
    INFO("customer " << row.at("customer_id").get<int>());
    const double x = row.at("frequency"), t = row.at("recency"), T = row.at("T");
    CHECK(std::abs(pnbd_p_alive(p, x, t, T) - row.at("pnbd_p_alive").get<double>()) < 1e-12);
    CHECK(std::abs(pnbd_conditional_expected_transactions(p, 39, x, t, T) -
                   row.at("pnbd_exp_purchases_39w").get<double>()) < 1e-10);
  }
  // The whole-sample log-likelihood, re-evaluated with mpmath at 50 digits: -9594.976178940.
  const auto ll = try_pnbd_log_likelihood(p, customers_of(exact())).value();
  CHECK(std::abs(ll - clv_reference().at("mpmath_check_first20").at("pnbd_LL_full_sample_mpmath").get<double>()) <
        1e-8);
}

TEST_CASE("CLV: Pareto/NBD fit on CDNOW, judged by its log-likelihood and predictions") {
  const auto fit = try_fit_pnbd(customers_of(exact())).value();
  const auto& ref = clv_reference().at("own_reference_fits").at("exact").at("pnbd");
  CHECK(fit.converged);
  CHECK(std::abs(fit.log_likelihood - ref.at("LL").get<double>()) < 1e-4);
  CHECK(std::abs(fit.param("r").value() / ref.at("params").at("r").get<double>() - 1) < 1e-3);
  CHECK(std::abs(fit.param("alpha").value() / ref.at("params").at("alpha").get<double>() - 1) < 1e-3);
  const auto p = pnbd_params::from(fit);
  // BTYD's spot checks at its own estimates (the vignette's unprinted digits aside).
  const pnbd_params btyd{0.5533971, 10.5801985, 0.6060625, 11.6562237};
  CHECK(pnbd_p_alive(btyd, 26, 216.0 / 7, 31) == doctest::Approx(0.997874).epsilon(1e-5));
  CHECK(pnbd_expected_transactions(btyd, 52) ==
        doctest::Approx(clv_reference().at("spot_checks").at("pnbd_expectation_t52_btyd_params").get<double>())
            .epsilon(1e-6));
  // Predictions at the fitted and the reference parameters agree although s and beta wander.
  const auto& own = clv_reference().at("spot_checks").at("pnbd_expectation_t=0..9_at_own_fit_rounded");
  for (std::size_t t = 1; t < 10; ++t)
    CHECK(pnbd_expected_transactions(p, static_cast<double>(t)) == doctest::Approx(own[t].get<double>()).epsilon(1e-3));
  REQUIRE(fit.standard_errors.size() == 4);
  // CLVTools reports SEs of 0.0476, 0.843, 0.187, 6.21.
  CHECK(fit.standard_errors[0] == doctest::Approx(0.0476).epsilon(0.05));
  CHECK(fit.standard_errors[3] == doctest::Approx(6.21).epsilon(0.1));
}

TEST_CASE("CLV: discounted residual value, period by period") {
  const std::vector<double> params{0.2425945, 4.413602, 0.7929218, 2.425906};
  const bgnbd_params p{params[0], params[1], params[2], params[3]};
  const std::vector<double> x{2, 0}, t{30.43, 0}, T{38.86, 38.86}, spend{24.65, 35.17};
  const clv_customers c{x, t, T};
  // Two 52-week periods at 10 %: E1/1.1 + (E2 - E1)/1.1^2, times the spend, by hand.
  const auto v = try_residual_value(transaction_model::bgnbd, params, c, spend, {0.10, 52, 2}).value();
  const double e1 = bgnbd_conditional_expected_transactions(p, 52, 2, 30.43, 38.86);
  const double e2 = bgnbd_conditional_expected_transactions(p, 104, 2, 30.43, 38.86);
  CHECK(v[0] == doctest::Approx(24.65 * (e1 / 1.1 + (e2 - e1) / (1.1 * 1.1))).epsilon(1e-12));
  // Without discounting the sum telescopes to spend x E[Y(periods x length)].
  const auto flat = try_residual_value(transaction_model::bgnbd, params, c, spend, {0.0, 13, 8}).value();
  CHECK(flat[1] ==
        doctest::Approx(35.17 * bgnbd_conditional_expected_transactions(p, 104, 0, 0, 38.86)).epsilon(1e-12));
  const std::vector<double> pareto{0.5532771, 10.577684, 0.60624, 11.668735};
  const auto pv = try_residual_value(transaction_model::pnbd, pareto, c, spend, {0.0, 52, 1}).value();
  CHECK(pv[0] == doctest::Approx(24.65 * pnbd_conditional_expected_transactions(
                                             {0.5532771, 10.577684, 0.60624, 11.668735}, 52, 2, 30.43, 38.86))
                     .epsilon(1e-12));
  CHECK(test::failure(try_residual_value(transaction_model::bgnbd, params, c, spend, {-1, 52, 2})).to_string() ==
        "rate: the discount rate must be a finite number > -1");
  CHECK(test::failure(try_residual_value(transaction_model::bgnbd, params, c, spend, {0.1, 0, 2})).to_string() ==
        "period_length: the period length must be > 0");
}

TEST_CASE("CLV: parameters no customer can be valued at end the work at the first customer, named in data order") {
  // s = 761 with α = 30,558: every customer's ₂F₁ lies beyond the doubles (a term like
  // 0.0014^-761). The command fuzzer found this taking 92 s on CDNOW before naming customer 0.
  const std::vector<double> pareto{1.51, 30558, 761, 11.67};
  const auto big = repeated(9);  // 21,213 customers: both threads work, the first to fail stops both
  const auto c = customers_of(big);
  const std::vector<double> spend(big.frequency.size(), 20.0);
  const auto d = test::failure(try_residual_value(transaction_model::pnbd, pareto, c, spend, {0.01, 4, 1}));
  CHECK(d.path == "frequency[0]");
  CHECK(d.code == excellence::errc::out_of_range);
  const auto p = test::failure(try_pnbd_predict({1.51, 30558, 761, 11.67}, c, 4));
  CHECK(p.path == "frequency[0]");
}

TEST_CASE("CLV: the probability of k transactions sums to 1 and has the model's mean, for every model") {
  const bgnbd_params b{0.243, 4.414, 0.793, 2.426};
  const mbgnbd_params m{0.5248, 6.183, 0.8914, 1.614};
  const pnbd_params q{0.5533, 10.578, 0.6062, 11.669};
  for (const double t : {1.0, 39.0, 78.0}) {
    INFO("t = " << t);
    double sb = 0, mb = 0, sm = 0, mm = 0, sq = 0, mq = 0;
    for (std::int64_t k = 0; k <= 400; ++k) {
      const double kd = static_cast<double>(k);
      const double pb = bgnbd_probability_of_transactions(b, t, k);
      const double pm = mbgnbd_probability_of_transactions(m, t, k);
      const double pq = pnbd_probability_of_transactions(q, t, k);
      sb += pb, mb += kd * pb, sm += pm, mm += kd * pm, sq += pq, mq += kd * pq;
    }
    CHECK(sb == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(mb == doctest::Approx(bgnbd_expected_transactions(b, t)).epsilon(1e-8));
    CHECK(sm == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(mm == doctest::Approx(mbgnbd_expected_transactions(m, t)).epsilon(1e-8));
    CHECK(sq == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(mq == doctest::Approx(pnbd_expected_transactions(q, t)).epsilon(1e-8));
  }
}

TEST_CASE("Gamma-Gamma on a whole summary: customers without a repeat purchase left out, counted, warned") {
  const auto& s = exact();
  const auto fit = fit_gamma_gamma_summary({s.frequency, s.monetary, {}});
  CHECK(fit.left_out == 1411);  // CDNOW: 2357 customers, 946 with repeat purchases
  CHECK(fit.customers == 946);
  REQUIRE_FALSE(fit.warnings.empty());
  CHECK(fit.warnings.back().code == errc::rows_dropped);
  check_params(fit, clv_reference().at("own_reference_fits").at("exact").at("gg").at("params"), 1e-3);
  // An error names the summary's row, not the row among the repeat customers.
  auto bad = s.monetary;
  bad[1] = -1;  // CDNOW's second customer has one repeat purchase; the third has none
  REQUIRE(s.frequency[1] > 0);
  CHECK(test::failure(try_fit_gamma_gamma_summary({s.frequency, bad, {}})).to_string() ==
        "mean_value[1]: a mean spend must be > 0");
}

TEST_CASE("a fit on data without a single repeat purchase is not reported as converged") {
  const std::vector<double> x(50, 0.0), t_x(50, 0.0), T(50, 10.0);
  const auto fit = fit_bgnbd({x, t_x, T, {}});
  CHECK_FALSE(fit.converged);
  bool warned = false;
  for (const auto& w : fit.warnings) warned = warned || w.code == errc::not_converged;
  CHECK(warned);
  // The fit document carries the warning and reads back with it.
  const auto back = parse_clv_fit(to_json(fit));
  CHECK_FALSE(back.converged);
  REQUIRE(back.warnings.size() == fit.warnings.size());
  CHECK(back.warnings.front().code == fit.warnings.front().code);
}

TEST_CASE(
    "BG/NBD and MBG/NBD expectations near z = 1: the connection formula agrees with Boost's pFq, in bounded time") {
  // Reference: (1 − z)^(r+x) ₂F₁ from Boost's general pFq, slow near z = 1 but exact.
  auto reference = [](const bgnbd_params& p, double t, double x, double t_x, double T) {
    const double z = t / (p.alpha + T + t), w = (p.alpha + T) / (p.alpha + T + t);
    const double f = boost::math::hypergeometric_pFq({p.r + x, p.b + x}, {p.a + p.b + x - 1}, z);
    const double numerator = (p.a + p.b + x - 1) / (p.a - 1) * (1 - std::pow(w, p.r + x) * f);
    const double denominator =
        x > 0 ? 1 + p.a / (p.b + x - 1) * std::pow((p.alpha + T) / (p.alpha + t_x), p.r + x) : 1.0;
    return numerator / denominator;
  };
  // CDNOW's fit, and parameters with c − a − b = a − 1 − r − x an integer (a = 2.5, r = 0.5:
  // the connection formula's poles cancel and the mean of c ± 1e-5 stands in).
  for (const bgnbd_params& p :
       {bgnbd_params{0.2425945, 4.413602, 0.7929218, 2.425906}, bgnbd_params{0.5, 3.0, 2.5, 4.0}}) {
    for (const double t : {500.0, 3000.0, 20000.0})
      for (const double x : {0.0, 2.0, 7.0}) {
        INFO("a " << p.a << ", t " << t << ", x " << x);
        const double expected = reference(p, t, x, 20, 38);
        CHECK(bgnbd_conditional_expected_transactions(p, t, x, 20, 38) == doctest::Approx(expected).epsilon(1e-9));
      }
  }
  // A horizon of 1e12 weeks used to sum about 1e10 terms per customer; now it is immediate,
  // and as t → ∞ the expectation approaches its limit for a > 1 (b/(a − 1)·… finite).
  const bgnbd_params p{0.2425945, 4.413602, 0.7929218, 2.425906};
  const auto start = std::chrono::steady_clock::now();
  const auto far = try_bgnbd_predict(p, customers_of(exact()), 1e12).value();
  const auto mb = try_mbgnbd_predict({0.525, 6.18, 0.891, 1.614}, customers_of(exact()), 1e12).value();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  for (const double e : far.expected_transactions) CHECK(std::isfinite(e));
  for (const double e : mb.expected_transactions) CHECK(std::isfinite(e));
  // a < 1: expected transactions grow without bound (like t^(1 − a)), monotone in t.
  CHECK(far.expected_transactions[0] >
        try_bgnbd_predict(p, customers_of(exact()), 1e9).value().expected_transactions[0]);
}

TEST_CASE("Pareto/NBD P(alive) with one of alpha, beta far larger: the connection formula agrees with Boost's pFq") {
  // Fader, Hardie & Lee (2005), alpha >= beta: A0 = F(z1)/(alpha+t_x)^rho - F(z2)/(alpha+T)^rho with
  // F = 2F1(rho, s+1; rho+1; (alpha-beta)/(alpha+t)), rho = r+s+x; z is 0.9996 here, where the
  // Gauss series needs thousands of terms (the fuzzer found a residual value taking minutes).
  const pnbd_params p{0.51, 30558, 0.61, 11.67};
  for (const auto& customer : {std::array<double, 3>{2, 30.43, 38.86}, {0, 0, 38.86}, {7, 12.0, 39.0}}) {
    const double x = customer[0], t_x = customer[1], T = customer[2];  // INFO cannot capture bindings (clang 14)
    const double rho = p.r + p.s + x;
    auto F = [&](double t) {
      return boost::math::hypergeometric_pFq({rho, p.s + 1}, {rho + 1}, (p.alpha - p.beta) / (p.alpha + t)) /
             std::pow(p.alpha + t, rho);
    };
    const double a0 = F(t_x) - F(T);
    const double expected = 1 / (1 + p.s / rho * std::pow(p.alpha + T, p.r + x) * std::pow(p.beta + T, p.s) * a0);
    INFO("x " << x);
    CHECK(pnbd_p_alive(p, x, t_x, T) == doctest::Approx(expected).epsilon(1e-8));
  }
}

TEST_CASE("CLV compression: distinct rows with counts, the same however the customers were split") {
  const auto& s = exact();
  const auto whole = try_compress(customers_of(s)).value();
  CHECK(whole.customers() == 2357);
  CHECK(whole.rows() < 2357);  // 1,411 customers without a repeat purchase share few ages
  CHECK(std::is_sorted(whole.frequency.begin(), whole.frequency.end()));
  // Three blocks compressed apart and merged in either grouping give the same compression.
  const std::span<const double> x(s.frequency), t(s.recency), T(s.age);
  const auto block = [&](std::size_t from, std::size_t to) {
    return try_compress({x.subspan(from, to - from), t.subspan(from, to - from), T.subspan(from, to - from), {}})
        .value();
  };
  const auto a = block(0, 700), b = block(700, 1900), c = block(1900, 2357);
  const auto left = merge(merge(a, b), c), right = merge(a, merge(c, b));
  CHECK(left.frequency == whole.frequency);
  CHECK(left.recency == whole.recency);
  CHECK(left.age == whole.age);
  CHECK(left.weights == whole.weights);
  CHECK(right.weights == whole.weights);
  CHECK(merge(whole, clv_compressed{}).weights == whole.weights);
  // The fit on the compression is the fit on the customers.
  const auto direct = try_fit_bgnbd(customers_of(s)).value();
  const auto compressed = try_fit_bgnbd(whole.view()).value();
  CHECK(compressed.customers == 2357);
  for (std::size_t i = 0; i < 4; ++i) CHECK(compressed.params[i] == doctest::Approx(direct.params[i]).epsilon(1e-9));
  CHECK(compressed.log_likelihood == doctest::Approx(direct.log_likelihood).epsilon(1e-12));
  // Errors name the input's row.
  std::vector<double> bad(s.frequency);
  bad[5] = 1.5;
  CHECK(test::fails(try_compress({bad, s.recency, s.age, {}})) ==
        "frequency[5]: a frequency must be a whole number >= 0");
}
