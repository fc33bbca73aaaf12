// The C ABI: PLS path models.
#include "c_api.hpp"

#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/io/pls_model_syntax.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/index.hpp>
#include <excellence/models/pls/ipma.hpp>
#include <excellence/models/pls/mga.hpp>
#include <excellence/models/pls/model_fit.hpp>
#include <excellence/models/pls/predict.hpp>
#include <excellence/report/json.hpp>
#include <excellence/report/pls_html.hpp>
#include <excellence/report/pls_svg.hpp>

#include <algorithm>
#include <cstdint>

struct exc_pls_model {
  excellence::pls_model value;
};
struct exc_pls_data {
  excellence::pls_data value;
};
struct exc_pls_fit {
  excellence::pls_fit value;
};
struct exc_pls_bootstrap {
  excellence::pls_bootstrap_result value;
};
struct exc_pls_index {
  excellence::pls_index_result value;
};
struct exc_pls_ipma {
  excellence::pls_ipma_result value;
};

using namespace excellence;
using namespace excellence::c_api;

namespace {

int settings_of(pls_options& out, const exc_pls_options* options, const char* function) {
  if (int bad = check_options(options, EXC_PLS_OPTIONS_VERSION, function)) return bad;
  if (options == nullptr) return ok;
  const auto& o = *options;
  if (o.scheme < EXC_PLS_CENTROID || o.scheme > EXC_PLS_PATH)
    return invalid(std::string(function) + ": scheme " + std::to_string(o.scheme) + " is not an exc_pls_scheme");
  if (o.stop < EXC_PLS_STOP_EXACT || o.stop > EXC_PLS_STOP_PLSPM)
    return invalid(std::string(function) + ": stop " + std::to_string(o.stop) + " is not an exc_pls_stop");
  if (o.missing < EXC_PLS_MISSING_ERROR || o.missing > EXC_PLS_MISSING_MEAN)
    return invalid(std::string(function) + ": missing " + std::to_string(o.missing) + " is not an exc_pls_missing");
  out.scheme = static_cast<pls_scheme>(o.scheme);
  out.standardized = o.standardized != 0;
  out.stop = static_cast<pls_stop>(o.stop);
  if (o.tolerance != 0) out.tolerance = o.tolerance;
  out.max_iterations = o.max_iterations;
  out.missing = static_cast<pls_missing>(o.missing);
  // Version 1 callers' struct ends before `consistent`.
  out.consistent = o.version >= 2 && o.consistent != 0;
  return ok;
}

template <class Reader>
int model_into(exc_pls_model** out, Reader&& reader) {
  if (out == nullptr) return invalid("out is NULL");
  auto m = reader();
  if (!m) return fail(m.error());
  *out = new exc_pls_model{*std::move(m)};
  return ok;
}

std::span<const double> vector_span(const Eigen::VectorXd& v) {
  return {v.data(), static_cast<std::size_t>(v.size())};
}
std::span<const double> matrix_span(const Eigen::MatrixXd& m) {
  return {m.data(), static_cast<std::size_t>(m.size())};
}

std::span<const double> table_of(const pls_fit& fit, int table) {
  switch (table) {
    case EXC_PLS_WEIGHTS:
      return vector_span(fit.weights);
    case EXC_PLS_LOADINGS:
      return vector_span(fit.loadings);
    case EXC_PLS_COMMUNALITY:
      return vector_span(fit.communality);
    case EXC_PLS_R2:
      return vector_span(fit.r2);
    case EXC_PLS_PATHS:
      return matrix_span(fit.paths);
    case EXC_PLS_TOTAL_EFFECTS:
      return matrix_span(fit.total_effects);
    case EXC_PLS_SCORES:
      return matrix_span(fit.scores);
    case EXC_PLS_CROSS_LOADINGS:
      return matrix_span(fit.cross_loadings);
    default:
      return {};
  }
}

bool known_table(int table) {
  return table >= EXC_PLS_WEIGHTS && table <= EXC_PLS_CROSS_LOADINGS;
}

const std::vector<pls_bootstrap_estimate>* bootstrap_table(const pls_bootstrap_result& b, int table) {
  switch (table) {
    case EXC_PLS_BOOT_WEIGHTS:
      return &b.weights;
    case EXC_PLS_BOOT_LOADINGS:
      return &b.loadings;
    case EXC_PLS_BOOT_PATHS:
      return &b.paths;
    case EXC_PLS_BOOT_TOTAL_EFFECTS:
      return &b.total_effects;
    case EXC_PLS_BOOT_INDIRECT_EFFECTS:
      return &b.indirect_effects;
    case EXC_PLS_BOOT_SPECIFIC_INDIRECT_EFFECTS:
      return &b.specific_indirect_effects;
    case EXC_PLS_BOOT_R2:
      return &b.r2;
    case EXC_PLS_BOOT_HTMT:
      return &b.htmt;
    default:
      return nullptr;
  }
}

// The progress and cancellation of a C caller's PLS options (none for NULL options).
model_control control_of(const exc_pls_options* options, exc_cancel& own) {
  return options == nullptr ? model_control{}
                            : c_api::control_of(options->progress, options->payload, options->cancel, own);
}

// The bootstrap options of a C caller (NULL: the defaults), checked: 0 or an error code.
int bootstrap_of(pls_bootstrap_options& b, const exc_pls_bootstrap_options* bootstrap, const char* function) {
  if (int bad = check_options(bootstrap, EXC_PLS_BOOTSTRAP_OPTIONS_VERSION, function)) return bad;
  if (bootstrap == nullptr) return ok;
  b.resamples = bootstrap->resamples;
  b.seed = bootstrap->seed;
  b.confidence = bootstrap->confidence;
  b.threads = bootstrap->threads;
  // Version 1 callers' struct ends before `interval`.
  if (bootstrap->version >= 2) {
    if (bootstrap->interval < EXC_PLS_PERCENTILE || bootstrap->interval > EXC_PLS_BCA)
      return invalid(std::string(function) + ": interval " + std::to_string(bootstrap->interval) +
                     " is not an exc_pls_interval");
    b.interval = static_cast<pls_interval>(bootstrap->interval);
  }
  return ok;
}

}  // namespace

