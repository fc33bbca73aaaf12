// The C ABI: results evidence (measure definitions and series, the JSON document with the
// examiner checks, trend charts).
#include "c_api.hpp"

#include <excellence/io/csv.hpp>
#include <excellence/io/measures_json.hpp>
#include <excellence/io/series_csv.hpp>
#include <excellence/report/html.hpp>
#include <excellence/report/json.hpp>

using namespace excellence;
using namespace excellence::c_api;

extern "C" {

int exc_evidence_new(exc_evidence** out, const char* measures_json, size_t measures_length, const char* measures_source,
                     const char* series_csv, size_t series_length, const char* series_source,
                     const exc_framework* framework, const exc_evidence_options* options) {
  return guarded([&] {
    if (out == nullptr || measures_json == nullptr || series_csv == nullptr || framework == nullptr)
      return invalid("exc_evidence_new: out, measures_json, series_csv or framework is NULL");
    if (int bad = check_options(options, EXC_EVIDENCE_OPTIONS_VERSION, "exc_evidence_new")) return bad;
    evidence_options settings;
    if (options != nullptr) {
      settings.shares = {options->some, options->many, options->most};
      settings.significance = options->significance;
      settings.confidence = options->confidence;
      settings.trend_periods = options->trend_periods;
      settings.sustained_periods = options->sustained_periods;
      if (options->integration_scope != nullptr) settings.integration_scope = options->integration_scope;
    }
    auto set = try_parse_measures({measures_json, measures_length},
                                  measures_source != nullptr ? measures_source : "<measures>");
    if (!set) return fail(set.error());
    auto table = try_parse_csv({series_csv, series_length}, series_source != nullptr ? series_source : "<series>");
    if (!table) return fail(table.error());
    auto series = try_series_of(*table, *set);
    if (!series) return fail(series.error());
    auto e = try_results_evidence(*set, *series, framework->tree, settings);
    if (!e) return fail(e.error());
    *out = new exc_evidence{*std::move(e)};
    return ok;
  });
}

void exc_evidence_free(exc_evidence* evidence) {
  delete evidence;
}

int exc_evidence_to_json(exc_buf* out, const exc_evidence* evidence, const exc_assessment* const* checked,
                         size_t count) {
  return guarded([&] {
    if (out == nullptr || evidence == nullptr) return invalid("exc_evidence_to_json: out or evidence is NULL");
    if (checked == nullptr && count != 0) return invalid("exc_evidence_to_json: checked is NULL");
    std::vector<diagnostic> warnings;
    for (size_t i = 0; i < count; ++i) {
      if (checked[i] == nullptr) return invalid("exc_evidence_to_json: checked[" + std::to_string(i) + "] is NULL");
      for (auto& w : check_assessment(evidence->value, checked[i]->value)) warnings.push_back(std::move(w));
    }
    return to_buf(out, to_json(evidence->value, warnings));
  });
}

int exc_evidence_series_count(const exc_evidence* evidence) {
  return guarded([&] {
    if (evidence == nullptr) return invalid("exc_evidence_series_count: evidence is NULL");
    return static_cast<int>(evidence->value.series.size());
  });
}

int exc_evidence_trend_chart(exc_buf* out, const exc_evidence* evidence, size_t index, int lang) {
  return guarded([&] {
    if (out == nullptr || evidence == nullptr) return invalid("exc_evidence_trend_chart: out or evidence is NULL");
    const auto l = language_of(lang);
    if (!l) return unknown_language("exc_evidence_trend_chart", lang);
    if (index >= evidence->value.series.size())
      return invalid("exc_evidence_trend_chart: no series " + std::to_string(index) + " of " +
                     std::to_string(evidence->value.series.size()));
    return to_buf(out, trend_chart(evidence->value, index, *l));
  });
}

}  // extern "C"
