#include <excellence/value/delivered_value.hpp>

#include "test_support.hpp"

#include <cmath>

using namespace excellence;

namespace {

// Hand example. Values: product, service, personnel, image; costs: monetary, time, energy, physical.
//   own:   50 + 20 + 15 + 15 = 100;  60 + 10 + 5 + 5 = 80  -> DV 20, ratio 1.25
//   rival: 45 + 25 + 10 + 10 =  90;  55 +  5 + 5 + 5 = 70  -> DV 20 (a tie)
//   third: 40 + 20 + 10 + 10 =  80;  50 + 10 + 5 + 5 = 70  -> DV 10
const offer hand_offers[] = {
    {"own", {50, 20, 15, 15, 60, 10, 5, 5}},
    {"rival", {45, 25, 10, 10, 55, 5, 5, 5}},
    {"third", {40, 20, 10, 10, 50, 10, 5, 5}},
};

}  // namespace

TEST_CASE("delivered value = total value - total cost; value ratio = value / cost") {
  const auto v = delivered_value(hand_offers[0]);
  CHECK(v.name == "own");
  CHECK(v.total_value == 100.0);
  CHECK(v.total_cost == 80.0);
  CHECK(v.delivered_value == 20.0);
  CHECK(v.value_ratio.value() == 1.25);
  // Weights: product counted twice -> value 150, delivered value 70.
  value_profile weights = unit_weights;
  weights.product = 2;
  CHECK(delivered_value(hand_offers[0], weights).delivered_value == 70.0);
  // A free offer has no value ratio; asking for one is an error.
  const auto free = delivered_value({"free", {10, 0, 0, 0, 0, 0, 0, 0}});
  CHECK(free.delivered_value == 10.0);
  CHECK_FALSE(free.value_ratio.has_value());
  CHECK(test::failure(try_value_ratio(10, 0)).code == errc::invalid_value);
  CHECK(try_value_ratio(100, 80).value() == 1.25);
}

TEST_CASE("delivered value: bad amounts and weights are errors naming the component") {
  auto d = test::failure(try_delivered_value({"x", {1, 2, 3, 4, -5, 0, 0, 0}}));
  CHECK(d.code == errc::out_of_range);
  CHECK(d.path == "monetary");
  d = test::failure(try_delivered_value({"x", {1, std::nan(""), 3, 4, 5, 0, 0, 0}}));
  CHECK(d.path == "service");
  value_profile weights = unit_weights;
  weights.image = INFINITY;
  CHECK(test::failure(try_delivered_value(hand_offers[0], weights)).path == "weights.image");
  CHECK(test::failure(try_compare_offers(std::span<const offer>{})).code == errc::invalid_value);
}

TEST_CASE("comparing offers: the preferred offer, ties reported") {
  const auto c = compare_offers(hand_offers);
  CHECK(c.n == 3);
  REQUIRE(c.offers.size() == 3);
  CHECK(c.offers[2].delivered_value == 10.0);
  CHECK(c.preferred == std::vector<std::size_t>{0, 1});  // own and rival tie at 20
  value_profile weights = unit_weights;
  weights.service = 2;  // rival's service (25) now weighs more than own's (20)
  CHECK(compare_offers(hand_offers, {.weights = weights}).preferred == std::vector<std::size_t>{1});
}

TEST_CASE("logit choice shares on delivered value, by hand") {
  // sensitivity 0.1: utilities 2, 2, 1 -> shares e^2, e^2, e over 2e^2 + e.
  const auto s = try_choice_shares(hand_offers, 0.1).value();
  const double e = std::exp(1.0);
  CHECK(s.shares[0] == doctest::Approx(e / (2 * e + 1)).epsilon(1e-14));
  CHECK(s.shares[1] == doctest::Approx(e / (2 * e + 1)).epsilon(1e-14));
  CHECK(s.shares[2] == doctest::Approx(1 / (2 * e + 1)).epsilon(1e-14));
  CHECK(s.n == 3);
  // Zero sensitivity: equal shares; huge sensitivity: no overflow, the tie splits the market.
  const auto flat = try_choice_shares(hand_offers, 0.0).value();
  for (double share : flat.shares) CHECK(share == doctest::Approx(1.0 / 3.0));
  const auto sharp = try_choice_shares(hand_offers, 1e6).value();
  CHECK(sharp.shares[0] == 0.5);
  CHECK(sharp.shares[2] == 0.0);
  CHECK(test::failure(try_choice_shares(hand_offers, -1.0)).path == "sensitivity");
}

TEST_CASE("what-if: the change of each component that makes an offer preferred") {
  // third (DV 10) against the best other (20): a gap of 10.
  const auto w = try_what_if(hand_offers, 2).value();
  CHECK(w.gap == 10.0);
  CHECK_FALSE(w.already_preferred);
  REQUIRE(w.changes.size() == 8);
  CHECK(w.changes[0].component == value_component::product);
  CHECK(w.changes[0].change == 10.0);  // +10 product value
  CHECK(w.changes[0].feasible);
  CHECK(w.changes[4].component == value_component::monetary);
  CHECK(w.changes[4].change == 10.0);  // price 50 -> 40
  CHECK(w.changes[4].feasible);
  CHECK(w.changes[5].feasible);        // time cost 10 -> 0: just possible
  CHECK_FALSE(w.changes[6].feasible);  // energy cost 5 cannot fall by 10
  // With service weighted 2, half the change of service is enough.
  value_profile weights = unit_weights;
  weights.service = 2;
  weights.image = 0;
  const auto weighted = try_what_if(hand_offers, 2, weights).value();
  // Values with service x2 and image x0: own 50 + 40 + 15 = 105 - 80 = 25;
  // rival 45 + 50 + 10 = 105 - 70 = 35; third 40 + 40 + 10 = 90 - 70 = 20: gap 35 - 20 = 15.
  CHECK(weighted.gap == 15.0);
  CHECK(weighted.changes[1].change == 7.5);
  CHECK_FALSE(weighted.changes[3].feasible);  // image has weight 0
  // An offer that is already preferred needs nothing.
  const auto own = try_what_if(hand_offers, 0).value();
  CHECK(own.already_preferred);
  CHECK(own.gap == 0.0);
  CHECK(test::failure(try_what_if(hand_offers, 3)).path == "index");
  CHECK(test::failure(try_what_if(std::span(hand_offers, 1), 0)).path == "offers");
}

TEST_CASE("the largest price at which an offer is still preferred") {
  auto p = try_max_preferred_price(hand_offers, 2).value();  // 50 + (10 - 20) / 1
  CHECK(p.current == 50.0);
  CHECK(p.maximum == 40.0);
  CHECK(p.headroom == -10.0);
  p = try_max_preferred_price(hand_offers, 0).value();  // tied: the current price is the ceiling
  CHECK(p.maximum == 60.0);
  value_profile weights = unit_weights;
  weights.monetary = 2;  // own 100 - (120 + 20) = -40; rival 90 - (110 + 15) = -35: own 5 behind
  p = try_max_preferred_price(hand_offers, 0, weights).value();
  CHECK(p.maximum == 57.5);  // 60 + (-40 - (-35)) / 2
  weights.monetary = 0;
  CHECK(test::failure(try_max_preferred_price(hand_offers, 0, weights)).path == "weights.monetary");
  const offer hopeless[] = {{"a", {1, 0, 0, 0, 0, 0, 0, 0}}, {"b", {100, 0, 0, 0, 5, 0, 0, 0}}};
  CHECK(test::failure(try_max_preferred_price(hopeless, 0)).code == errc::invalid_value);
}
