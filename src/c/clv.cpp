// The C ABI: lifetime-value models.
#include "c_api.hpp"

#include <excellence/io/clv_fit_json.hpp>
#include <excellence/models/clv/bgbb.hpp>
#include <excellence/models/clv/bgnbd.hpp>
#include <excellence/models/clv/covariates.hpp>
#include <excellence/models/clv/gamma_gamma.hpp>
#include <excellence/models/clv/mbgnbd.hpp>
#include <excellence/models/clv/models.hpp>
#include <excellence/models/clv/pnbd.hpp>
#include <excellence/models/clv/transactions.hpp>
#include <excellence/models/clv/validation.hpp>
#include <excellence/models/clv/value.hpp>
#include <excellence/report/json.hpp>

#include <cmath>

struct exc_clv_summary {
  excellence::transaction_summary value;
};
struct exc_clv_fit {
  excellence::clv_fit value;
};
// The fits with and without covariates are also held as exc_clv_fit, for the fit readers.
struct exc_clv_covariate_fit {
  excellence::clv_covariate_fit value;
  exc_clv_fit with;
  exc_clv_fit without;

  explicit exc_clv_covariate_fit(excellence::clv_covariate_fit f)
      : value(std::move(f)), with{value.fit}, without{value.without} {}
};

using namespace excellence;
using namespace excellence::c_api;

namespace {

// The C enum follows clv_model's order; checked so that the two cannot drift.
static_assert(EXC_CLV_BGNBD == static_cast<int>(clv_model::bgnbd) &&
              EXC_CLV_PNBD == static_cast<int>(clv_model::pnbd) &&
              EXC_CLV_MBGNBD == static_cast<int>(clv_model::mbgnbd) &&
              EXC_CLV_BGBB == static_cast<int>(clv_model::bgbb) &&
              EXC_CLV_GAMMA_GAMMA == static_cast<int>(clv_model::gamma_gamma) &&
              EXC_CLV_GGOMNBD == static_cast<int>(clv_model::ggomnbd));
static_assert(EXC_CLV_DAYS == static_cast<int>(clv_time_unit::days) &&
              EXC_CLV_WEEKS == static_cast<int>(clv_time_unit::weeks) &&
              EXC_CLV_MONTHS == static_cast<int>(clv_time_unit::months));

// A column of the caller's data: empty when the pointer is NULL (the model then reports
// the missing column through its own length check, naming it).
std::span<const double> column(const double* p, std::size_t n) {
  return p == nullptr ? std::span<const double>{} : std::span<const double>(p, n);
}

// The caller's columns for the library's run-time model choice (models/clv/models.hpp).
clv_columns columns_of(const exc_clv_data& d) {
  return {column(d.frequency, d.count), column(d.recency, d.count), column(d.age, d.count), column(d.monetary, d.count),
          column(d.weights, d.count)};
}

// A required column that is NULL is the caller's mistake, said before the model runs.
int require(const double* p, const exc_clv_data& d, const char* name, const char* function) {
  if (p == nullptr && d.count != 0)
    return invalid(std::string(function) + ": data->" + name + " is NULL and this model needs it");
  return ok;
}

int require_columns(const exc_clv_data& d, clv_model model, const char* function) {
  if (int bad = require(d.frequency, d, "frequency", function)) return bad;
  if (model == clv_model::gamma_gamma) return require(d.monetary, d, "monetary", function);
  if (int bad = require(d.recency, d, "recency", function)) return bad;
  return require(d.age, d, "age", function);
}

// The caller's fit options (NULL: the defaults), with its progress and cancellation; `own`
// must outlive `control`.
int settings_of(const exc_clv_fit_options* options, clv_fit_options& settings, model_control& control, exc_cancel& own,
                const char* function) {
  if (int bad = check_options(options, EXC_CLV_FIT_OPTIONS_VERSION, function)) return bad;
  if (options == nullptr) return ok;
  if (options->start == nullptr && options->start_count != 0)
    return invalid(std::string(function) + ": options->start is NULL");
  if (options->start != nullptr) settings.start.assign(options->start, options->start + options->start_count);
  settings.max_evaluations = options->max_evaluations;
  settings.tolerance = options->tolerance;
  settings.threads = options->threads;
  control = c_api::control_of(options->progress, options->payload, options->cancel, own);
  return ok;
}

// The caller's covariate columns, n values each; NULL names or columns are said before the
// model runs.
int covariates_of(const exc_clv_covariates* c, std::size_t n, clv_covariates& out, const char* function) {
  if (c == nullptr) return invalid(std::string(function) + ": covariates is NULL");
  auto group = [&](const char* const* names, const double* const* columns, std::size_t count, const char* what,
                   std::vector<clv_covariate>& into) {
    if (count != 0 && (names == nullptr || columns == nullptr))
      return invalid(std::string(function) + ": covariates->" + what + "_names or ->" + what + " is NULL");
    for (std::size_t i = 0; i < count; ++i) {
      if (names[i] == nullptr || columns[i] == nullptr)
        return invalid(std::string(function) + ": covariates->" + what + "_names[" + std::to_string(i) + "] or ->" +
                       what + "[" + std::to_string(i) + "] is NULL");
      into.push_back({names[i], column(columns[i], n)});
    }
    return ok;
  };
  if (int bad = group(c->transaction_names, c->transaction, c->transaction_count, "transaction", out.transaction))
    return bad;
  return group(c->lifetime_names, c->lifetime, c->lifetime_count, "lifetime", out.lifetime);
}

// dates[i] is not a date. Out of line: inlined into read_records' loop, g++ 12 at -O3 warns
// falsely (-Wstringop-overflow) about the path's std::variant.
[[gnu::noinline, gnu::cold]] int not_a_date(size_t i, const char* text) {
  diagnostic d{errc::invalid_value, "", 0, 0, "dates", "\""};
  d.message += text;
  d.message += "\" is not a date YYYY-MM-DD";
  d.path = d.path.index(i);
  return fail(d);
}

// The caller's transactions, each date checked; the error names dates[i].
int read_records(std::vector<transaction_record>& records, const char* const* customers, const char* const* dates,
                 const double* amounts, size_t n, const char* function) {
  records.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (customers[i] == nullptr || dates[i] == nullptr)
      return invalid(std::string(function) + ": customers[" + std::to_string(i) + "] or dates[" + std::to_string(i) +
                     "] is NULL");
    const auto day = parse_date(dates[i]);
    if (!day) return not_a_date(i, dates[i]);
    records[i] = {customers[i], *day, amounts[i]};
  }
  return ok;
}

}  // namespace

