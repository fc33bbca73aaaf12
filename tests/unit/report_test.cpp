#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/text.hpp>

#include "test_support.hpp"

using namespace excellence;

TEST_CASE("display width counts Chinese characters as two columns") {
  CHECK(detail::display_width("4.3 abc") == 7);
  CHECK(detail::display_width("顾客与市场") == 10);
  CHECK(detail::display_width("（全角）") == 8);
  CHECK(detail::display_width("é") == 1);
  detail::text_table t({1});
  t.add({"顾客", "5.25"});
  t.add({"ab", "40"});
  CHECK(t.str() == "顾客  5.25\nab      40\n");
}

TEST_CASE("tree text in both languages") {
  const auto tree = builtin_framework("gbt19580-2012").subtree("4.3");
  const auto zh = render_tree(tree, language::zh);
  CHECK(zh.find("4.3 顾客与市场 (90 分, process)\n") != std::string::npos);
  CHECK(zh.find("│  ├─ 4.3.3.2.3 顾客投诉管理\n") != std::string::npos);
  CHECK(zh.find("   └─ 4.3.3.3.4 方法适应发展方向及业务需要\n") != std::string::npos);
  const auto en = render_tree(tree, language::en);
  CHECK(en.find("├─ 4.3.2 Understanding customers and markets (40 points, process)\n") != std::string::npos);
  CHECK(en.find("scope 4.3, 90 points") != std::string::npos);
}

TEST_CASE("score text shows categories, items, exact points and the total") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto s = score(read_assessment(test::source_dir / "examples/data/examiner-wang.json"), tree);
  const auto text = render_score(s, tree, language::en);
  CHECK(text.find("  4.4.3  Financial resources") != std::string::npos);
  CHECK(text.find("35%  30-45%    5.25 / 15\n") != std::string::npos);
  CHECK(text.find("total") != std::string::npos);
  CHECK(text.find("426 / 1000\n") != std::string::npos);
  CHECK(text.find("warning") == std::string::npos);
}

TEST_CASE("score JSON: numbers are numbers, exact to two decimals") {
  const auto tree = builtin_framework("gbt19580-2012");
  const auto s = score(read_assessment(test::source_dir / "examples/data/examiner-wang.json"), tree);
  const auto text = to_json(s);
  CHECK(text.find("\"score\": 5.25,") != std::string::npos);
  CHECK(text.find("\"total\": 426,") != std::string::npos);
  const auto j = nlohmann::json::parse(text);
  CHECK(j.at("total").is_number_integer());
  CHECK(j.at("max").get<int>() == 1000);
  CHECK(j.at("overall_band").is_null());
  REQUIRE(j.at("categories").size() == 7);
  CHECK(j.at("categories")[6].at("id") == "4.7");
  CHECK(j.at("categories")[6].at("score").get<double>() == 171.5);
  CHECK(j.at("categories")[6].at("max").get<int>() == 400);
  const auto& item = j.at("items")[8];
  CHECK(item.at("id") == "4.4.3");
  CHECK(item.at("percent").get<int>() == 35);
  CHECK(item.at("band") == "30-45%");
  CHECK(item.at("score").get<double>() == 5.25);
  CHECK(item.at("max").get<int>() == 15);
  CHECK(j.at("items")[5].at("dimensions").at("approach").get<int>() == 50);
}
