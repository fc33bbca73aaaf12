// Cohort retention tables, Markov-chain CLV, loyalty indicators and the composite index,
// internal-customer indicators, ABC tiers and the customer pyramid: hand-computed
// examples and the edge cases of tests/data/reference/metrics.md §3.9, §3.10 and §3.12.
#include <excellence/loyalty/cohort.hpp>
#include <excellence/loyalty/indicators.hpp>
#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/markov_clv.hpp>
#include <excellence/loyalty/tiers.hpp>

#include "test_support.hpp"

#include <limits>

#include <string>
#include <vector>

using namespace excellence;

namespace {
constexpr period month{1, time_unit::month};
constexpr period per_year{1, time_unit::year};
}  // namespace

TEST_CASE("cohort retention: active and retained customers per cohort and age, by hand") {
  // c1 active in months 0, 1, 3; c2 in 0, 2; c3 in 1 (twice) and 2; c4 in 2; c5 in 0.
  const std::vector<activity_record> records{{"c1", 0}, {"c2", 0}, {"c5", 0}, {"c1", 1}, {"c3", 1},
                                             {"c3", 1}, {"c2", 2}, {"c3", 2}, {"c4", 2}, {"c1", 3}};
  const auto t = cohort_retention(records, month);
  CHECK(t.records == 10);
  CHECK(t.repeated == 1);  // c3 in month 1 counted once
  CHECK(t.customers == 5);
  CHECK((t.first_period == 0 && t.last_period == 3));
  REQUIRE(t.cohorts.size() == 3);
  const auto& m0 = t.cohorts[0];
  CHECK(m0.cohort == 0);
  CHECK(m0.size == 3);
  CHECK(m0.active == std::vector<std::size_t>{3, 1, 1, 1});    // c1 comes back in month 3
  CHECK(m0.retained == std::vector<std::size_t>{3, 2, 2, 1});  // c5 never returns; c2 last seen at age 2
  CHECK(m0.retention[1] == doctest::Approx(2.0 / 3));
  CHECK(m0.active_share[2] == doctest::Approx(1.0 / 3));
  // Later cohorts are observed for fewer months: their rows are shorter, not zero-padded.
  CHECK(t.cohorts[1].active == std::vector<std::size_t>{1, 1, 0});
  CHECK(t.cohorts[2].retained == std::vector<std::size_t>{1, 0});
  // Pooled over the cohorts observed at each age.
  CHECK(t.cohorts_by_age == std::vector<std::size_t>{3, 3, 2, 1});
  const std::vector<double> pooled{1.0, 3.0 / 5, 2.0 / 4, 1.0 / 3};
  const std::vector<double> active{1.0, 2.0 / 5, 1.0 / 4, 1.0 / 3};
  REQUIRE(t.retention_by_age.size() == 4);
  for (std::size_t age = 0; age < 4; ++age) {
    CHECK(t.retention_by_age[age] == doctest::Approx(pooled[age]));
    CHECK(t.active_share_by_age[age] == doctest::Approx(active[age]));
  }
  CHECK(t.per == month);
}

TEST_CASE("cohort retention: errors") {
  CHECK(test::fails(try_cohort_retention({}, month)) == "records: no activity records");
  const std::vector<activity_record> unnamed{{"c1", 0}, {"", 1}};
  CHECK(test::fails(try_cohort_retention(unnamed, month)) == "records[1].customer: a customer id cannot be empty");
  const std::vector<activity_record> dates{{"c1", 202401}, {"c1", 20240105}};
  CHECK(test::fails(try_cohort_retention(dates, month)) ==
        "records: the periods span more than 100000 values; periods must be consecutive integers (0, 1, 2 ...), "
        "not dates or codes such as 202401");
}

namespace {
// Active (reward = margin) or lost (absorbing, reward 0): the simple CLV model as a chain.
markov_chain retention_chain(double margin, double r) {
  return {{"active", "lost"}, {r, 1 - r, 0, 1}, {margin, 0}, per_year};
}
}  // namespace

