#include <excellence/criteria/builtin.hpp>
#include <excellence/io/framework_json.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {

const char* const minimal = R"({
  "format": "excellence.framework/1",
  "framework": "mini",
  "title_en": "Mini",
  "total_points": 50,
  "tree": [
    {"id": "1", "kind": "category", "title_en": "One", "points": 50, "evaluation": "process",
     "children": [
       {"id": "1.1", "kind": "item", "title_zh": "一", "points": 15, "evaluation": "process"},
       {"id": "1.2", "kind": "item", "title_en": "Two", "points": 35, "evaluation": "results"}
     ]}
  ]
})";

// A valid framework of `depth` general clauses, each inside the previous one.
std::string nested_generals(std::size_t depth) {
  std::string text = R"({"format": "excellence.framework/1", "framework": "deep", "total_points": 0, "tree": [)";
  std::string id = "g";
  for (std::size_t level = 0; level < depth; ++level) {
    text += R"({"id": ")" + id + R"(", "kind": "general", "title_en": "g", "children": [)";
    id += ".g";
  }
  for (std::size_t level = 0; level < depth; ++level) text += "]}";
  return text + "]}";
}

// The minimal framework with one piece of text replaced.
std::string edited(std::string_view from, std::string_view to) {
  std::string text = minimal;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

diagnostic parse_problem(const std::string& text) {
  return test::failure(try_parse_framework(text, "custom.json"));
}

}  // namespace

TEST_CASE("framework JSON: a minimal custom framework") {
  const auto tree = parse_framework(minimal, "mini.json");
  CHECK(tree.id() == "mini");
  CHECK(tree.source() == "mini.json");
  CHECK(tree.max_points() == 50);
  CHECK(title(tree.at("1.1"), language::en) == "一");  // falls back to the other language
  CHECK(tree.at("1.2").evaluation == evaluation_type::results);
}

TEST_CASE("framework JSON: built-in frameworks round-trip exactly") {
  for (auto id : builtin_framework_ids()) {
    INFO(id);
    const auto tree = builtin_framework(id);
    const auto text = to_json(tree);
    const auto again = parse_framework(text, "again.json");
    CHECK(again == tree);
    CHECK(to_json(again) == text);
  }
  // The file in the source tree is the one compiled in.
  const auto from_file = read_framework(test::source_dir / "src/frameworks/gbt19580-2012.json");
  CHECK(from_file == builtin_framework("gbt19580-2012"));
}

TEST_CASE("framework JSON: a subtree cut at a category is itself a framework file") {
  const auto part = builtin_framework("gbt19580-2012").subtree("4.3");
  const auto reloaded = parse_framework(to_json(part), "4.3.json");
  CHECK(reloaded.max_points() == 90);
  CHECK(reloaded.scored_items().size() == 2);
  CHECK(reloaded.at("4.3.3.2.3").title_zh == "顾客投诉管理");
}

