#include <excellence/loyalty/segmentation.hpp>

#include "test_support.hpp"

#include <vector>

using namespace excellence;

namespace {
std::vector<int> frequency_scores(const rfm_result& r) {
  std::vector<int> out;
  for (const auto& s : r.scores) out.push_back(s.frequency);
  return out;
}
}  // namespace

TEST_CASE("sample quantile: type 7 (R and numpy default)") {
  const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8};
  CHECK(sample_quantile(v, 0.25) == 2.75);  // h = 0.25 * 7 = 1.75 -> 2 + 0.75 * (3 - 2)
  CHECK(sample_quantile(v, 0.5) == 4.5);
  CHECK(sample_quantile(v, 0.75) == 6.25);
  CHECK(sample_quantile(v, 0.0) == 1.0);
  CHECK(sample_quantile(v, 1.0) == 8.0);
}

TEST_CASE("RFM by quantiles, by hand; ties never split") {
  // Quartile cuts of 1..8 are 2.75, 4.5, 6.25: scores 1 1 2 2 3 3 4 4; recency reversed.
  const std::vector<double> values{1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<double> monetary{10, 10, 10, 10, 10, 10, 10, 50};
  const auto r = rfm(values, values, monetary, {.bins = 4});
  CHECK(r.n == 8);
  CHECK(r.frequency_cuts == std::vector<double>{2.75, 4.5, 6.25});
  CHECK(frequency_scores(r) == std::vector<int>{1, 1, 2, 2, 3, 3, 4, 4});
  CHECK(r.scores.front().recency == 4);  // the most recent buyer scores best
  CHECK(r.scores.back().recency == 1);
  // Seven customers spend 10: all cuts are 10, all seven score 1, the 50 scores 4.
  CHECK(r.monetary_cuts == std::vector<double>{10, 10, 10});
  for (std::size_t i = 0; i < 7; ++i) CHECK(r.scores[i].monetary == 1);
  CHECK(r.scores[7].monetary == 4);
}

TEST_CASE("RFM with fixed thresholds: a value on a cut belongs to the lower bin") {
  const std::vector<double> recency{0, 30, 31, 400}, frequency{1, 2, 3, 6}, monetary{5, 50, 500, 5000};
  rfm_options fixed{.bins = 3, .method = rfm_method::fixed};
  fixed.recency_cuts = {30, 90};
  fixed.frequency_cuts = {2, 5};
  fixed.monetary_cuts = {100, 1000};
  const auto r = rfm(recency, frequency, monetary, fixed);
  CHECK(frequency_scores(r) == std::vector<int>{1, 1, 2, 3});
  CHECK(r.scores[0].recency == 3);
  CHECK(r.scores[1].recency == 3);  // 30 days is on the cut: still the best bin
  CHECK(r.scores[2].recency == 2);
  CHECK(r.scores[3].recency == 1);
  CHECK(r.scores[3].monetary == 3);
  fixed.monetary_cuts = {1000, 100};
  CHECK(test::failure(try_rfm(recency, frequency, monetary, fixed)).path == "monetary_cuts");
  fixed.monetary_cuts = {100};
  CHECK(test::failure(try_rfm(recency, frequency, monetary, fixed)).code == errc::invalid_value);
}

TEST_CASE("RFM errors") {
  const std::vector<double> ok{1, 2}, negative{1, -2}, nan{1, std::nan("")}, one{1};
  CHECK(test::failure(try_rfm(ok, negative, ok)).path == "frequency[1]");
  CHECK(test::failure(try_rfm(ok, ok, nan)).path == "monetary[1]");
  CHECK(test::failure(try_rfm(ok, ok, one)).code == errc::invalid_value);
  CHECK(test::failure(try_rfm({}, {}, {})).code == errc::invalid_value);
  CHECK(test::failure(try_rfm(ok, ok, ok, {.bins = 1})).path == "bins");
}

TEST_CASE("concentration: Lorenz curve, Gini and the top share, by hand") {
  // 1, 2, 3, 4: G = 2 (1 + 4 + 9 + 16) / (4 * 10) - 5/4 = 0.25; Lorenz 0, .1, .3, .6, 1.
  const std::vector<double> values{3, 1, 4, 2};
  const auto c = try_concentration(values).value();
  CHECK(c.gini == doctest::Approx(0.25).epsilon(1e-15));
  CHECK(c.total == 10.0);
  REQUIRE(c.lorenz.size() == 5);
  CHECK(c.lorenz[2].customers == 0.5);
  CHECK(c.lorenz[2].value == doctest::Approx(0.3).epsilon(1e-15));
  CHECK(c.top_share(0.25) == doctest::Approx(0.4).epsilon(1e-15));  // the top customer holds 4 of 10
  CHECK(c.top_share(0.5) == doctest::Approx(0.7).epsilon(1e-15));
  CHECK(c.top_share(0.2) == doctest::Approx(0.32).epsilon(1e-14));  // 0.8 of the 4th customer's 0.4
  CHECK(c.top_share(1.0) == 1.0);
  CHECK(c.top_share(0.0) == 0.0);
  // Equal values: G = 0; one customer holds all: G = (n - 1)/n.
  const std::vector<double> equal{5, 5, 5}, one{0, 0, 0, 10};
  CHECK(try_concentration(equal)->gini == doctest::Approx(0.0).epsilon(1e-15));
  CHECK(try_concentration(one)->gini == doctest::Approx(0.75).epsilon(1e-15));
  const std::vector<double> loss{5, -1}, zeros{0, 0};
  CHECK(test::failure(try_concentration(loss)).path == "values[1]");
  CHECK(test::failure(try_concentration(zeros)).code == errc::invalid_value);
}

TEST_CASE("RFM quantile cuts by selection equal the sorted-sample quantiles") {
  // Skewed data full of ties, in an order that is not sorted.
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(static_cast<double>((i * 7919) % 37 / 5));
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  for (int bins : {2, 3, 5, 10}) {
    const auto r = rfm(values, values, values, {.bins = bins});
    REQUIRE(r.frequency_cuts.size() == static_cast<std::size_t>(bins - 1));
    for (int j = 1; j < bins; ++j)
      CHECK(r.frequency_cuts[static_cast<std::size_t>(j - 1)] ==
            sample_quantile(sorted, static_cast<double>(j) / bins));
  }
}
