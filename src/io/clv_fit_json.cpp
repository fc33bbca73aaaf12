#include <excellence/io/clv_fit_json.hpp>

#include <excellence/detail/strings.hpp>
#include <excellence/models/clv/covariates.hpp>

#include "json_support.hpp"

#include <array>
#include <cmath>
#include <span>
#include <utility>

namespace excellence::inline v1 {

namespace {

using detail::json;
using detail::object_reader;

// The values of an object {name: number} at `path` with exactly these names; the first
// `positive` of them must be > 0 (the model's parameters; covariate coefficients have any sign).
std::vector<double> named_numbers(const object_reader& r, const json& object, const field_path& path,
                                  const std::vector<std::string_view>& names, std::size_t positive) {
  if (!object.is_object()) r.fail(errc::wrong_type, path, "expected an object: parameter name -> number");
  const object_reader values(object, path, r.file());
  for (const auto& [name, unused] : object.items()) {
    bool known = false;
    for (const auto n : names) known = known || n == name;
    if (!known) values.fail(errc::unknown_field, path.field(name), "not a parameter of this model");
  }
  std::vector<double> out;
  for (const auto name : names) {
    const bool must_be_positive = out.size() < positive;
    const auto v = values.optional_number(name);
    if (!v) values.fail(errc::missing_field, path.field(name), "the parameter is missing");
    if (!std::isfinite(*v) || (must_be_positive && !(*v > 0)))
      values.fail(errc::out_of_range, path.field(name),
                  must_be_positive ? "expected a finite number > 0" : "expected a finite number");
    out.push_back(*v);
  }
  return out;
}

// {row name: {column name: number}}: a symmetric matrix with a positive diagonal, row-major
// in the model's parameter order.
std::vector<double> covariance_of(const object_reader& r, const std::vector<std::string_view>& names) {
  const field_path path = r.path_of("covariance");
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
    const auto row = named_numbers(rows, rows.at(std::string(name)), path.field(name), names, 0);
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

// The fields of a fit (everything but its format), for the model's parameters and then the
// `coefficients` named (a fit with covariates: "transaction.NAME", "lifetime.NAME").
clv_fit fit_fields(const object_reader& r, const std::vector<std::string>& coefficients) {
  for (const char* key : {"description", "notes"}) (void)r.optional_string(key);
  const auto name = r.string("model");
  const auto model = parse_clv_model(name);
  if (!model)
    r.fail(errc::invalid_value, r.path_of("model"),
           "\"" + name + "\" is not a model (bgnbd, pnbd, mbgnbd, ggomnbd, bgbb or gamma_gamma)");
  clv_fit fit;
  fit.model = *model;
  auto names = parameter_names(*model);
  const std::size_t own = names.size();
  for (const auto& c : coefficients) names.push_back(c);
  for (const auto n : names) fit.names.emplace_back(n);
  fit.params = named_numbers(r, r.at("params"), r.path_of("params"), names, own);
  if (r.has("standard_errors") && !r.at("standard_errors").is_null())
    fit.standard_errors = named_numbers(r, r.at("standard_errors"), r.path_of("standard_errors"), names, names.size());
  if (r.has("covariance") && !r.at("covariance").is_null()) fit.covariance = covariance_of(r, names);
  fit.log_likelihood = r.optional_number("log_likelihood").value_or(0);
  fit.converged = r.boolean("converged", false);
  fit.evaluations = r.optional_whole("evaluations").value_or(0);
  fit.status = r.optional_string("status").value_or("");
  fit.customers = r.optional_number("customers").value_or(0);
  if (!std::isfinite(fit.customers) || fit.customers < 0)
    r.fail(errc::out_of_range, r.path_of("customers"), "expected a finite number >= 0");
  fit.left_out = static_cast<std::size_t>(r.optional_whole("customers_left_out").value_or(0));
  if (r.has("warnings")) {
    const auto& list = r.at("warnings");
    if (!list.is_array()) r.fail(errc::wrong_type, r.path_of("warnings"), "expected an array of warnings");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const object_reader w(list[i], r.path_of("warnings").index(i), r.file());
      w.allow_only({"code", "file", "path", "message"});
      const auto code_name = w.string("code");
      const auto code = parse_errc(code_name);
      if (!code) w.fail(errc::invalid_value, w.path_of("code"), "\"" + code_name + "\" is not a diagnostic code");
      fit.warnings.push_back({*code, w.optional_string("file").value_or(""), 0, 0,
                              field_path(w.optional_string("path").value_or("")), w.string("message"),
                              severity::warning});
    }
  }
  return fit;
}

// What a fit document may hold: its format, then the fields of a fit (all a fit inside a
// covariate fit's document has).
constexpr std::array<std::string_view, 14> fit_document_fields{
    "format",         "description", "notes",  "model",     "params",             "standard_errors", "covariance",
    "log_likelihood", "converged",   "evaluations", "status", "customers", "customers_left_out", "warnings"};
constexpr auto fit_object_fields = std::span(fit_document_fields).subspan<1>();

clv_fit fit_of(const json& doc, const std::string& file) {
  const object_reader r(doc, {}, file);
  r.require_format("excellence.clv_fit/1");
  r.allow_only(fit_document_fields);
  return fit_fields(r, {});
}

// A list of covariate names: strings, none empty or repeated.
std::vector<std::string> covariate_list(const object_reader& r, std::string_view key) {
  const auto path = r.path_of(key);
  const auto* list = r.array(key, true);
  auto names = detail::strings_of(r, *list, path);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) r.fail(errc::invalid_value, path.index(i), "a covariate needs a name");
    for (std::size_t j = 0; j < i; ++j)
      if (names[j] == names[i]) r.fail(errc::invalid_value, path.index(i), "\"" + names[i] + "\" is listed twice");
  }
  return names;
}

