// Throughput of the batch metrics on 10 million synthetic rows (issue 3): delivered value
// of N respondents x 4 offers, and RFM scoring of 10 million customers.
#include <excellence/loyalty/segmentation.hpp>
#include <excellence/value/batch.hpp>

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

constexpr Eigen::Index rows_total = 10'000'000;

void batch_delivered_value(benchmark::State& state) {
  // Survey-like amounts: values and costs uniform on 0-100, fixed seed.
  std::mt19937_64 engine(1);
  std::uniform_real_distribution<double> amount(0.0, 100.0);
  excellence::value_rows rows(rows_total, 8);
  for (Eigen::Index i = 0; i < rows.size(); ++i) rows.data()[i] = amount(engine);
  for (auto _ : state) benchmark::DoNotOptimize(excellence::try_batch_delivered_value(rows, 4));
  state.SetItemsProcessed(state.iterations() * rows_total);
  state.counters["rows"] = static_cast<double>(rows_total);
}
BENCHMARK(batch_delivered_value)->Unit(benchmark::kMillisecond)->Iterations(3);

void rfm_quantile(benchmark::State& state) {
  // Recency in days (exponential), frequency (geometric), spend (lognormal): skewed and
  // full of ties, like real transaction data.
  std::mt19937_64 engine(2);
  std::exponential_distribution<double> days(1.0 / 90);
  std::geometric_distribution<int> purchases(0.3);
  std::lognormal_distribution<double> spend(4.0, 1.0);
  const auto n = static_cast<std::size_t>(rows_total);
  std::vector<double> recency(n), frequency(n), monetary(n);
  for (std::size_t i = 0; i < n; ++i) {
    recency[i] = std::floor(days(engine));
    frequency[i] = 1 + purchases(engine);
    monetary[i] = spend(engine);
  }
  for (auto _ : state) benchmark::DoNotOptimize(excellence::try_rfm(recency, frequency, monetary));
  state.SetItemsProcessed(state.iterations() * rows_total);
}
BENCHMARK(rfm_quantile)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
