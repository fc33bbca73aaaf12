#include <excellence/criteria/builtin.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/io/framework_json.hpp>
#include <excellence/scoring/score.hpp>

#include "test_support.hpp"

using namespace excellence;

namespace {

struct expected_error {
  const char* file;
  errc code;
  const char* path;
  const char* message;  // exact message, or "" to skip
};

// Problems the reader finds on its own: syntax, fields, types, values.
const expected_error read_errors[] = {
    {"acme.json", errc::not_multiple_of_5, "items[3].percent", "37 is not a multiple of 5"},
    {"percent-over-100.json", errc::out_of_range, "items[0].percent", "105 is outside 0-100"},
    {"percent-negative.json", errc::out_of_range, "items[0].percent", "-5 is outside 0-100"},
    {"percent-fraction.json", errc::not_multiple_of_5, "items[1].percent", "37.5 is not a multiple of 5"},
    {"percent-string.json", errc::wrong_type, "items[0].percent", "expected a number, got string"},
    {"percent-null.json", errc::wrong_type, "items[0].percent", "expected a number, got null"},
    {"duplicate-item.json", errc::duplicate_id, "items[2].id", "item 4.3.2 is scored twice"},
    {"missing-percent.json", errc::missing_field, "items[1].percent", ""},
    {"percent-and-not-assessed.json", errc::invalid_value, "items[1].percent", ""},
    {"bad-date.json", errc::invalid_value, "date", "\"2026-02-30\" is not a calendar date written YYYY-MM-DD"},
    {"missing-organization.json", errc::missing_field, "organization", "required field is missing"},
    {"unknown-field.json", errc::unknown_field, "examinr", ""},
    {"wrong-format.json", errc::unknown_format, "format", ""},
    {"dimension-not-multiple.json", errc::not_multiple_of_5, "items[0].approach", "42 is not a multiple of 5"},
    {"comment-wrong-type.json", errc::wrong_type, "items[0].strengths[0]", ""},
    {"unknown-key-factor.json", errc::unknown_reference, "items[0].strengths[0].key_factors[1]",
     "key factor \"KF7\" is not among the assessment's key_factors"},
    {"duplicate-key-factor.json", errc::duplicate_id, "key_factors[1].id", "key factor KF1 is listed twice"},
    {"comment-unknown-dimension.json", errc::invalid_value, "items[0].comments[0].dimension",
     "\"learnings\" is not a dimension (approach, deployment, learning, integration, levels, trends or comparisons)"},
    {"comment-missing-type.json", errc::missing_field, "items[0].comments[0].type", ""},
    {"items-not-array.json", errc::wrong_type, "items", "expected an array, got object"},
    {"not-utf8.json", errc::invalid_utf8, "", "invalid UTF-8"},
    {"syntax.json", errc::invalid_json, "", ""},
    // Found by fuzzing: a number too large for a double must be an error, not an escape.
    {"number-overflow.json", errc::out_of_range, "", "number 5e999 is too large"},
};

// Problems found when the assessment is scored against its framework (scope 4.3).
const expected_error scoring_errors[] = {
    {"unknown-criterion.json", errc::unknown_criterion, "items[1].id", "unknown criterion \"4.3.9\" in gbt19580-2012"},
    {"not-scored.json", errc::not_a_scored_item, "items[2].id", "4.3 is a category; only items are scored"},
    {"dimension-mismatch.json", errc::dimension_mismatch, "items[0].levels",
     "levels is not judged on the process item 4.3.2"},
    {"missing-item.json", errc::missing_item, "items", ""},
    {"unknown-area.json", errc::unknown_criterion, "items[0].strengths[0].area", ""},
    {"area-outside-item.json", errc::invalid_value, "items[0].opportunities[1].area",
     "area 4.3.3.2.3 does not lie under item 4.3.2"},
    {"other-framework.json", errc::framework_mismatch, "framework", ""},
    {"comment-dimension-mismatch.json", errc::dimension_mismatch, "items[0].opportunities[0].dimension",
     "a comment on trends does not fit the process item 4.3.2"},
    {"key-theme-unknown-item.json", errc::unknown_criterion, "key_themes[0].items[1]",
     "unknown criterion \"4.3.8\" in gbt19580-2012"},
};

void check(const diagnostic& d, const expected_error& e) {
  CHECK(d.code == e.code);
  CHECK(d.file.ends_with(e.file));
  CHECK(d.path == e.path);
  if (*e.message != '\0') CHECK(d.message == e.message);
}

}  // namespace

