#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/scoring/priority.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {

assessment wang_assessment() {
  return read_assessment(test::source_dir / "examples/data/examiner-wang.json");
}

}  // namespace

TEST_CASE("improvement priority: clause 4.3 of the sample, by hand") {
  const auto p = prioritize(wang_assessment(), builtin_framework("gbt19580-2012"), {.scope = "4.3"});
  REQUIRE(p.items.size() == 2);
  // 4.3.2 (40 points) at 50 %: band 50-65 %, the next band starts at 70 %: 20 % of 40 = 8.
  CHECK(p.items[0].id == "4.3.2");
  CHECK(p.items[0].band.level == 4);
  CHECK(p.items[0].next_band->min_percent == 70);
  CHECK(p.items[0].at_stake == points::whole(8));
  CHECK(p.items[0].opportunities == 2);
  // 4.3.3 (50 points) at 45 %: band 30-45 %, next at 50 %: 5 % of 50 = 2.5.
  CHECK(p.items[1].id == "4.3.3");
  CHECK(p.items[1].at_stake == points::from_hundredths(250));
  // One opportunity in each of four areas below the items: ties in framework order.
  REQUIRE(p.areas.size() == 4);
  CHECK(p.areas[0].area == "4.3.2.2.2");
  CHECK(p.areas[1].area == "4.3.2.3.2");
  CHECK(p.areas[2].area == "4.3.3.3.1");
  CHECK(p.areas[3].area == "4.3.3.3.3");
  for (const auto& a : p.areas) CHECK(a.opportunities == 1);
  CHECK(p.not_assessed.empty());
}

TEST_CASE("improvement priority: the whole framework ranks by points at stake, then by item points") {
  const auto p = prioritize(wang_assessment(), builtin_framework("gbt19580-2012"));
  REQUIRE(p.items.size() == 23);
  // By hand from the sample's percents and GB/T 19580's item points:
  // 4.7.3 (80) at 50 %: 20 % of 80 = 16; 4.5.2 (50) at 50 %: 20 % of 50 = 10;
  // 4.7.5 (60) at 35 %: 15 % of 60 = 9; 4.7.4 (80) at 40 % and 4.3.2 (40) at 50 %: both 8,
  // the 80-point item first.
  const char* expected[] = {"4.7.3", "4.5.2", "4.7.5", "4.7.4", "4.3.2"};
  const std::int64_t hundredths[] = {1600, 1000, 900, 800, 800};
  for (std::size_t i = 0; i < 5; ++i) {
    INFO(expected[i]);
    CHECK(p.items[i].id == expected[i]);
    CHECK(p.items[i].at_stake == points::from_hundredths(hundredths[i]));
  }
  // Invariant: every item's stake is the next band's floor minus its percent, of its points.
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const auto& item = p.items[i];
    REQUIRE(item.next_band);
    CHECK(item.next_band->level == item.band.level + 1);
    CHECK(item.at_stake ==
          points::share(item.next_band->min_percent - item.percent, static_cast<std::int32_t>(item.max.value())));
    if (i > 0) CHECK(p.items[i - 1].at_stake >= item.at_stake);
  }
}

TEST_CASE("improvement priority: the top band has nothing at stake; not-assessed items are listed") {
  auto a = wang_assessment();
  for (auto& item : a.items) {
    if (item.id == "4.3.2") item.percent = 95;
    if (item.id == "4.3.3") {
      item.percent.reset();
      item.not_assessed = true;
      item.dimensions.clear();
    }
  }
  const auto p = prioritize(a, builtin_framework("gbt19580-2012"), {.scope = "4.3"});
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].band.level == 6);
  CHECK_FALSE(p.items[0].next_band);
  CHECK(p.items[0].at_stake == points{});
  CHECK(p.not_assessed == std::vector<std::string>{"4.3.3"});
  // Opportunities of a not-assessed item still count for their areas.
  CHECK(p.areas.size() == 4);
}

TEST_CASE("improvement priority: scoring's errors come through") {
  auto a = wang_assessment();
  a.items[5].opportunities.push_back({"outside the item", "4.4.2"});
  const auto r = try_prioritize(a, builtin_framework("gbt19580-2012"));
  REQUIRE_FALSE(r);
  CHECK(r.error().path == "items[5].opportunities[2].area");
}
