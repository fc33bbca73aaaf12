// PLS path modeling speed (issue 4): one estimation and a 5000-resample bootstrap of the
// ECSI model on plspm's satisfaction data (250 x 27), and estimation on synthetic data of
// 10^4 ... 10^7 rows drawn from a known population model (the one of
// the team's synthetic-data generator for the ECSI model: its paths and standardised loadings).
#include <excellence/io/csv.hpp>
#include <excellence/io/pls_data.hpp>
#include <excellence/io/pls_model_json.hpp>
#include <excellence/models/pls/bootstrap.hpp>
#include <excellence/models/pls/estimate.hpp>
#include <excellence/models/pls/mga.hpp>
#include <excellence/models/pls/model_fit.hpp>
#include <excellence/models/pls/predict.hpp>

#include <benchmark/benchmark.h>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace excellence;

const std::filesystem::path test_data{EXCELLENCE_TEST_DATA};

struct satisfaction {
  pls_model model = read_pls_model(test_data / "pls" / "satisfaction_model.json");
  csv_table table = try_read_csv(test_data / "pls" / "satisfaction.csv").value();
  pls_data data = try_pls_data(table, model).value();
  std::vector<std::string> gender = table.texts("gender");
};

const satisfaction& survey() {
  static const satisfaction s;
  return s;
}

void estimate_satisfaction(benchmark::State& state) {
  const auto& s = survey();
  for (auto _ : state) benchmark::DoNotOptimize(try_estimate_pls(s.model, s.data, {.scheme = pls_scheme::path}));
}
BENCHMARK(estimate_satisfaction)->Unit(benchmark::kMicrosecond);

void bootstrap_satisfaction(benchmark::State& state) {
  const auto& s = survey();
  for (auto _ : state)
    benchmark::DoNotOptimize(try_bootstrap_pls(s.model, s.data, {.scheme = pls_scheme::path}, {.resamples = 5000}));
}
BENCHMARK(bootstrap_satisfaction)->Unit(benchmark::kMillisecond)->Iterations(5);

// Issue 14's target: BCa intervals (5000 resamples and the 250-row jackknife) of every
// weight, loading, path, effect, specific indirect effect, R² and HTMT ≤ 0.2 s; and the
// same with consistent PLS.
void bca_satisfaction(benchmark::State& state) {
  const auto& s = survey();
  const pls_options options{.scheme = pls_scheme::path, .consistent = state.range(0) != 0};
  for (auto _ : state)
    benchmark::DoNotOptimize(
        try_bootstrap_pls(s.model, s.data, options, {.resamples = 5000, .interval = pls_interval::bca}));
}
BENCHMARK(bca_satisfaction)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);

// Issue 14's target: PLSpredict with 10 folds × 10 repetitions ≤ 50 ms (100 estimations on
// 225 rows, the held-out predictions, the linear benchmark).
void predict_satisfaction(benchmark::State& state) {
  const auto& s = survey();
  for (auto _ : state) benchmark::DoNotOptimize(try_pls_predict(s.model, s.data, {}, {.folds = 10, .repetitions = 10}));
}
BENCHMARK(predict_satisfaction)->Unit(benchmark::kMillisecond);

// Issue 14's target: a 5000-permutation MGA ≤ 0.5 s (men and women of the satisfaction
// data: 10,000 group estimations and MICOM's statistics); with Henseler's MGA (5000
// resamples per group) as well for Arg(1).
void mga_satisfaction(benchmark::State& state) {
  const auto& s = survey();
  const pls_mga_options mga{.permutations = 5000, .resamples = state.range(0) != 0 ? 5000U : 0U};
  for (auto _ : state) benchmark::DoNotOptimize(try_pls_mga(s.model, s.data, s.gender, {}, mga));
}
BENCHMARK(mga_satisfaction)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(5);

// The exact-fit test with 5000 resamples (both the saturated and the estimated model).
void fit_test_satisfaction(benchmark::State& state) {
  const auto& s = survey();
  for (auto _ : state) benchmark::DoNotOptimize(try_pls_model_fit(s.model, s.data, {}, {.resamples = 5000}));
}
BENCHMARK(fit_test_satisfaction)->Unit(benchmark::kMillisecond)->Iterations(5);