TEST_CASE("framework JSON: errors name the file and the place") {
  SUBCASE("syntax error with line and column") {
    const auto d = parse_problem("{\n  \"format\": \"excellence.framework/1\",\n  \"tree\": [,]\n}");
    CHECK(d.code == errc::invalid_json);
    CHECK(d.file == "custom.json");
    CHECK(d.line == 3);
    CHECK(d.column == 12);
    CHECK(d.to_string().rfind("custom.json:3:12: invalid JSON: syntax error", 0) == 0);
  }
  SUBCASE("invalid UTF-8 with line and column") {
    const auto d = parse_problem("{\n \"format\": \"\xff\"}");
    CHECK(d.code == errc::invalid_utf8);
    CHECK(d.line == 2);
    CHECK(d.column == 13);
  }
  SUBCASE("missing or other format") {
    CHECK(parse_problem(R"({"framework": "x"})").code == errc::unknown_format);
    const auto d = parse_problem(R"({"format": "excellence.assessment/1"})");
    CHECK(d.code == errc::unknown_format);
    CHECK(d.message == "\"excellence.assessment/1\" is not \"excellence.framework/1\"");
    // The reference files are research notes, not framework files.
    const auto ref = test::failure(try_read_framework(test::data_dir / "reference/criteria/gbt19580-2012.json"));
    CHECK(ref.code == errc::unknown_format);
  }
  SUBCASE("unknown field (a typo) with its path") {
    const auto text = edited("\"points\": 35", "\"pionts\": 35");
    const auto d = parse_problem(text);
    CHECK(d.code == errc::unknown_field);
    CHECK(d.path == "tree[0].children[1].pionts");
    CHECK(d.message == "unknown field (did you mean \"points\"?)");
  }
  SUBCASE("wrong type") {
    const auto text = edited("\"points\": 15", "\"points\": \"15\"");
    const auto d = parse_problem(text);
    CHECK(d.code == errc::wrong_type);
    CHECK(d.path == "tree[0].children[0].points");
    CHECK(d.message == "expected a whole number, got string");
  }
  SUBCASE("fractional points") {
    const auto text = edited("\"points\": 15", "\"points\": 15.5");
    const auto d = parse_problem(text);
    CHECK(d.code == errc::invalid_value);
    CHECK(d.message == "15.5 is not a whole number");
  }
  SUBCASE("unknown kind or evaluation") {
    CHECK(parse_problem(edited("\"kind\": \"item\"", "\"kind\": \"clause\"")).path == "tree[0].children[0].kind");
    CHECK(parse_problem(edited("\"evaluation\": \"results\"", "\"evaluation\": \"outcome\"")).code ==
          errc::invalid_value);
  }
  SUBCASE("a key repeated in one object is not silently dropped") {
    const auto text = edited("\"points\": 15", "\"points\": 15, \"points\": 20");
    const auto d = parse_problem(text);
    CHECK(d.code == errc::duplicate_id);
    CHECK(d.path == "tree[0].children[0].points");
  }
  SUBCASE("validation after parsing keeps the file name") {
    const auto text = edited("\"points\": 35", "\"points\": 30");
    const auto d = parse_problem(text);
    CHECK(d.code == errc::points_mismatch);
    CHECK(d.to_string() == "custom.json: tree[0].points: category 1 has 50 points but its items sum to 45");
  }
  SUBCASE("an input found by fuzzing: a number that overflows a double") {
    const auto d = test::failure(try_read_framework(test::data_dir / "fuzz/framework-number-overflow.json"));
    CHECK(d.code == errc::out_of_range);
    CHECK(d.message == "number 50e55063 is too large");
    CHECK(d.line != 0);
  }
  SUBCASE("nesting deeper than max_tree_depth is refused before it can exhaust the stack") {
    CHECK(try_parse_framework(nested_generals(max_tree_depth)).has_value());
    for (std::size_t depth : {max_tree_depth + 1, std::size_t{5000}}) {
      INFO(depth);
      const auto d = parse_problem(nested_generals(depth));
      CHECK(d.code == errc::out_of_range);
      CHECK(d.message == "the tree is nested deeper than 16 levels");
    }
  }
  SUBCASE("a missing file") {
    const auto d = test::failure(try_read_framework("no/such/framework.json"));
    CHECK(d.code == errc::io_error);
    CHECK(d.file == "no/such/framework.json");
  }
}

TEST_CASE("resolving an assessment's framework reference") {
  CHECK(try_resolve_framework("baldrige-2023")->id() == "baldrige-2023");
  CHECK(try_resolve_framework("gbt19580-2012.json", test::source_dir / "src/frameworks")->id() == "gbt19580-2012");
  const auto d = test::failure(try_resolve_framework("gbt19580"));
  CHECK(d.code == errc::unknown_framework);
  CHECK(d.message.find("gbt19580-2012, baldrige-2023") != std::string::npos);
  CHECK(test::failure(try_resolve_framework("missing.json", test::data_dir)).code == errc::io_error);
}
