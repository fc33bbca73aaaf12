// Reading and writing measure definitions (format excellence.measures/1, docs/evidence.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/evidence/measure.hpp>

#include <filesystem>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// Parses measure definitions: JSON syntax, field names and types, then validate(). The
/// criteria ids are checked against a framework by check_measures (results_evidence does).
[[nodiscard]] EXCELLENCE_API result<measure_set> try_parse_measures(std::string_view json_text,
                                                                    std::string source = "<memory>");
/// Throwing form of try_parse_measures.
[[nodiscard]] inline measure_set parse_measures(std::string_view json_text, std::string source = "<memory>") {
  return try_parse_measures(json_text, std::move(source)).value();
}

[[nodiscard]] EXCELLENCE_API result<measure_set> try_read_measures(const std::filesystem::path& file);
/// Throwing form of try_read_measures.
[[nodiscard]] inline measure_set read_measures(const std::filesystem::path& file) {
  return try_read_measures(file).value();
}

/// The measure set as JSON text; parsing it gives an equal set (but for `source`).
[[nodiscard]] EXCELLENCE_API std::string to_json(const measure_set& set, int indent = 2);

EXCELLENCE_END_NAMESPACE
