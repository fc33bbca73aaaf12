// Reading and writing PLS path models as JSON (excellence.pls_model/1; docs/pls.md).
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/model.hpp>

#include <filesystem>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// Parses a model: `latent_variables` (names), `path_matrix` (`[i][j] == 1`: LV j → LV i),
/// `blocks` (object: LV name → indicator names) and optional `modes` (object: LV name →
/// "A" or "B"; A when absent). Optional: `format` ("excellence.pls_model/1" when present),
/// `name`, free text in `description` and `notes`; `paths` (a list of [from, to]) is
/// checked against the path matrix. Any other field (named with the closest known one), a
/// wrong type, an unknown latent variable or an invalid model is an error naming the file
/// and the JSON path.
[[nodiscard]] EXCELLENCE_API result<pls_model> try_parse_pls_model(std::string_view json_text,
                                                                   std::string source = "<memory>");
/// Throwing form of try_parse_pls_model: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_model parse_pls_model(std::string_view json_text, std::string source = "<memory>") {
  return try_parse_pls_model(json_text, source).value();
}
/// Reads a model file: JSON (excellence.pls_model/1) when its text starts with `{`, else
/// the lavaan-style model syntax (io/pls_model_syntax.hpp). Errors name the file.
[[nodiscard]] EXCELLENCE_API result<pls_model> try_read_pls_model(const std::filesystem::path& file);

[[nodiscard]] inline pls_model read_pls_model(const std::filesystem::path& file) {
  return try_read_pls_model(file).value();
}

/// The model as an excellence.pls_model/1 document (latent_variables, path_matrix, blocks,
/// modes), which try_parse_pls_model reads back.
[[nodiscard]] EXCELLENCE_API std::string to_json(const pls_model& model, int indent = 2);

EXCELLENCE_END_NAMESPACE
