#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/scoring/consensus.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {

std::vector<assessment> examiners() {
  std::vector<assessment> out;
  for (const char* name : {"examiner-wang.json", "examiner-li.json", "examiner-zhao.json"})
    out.push_back(read_assessment(test::source_dir / "examples/data" / name));
  return out;
}

}  // namespace

TEST_CASE("percent statistics, by hand") {
  // 45, 50, 40: mean 45, median 45, sample sd sqrt((0 + 25 + 25) / 2) = 5.
  auto s = summarize_percents({45, 50, 40});
  CHECK(s.mean == 45.0);
  CHECK(s.median == 45.0);
  CHECK(s.min == 40);
  CHECK(s.max == 50);
  CHECK(s.range == 10);
  CHECK(s.standard_deviation.value() == doctest::Approx(5.0).epsilon(1e-15));
  CHECK(s.proposed == 45);

  // 55, 45, 35: sd sqrt((100 + 0 + 100) / 2) = 10.
  CHECK(summarize_percents({55, 45, 35}).standard_deviation.value() == doctest::Approx(10.0).epsilon(1e-15));

  // Even counts: the median may be a half; the proposal rounds halves up.
  s = summarize_percents({35, 40});
  CHECK(s.median == 37.5);
  CHECK(s.proposed == 40);
  CHECK(summarize_percents({20, 25}).proposed == 25);          // 22.5 -> 25
  CHECK(summarize_percents({0, 5}).proposed == 5);             // 2.5 -> 5
  CHECK(summarize_percents({30, 35, 45, 50}).median == 40.0);  // (35 + 45) / 2
  CHECK(summarize_percents({30, 35, 45, 50}).proposed == 40);
  CHECK(summarize_percents({30, 40, 45, 100}).proposed == 45);  // 42.5 -> 45
  CHECK(summarize_percents({95, 100}).proposed == 100);         // 97.5 -> 100, never above 100

  // One examiner: no standard deviation.
  s = summarize_percents({65});
  CHECK(s.median == 65.0);
  CHECK(s.range == 0);
  CHECK_FALSE(s.standard_deviation.has_value());
  // 40, 45, 45, 50, 50 -> mean 46, sd sqrt((36 + 1 + 1 + 16 + 16) / 4) = sqrt(17.5).
  s = summarize_percents({50, 45, 40, 50, 45});
  CHECK(s.mean == 46.0);
  CHECK(s.standard_deviation.value() == doctest::Approx(std::sqrt(17.5)).epsilon(1e-15));
}

TEST_CASE("consensus of the three sample examiners") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto list = examiners();
  const auto c = consensus(list, tree);
  CHECK(c.framework == "gbt19580-2012");
  CHECK(c.flag_range == 20);
  REQUIRE(c.scores.size() == 3);
  CHECK(c.scores[0].total == points::whole(426));
  REQUIRE(c.items.size() == 23);
  // 4.3.3: Wang 45, Li 55, Zhao 35 -> range 20, flagged at the default threshold.
  const auto& relationships = c.items[6];
  CHECK(relationships.id == "4.3.3");
  CHECK(relationships.percents == std::vector<std::optional<std::int32_t>>{45, 55, 35});
  CHECK(relationships.n == 3);
  CHECK(relationships.statistics->mean == 45.0);
  CHECK(relationships.statistics->range == 20);
  CHECK(relationships.statistics->standard_deviation.value() == doctest::Approx(10.0).epsilon(1e-15));
  CHECK(relationships.statistics->proposed == 45);
  CHECK(relationships.flagged);
  // 4.1.2: 45, 50, 45 -> mean 46.666..., median 45, not flagged.
  const auto& leaders = c.items[0];
  CHECK(leaders.statistics->mean == doctest::Approx(140.0 / 3.0).epsilon(1e-15));
  CHECK(leaders.statistics->proposed == 45);
  CHECK_FALSE(leaders.flagged);
  std::size_t flagged = 0;
  for (const auto& item : c.items) flagged += item.flagged ? 1U : 0U;
  CHECK(flagged == 1);

  // The threshold is settable.
  CHECK_FALSE(consensus(list, tree, {25, ""}).items[6].flagged);
  const auto strict = consensus(list, tree, {5, ""});
  for (const auto& item : strict.items) CHECK(item.flagged == (item.statistics->range >= 5));

  // Scope.
  const auto customers = consensus(list, tree, {20, "4.3"});
  CHECK(customers.scope == "4.3");
  CHECK(customers.items.size() == 2);
}

TEST_CASE("consensus: items not assessed by some or all examiners") {
  const auto tree = builtin_framework("gbt19580-2012");
  auto list = examiners();
  for (auto* a : {&list[0], &list[1]}) {
    a->items[6].percent.reset();  // 4.3.3
    a->items[6].not_assessed = true;
    a->items[6].dimensions.clear();
  }
  for (auto& a : list) {
    a.items[22].percent.reset();  // 4.7.7 by nobody
    a.items[22].not_assessed = true;
  }
  const auto c = consensus(list, tree);
  CHECK(c.items[6].n == 1);
  CHECK(c.items[6].percents == std::vector<std::optional<std::int32_t>>{std::nullopt, std::nullopt, 35});
  CHECK(c.items[6].statistics->proposed == 35);
  CHECK_FALSE(c.items[6].statistics->standard_deviation.has_value());
  CHECK_FALSE(c.items[6].flagged);
  CHECK(c.items[22].n == 0);
  CHECK_FALSE(c.items[22].statistics.has_value());
  CHECK_FALSE(c.items[22].flagged);
}

TEST_CASE("consensus errors") {
  const auto tree = builtin_framework("gbt19580-2012");
  auto list = examiners();
  const auto one = test::failure(try_consensus(std::span(list).first(1), tree));
  CHECK(one.code == errc::too_few_assessments);
  CHECK(one.message == "a consensus needs at least two assessments, got 1");

  auto other = list;
  other[2] = read_assessment(test::data_dir / "errors/other-organization.json");
  auto d = test::failure(try_consensus(other, tree, {20, "4.3"}));
  CHECK(d.code == errc::organization_mismatch);
  CHECK(d.file.ends_with("other-organization.json"));
  CHECK(d.path == "organization");

  other = list;
  other[1].organization = list[0].organization;
  other[1].framework = "baldrige-2023";
  d = test::failure(try_consensus(other, tree));
  CHECK(d.code == errc::framework_mismatch);
  CHECK(d.file.ends_with("examiner-li.json"));

  other = list;
  other[2].items[0].percent = 42;
  d = test::failure(try_consensus(other, tree));
  CHECK(d.code == errc::not_multiple_of_5);
  CHECK(d.file.ends_with("examiner-zhao.json"));

  CHECK(test::failure(try_consensus(list, tree, {-5, ""})).code == errc::out_of_range);

  // The same file twice (or one examiner twice) would count one view twice.
  other = list;
  other[2] = list[0];
  d = test::failure(try_consensus(other, tree));
  CHECK(d.code == errc::duplicate_id);
  CHECK(d.path == "examiner");
  CHECK(d.message.starts_with("examiner \"" + list[0].examiner + "\" already gave an assessment ("));
}