// Rows from the population model: LVs in causal order with unit variance,
// indicator = loading × LV + noise with variance 1 − loading².
pls_data synthetic(const pls_model& model, Eigen::Index rows) {
  const std::map<std::pair<std::string, std::string>, double> paths{
      {{"IMAG", "EXPE"}, 0.56}, {{"EXPE", "QUAL"}, 0.85}, {{"EXPE", "VAL"}, 0.12}, {{"QUAL", "VAL"}, 0.66},
      {{"IMAG", "SAT"}, 0.18},  {{"EXPE", "SAT"}, 0.01},  {{"QUAL", "SAT"}, 0.14}, {{"VAL", "SAT"}, 0.58},
      {{"IMAG", "LOY"}, 0.29},  {{"SAT", "LOY"}, 0.47}};
  const std::map<std::string, double> loadings{
      {"imag1", 0.75}, {"imag2", 0.89}, {"imag3", 0.86}, {"imag4", 0.64}, {"imag5", 0.69}, {"expe1", 0.79},
      {"expe2", 0.82}, {"expe3", 0.73}, {"expe4", 0.77}, {"expe5", 0.82}, {"qual1", 0.79}, {"qual2", 0.87},
      {"qual3", 0.76}, {"qual4", 0.82}, {"qual5", 0.81}, {"val1", 0.86},  {"val2", 0.83},  {"val3", 0.76},
      {"val4", 0.82},  {"sat1", 0.91},  {"sat2", 0.91},  {"sat3", 0.83},  {"sat4", 0.82},  {"loy1", 0.89},
      {"loy2", 0.72},  {"loy3", 0.88},  {"loy4", 0.71}};
  const auto J = static_cast<Eigen::Index>(model.latent_variables.size());
  // Structural coefficients B (to, from) and the disturbance SD giving each LV variance 1.
  Eigen::MatrixXd B = Eigen::MatrixXd::Zero(J, J);
  for (const auto& [pair, beta] : paths)
    B(static_cast<Eigen::Index>(*model.find(pair.second)), static_cast<Eigen::Index>(*model.find(pair.first))) = beta;
  Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(J, J);  // LV covariance, built in causal order
  Eigen::VectorXd noise_sd(J);
  for (Eigen::Index k = 0; k < J; ++k) {
    const Eigen::VectorXd b = B.row(k).head(k).transpose();
    const double explained = b.dot(cov.topLeftCorner(k, k) * b);
    noise_sd(k) = std::sqrt(1 - explained);
    for (Eigen::Index i = 0; i < k; ++i) cov(k, i) = cov(i, k) = cov.row(i).head(k).dot(b);
    cov(k, k) = 1;
  }
  pls_data data;
  for (const auto& block : model.blocks)
    for (const auto& name : block) data.names.push_back(name);
  data.values.resize(rows, static_cast<Eigen::Index>(data.names.size()));
  boost::random::mt19937_64 engine(42);
  boost::random::normal_distribution<double> normal;
  Eigen::VectorXd eta(J);
  for (Eigen::Index r = 0; r < rows; ++r) {
    for (Eigen::Index k = 0; k < J; ++k) eta(k) = B.row(k).head(k).dot(eta.head(k)) + noise_sd(k) * normal(engine);
    Eigen::Index c = 0;
    for (std::size_t j = 0; j < model.blocks.size(); ++j)
      for (const auto& name : model.blocks[j]) {
        const double l = loadings.at(name);
        data.values(r, c++) = l * eta(static_cast<Eigen::Index>(j)) + std::sqrt(1 - l * l) * normal(engine);
      }
  }
  return data;
}

void estimate_synthetic(benchmark::State& state) {
  const auto& model = survey().model;
  const auto data = synthetic(model, state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(try_estimate_pls(model, data, {.scheme = pls_scheme::path}));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(estimate_synthetic)
    ->Unit(benchmark::kMillisecond)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