extern "C" {

int exc_clv_summarize(exc_clv_summary** out, const char* const* customers, const char* const* dates,
                      const double* amounts, size_t n, const char* end, int unit) {
  return guarded([&] {
    if (out == nullptr || end == nullptr) return invalid("exc_clv_summarize: out or end is NULL");
    if (customers == nullptr || dates == nullptr || (amounts == nullptr && n != 0))
      return invalid("exc_clv_summarize: customers, dates or amounts is NULL");
    if (unit < EXC_CLV_DAYS || unit > EXC_CLV_MONTHS)
      return invalid("exc_clv_summarize: unit " + std::to_string(unit) + " is not an exc_clv_time_unit");
    const auto last = parse_date(end);
    if (!last)
      return fail(
          diagnostic{errc::invalid_value, "", 0, 0, "end", std::string("\"") + end + "\" is not a date YYYY-MM-DD"});
    std::vector<transaction_record> records;
    if (int bad = read_records(records, customers, dates, amounts, n, "exc_clv_summarize")) return bad;
    auto s = try_summarize_transactions(records, *last, static_cast<clv_time_unit>(unit));
    if (!s) return fail(s.error());
    *out = new exc_clv_summary{*std::move(s)};
    return ok;
  });
}

void exc_clv_summary_free(exc_clv_summary* summary) {
  delete summary;
}

exc_clv_data exc_clv_summary_data(const exc_clv_summary* summary) {
  if (summary == nullptr) return {nullptr, nullptr, nullptr, nullptr, nullptr, 0};
  const auto& s = summary->value;
  return {s.frequency.data(), s.recency.data(), s.age.data(), s.monetary_value.data(), nullptr, s.frequency.size()};
}

const char* exc_clv_summary_customer(const exc_clv_summary* summary, size_t i) {
  return summary == nullptr || i >= summary->value.customers.size() ? nullptr : summary->value.customers[i].c_str();
}

int exc_clv_fit_new(exc_clv_fit** out, int model, const exc_clv_data* data, const exc_clv_fit_options* options) {
  return guarded([&] {
    if (out == nullptr || data == nullptr) return invalid("exc_clv_fit_new: out or data is NULL");
    if (model < EXC_CLV_BGNBD || model > EXC_CLV_GGOMNBD)
      return invalid("exc_clv_fit_new: model " + std::to_string(model) + " is not an exc_clv_model");
    clv_fit_options settings;
    model_control control;
    exc_cancel own;
    if (int bad = settings_of(options, settings, control, own, "exc_clv_fit_new")) return bad;
    const auto m = static_cast<clv_model>(model);
    if (int bad = require_columns(*data, m, "exc_clv_fit_new")) return bad;
    auto fit = try_fit_clv(m, columns_of(*data), settings, control);
    if (!fit) return fail(fit.error());
    *out = new exc_clv_fit{*std::move(fit)};
    return ok;
  });
}

int exc_clv_fit_parse(exc_clv_fit** out, const char* json, size_t length, const char* source) {
  return guarded([&] {
    if (out == nullptr || (json == nullptr && length != 0)) return invalid("exc_clv_fit_parse: out or json is NULL");
    auto fit = try_parse_clv_fit(std::string_view(json == nullptr ? "" : json, length),
                                 source == nullptr ? "<memory>" : source);
    if (!fit) return fail(fit.error());
    *out = new exc_clv_fit{*std::move(fit)};
    return ok;
  });
}

void exc_clv_fit_free(exc_clv_fit* fit) {
  delete fit;
}

int exc_clv_fit_get_info(exc_clv_fit_info* out, const exc_clv_fit* fit) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr) return invalid("exc_clv_fit_get_info: out or fit is NULL");
    const auto& f = fit->value;
    *out = {
        static_cast<int>(f.model),         f.params.size(), f.log_likelihood, f.converged ? 1 : 0, f.evaluations,
        f.standard_errors.empty() ? 0 : 1, f.customers,     f.left_out,       f.status.c_str(),    f.warnings.size()};
    return ok;
  });
}