extern "C" {

int exc_pls_model_read(exc_pls_model** out, const char* path) {
  return guarded([&] {
    if (path == nullptr) return invalid("exc_pls_model_read: path is NULL");
    return model_into(out, [&] { return try_read_pls_model(path); });
  });
}

int exc_pls_model_parse(exc_pls_model** out, const char* json, size_t length, const char* source) {
  return guarded([&] {
    if (json == nullptr && length != 0) return invalid("exc_pls_model_parse: json is NULL");
    return model_into(out, [&] {
      return try_parse_pls_model(std::string_view(json == nullptr ? "" : json, length),
                                 source == nullptr ? "<memory>" : source);
    });
  });
}

int exc_pls_model_parse_syntax(exc_pls_model** out, const char* text, size_t length, const char* source) {
  return guarded([&] {
    if (text == nullptr && length != 0) return invalid("exc_pls_model_parse_syntax: text is NULL");
    return model_into(out, [&] {
      return try_parse_pls_syntax(std::string_view(text == nullptr ? "" : text, length),
                                  source == nullptr ? "<memory>" : source);
    });
  });
}

int exc_pls_model_to_syntax(exc_buf* out, const exc_pls_model* model) {
  return guarded([&] {
    if (model == nullptr) return invalid("exc_pls_model_to_syntax: model is NULL");
    auto text = try_to_syntax(model->value);
    if (!text) return fail(text.error());
    return to_buf(out, *text);
  });
}

int exc_pls_model_to_json(exc_buf* out, const exc_pls_model* model) {
  return guarded([&] {
    if (model == nullptr) return invalid("exc_pls_model_to_json: model is NULL");
    return to_buf(out, to_json(model->value));
  });
}

int exc_pls_model_new(exc_pls_model** out, const char* const* latent_variables, size_t latent_count, const int* paths,
                      const size_t* block_sizes, const char* const* indicators, const int* modes) {
  return guarded([&] {
    if (out == nullptr || latent_variables == nullptr || paths == nullptr || block_sizes == nullptr ||
        indicators == nullptr)
      return invalid("exc_pls_model_new: out, latent_variables, paths, block_sizes or indicators is NULL");
    const auto names = strings(latent_variables, latent_count);
    if (!names) return invalid("exc_pls_model_new: a latent variable's name is NULL");
    pls_model m;
    m.latent_variables = *names;
    m.path_matrix.assign(latent_count, std::vector<int>(latent_count, 0));
    std::size_t next = 0;
    for (std::size_t i = 0; i < latent_count; ++i) {
      for (std::size_t j = 0; j < latent_count; ++j) m.path_matrix[i][j] = paths[i * latent_count + j];
      const auto block = strings(indicators + next, block_sizes[i]);
      if (!block) return invalid("exc_pls_model_new: an indicator's name is NULL");
      m.blocks.push_back(*block);
      next += block_sizes[i];
      const int mode = modes == nullptr ? EXC_PLS_MODE_A : modes[i];
      if (mode != EXC_PLS_MODE_A && mode != EXC_PLS_MODE_B)
        return invalid("exc_pls_model_new: modes[" + std::to_string(i) + "] is not an exc_pls_mode");
      m.modes.push_back(static_cast<pls_mode>(mode));
    }
    // The same checks as a model file gets: names, a recursive 0/1 path matrix, blocks.
    if (auto bad = check_pls_model(m)) return fail(*bad);
    *out = new exc_pls_model{std::move(m)};
    return ok;
  });
}

void exc_pls_model_free(exc_pls_model* model) {
  delete model;
}

int exc_pls_data_read(exc_pls_data** out, const char* path, const exc_pls_model* model) {
  return guarded([&] {
    if (out == nullptr || path == nullptr || model == nullptr)
      return invalid("exc_pls_data_read: out, path or model is NULL");
    auto d = try_read_pls_data(path, model->value);
    if (!d) return fail(d.error());
    *out = new exc_pls_data{*std::move(d)};
    return ok;
  });
}

int exc_pls_data_new(exc_pls_data** out, const double* values, size_t rows, size_t columns, const char* const* names,
                     const unsigned char* missing) {
  return guarded([&] {
    if (out == nullptr || (values == nullptr && rows * columns != 0))
      return invalid("exc_pls_data_new: out or values is NULL");
    const auto n = strings(names, columns);
    if (!n) return invalid("exc_pls_data_new: names or one of them is NULL");
    if (rows != 0 && columns > static_cast<size_t>(PTRDIFF_MAX) / sizeof(double) / rows)
      return invalid("exc_pls_data_new: rows x columns does not fit in memory");
    auto handle = std::make_unique<exc_pls_data>();
    handle->value.names = *n;
    const auto r = static_cast<Eigen::Index>(rows), c = static_cast<Eigen::Index>(columns);
    handle->value.values = Eigen::Map<const Eigen::MatrixXd>(values, r, c);
    if (missing != nullptr) {
      const bool any = std::any_of(missing, missing + rows * columns, [](unsigned char m) { return m != 0; });
      if (any) handle->value.missing.assign(missing, missing + rows * columns);
    }
    *out = handle.release();
    return ok;
  });
}

void exc_pls_data_free(exc_pls_data* data) {
  delete data;
}

size_t exc_pls_data_rows(const exc_pls_data* data) {
  return data == nullptr ? 0 : static_cast<size_t>(data->value.values.rows());
}

int exc_pls_estimate(exc_pls_fit** out, const exc_pls_model* model, const exc_pls_data* data,
                     const exc_pls_options* options) {
  return guarded([&] {
    if (out == nullptr || model == nullptr || data == nullptr)
      return invalid("exc_pls_estimate: out, model or data is NULL");
    pls_options settings;
    if (int bad = settings_of(settings, options, "exc_pls_estimate")) return bad;
    exc_cancel own;
    const auto control = control_of(options, own);
    auto fit = try_estimate_pls(model->value, data->value, settings, control);
    if (!fit) return fail(fit.error());
    *out = new exc_pls_fit{*std::move(fit)};
    return ok;
  });
}

void exc_pls_fit_free(exc_pls_fit* fit) {
  delete fit;
}

int exc_pls_fit_get_info(exc_pls_fit_info* out, const exc_pls_fit* fit) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr) return invalid("exc_pls_fit_get_info: out or fit is NULL");
    const auto& f = fit->value;
    *out = {f.latent_variables.size(),
            f.indicators.size(),
            f.n,
            f.rows_dropped,
            f.cells_imputed,
            f.iterations,
            f.converged ? 1 : 0,
            f.gof,
            f.warnings.size()};
    return ok;
  });
}

