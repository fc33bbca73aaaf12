#include <excellence/satisfaction/ces.hpp>
#include <excellence/satisfaction/csat.hpp>
#include <excellence/satisfaction/nps.hpp>

#include "test_support.hpp"

#include <cmath>
#include <vector>

using namespace excellence;

namespace {
// 5 promoters (10, 9, 9, 10, 9), 2 passives (8, 7), 3 detractors (6, 5, 0): n = 10.
const std::vector<double> answers{10, 9, 9, 8, 7, 6, 5, 0, 10, 9};
constexpr double z95 = 1.959963984540054;  // standard normal 0.975 quantile
}  // namespace

TEST_CASE("NPS = %promoters - %detractors with its standard error, by hand") {
  const auto r = nps(answers);
  CHECK(r.n == 10);
  CHECK(r.promoters == 5);
  CHECK(r.passives == 2);
  CHECK(r.detractors == 3);
  CHECK(r.nps == doctest::Approx(20.0).epsilon(1e-14));  // 50 % - 30 %
  // Var per answer = p + d - (p - d)^2 = 0.8 - 0.04 = 0.76; the other published form
  // p(1 - p) + d(1 - d) + 2pd = 0.25 + 0.21 + 0.30 gives the same. SE = 100 sqrt(0.76 / 10).
  CHECK(r.se == doctest::Approx(100 * std::sqrt(0.076)).epsilon(1e-14));
  CHECK(r.effective_n == 10.0);
}

TEST_CASE("NPS intervals: Wald and adjusted Wald") {
  const auto r = nps(answers);
  const auto wald = try_nps_interval(r).value();
  CHECK(wald.lower == doctest::Approx(20 - z95 * 100 * std::sqrt(0.076)).epsilon(1e-12));
  CHECK(wald.upper == doctest::Approx(20 + z95 * 100 * std::sqrt(0.076)).epsilon(1e-12));
  // Adjusted: + 0.75 promoter, 1.5 passive, 0.75 detractor -> p = 5.75/13, d = 3.75/13.
  const double p = 5.75 / 13, d = 3.75 / 13;
  const double se = 100 * std::sqrt((p + d - (p - d) * (p - d)) / 13);
  const auto adjusted = try_nps_interval(r, 0.95, nps_interval_method::adjusted_wald).value();
  CHECK(adjusted.centre == doctest::Approx(100 * (p - d)).epsilon(1e-12));
  CHECK(adjusted.lower == doctest::Approx(100 * (p - d) - z95 * se).epsilon(1e-12));
  // All promoters: Wald degenerates to width 0, adjusted Wald does not, and both stay in range.
  const std::vector<double> all{10, 10, 9};
  const auto degenerate = try_nps_interval(nps(all)).value();
  CHECK(degenerate.lower == 100.0);
  CHECK(degenerate.upper == 100.0);
  const auto useful = try_nps_interval(nps(all), 0.95, nps_interval_method::adjusted_wald).value();
  CHECK(useful.lower < 100.0);
  CHECK(useful.upper <= 100.0);
  CHECK(test::failure(try_nps_interval(r, 1.0)).path == "confidence");
}

TEST_CASE("NPS: two samples, weights, bands and errors") {
  // Second sample 10, 10, 10, 6: NPS 50, SE 100 sqrt(0.75 / 4).
  const std::vector<double> second{10, 10, 10, 6};
  const auto c = compare_nps(nps(answers), nps(second));
  CHECK(c.difference == doctest::Approx(-30.0).epsilon(1e-14));
  const double se = std::sqrt(100 * 100 * 0.076 + 100 * 100 * 0.75 / 4);
  CHECK(c.se == doctest::Approx(se).epsilon(1e-14));
  CHECK(c.z.value() == doctest::Approx(-30.0 / se).epsilon(1e-14));
  CHECK(c.p_value.value() == doctest::Approx(2 * 0.5 * std::erfc(30.0 / se / std::sqrt(2.0))).epsilon(1e-12));
  // Weights 3 and 1 on a promoter and a detractor: 75 % - 25 %, effective n (4^2)/(9 + 1) = 1.6.
  const std::vector<double> two{10, 0}, weights{3, 1};
  const auto w = nps(two, {}, weights);
  CHECK(w.nps == 50.0);
  CHECK(w.effective_n == doctest::Approx(1.6).epsilon(1e-15));
  CHECK(w.se == doctest::Approx(100 * std::sqrt(0.75 / 1.6)).epsilon(1e-14));
  // Other bands: a 1-5 scale with 5 promoters and 1-3 detractors.
  const std::vector<double> five{5, 4, 3, 1};
  CHECK(nps(five, {1, 5, 3, 5}).nps == doctest::Approx(-25.0).epsilon(1e-14));
  // Errors, each naming the answer.
  const std::vector<double> fractional{9, 8.5}, outside{11}, missing{std::nan("")};
  CHECK(test::failure(try_nps(fractional)).path == "answers[1]");
  CHECK(test::failure(try_nps(outside)).code == errc::out_of_range);
  CHECK(test::failure(try_nps(missing)).path == "answers[0]");
  CHECK(test::failure(try_nps({})).code == errc::invalid_value);
  CHECK(test::failure(try_nps(answers, {0, 10, 8, 7})).path == "bands");
  const std::vector<double> short_weights{1};
  CHECK(test::failure(try_nps(answers, {}, short_weights)).path == "weights");
}

