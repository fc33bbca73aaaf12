#include <excellence/evidence/trend.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace excellence;

namespace {

// S of one ordering, counted directly: the brute-force reference for the exact p-values.
long kendall_s(const std::vector<double>& x) {
  long s = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i + 1; j < x.size(); ++j) s += (x[j] > x[i]) - (x[j] < x[i]);
  return s;
}

}  // namespace

TEST_CASE("Mann-Kendall: the worked example by hand, with one tie (Little, Holy Cross, 'A Mann-Kendall example')") {
  // J. Little, "A Mann-Kendall Example ('By Hand')", College of the Holy Cross: 14 values,
  // 72 later-higher pairs, 18 later-lower, one tie (12.9 twice): S = 54,
  // V = 14·13·33/18 − 2·1·9/18, Z = (S − 1)/√V = 2.9058, one-sided p about .0018.
  const std::vector<double> x{12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7};
  const auto mk = mann_kendall(x);
  CHECK(mk.n == 14);
  CHECK(mk.s == 54);
  CHECK(mk.tie_groups == 1);
  CHECK(mk.variance == doctest::Approx(14.0 * 13 * 33 / 18 - 2.0 * 1 * 9 / 18).epsilon(1e-14));
  CHECK(mk.z == doctest::Approx(2.9058).epsilon(1e-4));
  CHECK_FALSE(mk.exact);  // ties: the normal approximation
  CHECK(mk.p_value / 2 == doctest::Approx(0.0018).epsilon(0.05));
  CHECK(mk.tau == doctest::Approx(54.0 / 91));
}

TEST_CASE("Mann-Kendall: the ties correction of Var(S), by hand") {
  // Groups of 2 (the 1s) and 3 (the 2s): Var = [6·5·17 − 2·1·9 − 3·2·11] / 18 = 426/18.
  // S: 4 + 4 + 1 + 1 + 1 = 11 (equal pairs count 0); z = 10 / √(426/18).
  const auto mk = mann_kendall(std::vector<double>{1, 1, 2, 2, 2, 3});
  CHECK(mk.s == 11);
  CHECK(mk.tie_groups == 2);
  CHECK(mk.variance == doctest::Approx(426.0 / 18).epsilon(1e-14));
  CHECK(mk.z == doctest::Approx(10 / std::sqrt(426.0 / 18)).epsilon(1e-14));
  CHECK_FALSE(mk.exact);
  // Every value equal: no variance, no trend, p = 1 (never a NaN).
  const auto flat = mann_kendall(std::vector<double>{4, 4, 4});
  CHECK(flat.s == 0);
  CHECK(flat.variance == 0);
  CHECK(flat.z == 0);
  CHECK(flat.p_value == 1);
}

TEST_CASE("Mann-Kendall: exact p-values without ties, by hand and by enumerating every ordering") {
  // [1, 3, 2, 4]: S = 5 − 1 = 4; |S| ≥ 4 in 8 of the 24 orderings (D ≤ 1 inversion: 1 + 3,
  // and its mirror), p = 1/3.
  const auto mk = mann_kendall(std::vector<double>{1, 3, 2, 4});
  CHECK(mk.s == 4);
  CHECK(mk.exact);
  CHECK(mk.p_value == doctest::Approx(8.0 / 24).epsilon(1e-14));
  // Six values rising every period: only that ordering and its reverse reach |S| = 15.
  CHECK(mann_kendall(std::vector<double>{1, 2, 3, 4, 5, 6}).p_value == doctest::Approx(2.0 / 720).epsilon(1e-14));
  // Falling: the same p, S negative.
  const auto down = mann_kendall(std::vector<double>{6, 5, 4, 3, 2, 1});
  CHECK(down.s == -15);
  CHECK(down.z < 0);
  CHECK(down.p_value == doctest::Approx(2.0 / 720).epsilon(1e-14));

  // n = 7: for every S the exact p equals the share of the 5040 orderings with |S'| ≥ |S|.
  std::vector<double> order{1, 2, 3, 4, 5, 6, 7};
  std::vector<long> all_s;
  do all_s.push_back(kendall_s(order));
  while (std::next_permutation(order.begin(), order.end()));
  for (const auto& x : {std::vector<double>{3, 1, 4, 7, 5, 2, 6}, std::vector<double>{1, 2, 4, 3, 5, 7, 6},
                        std::vector<double>{7, 1, 6, 2, 5, 3, 4}}) {
    const long s = kendall_s(x);
    const auto as_extreme =
        std::count_if(all_s.begin(), all_s.end(), [s](long other) { return std::abs(other) >= std::abs(s); });
    CAPTURE(s);
    CHECK(mann_kendall(x).p_value == doctest::Approx(static_cast<double>(as_extreme) / 5040).epsilon(1e-12));
  }
}