TEST_CASE("Markov CLV: a two-state chain reproduces the simple CLV with the margin at the start") {
  const auto chain = retention_chain(100, 0.8);
  const rate d{0.1, per_year};
  const auto infinite = markov_clv(chain, d);
  CHECK(infinite.values[0] == doctest::Approx(100 * 1.1 / 0.3).epsilon(1e-12));  // m(1 + d)/(1 + d - r)
  CHECK(infinite.values[1] == 0);
  const clv_options start{.timing = margin_timing::start_of_period};
  CHECK(infinite.values[0] == doctest::Approx(simple_clv(100, {0.8, per_year}, d, start).clv).epsilon(1e-12));
  for (const std::int32_t horizon : {1, 2, 5, 30}) {
    INFO("horizon " << horizon);
    const clv_options finite{.timing = margin_timing::start_of_period, .horizon = horizon};
    CHECK(markov_clv(chain, d, {.horizon = horizon}).values[0] ==
          doctest::Approx(simple_clv(100, {0.8, per_year}, d, finite).clv).epsilon(1e-12));
  }
}

TEST_CASE("Markov CLV: a relationship ladder by hand") {
  // new -> repeat 0.6, new -> lost 0.4; repeat stays 0.8, is lost 0.2; rewards 50, 100, 0; d = 25 %.
  const markov_chain ladder{{"new", "repeat", "lost"}, {0, 0.6, 0.4, 0, 0.8, 0.2, 0, 0, 1}, {50, 100, 0}, per_year};
  const rate d{0.25, per_year};
  const auto v = markov_clv(ladder, d).values;
  // V_repeat = 100 + (0.8/1.25) V_repeat = 100/0.36; V_new = 50 + (0.6/1.25) V_repeat.
  CHECK(v[1] == doctest::Approx(100 / 0.36).epsilon(1e-12));
  CHECK(v[0] == doctest::Approx(50 + 0.48 * 100 / 0.36).epsilon(1e-12));
  // Two periods: V = R + P R/(1 + d).
  const auto two = markov_clv(ladder, d, {.horizon = 2}).values;
  CHECK(two[0] == doctest::Approx(50 + 0.48 * 100));
  CHECK(two[1] == doctest::Approx(100 + 0.64 * 100));
  // 100 new customers: after one period 60 repeat and 40 lost, after two 48 and 52.
  const std::vector<double> start{100, 0, 0};
  CHECK(state_distribution(ladder, start, 1) == std::vector<double>{0, 60, 40});
  const auto after_two = state_distribution(ladder, start, 2);
  CHECK(after_two[1] == doctest::Approx(48));
  CHECK(after_two[2] == doctest::Approx(52));
  CHECK(state_distribution(ladder, start, 0) == start);
}

TEST_CASE("Markov CLV: any horizon costs O(log T) steps and approaches the infinite horizon") {
  const markov_chain ladder{{"new", "repeat", "lost"}, {0, 0.6, 0.4, 0, 0.8, 0.2, 0, 0, 1}, {50, 100, 0}, per_year};
  const rate d{0.25, per_year};
  const auto infinite = markov_clv(ladder, d).values;
  // The largest horizon there is: the finite sum equals the series' limit.
  const auto longest = markov_clv(ladder, d, {.horizon = std::numeric_limits<std::int32_t>::max()}).values;
  for (std::size_t i = 0; i < 3; ++i) CHECK(longest[i] == doctest::Approx(infinite[i]).epsilon(1e-12));
  // Horizon 3 by hand: V = R + M R + M² R with M = P / 1.25.
  const auto three = markov_clv(ladder, d, {.horizon = 3}).values;
  CHECK(three[1] == doctest::Approx(100 + 64 + 0.64 * 64));
  CHECK(three[0] == doctest::Approx(50 + 48 + 0.48 * 64));
  // Without discounting a chain still ends in "lost": after two billion periods everyone is there.
  const std::vector<double> start{100, 0, 0};
  const auto late = state_distribution(ladder, start, std::numeric_limits<std::int32_t>::max());
  CHECK(late[0] == 0);
  CHECK(late[1] == doctest::Approx(0).epsilon(1e-12));
  CHECK(late[2] == doctest::Approx(100).epsilon(1e-12));
}