TEST_CASE("CSAT: top-box share with a Wilson interval; the mean kept separate") {
  // Ratings 5 4 4 3 2 5 1 4 5 3: six in the top box 4-5 -> 60 %; mean 36 / 10 = 3.6.
  const std::vector<double> ratings{5, 4, 4, 3, 2, 5, 1, 4, 5, 3};
  const auto r = csat(ratings);
  CHECK(r.csat == doctest::Approx(60.0).epsilon(1e-14));
  CHECK(r.satisfied == 6);
  CHECK(r.mean_rating == doctest::Approx(3.6).epsilon(1e-14));
  // Wilson 95 % for 6/10: (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n) = 31.27 % .. 83.18 %.
  const double z2 = z95 * z95;
  const double centre = (0.6 + z2 / 20) / (1 + z2 / 10);
  const double half = z95 * std::sqrt(0.024 + z2 / 400) / (1 + z2 / 10);
  CHECK(r.lower == doctest::Approx(100 * (centre - half)).epsilon(1e-12));
  CHECK(r.upper == doctest::Approx(100 * (centre + half)).epsilon(1e-12));
  CHECK(r.lower == doctest::Approx(31.27).epsilon(1e-4));
  CHECK(r.upper == doctest::Approx(83.18).epsilon(1e-4));
  // Top-1-box on a 7-point scale.
  const std::vector<double> seven{7, 6, 7, 1};
  CHECK(csat(seven, {1, 7, 7}).csat == 50.0);
  // Errors.
  const std::vector<double> outside{6};
  CHECK(test::failure(try_csat(outside)).code == errc::out_of_range);
  CHECK(test::failure(try_csat(ratings, {1, 5, 6})).path == "scale");
  CHECK(test::failure(try_csat({})).code == errc::invalid_value);
}

TEST_CASE("CES: version and direction recorded") {
  // CES 2.0 answers 7 6 5 4 3 2 7 6: easy (5-7) 5 of 8, hard (1-3) 2 of 8, mean 40 / 8.
  const std::vector<double> answers2{7, 6, 5, 4, 3, 2, 7, 6};
  const auto r = ces(answers2);
  CHECK(r.version == "CES 2.0");
  CHECK(r.direction == effort_direction::higher_is_easier);
  CHECK(r.mean == 5.0);
  CHECK(r.easy == 62.5);
  CHECK(r.hard == 25.0);
  CHECK(r.net == 37.5);
  // CES 1.0: lower is better; answers 1 2 5 3: easy (1-2) 50 %, hard (4-5) 25 %.
  const std::vector<double> answers1{1, 2, 5, 3};
  const auto old = ces(answers1, ces_1_0);
  CHECK(old.direction == effort_direction::higher_is_harder);
  CHECK(old.easy == 50.0);
  CHECK(old.hard == 25.0);
  CHECK(old.mean == 2.75);
  const std::vector<double> seven{7};
  CHECK(test::failure(try_ces(seven, ces_1_0)).code == errc::out_of_range);
  ces_scale overlapping = ces_2_0;
  overlapping.hard_to = 5;
  CHECK(test::failure(try_ces(answers2, overlapping)).path == "scale");
}