TEST_CASE("Mann-Kendall: the exact and normal p-values agree for a long series; bad input") {
  std::vector<double> x(60);
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = 0.005 * static_cast<double>(i) + std::sin(1.7 * static_cast<double>(i));
  const auto mk = mann_kendall(x);
  REQUIRE(mk.exact);
  const double normal = std::erfc(std::abs(mk.z) / std::sqrt(2.0));  // 2(1 − Φ(|z|))
  CAPTURE(mk.p_value);
  CHECK(mk.p_value > 0.001);  // a series whose p is not in the far tail, where both are ~0
  CHECK(std::abs(mk.p_value - normal) < 0.005);
  x.push_back(100);  // 61 values: beyond mann_kendall_exact_max, the normal approximation
  CHECK_FALSE(mann_kendall(x).exact);

  CHECK(try_mann_kendall(std::vector<double>{1, 2}).error().code == errc::invalid_value);
  const auto nan = try_mann_kendall(std::vector<double>{1, std::nan(""), 2});
  CHECK(nan.error().path == "values[1]");
}

TEST_CASE("Theil-Sen: slope, intercept and Sen's interval by hand") {
  // Slopes of t = 1…5, x = 1, 2, 4, 3, 6 in order: −1, 0.5, 2/3, 1, 1, 1.25, 4/3, 1.5, 2, 3.
  // Median (N = 10): (1 + 1.25)/2. Intercept median(x) − slope·median(t) = 3 − 1.125·3.
  const std::vector<double> t{1, 2, 3, 4, 5}, x{1, 2, 4, 3, 6};
  const auto ts = theil_sen(t, x);
  CHECK(ts.slope == 1.125);
  CHECK(ts.intercept == doctest::Approx(-0.375));
  CHECK(ts.slopes == 10);
  // 95 %: Var(S) = 5·4·15/18, C = 1.95996·√Var = 8.0016; ranks (10 − C)/2 = 0.999 → 1 and
  // (10 + C)/2 + 1 = 10.0008 → 10: the extreme slopes (Gilbert's rule, R's trend::sens.slope).
  REQUIRE(ts.lower);
  REQUIRE(ts.upper);
  CHECK(*ts.lower == -1);
  CHECK(*ts.upper == 3);
  // 90 %: C = 1.64485·4.0825 = 6.7151; ranks 1.642 → 2 and 9.358 → 9: 0.5 and 2.
  const auto ninety = theil_sen(t, x, 0.90);
  CHECK(*ninety.lower == 0.5);
  CHECK(*ninety.upper == 2);
  // Four points cannot bound a slope at 95 %: the ranks fall outside 1…6.
  const auto four = theil_sen(std::vector<double>{1, 2, 3, 4}, std::vector<double>{1, 2, 3, 5});
  CHECK(four.slope == doctest::Approx(7.0 / 6));  // slopes 1, 1, 1, 4/3, 1.5, 2
  CHECK_FALSE(four.lower);
  CHECK_FALSE(four.upper);
  // Uneven spacing: the slope is per unit of time (2 years apart count as 2).
  CHECK(theil_sen(std::vector<double>{2020, 2022, 2023}, std::vector<double>{10, 14, 16}).slope == 2);
}

TEST_CASE("Theil-Sen: bad input names the argument") {
  const std::vector<double> t{1, 2, 2}, x{1, 2, 3};
  CHECK(try_theil_sen(t, x).error().path == "times[2]");
  CHECK(try_theil_sen(std::vector<double>{1, 2}, x).error().code == errc::invalid_value);
  CHECK(try_theil_sen(std::vector<double>{1}, std::vector<double>{1}).error().code == errc::invalid_value);
  CHECK(try_theil_sen(std::vector<double>{1, 2, 3}, x, 1.0).error().code == errc::out_of_range);
}
