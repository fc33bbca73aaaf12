// JSON documents of results: what `excellence … --json` prints, and what the bindings
// and the HTML report reuse. Every document names its format and version in "format"
// ("excellence.pls_fit/1"), is described by docs/schemas/<name>.schema.json, and holds
// only finite numbers and UTF-8 text: a result with a NaN or an infinity (an overflow that
// escaped its computation) is refused with data_error (errc::out_of_range, the field's
// path) rather than printed as null, and a label that is not UTF-8 with errc::invalid_utf8. Counts are JSON integers.
// docs/reports.md lists the documents.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/fwd.hpp>
#include <excellence/period.hpp>

#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

/// excellence.score/1: {"format", "framework", "scope", "organization", "examiner",
///  "date", "total", "max", "assessed_max", "overall_band", "categories", "items",
///  "not_assessed", "outside_scope", "warnings"}. Points are JSON numbers with at most two
/// decimals.
[[nodiscard]] EXCELLENCE_API std::string to_json(const assessment_score& s, int indent = 2);

/// excellence.consensus/1: {"format", "framework", "scope", "organization",
///  "flag_range", "scores": [score objects], "consensus": [{"id", "n", "percents",
///  "mean", "median", "min", "max", "range", "standard_deviation", "proposed",
///  "flagged"}]}.
[[nodiscard]] EXCELLENCE_API std::string to_json(const consensus_result& c, int indent = 2);

/// excellence.clv_fit/1, which `--fit` reads back (io/clv_fit_json.hpp): {"format",
/// "model", "params": {name: value}, "standard_errors": {name: value} or null,
/// "log_likelihood", "converged", "evaluations", "status", "customers",
/// "customers_left_out", "warnings"}.
[[nodiscard]] EXCELLENCE_API std::string to_json(const clv_fit& fit, int indent = 2);

/// excellence.clv_covariate_fit/1: {"format", "fit" (the fit with covariates, as
/// excellence.clv_fit/1 without "format": the model's parameters then "transaction.NAME" and
/// "lifetime.NAME"), "covariates": {"transaction": [names], "lifetime": [names]}, "without"
/// (the nested fit, likewise), "likelihood_ratio": {"statistic", "degrees_of_freedom",
/// "p_value"}}.
[[nodiscard]] EXCELLENCE_API std::string to_json(const clv_covariate_fit& fit, int indent = 2);

/// excellence.clv_validation/1: the calibration and holdout dates, customers and holdout
/// transactions; per model its fit (as excellence.clv_fit/1 without "format") with AIC, BIC,
/// MAE, RMSE, correlation, expected total, aggregate error, tracking MAPEs and the histogram's
/// χ²; the tracking table, the calibration histogram and the holdout by calibration
/// frequency, each model's expectations keyed by its name.
[[nodiscard]] EXCELLENCE_API std::string to_json(const holdout_validation& v, int indent = 2);

/// excellence.nps/1: the score, its counts and the interval.
[[nodiscard]] EXCELLENCE_API std::string to_json(const nps_result& r, const nps_interval& interval, int indent = 2);

/// excellence.csat/1: the top-box share with its Wilson interval, the mean rating, the scale.
[[nodiscard]] EXCELLENCE_API std::string to_json(const csat_result& r, int indent = 2);

/// excellence.clv_simple/1: lifetime value, margin multiple, average life (null when
/// infinite), timing and horizon. `unit` names what the rates are per (null when not said).
[[nodiscard]] EXCELLENCE_API std::string to_json(const simple_clv_result& r, std::optional<time_unit> unit = {},
                                                 int indent = 2);

/// excellence.value/1: per offer the mean value, cost, delivered value, value ratio and
/// preferred share (and logit share), and the preferred set.
[[nodiscard]] EXCELLENCE_API std::string to_json(const value_summary& v, int indent = 2);

/// excellence.rfm/1: cut points, every customer's scores and segment, segment counts,
/// Gini and top-20 % share (null when undefined).
[[nodiscard]] EXCELLENCE_API std::string to_json(const rfm_analysis& a, int indent = 2);

