// PLSpredict (Shmueli, Ray, Velasquez Estrada & Chatla 2016; Shmueli et al. 2019): the
// out-of-sample predictive power of a PLS path model by repeated k-fold cross-validation.
#pragma once

#include <excellence/config.hpp>
#include <excellence/error.hpp>
#include <excellence/models/pls/estimate.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

EXCELLENCE_BEGIN_NAMESPACE

struct pls_predict_options {
  std::size_t folds = 10;        ///< k: 2 … rows
  std::size_t repetitions = 10;  ///< r: each a new random split into k folds
  std::uint64_t seed = 1;        ///< the same seed gives the same folds on every platform
};

/// The prediction errors of one indicator of an endogenous construct, each the mean over
/// the repetitions of that repetition's statistic over all rows (each predicted once, from
/// the model estimated without its fold).
struct pls_predict_indicator {
  std::string name{};
  std::string construct{};
  double rmse = 0;  ///< of the PLS predictions
  double mae = 0;
  double q2_predict = 0;  ///< 1 − SSE(PLS)/SSE(the training mean): above 0 beats the naive benchmark
  double lm_rmse = 0;     ///< of the linear-model benchmark
  double lm_mae = 0;
};

/// The cross-validated predictive ability test (CVPAT; Liengaard et al. 2021, Decision
/// Sciences 52(2)) of the model against a benchmark: per row, the loss L = mean squared
/// prediction error over the indicators tested (each averaged over the repetitions), and
/// the paired t-test of D = L(benchmark) − L(PLS) over the rows.
struct pls_cvpat_test {
  std::string benchmark{};     ///< "LM" (the linear model) or "IA" (the indicators' training averages)
  std::string construct{};     ///< an endogenous construct's indicators, or "" for all of them
  double loss_difference = 0;  ///< mean of D: above 0 the model predicts better than the benchmark
  /// t = mean(D) / (sd(D)/√n) and its p-values from Student's t with n − 1 degrees of
  /// freedom: one-sided for "the model predicts better" and two-sided; nullopt where D does
  /// not vary (the predictions do not differ).
  std::optional<double> t{};
  std::optional<double> p_better{};
  std::optional<double> p_two_sided{};
  std::size_t df = 0;
};

struct pls_predict_result {
  std::vector<pls_predict_indicator> indicators{};  ///< of the endogenous constructs, in the fit's order
  /// CVPAT against LM, then against IA: all endogenous indicators together, then per
  /// endogenous construct in model order.
  std::vector<pls_cvpat_test> cvpat{};
  std::size_t n = 0;
  std::size_t folds = 0;
  std::size_t repetitions = 0;
  std::uint64_t seed = 0;
  /// Per repetition, the fold (0 … folds − 1) of each row: to reproduce or inspect a split.
  std::vector<std::vector<std::size_t>> fold_of{};
};

/// Repeated k-fold PLSpredict with the earliest-antecedents rule (Shmueli et al. 2016): in
/// each fold the model is estimated on the other rows; a held-out row's exogenous scores
/// come from its indicators (standardised by the training means and SDs) and the training
/// weights, its endogenous constructs from the training total effects, and each of their
/// indicators from its loading (x̂ = mean + sd · loading · score). The benchmarks: the
/// training mean (for Q²_predict), and the linear model regressing each endogenous indicator
/// on the exogenous constructs' indicators by least squares. Folds: repetition r shuffles
/// the rows with Boost's mt19937_64 seeded from (seed, r) and cuts them into k near-equal
/// parts. Errors: folds < 2 or more than the rows, no repetitions, a missing value
/// (PLSpredict needs complete rows), a fold whose training rows cannot be estimated (named
/// by repetition and fold), or the errors of try_estimate_pls.
[[nodiscard]] EXCELLENCE_API result<pls_predict_result> try_pls_predict(const pls_model& model, const pls_data& data,
                                                                        const pls_options& options = {},
                                                                        const pls_predict_options& predict = {});
/// Throwing form of try_pls_predict: the value, or data_error with the diagnostic.
[[nodiscard]] inline pls_predict_result pls_predict(const pls_model& model, const pls_data& data,
                                                    const pls_options& options = {},
                                                    const pls_predict_options& predict = {}) {
  return try_pls_predict(model, data, options, predict).value();
}

EXCELLENCE_END_NAMESPACE
