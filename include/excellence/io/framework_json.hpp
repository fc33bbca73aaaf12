// Reading and writing framework files (format excellence.framework/1, docs/framework-format.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/criteria/tree.hpp>
#include <excellence/error.hpp>

#include <filesystem>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// Parses framework JSON text and validates the tree. `source` names the text in
/// diagnostics (a file name, or e.g. "<stdin>").
[[nodiscard]] EXCELLENCE_API result<criteria_tree> try_parse_framework(std::string_view json_text,
                                                                       std::string source = "<memory>");
[[nodiscard]] inline criteria_tree parse_framework(std::string_view json_text, std::string source = "<memory>") {
  return try_parse_framework(json_text, std::move(source)).value();
}

/// Reads a framework file; diagnostics name the path as given.
[[nodiscard]] EXCELLENCE_API result<criteria_tree> try_read_framework(const std::filesystem::path& file);
[[nodiscard]] inline criteria_tree read_framework(const std::filesystem::path& file) {
  return try_read_framework(file).value();
}

/// A built-in framework when `reference` is a built-in id, otherwise the framework file
/// it names, relative to `base_directory` unless absolute. This is how an assessment's
/// `framework` field is resolved (base = the assessment file's directory).
[[nodiscard]] EXCELLENCE_API result<criteria_tree> try_resolve_framework(
    std::string_view reference, const std::filesystem::path& base_directory = {});
/// Throwing form of try_resolve_framework: the value, or data_error with the diagnostic.
[[nodiscard]] inline criteria_tree resolve_framework(std::string_view reference,
                                                     const std::filesystem::path& base_directory = {}) {
  return try_resolve_framework(reference, base_directory).value();
}

/// The framework as JSON text in excellence.framework/1; parsing it gives an equal tree.
/// For a tree cut by subtree() the text holds that part, with its points as the total;
/// cut at a category it is itself a loadable framework, cut at an item it is not
/// (a framework's top level holds categories).
[[nodiscard]] EXCELLENCE_API std::string to_json(const criteria_tree& tree, int indent = 2);

EXCELLENCE_END_NAMESPACE
