// The error model: structured diagnostic locations (docs/error-handling.md).
#include <excellence/error.hpp>
#include <excellence/io/assessment_json.hpp>
#include <excellence/satisfaction/total_satisfaction.hpp>

#include "test_support.hpp"

#include <string>
#include <variant>

using excellence::diagnostic;
using excellence::errc;
using excellence::field_path;

TEST_CASE("field_path: segments, text form and the element it names") {
  const field_path p = field_path("items").index(3).field("percent");
  REQUIRE(p.segments().size() == 3);
  CHECK(std::get<std::string>(p.segments()[0]) == "items");
  CHECK(std::get<std::size_t>(p.segments()[1]) == 3);
  CHECK(std::get<std::string>(p.segments()[2]) == "percent");
  CHECK(p.to_string() == "items[3].percent");
  CHECK(p == "items[3].percent");
  CHECK(p.head() == "items");
  CHECK(p.leaf() == "percent");
  CHECK(p.element() == 3U);
  CHECK(p.tail().to_string() == "[3].percent");
  CHECK(field_path("touch_points").index(2).then(field_path("ratings").index(5)).to_string() ==
        "touch_points[2].ratings[5]");
  // One name is one segment, and an empty name no segment at all.
  CHECK(field_path("confidence").segments().size() == 1);
  CHECK(field_path("").empty());
  CHECK_FALSE(field_path("confidence").element().has_value());
  // A nested index: blocks[1][2] is two indices; the element is the first.
  const field_path nested = field_path("blocks").index(1).index(2);
  CHECK(nested.to_string() == "blocks[1][2]");
  CHECK(nested.element() == 1U);
  CHECK(nested.leaf() == "blocks");
  // Equality is by segments: a name that merely looks like a path is one segment.
  CHECK_FALSE(field_path("items[3].percent") == p);
  CHECK(field_path("items").index(3).field("percent") == p);
}

TEST_CASE("diagnostic: text form leaves out what is unknown") {
  diagnostic d{errc::not_multiple_of_5,    "acme.json", 0, 0, field_path("items").index(3).field("percent"),
               "37 is not a multiple of 5"};
  CHECK(d.to_string() == "acme.json: items[3].percent: 37 is not a multiple of 5");
  CHECK(d.element() == 3U);
  d.line = 4;
  d.column = 9;
  CHECK(d.to_string() == "acme.json:4:9: items[3].percent: 37 is not a multiple of 5");
  CHECK(diagnostic{errc::io_error, "", 0, 0, {}, "cannot open"}.to_string() == "cannot open");
}

TEST_CASE("readers report structured paths: the element and field of a JSON error") {
  const auto d = test::failure(excellence::try_read_assessment(test::data_dir / "errors" / "acme.json"));
  CHECK(d.code == errc::not_multiple_of_5);
  CHECK(d.element() == 3U);
  CHECK(d.path.head() == "items");
  CHECK(d.path.leaf() == "percent");
  const auto dup = test::failure(excellence::try_parse_assessment(
      R"({"format": "excellence.assessment/1", "framework": "f", "organization": "o", "examiner": "e",
          "date": "2026-01-01", "items": [{"id": "4.3.2", "percent": 50, "percent": 55}]})",
      "dup.json"));
  CHECK(dup.code == errc::duplicate_id);
  CHECK(dup.path == field_path("items").index(0).field("percent"));
}

TEST_CASE("a nested library call's path is re-rooted under the caller's element") {
  // total satisfaction calls CSAT per touch point; a bad rating is named under its touch point.
  using namespace excellence;
  const std::vector<double> good{5, 4}, bad{5, 9};
  const std::vector<touch_point_ratings> points{{"store", good}, {"phone", bad}};
  const auto d = test::failure(try_touch_point_satisfaction(points));
  CHECK(d.path == field_path("touch_points").index(1).field("ratings").index(1));
  CHECK(d.element() == 1U);
}

TEST_CASE("files people write: description and notes are free text; a typo names the field meant") {
  using excellence::try_parse_assessment;
  const std::string head = R"({"format": "excellence.assessment/1", "framework": "gbt19580-2012",
      "organization": "o", "examiner": "e", "date": "2026-01-01", )";
  CHECK(try_parse_assessment(head + R"("description": "mock audit", "notes": "draft", "items": []})").has_value());
  const auto typo = test::failure(try_parse_assessment(head + R"("examinr": "x", "items": []})", "a.json"));
  CHECK(typo.to_string() == "a.json: examinr: unknown field (did you mean \"examiner\"?)");
  // Far from every field: the list of fields there are.
  const auto far = test::failure(try_parse_assessment(head + R"("budget": 3, "items": []})", "a.json"));
  CHECK(far.message.starts_with("unknown field (expected one of: format, description, notes, "));
}
