#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/scoring/history.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {

std::vector<assessment> xinghe_records() {
  // Given newest first: the history orders them by date.
  return {read_assessment(test::source_dir / "examples/data/history/xinghe-2026.json"),
          read_assessment(test::source_dir / "examples/data/history/xinghe-2025.json")};
}

}  // namespace

TEST_CASE("score history: the shipped two cycles, changes worked by hand") {
  const auto h = history(xinghe_records(), builtin_framework("gbt19580-2012"));
  REQUIRE(h.scores.size() == 2);
  CHECK(h.scores[0].date == "2025-10-16");
  CHECK(h.scores[1].date == "2026-10-20");
  CHECK(h.scores[0].total == points::from_hundredths(38050));
  CHECK(h.scores[1].total == points::whole(426));
  REQUIRE(h.total_changes.size() == 1);
  CHECK(h.total_changes[0] == points::from_hundredths(4550));
  REQUIRE(h.items.size() == 23);
  // 4.3.2 (40 points): 40 % → 50 %; 4.4.3 (60 points) fell 40 % → 35 %.
  const auto& customers = h.items[5];
  CHECK(customers.id == "4.3.2");
  CHECK(customers.category == "4.3");
  CHECK(customers.percents == std::vector<std::optional<std::int32_t>>{40, 50});
  CHECK(customers.changes == std::vector<std::optional<std::int32_t>>{10});
  CHECK(h.items[8].id == "4.4.3");
  CHECK(h.items[8].changes[0] == -5);
  // Category 4.3: 40 % × 40 + 35 % × 50 = 16 + 17.5 = 33.5, then 20 + 22.5 = 42.5: +9.
  REQUIRE(h.categories.size() == 7);
  const auto& market = h.categories[2];
  CHECK(market.id == "4.3");
  CHECK(market.max == points::whole(90));
  CHECK(market.scores == std::vector<points>{points::from_hundredths(3350), points::from_hundredths(4250)});
  CHECK(market.changes == std::vector<std::optional<points>>{points::whole(9)});
}

TEST_CASE("score history: a change needs both records to assess what it compares") {
  auto records = xinghe_records();
  auto& item = records[1].items[6];  // 4.3.3 in 2025
  REQUIRE(item.id == "4.3.3");
  item.percent.reset();
  item.not_assessed = true;
  item.dimensions.clear();
  const auto h = history(records, builtin_framework("gbt19580-2012"), {.scope = "4.3"});
  CHECK(h.scope == "4.3");
  REQUIRE(h.items.size() == 2);
  CHECK(h.items[1].percents == std::vector<std::optional<std::int32_t>>{std::nullopt, 45});
  CHECK_FALSE(h.items[1].changes[0]);
  CHECK(h.items[0].changes[0] == 10);
  // The category's 2025 points count 4.3.3 as 0 (16 points); its change is withheld.
  CHECK(h.categories[0].scores[0] == points::whole(16));
  CHECK_FALSE(h.categories[0].changes[0]);
  CHECK_FALSE(h.total_changes[0]);
}

TEST_CASE("score history: errors name the record") {
  const auto tree = builtin_framework("gbt19580-2012");
  auto records = xinghe_records();
  const auto one = try_history(std::span(records).first(1), tree);
  CHECK(one.error().code == errc::too_few_assessments);
  auto same_day = records;
  same_day[1].date = same_day[0].date;
  const auto d = try_history(same_day, tree).error();
  CHECK(d.code == errc::duplicate_id);
  CHECK(d.path == "date");
  CHECK(d.message.find("2026-10-20") != std::string::npos);
  auto other = records;
  other[1].organization = "another company";
  const auto o = try_history(other, tree).error();
  CHECK(o.code == errc::organization_mismatch);
  CHECK(o.file.ends_with("xinghe-2025.json"));
  auto wrong = records;
  wrong[1].items[0].percent = 42;
  CHECK(try_history(wrong, tree).error().code == errc::not_multiple_of_5);
}
