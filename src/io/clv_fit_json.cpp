#include <excellence/io/clv_fit_json.hpp>

#include "json_support.hpp"

#include <cmath>
#include <utility>

namespace excellence::inline v1 {

namespace {

using detail::json;
using detail::object_reader;

// The values of an object {name: number} with exactly the model's parameter names.
std::vector<double> named_numbers(const object_reader& r, const json& object, const std::string& key,
                                  const std::vector<std::string_view>& names, bool positive) {
  const field_path path(key);
  if (!object.is_object()) r.fail(errc::wrong_type, path, "expected an object: parameter name -> number");
  const object_reader values(object, path, r.file());
  for (const auto& [name, unused] : object.items()) {
    bool known = false;
    for (const auto n : names) known = known || n == name;
    if (!known) values.fail(errc::unknown_field, path.field(name), "not a parameter of this model");
  }
  std::vector<double> out;
  for (const auto name : names) {
    const auto v = values.optional_number(name);
    if (!v) values.fail(errc::missing_field, path.field(name), "the parameter is missing");
    if (!std::isfinite(*v) || (positive && !(*v > 0)))
      values.fail(errc::out_of_range, path.field(name),
                  positive ? "expected a finite number > 0" : "expected a finite number");
    out.push_back(*v);
  }
  return out;
}

// {row name: {column name: number}}: a symmetric matrix with a positive diagonal, row-major
// in the model's parameter order.
std::vector<double> covariance_of(const object_reader& r, const std::vector<std::string_view>& names) {
  const field_path path("covariance");
  const auto& object = r.at("covariance");
  if (!object.is_object()) r.fail(errc::wrong_type, path, "expected an object: parameter name -> row");
  const object_reader rows(object, path, r.file());
  for (const auto& [name, unused] : object.items()) {
    bool known = false;
    for (const auto n : names) known = known || n == name;
    if (!known) rows.fail(errc::unknown_field, path.field(name), "not a parameter of this model");
  }
  const std::size_t k = names.size();
  std::vector<double> out;
  for (const auto name : names) {
    if (!rows.has(std::string(name))) rows.fail(errc::missing_field, path.field(name), "the row is missing");
    const auto row = named_numbers(rows, rows.at(std::string(name)), std::string(name), names, false);
    out.insert(out.end(), row.begin(), row.end());
  }
  for (std::size_t i = 0; i < k; ++i) {
    if (!(out[i * k + i] > 0))
      rows.fail(errc::out_of_range, path.field(names[i]).field(names[i]), "a variance must be > 0");
    for (std::size_t j = 0; j < i; ++j)
      if (std::abs(out[i * k + j] - out[j * k + i]) > 1e-12 * std::max(std::abs(out[i * k + j]), 1e-300))
        rows.fail(errc::invalid_value, path.field(names[i]).field(names[j]), "the covariance matrix must be symmetric");
  }
  return out;
}

clv_fit fit_of(const json& doc, const std::string& file) {
  const object_reader r(doc, {}, file);
  r.require_format("excellence.clv_fit/1");
  r.allow_only({"format", "description", "notes", "model", "params", "standard_errors", "covariance", "log_likelihood",
                "converged", "evaluations", "status", "customers", "customers_left_out", "warnings"});
  for (const char* key : {"description", "notes"}) (void)r.optional_string(key);
  const auto name = r.string("model");
  const auto model = parse_clv_model(name);
  if (!model)
    r.fail(errc::invalid_value, "model",
           "\"" + name + "\" is not a model (bgnbd, pnbd, mbgnbd, ggomnbd, bgbb or gamma_gamma)");
  clv_fit fit;
  fit.model = *model;
  const auto names = parameter_names(*model);
  for (const auto n : names) fit.names.emplace_back(n);
  fit.params = named_numbers(r, r.at("params"), "params", names, true);
  if (r.has("standard_errors") && !r.at("standard_errors").is_null())
    fit.standard_errors = named_numbers(r, r.at("standard_errors"), "standard_errors", names, true);
  if (r.has("covariance") && !r.at("covariance").is_null()) fit.covariance = covariance_of(r, names);
  fit.log_likelihood = r.optional_number("log_likelihood").value_or(0);
  fit.converged = r.boolean("converged", false);
  fit.evaluations = r.optional_whole("evaluations").value_or(0);
  fit.status = r.optional_string("status").value_or("");
  fit.customers = r.optional_number("customers").value_or(0);
  if (!std::isfinite(fit.customers) || fit.customers < 0)
    r.fail(errc::out_of_range, "customers", "expected a finite number >= 0");
  fit.left_out = static_cast<std::size_t>(r.optional_whole("customers_left_out").value_or(0));
  if (r.has("warnings")) {
    const auto& list = r.at("warnings");
    if (!list.is_array()) r.fail(errc::wrong_type, "warnings", "expected an array of warnings");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const object_reader w(list[i], field_path("warnings").index(i), file);
      w.allow_only({"code", "file", "path", "message"});
      const auto code_name = w.string("code");
      const auto code = parse_errc(code_name);
      if (!code) w.fail(errc::invalid_value, "code", "\"" + code_name + "\" is not a diagnostic code");
      fit.warnings.push_back({*code, w.optional_string("file").value_or(""), 0, 0,
                              field_path(w.optional_string("path").value_or("")), w.string("message"),
                              severity::warning});
    }
  }
  return fit;
}

}  // namespace

result<clv_fit> try_parse_clv_fit(std::string_view json_text, std::string source) {
  return detail::parse_document<clv_fit>(json_text, source, fit_of);
}

result<clv_fit> try_read_clv_fit(const std::filesystem::path& file) {
  return detail::read_document<clv_fit>(file, fit_of);
}

}  // namespace excellence::inline v1