const char* exc_pls_fit_latent_variable(const exc_pls_fit* fit, size_t j) {
  return fit == nullptr || j >= fit->value.latent_variables.size() ? nullptr : fit->value.latent_variables[j].c_str();
}

const char* exc_pls_fit_indicator(const exc_pls_fit* fit, size_t k) {
  return fit == nullptr || k >= fit->value.indicators.size() ? nullptr : fit->value.indicators[k].c_str();
}

size_t exc_pls_fit_table_size(const exc_pls_fit* fit, int table) {
  return fit == nullptr ? 0 : table_of(fit->value, table).size();
}

int exc_pls_fit_table(double* out, size_t length, const exc_pls_fit* fit, int table) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_pls_fit_table: fit is NULL");
    if (!known_table(table)) return invalid("exc_pls_fit_table: " + std::to_string(table) + " is not an exc_pls_table");
    return copy_out(out, length, table_of(fit->value, table), "exc_pls_fit_table");
  });
}

int exc_pls_fit_path(double* out, const exc_pls_fit* fit, const char* from, const char* to) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr || from == nullptr || to == nullptr)
      return invalid("exc_pls_fit_path: out, fit, from or to is NULL");
    const auto p = fit->value.path(from, to);
    if (!p)
      return invalid(std::string("exc_pls_fit_path: ") + from + " or " + to + " is not a latent variable of the model");
    *out = *p;
    return ok;
  });
}