int exc_clv_fit_params(double* out, size_t length, const exc_clv_fit* fit) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_clv_fit_params: fit is NULL");
    return copy_out(out, length, fit->value.params, "exc_clv_fit_params");
  });
}

int exc_clv_fit_standard_errors(double* out, size_t length, const exc_clv_fit* fit) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_clv_fit_standard_errors: fit is NULL");
    if (fit->value.standard_errors.empty())
      return fail(diagnostic{errc::invalid_value, "", 0, 0, "standard_errors",
                             "the information matrix is not positive definite at the estimate: no standard errors"});
    return copy_out(out, length, fit->value.standard_errors, "exc_clv_fit_standard_errors");
  });
}

const char* exc_clv_fit_param_name(const exc_clv_fit* fit, size_t i) {
  return fit == nullptr || i >= fit->value.names.size() ? nullptr : fit->value.names[i].c_str();
}

int exc_clv_fit_to_json(exc_buf* out, const exc_clv_fit* fit) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_clv_fit_to_json: fit is NULL");
    return to_buf(out, to_json(fit->value));
  });
}

int exc_clv_predict(double* p_alive, double* expected_transactions, const exc_clv_fit* fit, const exc_clv_data* data,
                    double horizon, unsigned int threads) {
  return guarded([&] {
    if (fit == nullptr || data == nullptr) return invalid("exc_clv_predict: fit or data is NULL");
    if (int bad = require_columns(*data, fit->value.model, "exc_clv_predict")) return bad;
    auto r = try_clv_predict(fit->value, columns_of(*data), horizon, threads);
    if (!r) return fail(r.error());
    if (p_alive != nullptr) std::copy(r->p_alive.begin(), r->p_alive.end(), p_alive);
    if (expected_transactions != nullptr)
      std::copy(r->expected_transactions.begin(), r->expected_transactions.end(), expected_transactions);
    return ok;
  });
}