/// excellence.complaints/1: counts, Kaplan–Meier median and 90th percentile (null when
/// not reached), restricted mean, share within the limit, FCR and reopen rate.
[[nodiscard]] EXCELLENCE_API std::string to_json(const complaint_summary& s, int indent = 2);

/// excellence.kano/1: per attribute the counts, category, Better, Worse and strengths.
[[nodiscard]] EXCELLENCE_API std::string to_json(const kano_table& t, int indent = 2);

/// excellence.servqual/1: per item and dimension perception, expectation and gap; the
/// unweighted and weighted scores.
[[nodiscard]] EXCELLENCE_API std::string to_json(const servqual_result& r, int indent = 2);

/// excellence.retention/1: the cohorts with their retention and active shares by age,
/// labelled as the input labelled its periods.
[[nodiscard]] EXCELLENCE_API std::string to_json(const cohort_table& t, int indent = 2);

/// excellence.retention_fit/1: the model, unit, discount, horizon and fit_through; per
/// segment the estimates and standard errors, log-likelihood, AIC, convergence, the
/// projection by age beside the observed values, DEL and per renewal count DERL and (sBG)
/// the retention elasticity, warnings.
[[nodiscard]] EXCELLENCE_API std::string to_json(const retention_analysis& a, int indent = 2);

/// excellence.pls_fit/1: settings, convergence, weights, loadings, paths, total effects,
/// R², block quality, GoF, warnings; with a bootstrap its estimates, with an index the
/// 0–100 index per latent variable (either may be null).
[[nodiscard]] EXCELLENCE_API std::string to_json(const pls_fit& fit, const pls_bootstrap_result* bootstrap = nullptr,
                                                 const pls_index_result* index = nullptr, int indent = 2);

/// excellence.pls_ipma/1: target, its performance, crosshair and lines, the constructs and
/// the indicators (name, construct, importance, performance, quadrant, on the lines), the
/// rescaled weights, warnings.
[[nodiscard]] EXCELLENCE_API std::string to_json(const pls_ipma_result& ipma, int indent = 2);

/// excellence.pls_predict/1: n, folds, repetitions, seed, and per indicator of the
/// endogenous constructs its construct, RMSE, MAE, Q²_predict and the linear benchmark's
/// RMSE and MAE; the CVPAT tests (benchmark, construct or null for all, loss difference, t,
/// p-values, degrees of freedom).
[[nodiscard]] EXCELLENCE_API std::string to_json(const pls_predict_result& predict, int indent = 2);

/// excellence.pls_model_fit/1: n, common_factor, resamples, seed, per variant (saturated,
/// estimated) the resamples that succeeded, SRMR, d_ULS and d_G with their exact-fit
/// quantiles and p-values (null without the test) and the implied correlations; the
/// indicators and their observed correlations; warnings.
[[nodiscard]] EXCELLENCE_API std::string to_json(const pls_model_fit_result& fit, int indent = 2);

/// excellence.pls_mga/1: the two groups and their sizes, permutations (and how many
/// succeeded), resamples, seed; per path, weight and loading both groups' estimates, the
/// difference, the permutation p-value and Henseler's probability (null without
/// resamples); per construct MICOM's c, its 5 % quantile and p-value, and the mean and log
/// variance differences with their permutation intervals and p-values; warnings.
[[nodiscard]] EXCELLENCE_API std::string to_json(const pls_mga_result& mga, int indent = 2);

/// excellence.evidence/1: {"format", "framework", "organization", "period_unit",
///  "options", "definitions" (requirements, segments, comparisons, measures with their
///  names), "series": [{"measure", "segment", "key", "better", "unit", "level",
///  "trend", "comparisons", "favourable", "leading", "points"}], "items": [{"item",
///  "measures", "unmeasured", "shares", "integration", "support", "min_percent",
///  "max_percent"}], "warnings"}; `warnings` are those of check_assessment, when an
/// examiner's assessment was checked against the evidence (docs/evidence.md).
[[nodiscard]] EXCELLENCE_API std::string to_json(const results_evidence& e,
                                                 const std::vector<diagnostic>& warnings = {}, int indent = 2);

EXCELLENCE_END_NAMESPACE