TEST_CASE("assessment JSON: the shipped examples parse") {
  const auto a = read_assessment(test::source_dir / "examples/data/examiner-wang.json");
  CHECK(a.framework == "gbt19580-2012");
  CHECK(a.examiner == "王敏 Wang Min");
  CHECK(a.date == "2026-10-12");
  REQUIRE(a.items.size() == 23);
  const auto& customers = a.items[5];
  CHECK(customers.id == "4.3.2");
  CHECK(customers.percent == 50);
  REQUIRE(customers.dimensions.size() == 4);
  CHECK(customers.dimensions[0] == dimension_judgement{dimension::approach, 50});
  CHECK(customers.dimensions[1] == dimension_judgement{dimension::deployment, 45});
  REQUIRE(customers.strengths.size() == 2);
  CHECK(customers.strengths[0].area == "4.3.2.2.1");
  CHECK(customers.strengths[1].area.empty());
  CHECK(customers.opportunities[1].area == "4.3.2.3.2");
}

TEST_CASE("assessment JSON: round trip") {
  for (const char* name : {"examiner-wang.json", "examiner-li.json", "examiner-zhao.json"}) {
    INFO(name);
    const auto a = read_assessment(test::source_dir / "examples/data" / name);
    auto again = parse_assessment(to_json(a), a.source);
    CHECK(again == a);
  }
  assessment b;
  b.framework = "baldrige-2023";
  b.organization = "O";
  b.examiner = "E";
  b.date = "2024-02-29";
  b.source = "<memory>";  // what parse_assessment names in-memory text
  b.items.push_back({"7.2", std::nullopt, true, {}, {}, {{"no survey yet", "7.2"}}});
  b.items.push_back({"7.1", 60, false, {{dimension::levels, 60}, {dimension::trends, 55}}, {{"x", ""}}, {}});
  CHECK(parse_assessment(to_json(b)) == b);
  // The records of a feedback report: key factors and themes, comments with evidence,
  // dimension and key factors.
  b.key_factors = {{"KF1", "two key customers take 60 % of sales"}, {"KF2", "price competition from imports"}};
  b.key_themes = {{comment_type::opportunity, "no segmented listening", {"7.1", "7.2"}}};
  b.items[1].strengths.push_back(
      {"rising retention", "7.1", "retention 81 % → 88 % over 2022–2024", dimension::trends, {"KF1", "KF2"}});
  CHECK(parse_assessment(to_json(b)) == b);
}

TEST_CASE("assessment JSON: typed comment records join the list their type names") {
  const auto a = parse_assessment(R"({"format": "excellence.assessment/1", "framework": "gbt19580-2012",
    "organization": "o", "examiner": "e", "date": "2026-01-01",
    "key_factors": [{"id": "KF1", "text": "key accounts"}],
    "items": [{"id": "4.3.3", "percent": 50, "strengths": ["listed directly"],
      "comments": [{"type": "opportunity", "text": "one survey for all", "area": "4.3.3.3.1", "dimension": "deployment",
                    "evidence": "survey form 2025"},
                   {"type": "strength", "text": "24 h answer", "key_factors": ["KF1"]}]}]})");
  const auto& item = a.items[0];
  REQUIRE(item.strengths.size() == 2);
  CHECK(item.strengths[0].text == "listed directly");
  CHECK(item.strengths[1] == comment{.text = "24 h answer", .key_factors = {"KF1"}});
  REQUIRE(item.opportunities.size() == 1);
  CHECK(item.opportunities[0] ==
        comment{"one survey for all", "4.3.3.3.1", "survey form 2025", dimension::deployment, {}});
}

TEST_CASE("assessment JSON: every read error names file, JSON path and expectation") {
  for (const auto& e : read_errors) {
    INFO(e.file);
    check(test::failure(try_read_assessment(test::data_dir / "errors" / e.file)), e);
  }
  // The example of the issue, in full.
  const auto d = test::failure(try_read_assessment(std::filesystem::path("../data/errors/acme.json")));
  CHECK(d.code == errc::io_error);  // relative to the test's directory it does not exist
  const auto acme =
      test::failure(try_parse_assessment(test::read_file(test::data_dir / "errors/acme.json"), "acme.json"));
  CHECK(acme.to_string() == "acme.json: items[3].percent: 37 is not a multiple of 5");
}

TEST_CASE("assessment JSON: positions of syntax and encoding errors") {
  const auto syntax = test::failure(try_read_assessment(test::data_dir / "errors/syntax.json"));
  // nlohmann/json reports the last character it read: the closing quote of "percent",
  // the token where a ',' was expected.
  CHECK(syntax.line == 4);
  CHECK(syntax.column == 28);
  const auto overflow = test::failure(try_read_assessment(test::data_dir / "errors/number-overflow.json"));
  CHECK(overflow.line == 14);
  CHECK(overflow.column == 18);
  const auto encoding = test::failure(try_read_assessment(test::data_dir / "errors/not-utf8.json"));
  CHECK(encoding.line == 5);
  CHECK(encoding.column == 25);
}

TEST_CASE("assessment JSON: errors that need the framework are found when scoring") {
  const auto tree = builtin_framework("gbt19580-2012");
  for (const auto& e : scoring_errors) {
    INFO(e.file);
    const auto a = read_assessment(test::data_dir / "errors" / e.file);  // reads fine
    check(test::failure(try_score(a, tree, {"4.3"})), e);
  }
}
