// Reading results evidence from its two files: the measure definitions and their series.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/evidence/results_evidence.hpp>

#include <filesystem>

EXCELLENCE_BEGIN_NAMESPACE

/// The evidence of a measures file (excellence.measures/1) and its series CSV: reads both,
/// resolves the framework the measures name (a built-in id, or a framework file relative
/// to the measures file) and computes try_results_evidence. Errors are those of each step,
/// each naming its file (a bad option: out_of_range at options.NAME).
[[nodiscard]] EXCELLENCE_API result<results_evidence> try_read_results_evidence(const std::filesystem::path& measures,
                                                                                const std::filesystem::path& series,
                                                                                const evidence_options& options = {});
/// Throwing form of try_read_results_evidence.
[[nodiscard]] inline results_evidence read_results_evidence(const std::filesystem::path& measures,
                                                            const std::filesystem::path& series,
                                                            const evidence_options& options = {}) {
  return try_read_results_evidence(measures, series, options).value();
}

EXCELLENCE_END_NAMESPACE
