// Internal to the renderers: the JSON document of each result, shared by to_json and
// by the text renderers' finiteness check.
#pragma once

#include <excellence/report/json.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace excellence::inline v1::report_detail {

using ordered_json = nlohmann::ordered_json;

/// Diagnostics as a list of {code, file, path, message}.
ordered_json diagnostics(const std::vector<diagnostic>& list);

/// Throws data_error (out_of_range, naming the field) when a number is NaN or infinite.
void check_finite(const ordered_json& document);
/// check_finite, then the text with a final newline.
std::string dump(const ordered_json& document, int indent);

ordered_json document(const assessment_score& s);
ordered_json document(const consensus_result& c);
ordered_json document(const clv_fit& fit);
ordered_json document(const nps_result& r, const nps_interval& interval);
ordered_json document(const csat_result& r);
ordered_json document(const simple_clv_result& r, std::optional<time_unit> unit);
ordered_json document(const value_summary& v);
/// Without `customers`, the document lacks its per-customer list: what the text renderer
/// checks (it prints cuts, segments and concentration; a million customers' JSON objects
/// took 5 s and 740 MB to build only to be checked).
ordered_json document(const rfm_analysis& a, bool customers = true);
ordered_json document(const complaint_summary& s);
ordered_json document(const kano_table& t);
ordered_json document(const servqual_result& r);
ordered_json document(const cohort_table& t);
ordered_json document(const retention_analysis& a);
ordered_json document(const holdout_validation& v);
ordered_json document(const clv_covariate_fit& f);
ordered_json document(const results_evidence& e, const std::vector<diagnostic>& warnings);
ordered_json document(const pls_fit& fit, const pls_bootstrap_result* bootstrap, const pls_index_result* index);
ordered_json document(const pls_ipma_result& ipma);
ordered_json document(const pls_predict_result& predict);
ordered_json document(const pls_model_fit_result& fit);
ordered_json document(const pls_mga_result& mga);

}  // namespace excellence::inline v1::report_detail