int exc_pls_bootstrap_new(exc_pls_bootstrap** out, const exc_pls_model* model, const exc_pls_data* data,
                          const exc_pls_options* options, const exc_pls_bootstrap_options* bootstrap) {
  return guarded([&] {
    if (out == nullptr || model == nullptr || data == nullptr)
      return invalid("exc_pls_bootstrap_new: out, model or data is NULL");
    pls_options settings;
    if (int bad = settings_of(settings, options, "exc_pls_bootstrap_new")) return bad;
    if (int bad = check_options(bootstrap, EXC_PLS_BOOTSTRAP_OPTIONS_VERSION, "exc_pls_bootstrap_new")) return bad;
    pls_bootstrap_options b;
    if (int bad = bootstrap_of(b, bootstrap, "exc_pls_bootstrap_new")) return bad;
    exc_cancel own;
    const auto control = control_of(options, own);
    auto r = try_bootstrap_pls(model->value, data->value, settings, b, control);
    if (!r) return fail(r.error());
    *out = new exc_pls_bootstrap{*std::move(r)};
    return ok;
  });
}

void exc_pls_bootstrap_free(exc_pls_bootstrap* bootstrap) {
  delete bootstrap;
}

size_t exc_pls_bootstrap_count(const exc_pls_bootstrap* bootstrap, int table) {
  if (bootstrap == nullptr) return 0;
  const auto* list = bootstrap_table(bootstrap->value, table);
  return list == nullptr ? 0 : list->size();
}

int exc_pls_bootstrap_at(exc_pls_bootstrap_estimate* out, const exc_pls_bootstrap* bootstrap, int table, size_t i) {
  return guarded([&] {
    if (out == nullptr || bootstrap == nullptr) return invalid("exc_pls_bootstrap_at: out or bootstrap is NULL");
    const auto* list = bootstrap_table(bootstrap->value, table);
    if (list == nullptr)
      return invalid("exc_pls_bootstrap_at: " + std::to_string(table) + " is not an exc_pls_bootstrap_table");
    if (i >= list->size())
      return invalid("exc_pls_bootstrap_at: entry " + std::to_string(i) + " of " + std::to_string(list->size()));
    const auto& e = (*list)[i];
    *out = {e.name.c_str(), e.estimate, e.mean, e.se, e.t, e.lo, e.hi};
    return ok;
  });
}

size_t exc_pls_bootstrap_failed(const exc_pls_bootstrap* bootstrap) {
  return bootstrap == nullptr ? 0 : bootstrap->value.failed;
}

