#include <excellence/complaints/complaint_rate.hpp>
#include <excellence/complaints/resolution.hpp>

#include "test_support.hpp"

#include <vector>

using namespace excellence;

TEST_CASE("resolution times: Kaplan-Meier with open complaints censored, by hand") {
  // Resolved after 1, 2, 2, 3 days; open at 2 and 4 days.
  //   t = 1: 6 at risk, 1 resolved -> S = 5/6
  //   t = 2: 5 at risk (the open one counts: resolutions come first), 2 resolved -> S = 5/6 * 3/5 = 1/2
  //   t = 3: 2 at risk (3 and the open 4), 1 resolved -> S = 1/4
  const std::vector<complaint_time> complaints{{3, true}, {2, false}, {1, true}, {2, true}, {4, false}, {2, true}};
  const auto r = try_resolution_times(complaints).value();
  CHECK(r.n == 6);
  CHECK(r.n_resolved == 4);
  CHECK(r.n_open == 2);
  REQUIRE(r.curve.size() == 3);
  CHECK(r.curve[0].unresolved == doctest::Approx(5.0 / 6.0).epsilon(1e-15));
  CHECK(r.curve[1].unresolved == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(r.curve[1].at_risk == 5);
  CHECK(r.curve[2].unresolved == doctest::Approx(0.25).epsilon(1e-15));
  CHECK(r.median().value() == 2.0);
  CHECK(r.percentile(0.75).value() == 3.0);
  CHECK_FALSE(r.percentile(0.9).has_value());  // never reached: not estimable, not guessed
  CHECK(r.share_within(2.0) == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(r.share_within(0.5) == 0.0);
  // Area under the curve to 4 days: 1 + 5/6 + 1/2 + 1/4, a lower bound (the last one is open).
  CHECK(r.restricted_mean == doctest::Approx(1 + 5.0 / 6.0 + 0.5 + 0.25).epsilon(1e-15));
  CHECK(r.restricted_to == 4.0);
  CHECK(r.mean_is_lower_bound);
  // All resolved: the restricted mean is the plain mean.
  const std::vector<complaint_time> closed{{1, true}, {2, true}, {6, true}};
  const auto c = try_resolution_times(closed).value();
  CHECK(c.restricted_mean == doctest::Approx(3.0).epsilon(1e-15));
  CHECK_FALSE(c.mean_is_lower_bound);
  CHECK(c.median().value() == 2.0);
  const std::vector<complaint_time> bad{{1, true}, {-1, true}};
  CHECK(test::failure(try_resolution_times(bad)).path == "complaints[1].duration");
  CHECK(test::failure(try_resolution_times({})).code == errc::invalid_value);
}

TEST_CASE("first-contact resolution and reopen rate") {
  const auto fcr = try_first_contact_resolution(72, 90).value();
  CHECK(fcr.share == doctest::Approx(0.8).epsilon(1e-15));
  CHECK(try_reopen_rate(9, 90)->share == doctest::Approx(0.1).epsilon(1e-15));
  CHECK(test::failure(try_reopen_rate(1, 0)).path == "resolved");
  CHECK(test::failure(try_reopen_rate(91, 90)).code == errc::invalid_value);
  CHECK(test::failure(try_first_contact_resolution(-1, 5)).code == errc::out_of_range);
}

TEST_CASE("complaint rate with a declared denominator") {
  // 30 complaints on 12,000 orders in a quarter: 0.0025 per order, 2.5 per 1000.
  const period quarter{1, time_unit::quarter};
  const auto r = try_complaint_rate(30, 12000, complaint_base::orders, quarter).value();
  CHECK(r.rate == doctest::Approx(0.0025).epsilon(1e-15));
  CHECK(r.per_thousand == doctest::Approx(2.5).epsilon(1e-15));
  CHECK(r.base == complaint_base::orders);
  CHECK(r.per == quarter);
  CHECK(test::failure(try_complaint_rate(3, 0, complaint_base::customers, quarter)).message ==
        "no customers in the period: the complaint rate is undefined");
}

TEST_CASE("the iceberg: formal complaints are 5 % of the dissatisfied by default") {
  // 50 formal complaints / 5 % = 1000 dissatisfied: 350 voice it elsewhere, 600 stay silent.
  const auto i = try_iceberg(50).value();
  CHECK(i.dissatisfied == doctest::Approx(1000.0).epsilon(1e-14));
  CHECK(i.voiced_elsewhere == doctest::Approx(350.0).epsilon(1e-14));
  CHECK(i.silent == doctest::Approx(600.0).epsilon(1e-14));
  // TARP's small-problem case, 3 % complaining: 30 complaints stand for 1000.
  CHECK(try_iceberg(30, {0.03, 0.47, 0.50})->dissatisfied == doctest::Approx(1000.0).epsilon(1e-14));
  CHECK(test::failure(try_iceberg(50, {0.05, 0.35, 0.50})).path == "shares");  // sums to 0.9
  CHECK(test::failure(try_iceberg(50, {0.0, 0.4, 0.6})).path == "shares");
  CHECK(test::failure(try_iceberg(-1)).code == errc::out_of_range);
}

TEST_CASE("the 1 : 10 : 100 escalation of handling cost") {
  // Same day x1, next day x10, later x100: delays 0, 0, 1 and 3 days cost 1 + 1 + 10 + 100.
  const std::vector<double> delays{0, 0, 1, 3};
  const auto e = try_escalation_cost(1.0, delays).value();
  CHECK(e.total == 112.0);
  CHECK(e.mean == 28.0);
  CHECK(e.n == 4);
  // Custom multipliers, and a delay the steps do not cover.
  const std::vector<escalation_step> steps{{1, 1}, {5, 3}};
  const std::vector<double> late{0.5, 4, 9};
  CHECK(test::failure(try_escalation_cost(10.0, late, steps)).path == "delays[2]");
  const std::vector<escalation_step> unsorted{{5, 1}, {1, 3}};
  CHECK(test::failure(try_escalation_cost(10.0, delays, unsorted)).path == "steps[1]");
}
