// Reading a lifetime-value fit back from the document `excellence clv fit --json` writes
// (excellence.clv_fit/1, report/json.hpp), so that predictions need no copied numbers.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/fit.hpp>

#include <filesystem>
#include <string>
#include <string_view>

EXCELLENCE_BEGIN_NAMESPACE

/// Parses a fit document. Required: `format` ("excellence.clv_fit/1"), `model` (a
/// clv_model name) and `params` with exactly the model's parameters, each a finite number
/// > 0. Optional and typed: `standard_errors` (the same names, or null), `log_likelihood`,
/// `converged`, `evaluations`, `status`, `customers`, `left_out_without_repeat_purchases`
/// (written for Gamma-Gamma fits), and free text in `description` and `notes`. Errors name
/// the file and the JSON path.
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_parse_clv_fit(std::string_view json_text,
                                                               std::string source = "<memory>");
/// Throwing form of try_parse_clv_fit: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit parse_clv_fit(std::string_view json_text, std::string source = "<memory>") {
  return try_parse_clv_fit(json_text, std::move(source)).value();
}
[[nodiscard]] EXCELLENCE_API result<clv_fit> try_read_clv_fit(const std::filesystem::path& file);
/// Throwing form of try_read_clv_fit: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_fit read_clv_fit(const std::filesystem::path& file) { return try_read_clv_fit(file).value(); }

EXCELLENCE_END_NAMESPACE