int exc_pls_index_new(exc_pls_index** out, const exc_pls_fit* fit, const double* scale_min, const double* scale_max,
                      size_t count) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr || scale_min == nullptr || scale_max == nullptr)
      return invalid("exc_pls_index_new: out, fit, scale_min or scale_max is NULL");
    const auto p = fit->value.indicators.size();
    if (count != 1 && count != p)
      return invalid("exc_pls_index_new: count must be 1 or the number of indicators (" + std::to_string(p) + ")");
    // One pair for all indicators is spread to one per indicator.
    std::vector<double> lo(p, scale_min[0]), hi(p, scale_max[0]);
    if (count == p) {
      lo.assign(scale_min, scale_min + p);
      hi.assign(scale_max, scale_max + p);
    }
    auto r = try_pls_index(fit->value, lo, hi);
    if (!r) return fail(r.error());
    *out = new exc_pls_index{*std::move(r)};
    return ok;
  });
}

void exc_pls_index_free(exc_pls_index* index) {
  delete index;
}

int exc_pls_index_values(double* out, size_t length, const exc_pls_index* index) {
  return guarded([&] {
    if (index == nullptr) return invalid("exc_pls_index_values: index is NULL");
    return copy_out(out, length, vector_span(index->value.index), "exc_pls_index_values");
  });
}

int exc_pls_ipma_new(exc_pls_ipma** out, const exc_pls_fit* fit, const char* target, const double* scale_min,
                     const double* scale_max, size_t count) {
  return guarded([&] {
    if (out == nullptr || fit == nullptr || target == nullptr || scale_min == nullptr || scale_max == nullptr)
      return invalid("exc_pls_ipma_new: out, fit, target, scale_min or scale_max is NULL");
    const auto p = fit->value.indicators.size();
    if (count != 1 && count != p)
      return invalid("exc_pls_ipma_new: count must be 1 or the number of indicators (" + std::to_string(p) + ")");
    auto r = try_pls_ipma(fit->value, {target, {scale_min, scale_min + count}, {scale_max, scale_max + count}});
    if (!r) return fail(r.error());
    *out = new exc_pls_ipma{*std::move(r)};
    return ok;
  });
}

void exc_pls_ipma_free(exc_pls_ipma* ipma) {
  delete ipma;
}

int exc_pls_ipma_to_json(exc_buf* out, const exc_pls_ipma* ipma) {
  return guarded([&] {
    if (ipma == nullptr) return invalid("exc_pls_ipma_to_json: ipma is NULL");
    return to_buf(out, to_json(ipma->value));
  });
}

int exc_pls_ipma_new_bootstrap(exc_pls_ipma** out, const exc_pls_model* model, const exc_pls_data* data,
                               const exc_pls_options* options, const char* target, const double* scale_min,
                               const double* scale_max, size_t count, const exc_pls_bootstrap_options* bootstrap) {
  return guarded([&] {
    if (out == nullptr || model == nullptr || data == nullptr || target == nullptr || scale_min == nullptr ||
        scale_max == nullptr)
      return invalid("exc_pls_ipma_new_bootstrap: out, model, data, target, scale_min or scale_max is NULL");
    pls_options settings;
    if (int bad = settings_of(settings, options, "exc_pls_ipma_new_bootstrap")) return bad;
    pls_bootstrap_options b;
    if (int bad = bootstrap_of(b, bootstrap, "exc_pls_ipma_new_bootstrap")) return bad;
    exc_cancel own;
    const auto control = control_of(options, own);
    auto r = try_pls_ipma(model->value, data->value, settings,
                          {target, {scale_min, scale_min + count}, {scale_max, scale_max + count}}, b, control);
    if (!r) return fail(r.error());
    *out = new exc_pls_ipma{*std::move(r)};
    return ok;
  });
}

int exc_pls_ipma_to_svg(exc_buf* out, const exc_pls_ipma* ipma, int indicators) {
  return guarded([&] {
    if (ipma == nullptr) return invalid("exc_pls_ipma_to_svg: ipma is NULL");
    return to_buf(out, ipma_map_svg(ipma->value, indicators != 0));
  });
}