clv_covariate_fit covariate_fit_of(const json& doc, const std::string& file) {
  const object_reader r(doc, {}, file);
  r.require_format("excellence.clv_covariate_fit/1");
  r.allow_only({"format", "description", "notes", "fit", "covariates", "without", "likelihood_ratio"});
  for (const char* key : {"description", "notes"}) (void)r.optional_string(key);
  auto object = [&](std::string_view key) {
    const auto& value = r.at(key);
    if (!value.is_object()) r.fail(errc::wrong_type, r.path_of(key), "expected an object");
    return object_reader(value, r.path_of(key), file);
  };
  const auto covariates = object("covariates");
  covariates.allow_only({"transaction", "lifetime"});
  const auto transaction = covariate_list(covariates, "transaction");
  const auto lifetime = covariate_list(covariates, "lifetime");
  if (transaction.empty() && lifetime.empty())
    covariates.fail(errc::invalid_value, covariates.path(), "a fit with covariates names at least one");
  std::vector<std::string> coefficients;
  for (const auto& name : transaction)
    coefficients.push_back(std::string(clv_covariate_fit::transaction_prefix) + name);
  for (const auto& name : lifetime) coefficients.push_back(std::string(clv_covariate_fit::lifetime_prefix) + name);

  clv_covariate_fit out;
  const auto with = object("fit");
  with.allow_only(fit_object_fields);
  out.fit = fit_fields(with, coefficients);
  const auto model = out.fit.model;
  if (model != clv_model::bgnbd && model != clv_model::pnbd && model != clv_model::ggomnbd)
    with.fail(errc::model_mismatch, with.path_of("model"),
              detail::concat("covariates are for the BG/NBD, Pareto/NBD and GGompertz/NBD, not the ", title(model)));
  out.transaction_count = transaction.size();
  out.lifetime_count = lifetime.size();
  const auto without = object("without");
  without.allow_only(fit_object_fields);
  out.without = fit_fields(without, {});
  if (out.without.model != model)
    without.fail(errc::model_mismatch, without.path_of("model"),
                 detail::concat("the fit without covariates must be of the same model (", title(model), ")"));

  const auto test = object("likelihood_ratio");
  test.allow_only({"statistic", "degrees_of_freedom", "p_value"});
  const auto statistic = test.optional_number("statistic");
  if (!statistic || !std::isfinite(*statistic) || *statistic < 0)
    test.fail(errc::out_of_range, test.path_of("statistic"), "expected a finite number >= 0");
  const auto df = test.whole("degrees_of_freedom");
  if (df < 0 || static_cast<std::size_t>(df) != coefficients.size())
    test.fail(errc::invalid_value, test.path_of("degrees_of_freedom"),
              detail::concat("expected ", std::to_string(coefficients.size()), ", the number of coefficients"));
  const auto p = test.optional_number("p_value");
  if (!p || !(*p >= 0 && *p <= 1))
    test.fail(errc::out_of_range, test.path_of("p_value"), "expected a number in 0 .. 1");
  out.lr_statistic = *statistic;
  out.degrees_of_freedom = coefficients.size();
  out.p_value = *p;
  return out;
}

}  // namespace

result<clv_fit> try_parse_clv_fit(std::string_view json_text, std::string source) {
  return detail::parse_document<clv_fit>(json_text, source, fit_of);
}

result<clv_fit> try_read_clv_fit(const std::filesystem::path& file) {
  return detail::read_document<clv_fit>(file, fit_of);
}

result<clv_covariate_fit> try_parse_clv_covariate_fit(std::string_view json_text, std::string source) {
  return detail::parse_document<clv_covariate_fit>(json_text, source, covariate_fit_of);
}

result<clv_covariate_fit> try_read_clv_covariate_fit(const std::filesystem::path& file) {
  return detail::read_document<clv_covariate_fit>(file, covariate_fit_of);
}

}  // namespace excellence::inline v1
