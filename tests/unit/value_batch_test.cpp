#include <excellence/value/batch.hpp>

#include "test_support.hpp"

#include <random>

using namespace excellence;

TEST_CASE("batch delivered value: the three-respondent example, by hand") {
  // As examples/data/offers-by-respondent.csv, offers in the order own, rival, third:
  // r1 own 20, rival 20 (tie), third 10; r2 own 30 wins; r3 third 50 wins.
  value_rows rows(9, 8);
  rows << 50, 20, 15, 15, 60, 10, 5, 5,  //
      45, 25, 10, 10, 55, 5, 5, 5,       //
      40, 20, 10, 10, 50, 10, 5, 5,      //
      60, 20, 15, 15, 60, 10, 5, 5,      //
      45, 25, 10, 10, 55, 5, 5, 5,       //
      40, 20, 10, 10, 50, 10, 5, 5,      //
      50, 20, 15, 15, 60, 10, 5, 5,      //
      45, 25, 10, 10, 55, 5, 5, 5,       //
      80, 20, 10, 10, 50, 10, 5, 5;
  const auto r = try_batch_delivered_value(rows, 3).value();
  CHECK(r.respondents == 3);
  CHECK(r.delivered_value(0, 0) == 20.0);
  CHECK(r.delivered_value(1, 0) == 30.0);
  CHECK(r.delivered_value(2, 2) == 50.0);
  CHECK(r.total_value(2, 2) == 120.0);
  CHECK(r.total_cost(0, 0) == 80.0);
  CHECK(r.preferred_share[0] == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(r.preferred_share[1] == doctest::Approx(1.0 / 6.0).epsilon(1e-15));
  CHECK(r.preferred_share[2] == doctest::Approx(1.0 / 3.0).epsilon(1e-15));
}

TEST_CASE("batch delivered value equals the per-respondent comparison") {
  std::mt19937_64 engine(20261122);
  std::uniform_real_distribution<double> amount(0.0, 100.0);
  constexpr int respondents = 200, offers = 4;
  value_rows rows(respondents * offers, 8);
  for (Eigen::Index i = 0; i < rows.rows(); ++i)
    for (Eigen::Index c = 0; c < 8; ++c) rows(i, c) = amount(engine);
  value_profile weights = unit_weights;
  weights.product = 1.5;
  weights.time = 0.5;
  const auto batch = try_batch_delivered_value(rows, offers, {.weights = weights}).value();
  std::vector<double> shares(offers, 0.0);
  for (int r = 0; r < respondents; ++r) {
    std::vector<offer> list;
    for (int k = 0; k < offers; ++k) {
      const auto row = rows.row(r * offers + k);
      static const char* const names[offers] = {"a", "b", "c", "d"};
      list.push_back({names[k], {row(0), row(1), row(2), row(3), row(4), row(5), row(6), row(7)}});
    }
    const auto scalar = compare_offers(list, {.weights = weights});
    for (int k = 0; k < offers; ++k)
      CHECK(batch.delivered_value(r, k) ==
            doctest::Approx(scalar.offers[static_cast<std::size_t>(k)].delivered_value).epsilon(1e-13));
    for (auto p : scalar.preferred) shares[p] += 1.0 / static_cast<double>(scalar.preferred.size()) / respondents;
  }
  for (int k = 0; k < offers; ++k)
    CHECK(batch.preferred_share[static_cast<std::size_t>(k)] ==
          doctest::Approx(shares[static_cast<std::size_t>(k)]).epsilon(1e-13));
}

TEST_CASE("batch delivered value errors") {
  value_rows rows = value_rows::Constant(6, 8, 1.0);
  CHECK(test::failure(try_batch_delivered_value(rows, 4)).path == "rows");
  CHECK(test::failure(try_batch_delivered_value(rows, 0)).path == "rows");
  rows(4, 6) = -1;
  const auto d = test::failure(try_batch_delivered_value(rows, 3));
  CHECK(d.path == "rows[4].energy");
  rows(4, 6) = std::nan("");
  CHECK(test::failure(try_batch_delivered_value(rows, 3)).path == "rows[4].energy");
}

TEST_CASE("batch delivered value checks the tie tolerance as compare_offers does") {
  const value_rows rows = value_rows::Constant(4, 8, 1.0);
  CHECK(test::failure(try_batch_delivered_value(rows, 2, {.tie_tolerance = -1})).path == "tie_tolerance");
  CHECK(test::failure(try_batch_delivered_value(rows, 2, {.tie_tolerance = std::nan("")})).path == "tie_tolerance");
}
