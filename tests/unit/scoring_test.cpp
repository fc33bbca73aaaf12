#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/scoring/score.hpp>

#include "test_support.hpp"

#include <cmath>
#include <limits>

using namespace excellence;

namespace {

assessment example(const char* name) {
  return read_assessment(test::source_dir / "examples/data" / name);
}

assessment baldrige_all_at(std::int32_t percent) {
  assessment a;
  a.framework = "baldrige-2023";
  a.organization = "Example Hospital (fictional)";
  a.examiner = "Examiner B";
  a.date = "2025-05-20";
  for (const auto* node : builtin_framework("baldrige-2023").scored_items())
    a.items.push_back({node->id, percent, false, {}, {}, {}});
  return a;
}

}  // namespace

TEST_CASE("points are exact hundredths") {
  CHECK(points::share(35, 15).to_string() == "5.25");  // 35 % of a 15-point item
  CHECK(points::share(45, 50).to_string() == "22.5");
  CHECK(points::share(40, 30).to_string() == "12");
  CHECK(points::share(5, 15).to_string() == "0.75");
  CHECK(points::from_hundredths(-75).to_string() == "-0.75");
  CHECK(points::from_hundredths(1005).to_string() == "10.05");
  points sum;
  for (int i = 0; i < 1000; ++i) sum += points::share(35, 15) + points::share(5, 10);  // 5.25 + 0.5
  CHECK(sum == points::whole(5750));
  CHECK(sum.value() == 5750.0);
  CHECK(points::share(35, 15).value() == 5.25);
  CHECK(points::whole(3) > points::share(35, 8));  // 2.8
}

TEST_CASE("percent check: whole, 0-100, multiples of 5") {
  for (int p = 0; p <= 100; p += 5) CHECK_FALSE(check_percent(p, "f", "p").has_value());
  auto d = check_percent(37, "acme.json", "items[3].percent");
  REQUIRE(d);
  CHECK(d->code == errc::not_multiple_of_5);
  CHECK(d->to_string() == "acme.json: items[3].percent: 37 is not a multiple of 5");
  CHECK(check_percent(37.5, "", "")->message == "37.5 is not a multiple of 5");
  CHECK(check_percent(105, "", "")->code == errc::out_of_range);
  CHECK(check_percent(-5, "", "")->message == "-5 is outside 0-100");
  const auto nan = check_percent(std::numeric_limits<double>::quiet_NaN(), "", "x");
  REQUIRE(nan);
  CHECK(nan->code == errc::out_of_range);
  CHECK(nan->message == "NaN is outside 0-100");
  CHECK(check_percent(std::numeric_limits<double>::infinity(), "", "")->code == errc::out_of_range);
}

TEST_CASE("score bands: six bands of the scoring guidelines") {
  const std::pair<int, int> cases[] = {{0, 1},  {5, 1},  {10, 2}, {25, 2}, {30, 3}, {45, 3},
                                       {50, 4}, {65, 4}, {70, 5}, {85, 5}, {90, 6}, {100, 6}};
  for (const auto& [percent, level] : cases) CHECK(band_of(percent).level == level);
  CHECK(band_of(35).label() == "30-45%");
  CHECK(band_of(0).label() == "0-5%");
  CHECK(band_of(100).label() == "90-100%");
}

TEST_CASE("scoring the sample assessment, checked by hand") {
  // examiner-wang.json, item points = percent x item points:
  //   4.1: 45%x50 = 22.5, 40%x30 = 12, 35%x30 = 10.5                       -> 45
  //   4.2: 40%x40 = 16, 45%x50 = 22.5                                      -> 38.5
  //   4.3: 50%x40 = 20, 45%x50 = 22.5                                      -> 42.5
  //   4.4: 40%x60 = 24, 35%x15 = 5.25, 40%x20 = 8, 35%x15 = 5.25,
  //        45%x10 = 4.5, 40%x10 = 4                                        -> 51
  //   4.5: 50%x50 = 25, 45%x50 = 22.5                                      -> 47.5
  //   4.6: 40%x40 = 16, 35%x40 = 14                                        -> 30
  //   4.7: 45%x80 = 36, 50%x80 = 40, 40%x80 = 32, 35%x60 = 21,
  //        40%x50 = 20, 45%x50 = 22.5                                      -> 171.5
  //   total 45 + 38.5 + 42.5 + 51 + 47.5 + 30 + 171.5                      =  426
  const auto tree = builtin_framework("gbt19580-2012");
  const auto s = score(example("examiner-wang.json"), tree);
  CHECK(s.framework == "gbt19580-2012");
  CHECK(s.scope.empty());
  CHECK(s.total == points::whole(426));
  CHECK(s.max == points::whole(1000));
  CHECK(s.assessed_max == points::whole(1000));
  const char* expected[] = {"45", "38.5", "42.5", "51", "47.5", "30", "171.5"};
  REQUIRE(s.categories.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) CHECK(s.categories[i].score.to_string() == expected[i]);
  CHECK(s.categories[3].max == points::whole(130));
  CHECK(s.categories[3].items == 6);
  REQUIRE(s.items.size() == 23);
  const auto& finance = s.items[8];
  CHECK(finance.id == "4.4.3");
  CHECK(finance.category == "4.4");
  CHECK(finance.percent == 35);
  CHECK(finance.score.to_string() == "5.25");
  CHECK(finance.band->label() == "30-45%");
  CHECK(s.items[5].band->level == 4);  // 4.3.2 at 50 %
  CHECK(s.items[17].evaluation == evaluation_type::results);
  CHECK(s.warnings.empty());
  CHECK_FALSE(s.overall.has_value());  // GB/T defines no overall bands
}

