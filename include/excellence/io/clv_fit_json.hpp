// Reading a lifetime-value fit back from the document `excellence clv fit --json` writes
// (excellence.clv_fit/1 and, with covariates, excellence.clv_covariate_fit/1;
// report/json.hpp), so that predictions need no copied numbers.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/clv/covariates.hpp>
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

/// Parses a covariate fit's document. Required: `format`
/// ("excellence.clv_covariate_fit/1"); `covariates` with the lists `transaction` and
/// `lifetime` of covariate names (strings, none empty or repeated in its list, not both
/// empty); `fit`, a fit as above without `format`, of the BG/NBD, Pareto/NBD or
/// GGompertz/NBD, whose `params` (and `standard_errors`, `covariance`, when given) hold the
/// model's parameters (> 0) and one coefficient per covariate, "transaction.NAME" and
/// "lifetime.NAME" (any finite number); `without`, the same model's fit without covariates;
/// `likelihood_ratio` with `statistic` (≥ 0), `degrees_of_freedom` (the number of
/// coefficients) and `p_value` (0 … 1). Optional free text: `description`, `notes`. Errors
/// name the file and the JSON path (`fit.params.transaction.member`).
[[nodiscard]] EXCELLENCE_API result<clv_covariate_fit> try_parse_clv_covariate_fit(std::string_view json_text,
                                                                                   std::string source = "<memory>");
/// Throwing form of try_parse_clv_covariate_fit: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_covariate_fit parse_clv_covariate_fit(std::string_view json_text,
                                                               std::string source = "<memory>") {
  return try_parse_clv_covariate_fit(json_text, std::move(source)).value();
}
[[nodiscard]] EXCELLENCE_API result<clv_covariate_fit> try_read_clv_covariate_fit(const std::filesystem::path& file);
/// Throwing form of try_read_clv_covariate_fit: the value, or data_error with the diagnostic.
[[nodiscard]] inline clv_covariate_fit read_clv_covariate_fit(const std::filesystem::path& file) {
  return try_read_clv_covariate_fit(file).value();
}

EXCELLENCE_END_NAMESPACE
