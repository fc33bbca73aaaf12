// The C ABI: contractual retention models (the analysis per segment).
#include "c_api.hpp"

#include <excellence/models/retention/analysis.hpp>
#include <excellence/report/json.hpp>

struct exc_retention_analysis {
  excellence::retention_analysis value;
};

using namespace excellence;
using namespace excellence::c_api;

namespace {

static_assert(EXC_RETENTION_SBG == static_cast<int>(retention_model::sbg) &&
              EXC_RETENTION_BDW == static_cast<int>(retention_model::bdw));

// The segment, or EXC_EINVALID_ARGUMENT naming the function.
int segment_of(const retention_segment*& out, const exc_retention_analysis* analysis, size_t segment,
               const char* function) {
  if (analysis == nullptr) return invalid(std::string(function) + ": analysis is NULL");
  if (segment >= analysis->value.segments.size())
    return invalid(std::string(function) + ": segment " + std::to_string(segment) + " of " +
                   std::to_string(analysis->value.segments.size()));
  out = &analysis->value.segments[segment];
  return ok;
}

}  // namespace

extern "C" {

int exc_retention_analyse(exc_retention_analysis** out, const exc_survivor_data* data,
                          const exc_retention_options* options) {
  return guarded([&] {
    if (out == nullptr || data == nullptr) return invalid("exc_retention_analyse: out or data is NULL");
    if (data->count != 0 && (data->ages == nullptr || data->survivors == nullptr))
      return invalid("exc_retention_analyse: data->ages or data->survivors is NULL");
    if (int bad = check_options(options, EXC_RETENTION_OPTIONS_VERSION, "exc_retention_analyse")) return bad;
    const auto cohorts = strings(data->cohorts, data->count);
    if (!cohorts) return invalid("exc_retention_analyse: data->cohorts or one of its strings is NULL");
    std::vector<std::string> segments;
    if (data->segments != nullptr) {
      auto named = strings(data->segments, data->count);
      if (!named) return invalid("exc_retention_analyse: one of data->segments is NULL");
      segments = std::move(*named);
    }
    retention_analysis_options o;
    model_control control;
    exc_cancel own;
    if (options != nullptr) {
      if (options->model != EXC_RETENTION_SBG && options->model != EXC_RETENTION_BDW)
        return invalid("exc_retention_analyse: model " + std::to_string(options->model) +
                       " is not an exc_retention_model");
      o.model = static_cast<retention_model>(options->model);
      if (options->has_discount != 0) o.discount = options->discount;
      o.horizon = options->horizon;
      if (options->fit_through != 0) o.fit_through = options->fit_through;
      if (options->unit != nullptr) {
        const auto unit = time_unit_names.parse(options->unit);
        if (!unit)
          return invalid(std::string("exc_retention_analyse: unit \"") + options->unit + "\" is not " +
                         time_unit_names.choices());
        o.unit = *unit;
      }
      o.fit.max_evaluations = options->max_evaluations;
      o.fit.tolerance = options->tolerance;
      control = control_of(options->progress, options->payload, options->cancel, own);
    }
    const auto survivors =
        try_survivor_cohorts(segments, *cohorts, {data->ages, data->count}, {data->survivors, data->count});
    if (!survivors) return fail(survivors.error());
    auto a = try_analyse_retention(*survivors, o, control);
    if (!a) return fail(a.error());
    *out = new exc_retention_analysis{*std::move(a)};
    return ok;
  });
}

void exc_retention_analysis_free(exc_retention_analysis* analysis) {
  delete analysis;
}

size_t exc_retention_segment_count(const exc_retention_analysis* analysis) {
  return analysis == nullptr ? 0 : analysis->value.segments.size();
}

int exc_retention_get_segment(exc_retention_segment* out, const exc_retention_analysis* analysis, size_t segment) {
  return guarded([&] {
    const retention_segment* s = nullptr;
    if (int bad = segment_of(s, analysis, segment, "exc_retention_get_segment")) return bad;
    if (out == nullptr) return invalid("exc_retention_get_segment: out is NULL");
    const auto& f = s->fit;
    *out = {s->segment.c_str(),
            f.cohorts,
            f.customers,
            f.params.size(),
            f.log_likelihood,
            f.converged ? 1 : 0,
            f.evaluations,
            f.standard_errors.empty() ? 0 : 1,
            s->expected_lifetime ? 1 : 0,
            s->expected_lifetime.value_or(0.0),
            s->ages.size(),
            s->renewals.size(),
            f.warnings.size()};
    return ok;
  });
}

int exc_retention_params(double* out, size_t length, const exc_retention_analysis* analysis, size_t segment) {
  return guarded([&] {
    const retention_segment* s = nullptr;
    if (int bad = segment_of(s, analysis, segment, "exc_retention_params")) return bad;
    return copy_out(out, length, s->fit.params, "exc_retention_params");
  });
}

int exc_retention_standard_errors(double* out, size_t length, const exc_retention_analysis* analysis, size_t segment) {
  return guarded([&] {
    const retention_segment* s = nullptr;
    if (int bad = segment_of(s, analysis, segment, "exc_retention_standard_errors")) return bad;
    if (s->fit.standard_errors.empty())
      return fail(diagnostic{errc::invalid_value, "", 0, 0, "standard_errors",
                             "the information matrix is not positive definite at the estimate: no standard errors"});
    return copy_out(out, length, s->fit.standard_errors, "exc_retention_standard_errors");
  });
}

int exc_retention_survival(double* out, size_t length, const exc_retention_analysis* analysis, size_t segment) {
  return guarded([&] {
    const retention_segment* s = nullptr;
    if (int bad = segment_of(s, analysis, segment, "exc_retention_survival")) return bad;
    std::vector<double> values;
    for (const auto& row : s->ages) values.push_back(row.survival);
    return copy_out(out, length, values, "exc_retention_survival");
  });
}

int exc_retention_residual_lifetime(double* out, size_t length, const exc_retention_analysis* analysis,
                                    size_t segment) {
  return guarded([&] {
    const retention_segment* s = nullptr;
    if (int bad = segment_of(s, analysis, segment, "exc_retention_residual_lifetime")) return bad;
    std::vector<double> values;
    for (const auto& r : s->renewals) values.push_back(r.residual_lifetime);
    return copy_out(out, length, values, "exc_retention_residual_lifetime");
  });
}

int exc_retention_analysis_to_json(exc_buf* out, const exc_retention_analysis* analysis) {
  return guarded([&] {
    if (analysis == nullptr) return invalid("exc_retention_analysis_to_json: analysis is NULL");
    return to_buf(out, to_json(analysis->value));
  });
}

}  // extern "C"
