#include <excellence/loyalty/lifetime_value.hpp>
#include <excellence/loyalty/retention.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {
const period yearly{1, time_unit::year};
const period quarterly{1, time_unit::quarter};
}  // namespace

TEST_CASE("retention (E - N) / S and churn, by hand") {
  // 200 customers at the start, 30 acquired, 190 at the end: 160 retained, 0.8 per year.
  const auto r = retention({.at_start = 200, .at_end = 190, .acquired = 30}, yearly);
  CHECK(r.retained == 160);
  CHECK(r.n == 200);
  CHECK(r.retention.value == 0.8);
  CHECK(r.retention.per == yearly);
  CHECK(r.churn.value == doctest::Approx(0.2).epsilon(1e-15));
  // Everyone kept, nobody new.
  CHECK(retention({.at_start = 7, .at_end = 7, .acquired = 0}, quarterly).retention.value == 1.0);
}

TEST_CASE("retention: the edge cases of metrics.md 3.9 are errors, never clamped") {
  auto d = test::failure(try_retention({.at_start = 0, .at_end = 10, .acquired = 10}, yearly));
  CHECK(d.code == errc::invalid_value);
  CHECK(d.path == "at_start");
  d = test::failure(try_retention({.at_start = 100, .at_end = 20, .acquired = 30}, yearly));  // E - N < 0
  CHECK(d.code == errc::invalid_value);
  CHECK(d.path == "acquired");
  d = test::failure(try_retention({.at_start = 100, .at_end = 150, .acquired = 10}, yearly));  // E - N > S
  CHECK(d.code == errc::invalid_value);
  CHECK(d.message ==
        "140 customers retained out of 100 at the start: are reactivated customers counted as existing ones?");
  CHECK(test::failure(try_retention({.at_start = -1, .at_end = 0, .acquired = 0}, yearly)).code == errc::out_of_range);
}

TEST_CASE("average customer life 1 / (1 - r): the domain documents' retention table") {
  // Seed 003 (credit-card industry): retention 50/60/70/80/90/95 % -> life 2/2.5/3.3/5/10/20 years.
  const std::pair<double, double> table[] = {{0.50, 2.0}, {0.60, 2.5},  {0.70, 10.0 / 3.0},
                                             {0.80, 5.0}, {0.90, 10.0}, {0.95, 20.0}};
  for (const auto& [r, years] : table) {
    const auto life = average_life({r, yearly});
    CHECK(life.periods == doctest::Approx(years).epsilon(1e-12));
    CHECK(life.additional_periods == doctest::Approx(years - 1.0).epsilon(1e-12));
    CHECK(life.per == yearly);
  }
  CHECK(average_life({0.0, yearly}).periods == 1.0);
  CHECK(test::failure(try_average_life({1.0, yearly})).code == errc::invalid_value);  // infinite life
  CHECK(test::failure(try_average_life({1.5, yearly})).code == errc::out_of_range);
  CHECK(test::failure(try_average_life({std::nan(""), yearly})).code == errc::out_of_range);
}

TEST_CASE("simple CLV m r / (1 + d - r) and its variants, by hand") {
  // Gupta & Lehmann's margin multiple at r = 0.8, d = 0.1: 0.8 / 0.3 = 2.67.
  auto v = simple_clv(100, {0.8, yearly}, {0.1, yearly});
  CHECK(v.margin_multiple == doctest::Approx(8.0 / 3.0).epsilon(1e-14));
  CHECK(v.clv == doctest::Approx(800.0 / 3.0).epsilon(1e-14));
  CHECK(v.per == yearly);
  // Margin at the start of each period: m (1 + d) / (1 + d - r) = 110 / 0.3.
  v = simple_clv(100, {0.8, yearly}, {0.1, yearly}, {.timing = margin_timing::start_of_period});
  CHECK(v.clv == doctest::Approx(1100.0 / 3.0).epsilon(1e-14));
  // Three periods, end of period, q = r / (1 + d) = 8/11:
  // 100 (8/11 + 64/121 + 512/1331) = 100 * 2184 / 1331.
  v = simple_clv(100, {0.8, yearly}, {0.1, yearly}, {.horizon = 3});
  CHECK(v.clv == doctest::Approx(218400.0 / 1331.0).epsilon(1e-14));
  // Three periods, start of period: 100 (1 + 8/11 + 64/121) = 100 * 273 / 121.
  v = simple_clv(100, {0.8, yearly}, {0.1, yearly}, {.timing = margin_timing::start_of_period, .horizon = 3});
  CHECK(v.clv == doctest::Approx(27300.0 / 121.0).epsilon(1e-14));
  // A long finite horizon approaches the infinite one.
  CHECK(simple_clv(100, {0.8, yearly}, {0.1, yearly}, {.horizon = 2000}).clv ==
        doctest::Approx(800.0 / 3.0).epsilon(1e-12));
  // Acquisition cost is subtracted; the multiple is before it.
  v = simple_clv(100, {0.8, yearly}, {0.1, yearly}, {.acquisition_cost = 50});
  CHECK(v.clv == doctest::Approx(800.0 / 3.0 - 50.0).epsilon(1e-14));
  CHECK(v.margin_multiple == doctest::Approx(8.0 / 3.0).epsilon(1e-14));
  // Without discounting, r / (1 - r) margins: 4 at r = 0.8.
  CHECK(simple_clv(1, {0.8, quarterly}, {0.0, quarterly}).clv == doctest::Approx(4.0).epsilon(1e-14));
}

TEST_CASE("simple CLV errors") {
  auto d = test::failure(try_simple_clv(100, {1.0, yearly}, {0.0, yearly}));  // 1 + d - r = 0: diverges
  CHECK(d.code == errc::invalid_value);
  CHECK(d.message == "1 + d - r <= 0: with an infinite horizon the lifetime value diverges");
  CHECK(try_simple_clv(100, {1.0, yearly}, {0.0, yearly}, {.horizon = 5})->clv == 500.0);  // finite is fine
  d = test::failure(try_simple_clv(100, {0.8, quarterly}, {0.1, yearly}));
  CHECK(d.code == errc::invalid_value);
  CHECK(d.message == "the retention rate is per quarter but the discount rate per year; give both per the same period");
  CHECK(test::failure(try_simple_clv(100, {1.2, yearly}, {0.1, yearly})).code == errc::out_of_range);
  CHECK(test::failure(try_simple_clv(100, {0.8, yearly}, {-1.0, yearly})).code == errc::out_of_range);
  CHECK(test::failure(try_simple_clv(INFINITY, {0.8, yearly}, {0.1, yearly})).code == errc::out_of_range);
  CHECK(test::failure(try_simple_clv(100, {0.8, yearly}, {0.1, yearly}, {.horizon = 0})).code == errc::out_of_range);
  const period three_months{3, time_unit::month};
  CHECK(three_months.to_string() == "3 months");
  CHECK(test::failure(try_simple_clv(1, {0.8, three_months}, {0.1, quarterly})).code == errc::invalid_value);
}