TEST_CASE("Markov CLV: invalid chains and discounting are errors") {
  auto chain = retention_chain(100, 0.8);
  chain.transitions[1] = 0.3;
  CHECK(test::fails(try_markov_clv(chain, {0.1, per_year})) ==
        "transitions: row 0: the probabilities out of \"active\" sum to 1.1, not 1");
  chain = retention_chain(100, 0.8);
  chain.transitions = {0.8, 0.2, 0};
  CHECK(test::fails(try_markov_clv(chain, {0.1, per_year})) ==
        "transitions: expected 4 probabilities (2 x 2, row-major), got 3");
  chain = retention_chain(100, 0.8);
  chain.transitions[0] = -0.1;
  CHECK(test::fails(try_markov_clv(chain, {0.1, per_year})) ==
        "transitions[0]: P(active -> active) must lie in [0, 1]");
  chain = retention_chain(100, 0.8);
  chain.states[1] = "active";
  CHECK(test::fails(try_markov_clv(chain, {0.1, per_year})) == "states[1]: state \"active\" repeats");
  chain = retention_chain(100, 0.8);
  CHECK(test::fails(try_markov_clv(chain, {0.1, month})) ==
        "discount: the chain moves per year but the discount rate is per month; give both per the same period");
  CHECK(test::fails(try_markov_clv(chain, {0.0, per_year})) ==
        "discount: an infinite horizon needs a discount rate > 0 (otherwise the value need not converge)");
  CHECK(markov_clv(chain, {0.0, per_year}, {.horizon = 3}).values[0] == doctest::Approx(100 + 80 + 64));
  CHECK(test::fails(try_markov_clv(chain, {0.1, per_year}, {.horizon = 0})) ==
        "horizon: the horizon must be at least 1 period");
  const std::vector<double> wrong{1};
  CHECK(test::fails(try_state_distribution(chain, wrong, 1)) == "initial: expected one entry per state (2), got 1");
}

TEST_CASE("repeat-purchase, cross-buying and referral rates") {
  const auto repeat = try_repeat_purchase_rate(120, 400, per_year).value();
  CHECK(repeat.share == doctest::Approx(0.3));
  CHECK(repeat.per == per_year);
  const std::vector<double> purchases{0, 1, 2, 3, 1};
  const auto from_counts = try_repeat_purchase_rate(purchases, per_year).value();
  CHECK(from_counts.count == 2);
  CHECK(from_counts.base == 5);
  const std::vector<double> categories{1, 2, 2, 1};
  CHECK(try_cross_buying_rate(categories, per_year).value().share == doctest::Approx(0.5));
  CHECK(try_referral_rate(30, 400, per_year).value().share == doctest::Approx(0.075));
  CHECK(test::fails(try_repeat_purchase_rate(500, 400, per_year)) ==
        "repeat_buyers: more repeat_buyers (500) than customers (400)");
  CHECK(test::fails(try_cross_buying_rate(1, 0, per_year)) ==
        "customers: the customers must be > 0: the rate is undefined");
  const std::vector<double> fractional{1, 2.5};
  CHECK(test::fails(try_repeat_purchase_rate(fractional, per_year)) ==
        "purchases[1]: a count must be a whole number >= 0");
}

TEST_CASE("arc price elasticity uses midpoints, so the direction does not matter") {
  const auto e = try_arc_price_elasticity(10, 100, 12, 80).value();
  CHECK(e.price_change == doctest::Approx(2.0 / 11));
  CHECK(e.quantity_change == doctest::Approx(-20.0 / 90));
  CHECK(e.elasticity == doctest::Approx(-11.0 / 9));
  CHECK(try_arc_price_elasticity(12, 80, 10, 100).value().elasticity == doctest::Approx(-11.0 / 9));
  CHECK(test::fails(try_arc_price_elasticity(10, 100, 10, 80)) ==
        "price_2: the prices are equal: there is no price change to measure");
  CHECK(test::fails(try_arc_price_elasticity(0, 100, 10, 80)) == "price_1: a price must be > 0");
}

TEST_CASE("composite loyalty index with the caller's weights") {
  const std::vector<loyalty_component> components{
      {"repeat purchase", 0.3, 2}, {"referral", 0.1, 1}, {"price sensitive", 0.4, 1, false}};
  const auto r = try_loyalty_index(components).value();
  // 100 (2 x 0.3 + 0.1 + (1 - 0.4)) / 4 = 32.5
  CHECK(r.index == doctest::Approx(32.5));
  CHECK(r.weights[0] == doctest::Approx(0.5));
  CHECK(r.points[2] == doctest::Approx(15));
  const std::vector<loyalty_component> off{{"repeat purchase", 1.3}};
  CHECK(test::fails(try_loyalty_index(off)) == "components[0].value: a component must be a share in [0, 1]");
  const std::vector<loyalty_component> zero{{"repeat purchase", 0.3, 0}};
  CHECK(test::fails(try_loyalty_index(zero)) == "components: the weights sum to 0");
}

