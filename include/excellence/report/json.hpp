// JSON renderings of results, as the `excellence` command prints them with --json.
#pragma once

#include <excellence/config.hpp>
#include <excellence/models/clv/fit.hpp>
#include <excellence/scoring/consensus.hpp>
#include <excellence/scoring/score.hpp>

#include <string>

EXCELLENCE_BEGIN_NAMESPACE

/// {"framework", "scope", "organization", "examiner", "date", "total", "max",
///  "assessed_max", "overall_band", "categories": [{"id","score","max",...}],
///  "items": [{"id","category","evaluation","assessed","percent","band","score","max"}],
///  "not_assessed", "outside_scope", "warnings"}. Points are JSON numbers with at most
/// two decimals (docs/command.md lists every field).
[[nodiscard]] EXCELLENCE_API std::string to_json(const assessment_score& s, int indent = 2);

/// {"framework", "scope", "organization", "flag_range", "scores": [...as above...],
///  "consensus": [{"id","n","percents","mean","median","min","max","range",
///  "standard_deviation","proposed","flagged"}]}.
[[nodiscard]] EXCELLENCE_API std::string to_json(const consensus_result& c, int indent = 2);

/// The document `excellence clv fit --json` writes and `--fit` reads back
/// (io/clv_fit_json.hpp): {"format": "excellence.clv_fit/1", "model", "params": {name:
/// value}, "standard_errors": {name: value} or null, "log_likelihood", "converged",
/// "evaluations", "status", "customers"}. Counts are JSON integers; "customers" (Σ weights)
/// is an integer when whole. Schema: docs/clv_fit.schema.json.
[[nodiscard]] EXCELLENCE_API std::string to_json(const clv_fit& fit, int indent = 2);

EXCELLENCE_END_NAMESPACE