TEST_CASE("scope: only 4.3 is scored and reported as such") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto a = example("examiner-wang.json");
  const auto s = score(a, tree, {"4.3"});
  CHECK(s.scope == "4.3");
  CHECK(s.max == points::whole(90));
  CHECK(s.total.to_string() == "42.5");
  REQUIRE(s.categories.size() == 1);
  CHECK(s.items.size() == 2);
  CHECK(s.outside_scope.size() == 21);  // reported, not silently dropped
  CHECK(s.outside_scope.front() == "4.1.2");

  const auto one = score(a, tree, {"4.3.3"});
  CHECK(one.max == points::whole(50));
  CHECK(one.total.to_string() == "22.5");
  CHECK(one.categories.empty());
  CHECK(one.items.front().category.empty());

  // The same through a tree cut in advance: items outside it are outside the scope, not unknown.
  const auto cut = score(a, tree.subtree("4.3"));
  CHECK(cut.total == s.total);
  CHECK(cut.scope == "4.3");
  CHECK(cut.outside_scope == s.outside_scope);
  CHECK(tree.subtree("4.3").whole() == tree);

  const auto unknown = test::failure(try_score(a, tree, {"4.9"}));
  CHECK(unknown.code == errc::unknown_criterion);
  CHECK(unknown.path == "scope");
  CHECK(unknown.file.ends_with("examiner-wang.json"));
  CHECK(test::failure(try_score(a, tree, {"4.3.3.2"})).code == errc::empty_scope);
}

TEST_CASE("items marked not_assessed are reported and count as 0 of their maximum") {
  const auto tree = builtin_framework("gbt19580-2012");
  auto a = example("examiner-wang.json");
  a.items[6].percent.reset();  // 4.3.3
  a.items[6].not_assessed = true;
  a.items[6].dimensions.clear();
  const auto s = score(a, tree);
  CHECK(s.not_assessed == std::vector<std::string>{"4.3.3"});
  CHECK(s.total == points::whole(426) - points::share(45, 50));
  CHECK(s.max == points::whole(1000));
  CHECK(s.assessed_max == points::whole(950));
  CHECK_FALSE(s.items[6].assessed);
  CHECK_FALSE(s.items[6].band.has_value());
  CHECK(s.categories[2].items_assessed == 1);
}

TEST_CASE("overall bands of the Baldrige framework") {
  const auto tree = builtin_framework("baldrige-2023");
  // Every item at 50 %: 500 of 1000, band 4 (476-575).
  auto s = score(baldrige_all_at(50), tree);
  CHECK(s.total == points::whole(500));
  REQUIRE(s.overall);
  CHECK(s.overall->level == 4);
  CHECK(score(baldrige_all_at(60), tree).overall->level == 5);  // 600
  CHECK(score(baldrige_all_at(0), tree).overall->level == 1);
  CHECK(score(baldrige_all_at(100), tree).overall->level == 8);

  // 35 % of 45 points is 15.75: fractional totals stay exact.
  auto a = baldrige_all_at(50);
  a.items[2].percent = 35;  // 2.1 Strategy Development, 45 points: 22.5 -> 15.75
  s = score(a, tree);
  CHECK(s.total.to_string() == "493.25");
  CHECK(s.overall->level == 4);

  // A scope has no overall band; neither has an assessment with items not assessed.
  CHECK_FALSE(score(baldrige_all_at(50), tree, {"7"}).overall.has_value());
  a.items.back().percent.reset();
  a.items.back().not_assessed = true;
  s = score(a, tree);
  CHECK_FALSE(s.overall.has_value());
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0].code == errc::overall_band_withheld);
  CHECK(s.warnings[0].severity == severity::warning);
}

TEST_CASE("a percent outside its own dimension judgements is a warning, not an error") {
  const auto tree = builtin_framework("gbt19580-2012");
  auto a = example("examiner-wang.json");
  a.source = "wang.json";
  a.items[5].percent = 60;  // 4.3.2, dimensions 45-50
  const auto s = score(a, tree, {"4.3"});
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0].code == errc::percent_outside_dimensions);
  CHECK(s.warnings[0].to_string() ==
        "wang.json: items[5].percent: item 4.3.2 scores 60% but its dimension judgements span 45-50%");
  CHECK(s.total == points::share(60, 40) + points::share(45, 50));
  a.items[5].percent = 45;  // on the boundary: no warning
  CHECK(score(a, tree, {"4.3"}).warnings.empty());
}

TEST_CASE("values built in code get the same checks as files") {
  const auto tree = builtin_framework("gbt19580-2012");
  auto a = example("examiner-wang.json");
  a.source.clear();
  a.items[3].percent = 37;
  auto d = test::failure(try_score(a, tree));
  CHECK(d.to_string() == "items[3].percent: 37 is not a multiple of 5");
  a = example("examiner-wang.json");
  a.items[5].dimensions.push_back({dimension::approach, 50});
  CHECK(test::failure(try_score(a, tree)).code == errc::duplicate_id);
  a = example("examiner-wang.json");
  a.date = "12/10/2026";
  CHECK(test::failure(try_score(a, tree)).code == errc::invalid_value);
  a = example("examiner-wang.json");
  a.examiner = "\xc0\xaf";  // an overlong encoding of '/'
  CHECK(test::failure(try_score(a, tree)).code == errc::invalid_utf8);
  a = example("examiner-wang.json");
  CHECK(test::failure(try_score(a, builtin_framework("baldrige-2023"))).code == errc::framework_mismatch);
  try {
    (void)score(baldrige_all_at(55), tree);
    FAIL("expected data_error");
  } catch (const data_error& e) {
    CHECK(e.where().code == errc::framework_mismatch);
  }
}