int exc_clv_discounted_transactions(double* out, const exc_clv_fit* fit, const exc_clv_data* data, double rate,
                                    double horizon, unsigned int threads) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr || data == nullptr)
      return invalid("exc_clv_discounted_transactions: out, fit or data is NULL");
    if (int bad = require_columns(*data, fit->value.model, "exc_clv_discounted_transactions")) return bad;
    const auto p = pnbd_params::try_from(fit->value);
    if (!p) return fail(p.error());
    const auto c = columns_of(*data);
    auto r = try_pnbd_discounted_transactions(*p, {c.frequency, c.recency, c.age, {}}, rate, horizon, threads);
    if (!r) return fail(r.error());
    std::copy(r->begin(), r->end(), out);
    return ok;
  });
}

int exc_clv_expected_spend(double* out, const exc_clv_fit* fit, const exc_clv_data* data, unsigned int threads) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr || data == nullptr)
      return invalid("exc_clv_expected_spend: out, fit or data is NULL");
    const auto g = gamma_gamma_params::try_from(fit->value);
    if (!g) return fail(g.error());
    if (int bad = require_columns(*data, clv_model::gamma_gamma, "exc_clv_expected_spend")) return bad;
    auto r =
        try_gamma_gamma_predict(*g, column(data->frequency, data->count), column(data->monetary, data->count), threads);
    if (!r) return fail(r.error());
    std::copy(r->begin(), r->end(), out);
    return ok;
  });
}

int exc_clv_residual_value(double* out, const exc_clv_fit* fit, const exc_clv_data* data, const double* spend,
                           const exc_clv_discount* discount) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr || data == nullptr || (spend == nullptr && data->count != 0))
      return invalid("exc_clv_residual_value: out, fit, data or spend is NULL");
    if (int bad = check_options(discount, EXC_CLV_DISCOUNT_VERSION, "exc_clv_residual_value")) return bad;
    const auto& f = fit->value;
    if (f.model != clv_model::bgnbd && f.model != clv_model::pnbd && f.model != clv_model::mbgnbd)
      return fail(diagnostic{
          errc::model_mismatch, "", 0, 0, "model",
          std::string("residual value needs a BG/NBD, Pareto/NBD or MBG/NBD fit, not ") + std::string(title(f.model))});
    if (int bad = require_columns(*data, f.model, "exc_clv_residual_value")) return bad;
    const auto kind = f.model == clv_model::bgnbd  ? transaction_model::bgnbd
                      : f.model == clv_model::pnbd ? transaction_model::pnbd
                                                   : transaction_model::mbgnbd;
    discounting d;
    if (discount != nullptr) d = {discount->rate, discount->period_length, discount->periods};
    const auto c = columns_of(*data);
    auto r =
        try_residual_value(kind, f.params, {c.frequency, c.recency, c.age, c.weights}, column(spend, data->count), d);
    if (!r) return fail(r.error());
    std::copy(r->begin(), r->end(), out);
    return ok;
  });
}

int exc_clv_covariate_fit_new(exc_clv_covariate_fit** out, int model, const exc_clv_data* data,
                              const exc_clv_covariates* covariates, const exc_clv_fit_options* options) {
  return guarded([&] {
    constexpr const char* function = "exc_clv_covariate_fit_new";
    if (out == nullptr || data == nullptr) return invalid(std::string(function) + ": out or data is NULL");
    if (model < EXC_CLV_BGNBD || model > EXC_CLV_GGOMNBD)
      return invalid(std::string(function) + ": model " + std::to_string(model) + " is not an exc_clv_model");
    clv_fit_options settings;
    model_control control;
    exc_cancel own;
    if (int bad = settings_of(options, settings, control, own, function)) return bad;
    const auto m = static_cast<clv_model>(model);
    if (int bad = require_columns(*data, m, function)) return bad;
    clv_covariates z;
    if (int bad = covariates_of(covariates, data->count, z, function)) return bad;
    const auto c = columns_of(*data);
    auto fit = try_fit_clv_covariates(m, {c.frequency, c.recency, c.age, c.weights}, z, settings, control);
    if (!fit) return fail(fit.error());
    *out = new exc_clv_covariate_fit(*std::move(fit));
    return ok;
  });
}

int exc_clv_covariate_fit_parse(exc_clv_covariate_fit** out, const char* json, size_t length, const char* source) {
  return guarded([&] {
    if (out == nullptr || (json == nullptr && length != 0))
      return invalid("exc_clv_covariate_fit_parse: out or json is NULL");
    auto fit = try_parse_clv_covariate_fit(std::string_view(json == nullptr ? "" : json, length),
                                           source == nullptr ? "<memory>" : source);
    if (!fit) return fail(fit.error());
    *out = new exc_clv_covariate_fit(*std::move(fit));
    return ok;
  });
}