int exc_pls_fit_to_svg(exc_buf* out, const exc_pls_fit* fit, const exc_pls_bootstrap* bootstrap) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_pls_fit_to_svg: fit is NULL");
    return to_buf(out, path_diagram_svg(fit->value, bootstrap == nullptr ? nullptr : &bootstrap->value));
  });
}

int exc_pls_fit_to_html(exc_buf* out, const exc_pls_fit* fit, const exc_pls_bootstrap* bootstrap,
                        const exc_pls_index* index, const exc_pls_ipma* ipma, const char* subtitle, int lang) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_pls_fit_to_html: fit is NULL");
    const auto l = language_of(lang);
    if (!l) return unknown_language("exc_pls_fit_to_html", lang);
    return to_buf(out, to_html(fit->value,
                               {.bootstrap = bootstrap == nullptr ? nullptr : &bootstrap->value,
                                .index = index == nullptr ? nullptr : &index->value,
                                .ipma = ipma == nullptr ? nullptr : &ipma->value,
                                .subtitle = subtitle == nullptr ? "" : subtitle},
                               *l));
  });
}

int exc_pls_predict_json(exc_buf* out, const exc_pls_model* model, const exc_pls_data* data,
                         const exc_pls_options* options, size_t folds, size_t repetitions, uint64_t seed) {
  return guarded([&] {
    if (model == nullptr || data == nullptr) return invalid("exc_pls_predict_json: model or data is NULL");
    pls_options settings;
    if (int bad = settings_of(settings, options, "exc_pls_predict_json")) return bad;
    auto r = try_pls_predict(model->value, data->value, settings, {folds, repetitions, seed});
    if (!r) return fail(r.error());
    return to_buf(out, to_json(*r));
  });
}

int exc_pls_model_fit_json(exc_buf* out, const exc_pls_model* model, const exc_pls_data* data,
                           const exc_pls_options* options, const exc_pls_bootstrap_options* test) {
  return guarded([&] {
    if (model == nullptr || data == nullptr) return invalid("exc_pls_model_fit_json: model or data is NULL");
    pls_options settings;
    if (int bad = settings_of(settings, options, "exc_pls_model_fit_json")) return bad;
    pls_bootstrap_options b;
    if (int bad = bootstrap_of(b, test, "exc_pls_model_fit_json")) return bad;
    exc_cancel own;
    const auto control = control_of(options, own);
    auto r = try_pls_model_fit(model->value, data->value, settings,
                               {test == nullptr ? 0 : b.resamples, b.seed, b.threads}, control);
    if (!r) return fail(r.error());
    return to_buf(out, to_json(*r));
  });
}

int exc_pls_mga_json(exc_buf* out, const exc_pls_model* model, const exc_pls_data* data, const char* const* groups,
                     size_t count, const exc_pls_options* options, size_t permutations,
                     const exc_pls_bootstrap_options* henseler) {
  return guarded([&] {
    if (model == nullptr || data == nullptr || groups == nullptr)
      return invalid("exc_pls_mga_json: model, data or groups is NULL");
    pls_options settings;
    if (int bad = settings_of(settings, options, "exc_pls_mga_json")) return bad;
    pls_bootstrap_options b;
    if (int bad = bootstrap_of(b, henseler, "exc_pls_mga_json")) return bad;
    std::vector<std::string> labels;
    for (size_t i = 0; i < count; ++i) {
      if (groups[i] == nullptr) return invalid("exc_pls_mga_json: groups[" + std::to_string(i) + "] is NULL");
      labels.emplace_back(groups[i]);
    }
    exc_cancel own;
    const auto control = control_of(options, own);
    auto r = try_pls_mga(model->value, data->value, labels, settings,
                         {permutations, henseler == nullptr ? 0 : b.resamples, b.seed, b.threads}, control);
    if (!r) return fail(r.error());
    return to_buf(out, to_json(*r));
  });
}

int exc_pls_fit_to_json(exc_buf* out, const exc_pls_fit* fit, const exc_pls_bootstrap* bootstrap,
                        const exc_pls_index* index) {
  return guarded([&] {
    if (fit == nullptr) return invalid("exc_pls_fit_to_json: fit is NULL");
    return to_buf(out, to_json(fit->value, bootstrap == nullptr ? nullptr : &bootstrap->value,
                               index == nullptr ? nullptr : &index->value));
  });
}

}  // extern "C"
