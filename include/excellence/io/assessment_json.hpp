// Reading and writing assessment files (format excellence.assessment/1, docs/assessment-format.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/scoring/assessment.hpp>

#include <filesystem>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// Parses assessment JSON text: JSON syntax, field names and types, then validate().
/// Checks that need the framework (unknown ids, dimensions that do not fit) happen when
/// the assessment is scored. The result's `source` is set to `source`.
[[nodiscard]] EXCELLENCE_API result<assessment> try_parse_assessment(std::string_view json_text,
                                                                     std::string source = "<memory>");
[[nodiscard]] inline assessment parse_assessment(std::string_view json_text, std::string source = "<memory>") {
  return try_parse_assessment(json_text, std::move(source)).value();
}

[[nodiscard]] EXCELLENCE_API result<assessment> try_read_assessment(const std::filesystem::path& file);
[[nodiscard]] inline assessment read_assessment(const std::filesystem::path& file) {
  return try_read_assessment(file).value();
}

/// The assessment as JSON text; parsing it gives an equal assessment (but for `source`).
[[nodiscard]] EXCELLENCE_API std::string to_json(const assessment& a, int indent = 2);

EXCELLENCE_END_NAMESPACE