void exc_clv_covariate_fit_free(exc_clv_covariate_fit* fit) {
  delete fit;
}

const exc_clv_fit* exc_clv_covariate_fit_with(const exc_clv_covariate_fit* fit) {
  return fit == nullptr ? nullptr : &fit->with;
}

const exc_clv_fit* exc_clv_covariate_fit_without(const exc_clv_covariate_fit* fit) {
  return fit == nullptr ? nullptr : &fit->without;
}

int exc_clv_covariate_fit_test(exc_clv_likelihood_ratio* out, const exc_clv_covariate_fit* fit) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr) return invalid("exc_clv_covariate_fit_test: out or fit is NULL");
    *out = {fit->value.lr_statistic, fit->value.degrees_of_freedom, fit->value.p_value};
    return ok;
  });
}

int exc_clv_covariate_fit_to_json(exc_buf* out, const exc_clv_covariate_fit* fit) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_clv_covariate_fit_to_json: fit is NULL");
    return to_buf(out, to_json(fit->value));
  });
}

int exc_clv_covariate_predict(double* p_alive, double* expected_transactions, const exc_clv_covariate_fit* fit,
                              const exc_clv_data* data, const exc_clv_covariates* covariates, double horizon,
                              unsigned int threads) {
  return guarded([&] {
    constexpr const char* function = "exc_clv_covariate_predict";
    if (fit == nullptr || data == nullptr) return invalid(std::string(function) + ": fit or data is NULL");
    if (int bad = require_columns(*data, fit->value.fit.model, function)) return bad;
    clv_covariates z;
    if (int bad = covariates_of(covariates, data->count, z, function)) return bad;
    const auto c = columns_of(*data);
    auto r = try_clv_covariate_predict(fit->value, {c.frequency, c.recency, c.age, {}}, z, horizon, threads);
    if (!r) return fail(r.error());
    if (p_alive != nullptr) std::copy(r->p_alive.begin(), r->p_alive.end(), p_alive);
    if (expected_transactions != nullptr)
      std::copy(r->expected_transactions.begin(), r->expected_transactions.end(), expected_transactions);
    return ok;
  });
}

int exc_clv_validate_json(exc_buf* out, const char* const* customers, const char* const* dates, const double* amounts,
                          size_t n, const char* end, const char* holdout_end, int unit, const int* models,
                          size_t model_count, size_t largest_count) {
  return guarded([&] {
    if (end == nullptr || holdout_end == nullptr) return invalid("exc_clv_validate_json: end or holdout_end is NULL");
    if (customers == nullptr || dates == nullptr || (amounts == nullptr && n != 0))
      return invalid("exc_clv_validate_json: customers, dates or amounts is NULL");
    if (models == nullptr && model_count != 0) return invalid("exc_clv_validate_json: models is NULL");
    if (unit < EXC_CLV_DAYS || unit > EXC_CLV_MONTHS)
      return invalid("exc_clv_validate_json: unit " + std::to_string(unit) + " is not an exc_clv_time_unit");
    const auto first = parse_date(end), last = parse_date(holdout_end);
    if (!first || !last) return invalid("exc_clv_validate_json: end or holdout_end is not a date YYYY-MM-DD");
    holdout_options o;
    o.models.clear();
    for (size_t m = 0; m < model_count; ++m) {
      if (models[m] < EXC_CLV_BGNBD || models[m] > EXC_CLV_GGOMNBD)
        return invalid("exc_clv_validate_json: models[" + std::to_string(m) + "] is not an exc_clv_model");
      o.models.push_back(static_cast<clv_model>(models[m]));
    }
    if (largest_count != 0) o.largest_count = largest_count;
    std::vector<transaction_record> records;
    if (int bad = read_records(records, customers, dates, amounts, n, "exc_clv_validate_json")) return bad;
    const auto data = try_split_transactions(records, *first, *last, static_cast<clv_time_unit>(unit));
    if (!data) return fail(data.error());
    const auto v = try_validate_holdout(*data, o);
    if (!v) return fail(v.error());
    return to_buf(out, to_json(*v));
  });
}

}  // extern "C"