TEST_CASE("internal-customer indicators over the average headcount") {
  const internal_customer_counts c{.headcount_start = 90,
                                   .headcount_end = 110,
                                   .complaints = 5,
                                   .leavers = 12,
                                   .violations = 3,
                                   .participants = 60,
                                   .suggestions = 150,
                                   .trained = 80};
  const auto r = try_internal_customer_indicators(c, per_year).value();
  CHECK(r.average_headcount == 100);
  CHECK(r.complaint_rate == doctest::Approx(0.05));
  CHECK(r.turnover_rate == doctest::Approx(0.12));
  CHECK(r.violation_rate == doctest::Approx(0.03));
  CHECK(r.participation_rate == doctest::Approx(0.6));
  CHECK(r.suggestion_rate == doctest::Approx(1.5));
  CHECK(r.training_rate == doctest::Approx(0.8));
  CHECK(test::fails(try_internal_customer_indicators({}, per_year)) ==
        "headcount_end: no employees: the rates are undefined");
  CHECK(test::fails(try_internal_customer_indicators({.headcount_start = 10, .headcount_end = 10, .trained = 11},
                                                     per_year)) == "trained: more trained (11) than employees (10)");
  CHECK(test::fails(try_internal_customer_indicators({.headcount_start = 10, .leavers = -1}, per_year)) ==
        "leavers: a count cannot be negative");
}

TEST_CASE("ABC tiers by cumulative value share: the customer crossing a cut stays in the upper tier") {
  const std::vector<double> revenue{50, 500, 20, 300, 30, 100};  // total 1000
  const auto r = abc_tiers(revenue);
  CHECK(r.tier == std::vector<std::size_t>{1, 0, 2, 0, 2, 1});
  CHECK(r.tiers[0].name == "A");
  CHECK(r.tiers[0].customers == 2);
  CHECK(*r.tiers[0].value_share == doctest::Approx(0.8));
  CHECK(r.tiers[1].value == 150);
  CHECK(r.tiers[2].customer_share == doctest::Approx(2.0 / 6));
  // 80 % is reached exactly after 500 + 300: the 100 starts at 80 %, so it is B.
  // Ties are never split: both 30s start at 40 % and are A, though together they reach 100 %.
  const std::vector<double> tied{40, 30, 30, 0};
  const auto t = abc_tiers(tied, {.a_cut = 0.5, .b_cut = 0.9});
  CHECK(t.tier == std::vector<std::size_t>{0, 0, 0, 2});
  CHECK(t.tiers[1].customers == 0);
  // By count: the top 50 % of customers (ranks start at 0, 1/6, ..., 5/6 of customers).
  const auto by_count = abc_tiers(revenue, {.basis = tier_basis::count, .a_cut = 0.5, .b_cut = 0.8});
  CHECK(by_count.tier == std::vector<std::size_t>{1, 0, 2, 0, 1, 0});
}

TEST_CASE("customer pyramid: platinum, gold, iron, lead by count; unprofitable customers are lead") {
  const std::vector<double> margin{50, 40, -10, -5, 30};
  const auto r = customer_pyramid(margin);
  // Ranks 50, 40, 30, -5, -10 start at 0, 20, 40, 60, 80 % of customers.
  CHECK(r.tier == std::vector<std::size_t>{0, 1, 3, 3, 1});  // -5 would be iron but loses money
  CHECK(r.unprofitable == 2);
  CHECK(r.tiers[3].name == "lead");
  CHECK(r.tiers[3].value == -15);
  CHECK(r.tiers[0].value_share.has_value());  // the total, 105, is positive
  const auto plain = customer_pyramid(margin, {.unprofitable_are_lead = false});
  CHECK(plain.tier == std::vector<std::size_t>{0, 1, 3, 2, 1});
}

TEST_CASE("tiers: errors") {
  const std::vector<double> negative{10, -1};
  CHECK(test::fails(try_abc_tiers(negative)) ==
        "values[1]: tiers by value share need values >= 0 (use tier_basis::count for margins that can be negative)");
  const std::vector<double> ok{10, 5};
  CHECK(test::fails(try_abc_tiers(ok, {.a_cut = 0.9, .b_cut = 0.8})) ==
        "cuts[1]: cut points must be ascending shares strictly between 0 and 1");
  CHECK(test::fails(try_customer_pyramid(ok, {.cuts = {0.5}})) ==
        "cuts: the pyramid needs 3 cut points (platinum, gold, iron), got 1");
  CHECK(test::fails(try_abc_tiers({})) == "values: no customers");
  const std::vector<double> zeros{0, 0};
  CHECK(test::fails(try_abc_tiers(zeros)) == "values: the values sum to 0: value shares are undefined");
}
